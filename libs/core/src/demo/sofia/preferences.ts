import type { PollKind } from '@razgovor/contracts';
import type { DemoBilingual } from '../demo-conversation.types';

export interface DemoPoll {
  kind: PollKind;
  question: DemoBilingual;
  options?: DemoBilingual[];
  maxChoices?: number;
  budgetTotal?: number;
  resultVisibility?: 'after-answer' | 'after-close';
  /** Closed on this day after the opening; open to the end when absent. */
  closesOnDay?: number;
  /** Topic slug for a poll inside a topic. */
  topic?: string;
  /** Written answers of an open question, by persona index. */
  texts?: Array<[number, string]>;
}

export interface DemoPreferences {
  polls: DemoPoll[];
  survey: { title: DemoBilingual; questions: DemoPoll[] };
  /** Statements for the opinion map, each with the camps that agree (see the seeder). */
  statements: Array<{ author: number; text: string; agreedBy: Array<'green' | 'transit' | 'all'> }>;
}

const both = (bg: string, en: string): DemoBilingual => ({ bg, en });

/** Polls, a start-and-end survey and statements for the Sofia demo; the answers are generated. */
export const sofiaPreferences: DemoPreferences = {
  polls: [
    {
      kind: 'single',
      topic: 'who-can-propose',
      question: both('Кой да може да предлага проекти?', 'Who may propose projects?'),
      options: [
        both('Всеки жител на София', 'Any resident of Sofia'),
        both('Жители над 16 години', 'Residents aged 16 and over'),
        both('Само регистрирани организации', 'Registered organisations only'),
      ],
    },
    {
      kind: 'multiple',
      maxChoices: 2,
      question: both('Кои две области са най-важни?', 'Which two areas matter most?'),
      options: [
        both('Паркове и зеленина', 'Parks and greenery'),
        both('Улици и тротоари', 'Streets and pavements'),
        both('Училища и детски градини', 'Schools and kindergartens'),
        both('Култура', 'Culture'),
        both('Спорт', 'Sport'),
      ],
    },
    {
      kind: 'ranking',
      question: both('Подредете начините за гласуване', 'Rank the ways to vote'),
      options: [
        both('Онлайн', 'Online'),
        both('На хартия в районната администрация', 'On paper at the district office'),
        both('В мобилни пунктове', 'At mobile polling points'),
      ],
    },
    {
      kind: 'scale',
      resultVisibility: 'after-close',
      closesOnDay: 20,
      question: both(
        'Участието на гражданите подобрява решенията на общината',
        'Citizen participation improves the decisions of the city',
      ),
    },
    {
      kind: 'budget',
      budgetTotal: 1_500_000,
      question: both(
        'Как бихте разпределили 1 500 000 лв.?',
        'How would you split 1,500,000 leva?',
      ),
      options: [
        both('Зелени площи', 'Green spaces'),
        both('Пешеходна и велоинфраструктура', 'Walking and cycling'),
        both('Детски и спортни площадки', 'Playgrounds and sports grounds'),
        both('Култура и общност', 'Culture and community'),
      ],
    },
    {
      kind: 'open',
      question: both(
        'Какво още трябва да знаем, преди да започне пилотът?',
        'What else should we know before the pilot starts?',
      ),
      texts: [
        [3, 'Районните кметства трябва да помагат на хората, които нямат интернет.'],
        [5, 'Нека резултатите се публикуват всяка седмица, не само в края.'],
        [6, 'Please publish everything in English too, many of us are new to Sofia.'],
        [9, 'Проектите трябва да имат план за поддръжка след изграждането.'],
        [12, 'Да се обясни ясно какво се случва с проектите, които не спечелят.'],
        [17, 'Младите хора трябва да могат да гласуват от 16 години.'],
        [21, 'Нека има срещи на живо във всеки район, не само онлайн.'],
        [30, 'Бюджетът за всеки район да е пропорционален на населението.'],
      ],
    },
  ],
  survey: {
    title: both(
      'Доверие и участие: в началото и в края',
      'Trust and participation: at the start and at the end',
    ),
    questions: [
      {
        kind: 'scale',
        question: both(
          'Вярвам, че общината ще изпълни избраните проекти',
          'I trust the city to carry out the chosen projects',
        ),
      },
      {
        kind: 'single',
        question: both('Ще гласувате ли за проекти?', 'Will you vote for projects?'),
        options: [both('Да', 'Yes'), both('Може би', 'Maybe'), both('Не', 'No')],
      },
    ],
  },
  statements: [
    { author: 4, text: 'Велоалеите трябва да са първи в списъка.', agreedBy: ['transit'] },
    {
      author: 2,
      text: 'Повече дървета по улиците, дори за сметка на паркоместа.',
      agreedBy: ['green'],
    },
    { author: 5, text: 'Паркоместата в кварталите са по-важни от нови паркове.', agreedBy: [] },
    { author: 1, text: 'Всеки район трябва да получи поне един проект.', agreedBy: ['all'] },
    {
      author: 8,
      text: 'Резултатите от гласуването трябва да са публични веднага.',
      agreedBy: ['all'],
    },
    {
      author: 11,
      text: 'Градският транспорт не е работа на гражданския бюджет.',
      agreedBy: ['green'],
    },
    {
      author: 14,
      text: 'Нужни са повече пешеходни зони в центъра.',
      agreedBy: ['green', 'transit'],
    },
    {
      author: 19,
      text: 'Спирките на градския транспорт трябва да са с навеси и пейки.',
      agreedBy: ['transit'],
    },
    { author: 23, text: 'Парковете трябва да имат осветление и охрана.', agreedBy: ['green'] },
    {
      author: 27,
      text: 'Общината трябва да отчита всеки месец докъде са проектите.',
      agreedBy: ['all'],
    },
    { author: 33, text: 'Автобусните ленти забавят колите и трябва да се махнат.', agreedBy: [] },
    {
      author: 40,
      text: 'Проекти за деца и младежи трябва да имат отделен бюджет.',
      agreedBy: ['green'],
    },
  ],
};
