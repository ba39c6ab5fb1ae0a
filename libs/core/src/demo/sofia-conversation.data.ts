import type { DemoData } from './demo-conversation.types';
import { budgetTopic } from './sofia/budget';
import { districtsTopic } from './sofia/districts';
import { monitoringTopic } from './sofia/monitoring';
import { sofiaPersonas } from './sofia/personas';
import { sofiaPreferences } from './sofia/preferences';
import { projectsTopic } from './sofia/projects';
import { proposersTopic } from './sofia/proposers';
import { sofiaBackground, sofiaDescription, sofiaTitle } from './sofia/texts';
import { votingTopic } from './sofia/voting';

/**
 * The Big Conversation that `npm start` seeds: how Sofia should run its 1.5 million leva
 * participatory budgeting pilot. Original demo writing; the people in it are fictional.
 */
export const sofiaConversation: DemoData = {
  personas: sofiaPersonas,
  conversation: {
    slug: 'sofia-participatory-budget',
    title: sofiaTitle,
    description: sofiaDescription,
    background: sofiaBackground,
    topics: [
      budgetTopic,
      proposersTopic,
      votingTopic,
      districtsTopic,
      projectsTopic,
      monitoringTopic,
    ],
  },
  preferences: sofiaPreferences,
};
