import { Controller, Inject, Param } from '@nestjs/common';
import {
  routes,
  type WordListEntryRequest,
  type WordListEntryUpdate,
  type WordListEntryView,
  type WordListTestRequest,
  type WordListTestResult,
  type WordListView,
} from '@razgovor/contracts';
import { type User, WordListService } from '@razgovor/core';
import { IdParam } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody } from '../http/endpoint';

@Controller()
export class WordListController {
  constructor(@Inject(WordListService) private readonly words: WordListService) {}

  @Endpoint(routes.listWordList)
  list(@CurrentUser() user: User, @Param('id') id: string): Promise<WordListView> {
    return this.words.list(user, id);
  }

  @Endpoint(routes.addWordListEntry)
  add(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.addWordListEntry) body: WordListEntryRequest,
  ): Promise<WordListEntryView> {
    return this.words.add(user, id, body);
  }

  @Endpoint(routes.updateWordListEntry)
  update(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @IdParam('word-list entry', 'entryId') entryId: string,
    @ValidBody(routes.updateWordListEntry) body: WordListEntryUpdate,
  ): Promise<WordListEntryView> {
    return this.words.update(user, id, entryId, body);
  }

  @Endpoint(routes.removeWordListEntry)
  remove(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @IdParam('word-list entry', 'entryId') entryId: string,
  ): Promise<void> {
    return this.words.remove(user, id, entryId);
  }

  @Endpoint(routes.testWordList)
  test(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.testWordList) body: WordListTestRequest,
  ): Promise<WordListTestResult> {
    return this.words.test(user, id, body.text);
  }
}
