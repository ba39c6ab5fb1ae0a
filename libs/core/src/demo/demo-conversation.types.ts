import type { AgeBand, District, Gender, Locale } from '@razgovor/contracts';
import type { DemoPreferences } from './sofia/preferences';

/** Text in both languages the platform speaks; Markdown source where the field is prose. */
export interface DemoBilingual {
  bg: string;
  en: string;
}

/** A demo participant; comments point at one by its index in `DemoData.personas`. */
export interface DemoPersona {
  displayName: string;
  district: District;
  ageBand: AgeBand;
  gender: Gender;
}

export interface DemoComment {
  /** Index into `DemoData.personas`. */
  author: number;
  /** Days after the conversation opened, 0..27. */
  day: number;
  /** Hour of that day (0..23, Sofia time is fine: it only spreads comments over the day). */
  hour: number;
  /** Markdown source as the participant typed it (Bulgarian, Latin-typed Bulgarian or English). */
  text: string;
  /** Defaults to the language detected from the text when omitted. */
  language?: Locale;
  replies?: DemoComment[];
  /** How many demo participants agree / disagree (stances are spread over the personas). */
  agree?: number;
  disagree?: number;
  /** On a top-level comment: the facilitator's summary of its thread, version 1. */
  summary?: DemoBilingual;
}

export interface DemoTopic {
  slug: string;
  title: DemoBilingual;
  description: DemoBilingual;
  comments: DemoComment[];
  /** Published as the facilitator's summary of the topic, version 1. */
  summary?: DemoBilingual;
}

export interface DemoConversation {
  /** Unique; seeding skips when a conversation with this slug exists. */
  slug: string;
  title: DemoBilingual;
  description: DemoBilingual;
  background: DemoBilingual;
  topics: DemoTopic[];
}

export interface DemoData {
  personas: DemoPersona[];
  conversation: DemoConversation;
  /** Polls, a survey and statements with generated answers and votes. */
  preferences?: DemoPreferences;
}
