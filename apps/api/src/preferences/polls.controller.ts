import { Controller, Inject, Param } from '@nestjs/common';
import {
  type CreatePollRequest,
  type CreateSurveyRequest,
  type Poll,
  type PollAnswer,
  type PollList,
  type PollListQuery,
  type PollResults,
  routes,
  type StartSurveyRunRequest,
  type Survey,
  type SurveyList,
  type SurveyShift,
  type SurveyShiftQuery,
  type UpdatePollRequest,
} from '@razgovor/contracts';
import { PollsService, SurveysService, type User } from '@razgovor/core';
import { IdParam, OptionalUser } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';
import { WriteLimited } from '../moderation/write-limit.guard';

@Controller()
export class PollsController {
  constructor(@Inject(PollsService) private readonly polls: PollsService) {}

  @Endpoint(routes.listPolls)
  async list(
    @OptionalUser() viewer: User | null,
    @Param('id') id: string,
    @ValidQuery(routes.listPolls) query: PollListQuery,
  ): Promise<PollList> {
    return { items: await this.polls.list(viewer, id, query.topicId) };
  }

  @Endpoint(routes.createPoll)
  create(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.createPoll) body: CreatePollRequest,
  ): Promise<Poll> {
    return this.polls.create(user, id, body);
  }

  @Endpoint(routes.getPoll)
  get(@OptionalUser() viewer: User | null, @IdParam('poll') id: string): Promise<Poll> {
    return this.polls.get(viewer, id);
  }

  @Endpoint(routes.updatePoll)
  update(
    @CurrentUser() user: User,
    @IdParam('poll') id: string,
    @ValidBody(routes.updatePoll) body: UpdatePollRequest,
  ): Promise<Poll> {
    return this.polls.update(user, id, body);
  }

  @Endpoint(routes.closePoll)
  close(@CurrentUser() user: User, @IdParam('poll') id: string): Promise<Poll> {
    return this.polls.close(user, id);
  }

  @Endpoint(routes.answerPoll)
  @WriteLimited('stance')
  answer(
    @CurrentUser() user: User,
    @IdParam('poll') id: string,
    @ValidBody(routes.answerPoll) body: PollAnswer,
  ): Promise<Poll> {
    return this.polls.answer(user, id, body);
  }

  @Endpoint(routes.getPollResults)
  results(@OptionalUser() viewer: User | null, @IdParam('poll') id: string): Promise<PollResults> {
    return this.polls.results(viewer, id);
  }
}

@Controller()
export class SurveysController {
  constructor(@Inject(SurveysService) private readonly surveys: SurveysService) {}

  @Endpoint(routes.listSurveys)
  async list(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<SurveyList> {
    return { items: await this.surveys.list(viewer, id) };
  }

  @Endpoint(routes.createSurvey)
  create(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.createSurvey) body: CreateSurveyRequest,
  ): Promise<Survey> {
    return this.surveys.create(user, id, body);
  }

  @Endpoint(routes.getSurvey)
  get(@OptionalUser() viewer: User | null, @IdParam('survey') id: string): Promise<Survey> {
    return this.surveys.get(viewer, id);
  }

  @Endpoint(routes.startSurveyRun)
  startRun(
    @CurrentUser() user: User,
    @IdParam('survey') id: string,
    @ValidBody(routes.startSurveyRun) body: StartSurveyRunRequest,
  ): Promise<Survey> {
    return this.surveys.startRun(user, id, body);
  }

  @Endpoint(routes.getSurveyShift)
  shift(
    @OptionalUser() viewer: User | null,
    @IdParam('survey') id: string,
    @ValidQuery(routes.getSurveyShift) query: SurveyShiftQuery,
  ): Promise<SurveyShift> {
    return this.surveys.shift(viewer, id, query);
  }
}
