import { Controller, Headers, Inject, Param, Res } from '@nestjs/common';
import {
  type Comment,
  type CommentListQuery,
  type CreateCommentRequest,
  type CreateTopicRequest,
  type PublishSummaryRequest,
  routes,
  type Summary,
  type SummaryList,
  type ThreadListQuery,
  type ThreadPage,
  type Topic,
  type TopicList,
  type UpdateTopicRequest,
} from '@razgovor/contracts';
import {
  AppError,
  CommentPostingService,
  CommentReadingService,
  CommentThreadsService,
  SummariesService,
  TopicsService,
  type User,
} from '@razgovor/core';
import type { Response } from 'express';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';
import { WriteLimited } from '../moderation/write-limit.guard';
import { IdParam, OptionalUser } from './params';

@Controller()
export class TopicsController {
  constructor(
    @Inject(TopicsService) private readonly topics: TopicsService,
    @Inject(CommentReadingService) private readonly reader: CommentReadingService,
    @Inject(CommentPostingService) private readonly posting: CommentPostingService,
    @Inject(SummariesService) private readonly summaries: SummariesService,
    @Inject(CommentThreadsService) private readonly threads: CommentThreadsService,
  ) {}

  @Endpoint(routes.listTopics)
  async list(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<TopicList> {
    return { items: await this.topics.list(viewer, id) };
  }

  @Endpoint(routes.createTopic)
  create(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.createTopic) body: CreateTopicRequest,
  ): Promise<Topic> {
    return this.topics.create(user, id, body);
  }

  @Endpoint(routes.getTopic)
  get(@OptionalUser() viewer: User | null, @IdParam('topic') id: string): Promise<Topic> {
    return this.topics.get(viewer, id);
  }

  @Endpoint(routes.updateTopic)
  update(
    @CurrentUser() user: User,
    @IdParam('topic') id: string,
    @ValidBody(routes.updateTopic) body: UpdateTopicRequest,
  ): Promise<Topic> {
    return this.topics.update(user, id, body);
  }

  /**
   * Sent as the service serialised it: the public part of a page is serialised once and cached,
   * with an entity tag, so a reader asking again with If-None-Match gets a bodiless 304.
   */
  @Endpoint(routes.listComments)
  async comments(
    @OptionalUser() viewer: User | null,
    @IdParam('topic') id: string,
    @ValidQuery(routes.listComments) query: CommentListQuery,
    @Res() response: Response,
  ): Promise<void> {
    const page = await this.reader.listJson(viewer, id, query);
    if (page.etag) response.setHeader('ETag', page.etag);
    response.type('application/json').send(page.body);
  }

  @Endpoint(routes.listThreads)
  threadPage(
    @OptionalUser() viewer: User | null,
    @IdParam('topic') id: string,
    @ValidQuery(routes.listThreads) query: ThreadListQuery,
  ): Promise<ThreadPage> {
    return this.threads.page(viewer, id, query);
  }

  /** 201 for a new comment; 200 with the earlier comment when the key was already used. */
  @Endpoint(routes.createComment)
  @WriteLimited('comment')
  async post(
    @CurrentUser() user: User,
    @IdParam('topic') id: string,
    @ValidBody(routes.createComment) body: CreateCommentRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Comment> {
    if (key !== undefined && (key.length < 8 || key.length > 100)) {
      throw new AppError('VALIDATION_FAILED', 'The Idempotency-Key header is invalid', [
        { path: 'Idempotency-Key', message: 'Must be 8 to 100 characters' },
      ]);
    }

    const result = await this.posting.post(user, id, body, key);
    if (!result.isCreated) response.status(200);

    return result.comment;
  }

  @Endpoint(routes.listSummaries)
  summaryList(
    @OptionalUser() viewer: User | null,
    @IdParam('topic') id: string,
  ): Promise<SummaryList> {
    return this.summaries.list(viewer, id);
  }

  @Endpoint(routes.publishSummary)
  publish(
    @CurrentUser() user: User,
    @IdParam('topic') id: string,
    @ValidBody(routes.publishSummary) body: PublishSummaryRequest,
  ): Promise<Summary> {
    return this.summaries.publish(user, id, body);
  }
}
