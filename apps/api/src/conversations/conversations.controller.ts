import { Controller, Inject, Param } from '@nestjs/common';
import {
  type Conversation,
  type ConversationList,
  type ConversationStatusRequest,
  type CreateConversationRequest,
  type EventReplayQuery,
  type FacilitatorRequest,
  type LatestEvent,
  routes,
  type SearchQuery,
  type SearchResults,
  type UpdateConversationRequest,
} from '@razgovor/contracts';
import {
  CommentReadingService,
  ConversationsService,
  ConversationStatusService,
  EventsService,
  type User,
} from '@razgovor/core';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';
import { IdParam, OptionalUser } from './params';

@Controller()
export class ConversationsController {
  constructor(
    @Inject(ConversationsService) private readonly conversations: ConversationsService,
    @Inject(ConversationStatusService) private readonly status: ConversationStatusService,
    @Inject(CommentReadingService) private readonly comments: CommentReadingService,
    @Inject(EventsService) private readonly events: EventsService,
  ) {}

  @Endpoint(routes.listConversations)
  async list(@OptionalUser() viewer: User | null): Promise<ConversationList> {
    return { items: await this.conversations.list(viewer) };
  }

  @Endpoint(routes.createConversation)
  create(
    @CurrentUser() user: User,
    @ValidBody(routes.createConversation) body: CreateConversationRequest,
  ): Promise<Conversation> {
    return this.conversations.create(user, body);
  }

  @Endpoint(routes.getConversation)
  get(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<Conversation> {
    return this.conversations.get(viewer, id);
  }

  @Endpoint(routes.updateConversation)
  update(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.updateConversation) body: UpdateConversationRequest,
  ): Promise<Conversation> {
    return this.conversations.update(user, id, body);
  }

  @Endpoint(routes.setConversationStatus)
  setStatus(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.setConversationStatus) body: ConversationStatusRequest,
  ): Promise<Conversation> {
    return this.status.transition(user, id, body.status);
  }

  @Endpoint(routes.addFacilitator)
  addFacilitator(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.addFacilitator) body: FacilitatorRequest,
  ): Promise<Conversation> {
    return this.conversations.addFacilitator(user, id, body.userId);
  }

  @Endpoint(routes.removeFacilitator)
  removeFacilitator(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @IdParam('facilitator', 'userId') userId: string,
  ): Promise<Conversation> {
    return this.conversations.removeFacilitator(user, id, userId);
  }

  @Endpoint(routes.searchConversation)
  search(
    @OptionalUser() viewer: User | null,
    @Param('id') id: string,
    @ValidQuery(routes.searchConversation) query: SearchQuery,
  ): Promise<SearchResults> {
    return this.comments.search(viewer, id, query.q, Number(query.limit ?? 25));
  }

  @Endpoint(routes.latestEvent)
  latestEvent(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<LatestEvent> {
    return this.events.latest(viewer, id);
  }

  @Endpoint(routes.replayEvents)
  replay(
    @OptionalUser() viewer: User | null,
    @Param('id') id: string,
    @ValidQuery(routes.replayEvents) query: EventReplayQuery,
  ) {
    return this.events.replay(viewer, id, Number(query.after ?? 0), Number(query.limit ?? 200));
  }
}
