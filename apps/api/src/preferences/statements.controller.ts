import { Controller, Inject, Param } from '@nestjs/common';
import {
  type CreateStatementRequest,
  type FlagRequest,
  type NextStatement,
  type OpinionMap,
  routes,
  type Statement,
  type StatementDecisionRequest,
  type StatementFlagReceipt,
  type StatementList,
  type StatementListQuery,
  type StatementVoteRequest,
} from '@razgovor/contracts';
import { OpinionMapService, StatementsService, type User } from '@razgovor/core';
import { IdParam, OptionalUser } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';
import { WriteLimited } from '../moderation/write-limit.guard';

@Controller()
export class StatementsController {
  constructor(
    @Inject(StatementsService) private readonly statements: StatementsService,
    @Inject(OpinionMapService) private readonly maps: OpinionMapService,
  ) {}

  @Endpoint(routes.listStatements)
  async list(
    @OptionalUser() viewer: User | null,
    @Param('id') id: string,
    @ValidQuery(routes.listStatements) query: StatementListQuery,
  ): Promise<StatementList> {
    return { items: await this.statements.list(viewer, id, query.state) };
  }

  @Endpoint(routes.createStatement)
  @WriteLimited('comment')
  submit(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.createStatement) body: CreateStatementRequest,
  ): Promise<Statement> {
    return this.statements.submit(user, id, body);
  }

  @Endpoint(routes.nextStatement)
  next(@CurrentUser() user: User, @Param('id') id: string): Promise<NextStatement> {
    return this.statements.next(user, id);
  }

  @Endpoint(routes.voteOnStatement)
  @WriteLimited('stance')
  vote(
    @CurrentUser() user: User,
    @IdParam('statement') id: string,
    @ValidBody(routes.voteOnStatement) body: StatementVoteRequest,
  ): Promise<Statement> {
    return this.statements.vote(user, id, body.vote);
  }

  @Endpoint(routes.flagStatement)
  @WriteLimited('flag')
  flag(
    @CurrentUser() user: User,
    @IdParam('statement') id: string,
    @ValidBody(routes.flagStatement) body: FlagRequest,
  ): Promise<StatementFlagReceipt> {
    return this.statements.flag(user, id, body);
  }

  @Endpoint(routes.decideStatement)
  decide(
    @CurrentUser() user: User,
    @IdParam('statement') id: string,
    @ValidBody(routes.decideStatement) body: StatementDecisionRequest,
  ): Promise<Statement> {
    return this.statements.decide(user, id, body);
  }

  @Endpoint(routes.getOpinionMap)
  map(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<OpinionMap> {
    return this.maps.get(viewer, id);
  }
}
