import type { RouteName } from '@razgovor/contracts';
import { type MatrixRole, password, type PermissionWorld } from './permission-world';

/**
 * Every route of the route table, for every kind of person, with the exact status each gets.
 * A route added to the table without a row here fails the type check and the first test.
 *
 * Columns, in order: anonymous, citizen, muted citizen (muted in this conversation), removed
 * citizen (removed from it), facilitator of this conversation, facilitator of another one,
 * analyst, admin. 401: not signed in; 403: signed in but not allowed; 404: a draft the person
 * may not even know about. The request is built once per person; `fresh` ones get their own
 * target (a comment to hide, a draft to open), `freshPerson` ones a new person of that kind,
 * because the route ends or replaces the session.
 */

/** Eight statuses separated by spaces, one per column. */
type Statuses = string;

export interface Request {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

export interface Case {
  label?: string;
  expect: Statuses;
  request?: (world: PermissionWorld, role: MatrixRole) => Request | Promise<Request>;
  freshPerson?: boolean;
}

// Columns:                                               anon cit mute rem here else anal admin
const all = (status: number): Statuses => `${status} `.repeat(8).trim();
const signedIn = (status: number): Statuses => `401 ${`${status} `.repeat(7).trim()}`;
const facilitators = (s: number): Statuses => `401 403 403 403 ${s} 403 403 ${s}`;
const participants = (s: number): Statuses => `401 ${s} 403 403 ${s} ${s} ${s} ${s}`;
const admins = (s: number): Statuses => `401 403 403 403 403 403 403 ${s}`;
const analysts = (s: number): Statuses => `401 403 403 403 403 403 ${s} ${s}`;
const analystsAndFacilitators = (s: number): Statuses => `401 403 403 403 ${s} 403 ${s} ${s}`;
const onlyFacilitators = (s: number): Statuses => `403 403 403 403 ${s} 403 403 ${s}`;
const draftOnly = (s: number): Statuses => `404 404 404 404 ${s} 404 404 ${s}`;

const conversation = (world: PermissionWorld) => ({ id: world.conversation.id });
const themed = (world: PermissionWorld) => ({ id: world.themed.conversationId });
/** The people allowed to curate each split their own theme, so every split starts alike. */
const topic = (world: PermissionWorld) => ({ id: world.topic.id });
const comment = (world: PermissionWorld) => ({ id: world.comment.id });
const themeOf = (world: PermissionWorld, role: MatrixRole) =>
  world.themed.themeIds[Math.max(1, ['', 'facilitator here', 'analyst', 'admin'].indexOf(role))]!;

export const matrix: Record<RouteName, Case[]> = {
  // accounts
  health: [{ expect: all(200) }],
  csrf: [{ expect: all(200) }],
  signUp: [
    {
      expect: all(201),
      request: (world) => ({
        body: { email: `${world.unique('new')}@example.org`, password, displayName: 'Нов' },
      }),
    },
  ],
  signIn: [
    {
      expect: all(200),
      freshPerson: true,
      request: (world) => ({ body: { email: world.signInEmail, password } }),
    },
  ],
  signOut: [{ expect: all(204), freshPerson: true }],
  signOutEverywhere: [{ expect: signedIn(204), freshPerson: true }],
  confirmEmail: [{ expect: all(400), request: () => ({ body: { token: 'not-a-real-token' } }) }],
  resendConfirmation: [{ expect: signedIn(202) }],
  requestPasswordReset: [
    {
      // Mail to one account is limited per hour, so each asks for an address of its own.
      expect: all(202),
      request: (world) => ({ body: { email: `${world.unique('reset')}@example.org` } }),
    },
  ],
  confirmPasswordReset: [
    {
      expect: all(400),
      request: () => ({ body: { token: 'not-a-real-token', password: 'a new password here' } }),
    },
  ],
  getMe: [{ expect: signedIn(200) }],
  updateMe: [{ expect: signedIn(200), request: () => ({ body: { displayName: 'Ново име' } }) }],
  exportMe: [{ expect: signedIn(200) }],
  deleteMe: [{ expect: signedIn(204), freshPerson: true, request: () => ({ body: { password } }) }],
  listUsers: [{ expect: admins(200) }],
  setRoles: [
    {
      expect: admins(200),
      request: (world) => ({ params: { id: world.bystander.id }, body: { roles: [] } }),
    },
  ],
  searchAdminAudit: [{ expect: admins(200) }],
  mailbox: [{ expect: all(200) }],

  // conversations and topics
  listConversations: [{ expect: all(200) }],
  createConversation: [
    {
      expect: '401 403 403 403 201 201 403 201',
      request: (world) => ({
        body: {
          slug: world.fixtures.slug('matrix'),
          title: { bg: 'Нов разговор', en: 'A new conversation' },
          description: { bg: 'Описание', en: 'Description' },
        },
      }),
    },
  ],
  getConversation: [
    { label: 'open', expect: all(200), request: (world) => ({ params: conversation(world) }) },
    {
      label: 'draft',
      expect: draftOnly(200),
      request: (world) => ({ params: { id: world.draft.id } }),
    },
  ],
  updateConversation: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: conversation(world),
        body: { description: { bg: 'Ново описание', en: 'A new description' } },
      }),
    },
  ],
  setConversationStatus: [
    {
      label: 'open a draft',
      expect: '401 404 404 404 200 404 404 200',
      request: async (world) => ({
        params: { id: (await world.freshDraft()).id },
        body: { status: 'open' },
      }),
    },
  ],
  addFacilitator: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: conversation(world),
        body: { userId: world.spareFacilitator.id },
      }),
    },
  ],
  removeFacilitator: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: { ...conversation(world), userId: world.spareFacilitator.id },
      }),
    },
  ],
  listTopics: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],
  createTopic: [
    {
      expect: facilitators(201),
      request: (world) => ({
        params: conversation(world),
        body: {
          slug: world.fixtures.slug('topic'),
          title: { bg: 'Тема', en: 'Topic' },
          description: { bg: '', en: '' },
        },
      }),
    },
  ],
  getTopic: [
    { label: 'open', expect: all(200), request: (world) => ({ params: topic(world) }) },
    {
      label: 'of a draft',
      expect: draftOnly(200),
      request: (world) => ({ params: { id: world.draftTopic.id } }),
    },
  ],
  updateTopic: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: topic(world),
        body: { description: { bg: 'Ново', en: 'New' } },
      }),
    },
  ],

  // comments
  listThreads: [{ expect: all(200), request: (world) => ({ params: topic(world) }) }],
  listComments: [{ expect: all(200), request: (world) => ({ params: topic(world) }) }],
  createComment: [
    {
      expect: participants(201),
      request: (world) => ({ params: topic(world), body: { body: world.unique('Мнение') } }),
    },
  ],
  getComment: [{ expect: all(200), request: (world) => ({ params: comment(world) }) }],
  editComment: [
    {
      label: "someone else's",
      expect: signedIn(403),
      request: (world) => ({ params: comment(world), body: { body: 'Чужди думи' } }),
    },
  ],
  withdrawComment: [
    {
      label: "someone else's",
      expect: signedIn(403),
      request: (world) => ({ params: comment(world) }),
    },
  ],
  setStance: [
    {
      expect: participants(200),
      request: (world) => ({ params: comment(world), body: { stance: 'agree' } }),
    },
  ],
  removeStance: [{ expect: participants(200), request: (world) => ({ params: comment(world) }) }],
  listRevisions: [{ expect: facilitators(200), request: (world) => ({ params: comment(world) }) }],

  // summaries
  listSummaries: [{ expect: all(200), request: (world) => ({ params: topic(world) }) }],
  publishSummary: [
    {
      expect: facilitators(201),
      request: (world) => ({
        params: topic(world),
        body: { body: { bg: 'Обобщение', en: 'Summary' } },
      }),
    },
  ],
  getSummary: [{ expect: all(200), request: (world) => ({ params: { id: world.summary.id } }) }],
  respondToSummary: [
    {
      expect: participants(200),
      request: (world) => ({ params: { id: world.summary.id }, body: { reaction: 'reflects' } }),
    },
  ],
  listSummaryResponses: [
    { expect: all(200), request: (world) => ({ params: { id: world.summary.id } }) },
  ],

  // reading along
  searchConversation: [
    { expect: all(200), request: (world) => ({ params: conversation(world), query: '?q=парк' }) },
  ],
  latestEvent: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],
  replayEvents: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],
  listNotifications: [{ expect: signedIn(200) }],
  markNotificationsRead: [{ expect: signedIn(204), request: () => ({ body: {} }) }],

  // moderation
  getModerationSettings: [
    { expect: facilitators(200), request: (world) => ({ params: conversation(world) }) },
  ],
  updateModerationSettings: [
    {
      expect: facilitators(200),
      request: (world) => ({ params: conversation(world), body: { flagHideWeight: 1000 } }),
    },
  ],
  setTopicModeration: [
    {
      expect: facilitators(200),
      request: (world) => ({ params: topic(world), body: { mode: null } }),
    },
  ],
  setSlowMode: [
    {
      expect: facilitators(200),
      request: (world) => ({ params: topic(world), body: { seconds: 0, reason: 'Спокойно е' } }),
    },
  ],
  moderationQueue: [
    { expect: facilitators(200), request: (world) => ({ params: conversation(world) }) },
  ],
  decideComments: [
    {
      expect: facilitators(200),
      request: async (world) => ({
        params: conversation(world),
        body: { action: 'hide', commentIds: [(await world.freshComment()).id], reason: 'spam' },
      }),
    },
  ],
  redactComment: [
    {
      expect: facilitators(200),
      request: async (world) => ({
        params: { id: (await world.freshComment()).id },
        body: { start: 0, end: 3 },
      }),
    },
  ],
  flagComment: [
    {
      expect: participants(201),
      request: async (world) => ({
        params: { id: (await world.freshComment()).id },
        body: { reason: 'spam' },
      }),
    },
  ],
  appealComment: [
    {
      label: "someone else's",
      expect: signedIn(403),
      request: async (world) => ({
        params: { id: (await world.freshHiddenComment()).id },
        body: { text: 'Не беше обидно' },
      }),
    },
  ],
  actOnPerson: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: { ...conversation(world), userId: world.bystander.id },
        body: { action: 'warn', reason: 'Моля, по темата' },
      }),
    },
  ],
  listWordList: [
    { expect: facilitators(200), request: (world) => ({ params: conversation(world) }) },
  ],
  addWordListEntry: [
    {
      expect: facilitators(201),
      request: (world) => ({
        params: conversation(world),
        body: { pattern: world.uniqueWord(), action: 'hold' },
      }),
    },
  ],
  updateWordListEntry: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: { ...conversation(world), entryId: world.wordEntryId },
        body: { action: 'flag' },
      }),
    },
  ],
  removeWordListEntry: [
    {
      expect: facilitators(204),
      request: async (world) => ({
        params: { ...conversation(world), entryId: await world.freshWordEntry() },
      }),
    },
  ],
  testWordList: [
    {
      expect: facilitators(200),
      request: (world) => ({ params: conversation(world), body: { text: 'проверка' } }),
    },
  ],
  searchAudit: [
    {
      expect: '401 403 403 403 200 403 200 200',
      request: (world) => ({ params: conversation(world) }),
    },
  ],
  exportAudit: [
    {
      expect: '401 403 403 403 200 403 200 200',
      request: (world) => ({ params: conversation(world) }),
    },
  ],
  moderationLedger: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],

  // polls and surveys
  listPolls: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],
  createPoll: [
    {
      expect: facilitators(201),
      request: (world) => ({
        params: conversation(world),
        body: { question: { bg: 'Да или не?', en: 'Yes or no?' }, kind: 'scale' },
      }),
    },
  ],
  getPoll: [{ expect: all(200), request: (world) => ({ params: { id: world.poll.id } }) }],
  updatePoll: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: { id: world.poll.id },
        body: { question: { bg: 'Колко точно?', en: 'How much exactly?' } },
      }),
    },
  ],
  closePoll: [
    {
      expect: facilitators(200),
      request: async (world) => ({ params: { id: (await world.freshPoll()).id } }),
    },
  ],
  answerPoll: [
    {
      expect: participants(200),
      request: (world) => ({ params: { id: world.poll.id }, body: { kind: 'scale', value: 3 } }),
    },
  ],
  getPollResults: [
    {
      label: 'unanswered, shown after answering',
      expect: onlyFacilitators(200),
      request: (world) => ({ params: { id: world.unansweredPoll.id } }),
    },
  ],
  listSurveys: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],
  createSurvey: [
    {
      expect: facilitators(201),
      request: (world) => ({
        params: conversation(world),
        body: {
          title: { bg: 'Анкета', en: 'Survey' },
          questions: [{ kind: 'scale', question: { bg: 'Доверие', en: 'Trust' } }],
        },
      }),
    },
  ],
  getSurvey: [{ expect: all(200), request: (world) => ({ params: { id: world.survey.id } }) }],
  startSurveyRun: [
    {
      expect: facilitators(201),
      request: (world) => ({ params: { id: world.survey.id }, body: {} }),
    },
  ],
  getSurveyShift: [
    {
      label: 'while its run is open',
      expect: onlyFacilitators(200),
      request: (world) => ({ params: { id: world.survey.id } }),
    },
  ],

  // statements and the opinion map
  listStatements: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],
  createStatement: [
    {
      expect: participants(201),
      request: (world) => ({
        params: conversation(world),
        body: { body: world.unique('Нужни са още пейки') },
      }),
    },
  ],
  nextStatement: [{ expect: signedIn(200), request: (world) => ({ params: conversation(world) }) }],
  voteOnStatement: [
    {
      expect: participants(200),
      request: (world) => ({ params: { id: world.statementId }, body: { vote: 'agree' } }),
    },
  ],
  flagStatement: [
    {
      expect: participants(201),
      request: async (world) => ({
        params: { id: await world.freshStatement() },
        body: { reason: 'off-topic' },
      }),
    },
  ],
  decideStatement: [
    {
      expect: facilitators(200),
      request: async (world) => ({
        params: { id: await world.freshStatement() },
        body: { decision: 'reject', reason: 'Повтаря друго' },
      }),
    },
  ],
  getOpinionMap: [{ expect: all(200), request: (world) => ({ params: conversation(world) }) }],

  // exports
  createExport: [
    {
      expect: analysts(202),
      request: (world) => ({ params: conversation(world), body: { format: 'json' } }),
    },
  ],
  listExports: [{ expect: analysts(200), request: (world) => ({ params: conversation(world) }) }],
  getExport: [{ expect: analysts(200), request: (world) => ({ params: { id: world.exportId } }) }],
  downloadExport: [
    {
      label: 'a forged link: the signature, not the role, opens it',
      expect: all(400),
      request: (world) => ({
        params: { id: world.exportId },
        query: `?expires=${Date.now() + 60_000}&signature=${'A'.repeat(43)}`,
      }),
    },
  ],
  exportSchema: [{ expect: all(200) }],
  // the insight report: its facilitators edit and publish; the public reads it once published
  getReportDraft: [
    { expect: facilitators(200), request: (world) => ({ params: conversation(world) }) },
  ],
  updateReport: [
    {
      expect: facilitators(200),
      request: (world) => ({
        params: conversation(world),
        body: { introduction: { bg: 'Какво чухме', en: 'What we heard' } },
      }),
    },
  ],
  addReportDecision: [
    {
      expect: facilitators(201),
      request: (world) => ({
        params: conversation(world),
        body: { text: { bg: 'Предложения от 16 години', en: '' }, themeIds: [] },
      }),
    },
  ],
  updateReportDecision: [
    {
      expect: facilitators(200),
      request: async (world) => ({
        params: { ...conversation(world), decisionId: await world.freshDecision() },
        body: { text: { bg: 'Предложения от 14 години', en: '' }, themeIds: [] },
      }),
    },
  ],
  removeReportDecision: [
    {
      expect: facilitators(200),
      request: async (world) => ({
        params: { ...conversation(world), decisionId: await world.freshDecision() },
      }),
    },
  ],
  publishReport: [
    { expect: facilitators(200), request: (world) => ({ params: conversation(world) }) },
  ],
  unpublishReport: [
    { expect: facilitators(200), request: (world) => ({ params: conversation(world) }) },
  ],
  getReport: [
    {
      label: 'unpublished: a preview for its facilitators',
      expect: draftOnly(200),
      request: (world) => ({ params: conversation(world) }),
    },
  ],
  getReportMarkdown: [
    {
      label: 'unpublished',
      expect: draftOnly(200),
      request: (world) => ({ params: conversation(world) }),
    },
  ],
  getReportPdf: [
    {
      label: 'unpublished: nobody prints it',
      expect: all(404),
      request: (world) => ({ params: conversation(world) }),
    },
  ],

  // themes and tags: analysts, and facilitators of the conversation
  getThemes: [
    { expect: analystsAndFacilitators(200), request: (world) => ({ params: themed(world) }) },
  ],
  getPublicThemes: [{ expect: all(200), request: (world) => ({ params: themed(world) }) }],
  updateThemeSettings: [
    {
      expect: analystsAndFacilitators(200),
      request: (world) => ({ params: themed(world), body: { rerunAfterComments: 5000 } }),
    },
  ],
  getThemeRun: [
    {
      expect: analystsAndFacilitators(200),
      request: (world) => ({ params: { id: world.themed.runId } }),
    },
  ],
  listThemeComments: [
    {
      expect: analystsAndFacilitators(200),
      request: (world) => ({ params: { id: world.themed.themeIds[0]! } }),
    },
  ],
  listOtherComments: [
    { expect: analystsAndFacilitators(200), request: (world) => ({ params: themed(world) }) },
  ],
  updateTheme: [
    {
      expect: analystsAndFacilitators(200),
      request: (world) => ({
        params: { id: world.themed.themeIds[0]! },
        body: { labelEn: 'Public transport' },
      }),
    },
  ],
  moveThemeComments: [
    {
      expect: analystsAndFacilitators(200),
      request: (world) => ({
        params: themed(world),
        body: { commentIds: [world.themed.commentIds[0]!], themeId: null },
      }),
    },
  ],
  mergeThemes: [
    {
      label: 'a theme into itself: refused, but only after the role check',
      expect: analystsAndFacilitators(400),
      request: (world) => ({
        params: themed(world),
        body: { themeIds: [world.themed.themeIds[1]!], intoId: world.themed.themeIds[1]! },
      }),
    },
  ],
  splitTheme: [
    {
      expect: analystsAndFacilitators(200),
      request: (world, role) => ({ params: { id: themeOf(world, role) }, body: {} }),
    },
  ],
  listTags: [
    { expect: analystsAndFacilitators(200), request: (world) => ({ params: themed(world) }) },
  ],
  createTag: [
    {
      expect: analystsAndFacilitators(201),
      request: (world) => ({ params: themed(world), body: { nameBg: world.unique('Тема') } }),
    },
  ],
  updateTag: [
    {
      expect: analystsAndFacilitators(200),
      request: (world) => ({ params: { id: world.tagId }, body: { description: 'Транспорт' } }),
    },
  ],
  removeTag: [
    {
      expect: analystsAndFacilitators(204),
      request: async (world) => ({ params: { id: await world.freshTag() } }),
    },
  ],
  tagComment: [
    {
      expect: analystsAndFacilitators(204),
      request: (world) => ({
        params: { id: world.themed.commentIds[1]! },
        body: { tagId: world.tagId },
      }),
    },
  ],
  untagComment: [
    {
      expect: analystsAndFacilitators(204),
      request: (world) => ({ params: { id: world.themed.commentIds[1]!, tagId: world.tagId } }),
    },
  ],
  suggestTags: [
    { expect: analystsAndFacilitators(200), request: (world) => ({ params: themed(world) }) },
  ],
  listTagSuggestions: [
    { expect: analystsAndFacilitators(200), request: (world) => ({ params: themed(world) }) },
  ],
  decideTagSuggestion: [
    {
      label: 'no such suggestion: refused, but only after the role check',
      expect: analystsAndFacilitators(404),
      request: (world) => ({
        params: themed(world),
        body: { commentId: world.themed.commentIds[2]!, tagId: world.tagId, accept: false },
      }),
    },
  ],
  // Last, as the runs it starts replace the themes the rows above use.
  requestThemeRun: [
    {
      expect: analystsAndFacilitators(202),
      request: (world) => ({ params: themed(world), body: {} }),
    },
  ],
};
