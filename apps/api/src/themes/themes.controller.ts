import { Controller, Inject, Param } from '@nestjs/common';
import {
  type DecideSuggestionRequest,
  type MergeThemesRequest,
  type MoveCommentsRequest,
  routes,
  type SplitThemeRequest,
  type TagCommentRequest,
  type TagRequest,
  type TagUpdate,
  type ThemeRunRequest,
  type UpdateThemeRequest,
  type UpdateThemeSettingsRequest,
} from '@razgovor/contracts';
import { TagsService, ThemeCurationService, ThemesReadingService, type User } from '@razgovor/core';
import { z } from 'zod';
import { IdParam, OptionalUser } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';

type CommentsQuery = z.infer<typeof routes.listThemeComments.query>;

function languageOf(user: User | null): 'bg' | 'en' {
  return user?.locale === 'en' ? 'en' : 'bg';
}

@Controller()
export class ThemesController {
  constructor(
    @Inject(ThemesReadingService) private readonly reading: ThemesReadingService,
    @Inject(ThemeCurationService) private readonly curation: ThemeCurationService,
  ) {}

  @Endpoint(routes.getThemes)
  overview(@CurrentUser() user: User, @Param('id') id: string) {
    return this.reading.overview(user, id, languageOf(user));
  }

  @Endpoint(routes.getPublicThemes)
  published(@OptionalUser() user: User | null, @Param('id') id: string) {
    return this.reading.published(user, id, languageOf(user));
  }

  @Endpoint(routes.updateThemeSettings)
  settings(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.updateThemeSettings) body: UpdateThemeSettingsRequest,
  ) {
    return this.curation.updateSettings(user, id, body);
  }

  @Endpoint(routes.requestThemeRun)
  requestRun(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.requestThemeRun) body: ThemeRunRequest,
  ) {
    return this.curation.requestRun(user, id, body);
  }

  @Endpoint(routes.getThemeRun)
  run(@CurrentUser() user: User, @IdParam('theme run') id: string) {
    return this.reading.run(user, id);
  }

  @Endpoint(routes.listThemeComments)
  comments(
    @CurrentUser() user: User,
    @IdParam('theme') id: string,
    @ValidQuery(routes.listThemeComments) query: CommentsQuery,
  ) {
    return this.reading.comments(user, { themeId: id }, query);
  }

  @Endpoint(routes.listOtherComments)
  otherComments(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidQuery(routes.listOtherComments) query: CommentsQuery,
  ) {
    return this.reading.comments(user, { conversationId: id }, query);
  }

  @Endpoint(routes.updateTheme)
  update(
    @CurrentUser() user: User,
    @IdParam('theme') id: string,
    @ValidBody(routes.updateTheme) body: UpdateThemeRequest,
  ) {
    return this.curation.update(user, id, body, languageOf(user));
  }

  @Endpoint(routes.mergeThemes)
  merge(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.mergeThemes) body: MergeThemesRequest,
  ) {
    return this.curation.merge(user, id, body, languageOf(user));
  }

  @Endpoint(routes.splitTheme)
  split(
    @CurrentUser() user: User,
    @IdParam('theme') id: string,
    @ValidBody(routes.splitTheme) body: SplitThemeRequest,
  ) {
    return this.curation.split(user, id, body);
  }

  @Endpoint(routes.moveThemeComments)
  move(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.moveThemeComments) body: MoveCommentsRequest,
  ) {
    return this.curation.move(user, id, body);
  }
}

@Controller()
export class TagsController {
  constructor(@Inject(TagsService) private readonly tags: TagsService) {}

  @Endpoint(routes.listTags)
  list(@CurrentUser() user: User, @Param('id') id: string) {
    return this.tags.list(user, id);
  }

  @Endpoint(routes.createTag)
  create(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.createTag) body: TagRequest,
  ) {
    return this.tags.create(user, id, body);
  }

  @Endpoint(routes.updateTag)
  update(
    @CurrentUser() user: User,
    @IdParam('tag') id: string,
    @ValidBody(routes.updateTag) body: TagUpdate,
  ) {
    return this.tags.update(user, id, body);
  }

  @Endpoint(routes.removeTag)
  remove(@CurrentUser() user: User, @IdParam('tag') id: string) {
    return this.tags.remove(user, id);
  }

  @Endpoint(routes.tagComment)
  tag(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @ValidBody(routes.tagComment) body: TagCommentRequest,
  ) {
    return this.tags.tagComment(user, id, body.tagId, true);
  }

  @Endpoint(routes.untagComment)
  untag(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @IdParam('tag', 'tagId') tagId: string,
  ) {
    return this.tags.tagComment(user, id, tagId, false);
  }

  @Endpoint(routes.suggestTags)
  suggest(@CurrentUser() user: User, @Param('id') id: string) {
    return this.tags.suggest(user, id);
  }

  @Endpoint(routes.listTagSuggestions)
  suggestions(@CurrentUser() user: User, @Param('id') id: string) {
    return this.tags.suggestions(user, id);
  }

  @Endpoint(routes.decideTagSuggestion)
  decide(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.decideTagSuggestion) body: DecideSuggestionRequest,
  ) {
    return this.tags.decide(user, id, body);
  }
}
