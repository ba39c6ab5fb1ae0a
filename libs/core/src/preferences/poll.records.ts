import type {
  AgeBand,
  District,
  Gender,
  PollAnswer,
  PollKind,
  PollStatus,
  ResultVisibility,
} from '@razgovor/contracts';

export interface PollOptionRecord {
  id: string;
  position: number;
  labelBg: string;
  labelEn: string;
}

export interface PollRecord {
  id: string;
  conversationId: string;
  topicId: string | null;
  surveyId: string | null;
  surveyRun: number | null;
  position: number;
  kind: PollKind;
  questionBg: string;
  questionEn: string;
  maxChoices: number | null;
  budgetTotal: number | null;
  resultVisibility: ResultVisibility;
  opensAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  respondents: number;
  /** Moves on with every answer stored or changed. */
  answerSeq: number;
  /** The poll's own status as last announced to open pages. */
  announcedStatus: PollStatus;
  createdAt: Date;
  options: PollOptionRecord[];
}

export type NewPoll = Omit<
  PollRecord,
  'id' | 'respondents' | 'answerSeq' | 'createdAt' | 'closedAt' | 'options' | 'announcedStatus'
> & {
  options: Array<{ labelBg: string; labelEn: string }>;
  createdBy: string;
};

/** One part of an answer: a chosen option (1), a rank, an amount in leva, or a scale value. */
export interface AnswerItem {
  optionId: string | null;
  value: number;
}

/** The parts of one person's answer with who they are, for tallies and breakdowns. */
export interface Respondent {
  userId: string;
  district: District | null;
  ageBand: AgeBand | null;
  gender: Gender | null;
  items: AnswerItem[];
}

export interface StoredAnswer {
  answer: PollAnswer;
}
