import { compileWordList, type Matcher } from '@razgovor/text';
import { ContentCheck, type ContentVerdict } from './content-check';
import type { ModerationSettingsRepository } from './moderation-settings.repository';
import type { WordListRepository } from './word-list.repository';

/** Conversations whose compiled lists stay in memory; the least recently used go first. */
const capacity = 200;

/**
 * The compiled word list of each conversation, kept per process by version. It is derived from
 * Postgres and cheap to rebuild, so a process that missed a change only needs the new version
 * number, which every check reads.
 */
export class WordListCache extends ContentCheck {
  private readonly compiled = new Map<string, { version: number; matcher: Matcher }>();

  constructor(
    private readonly entries: WordListRepository,
    private readonly settings: ModerationSettingsRepository,
  ) {
    super();
  }

  async check(conversationId: string, text: string): Promise<ContentVerdict> {
    const matcher = await this.matcher(conversationId);
    if (matcher.size === 0) return { action: null, matches: [] };
    const result = matcher.match(text);

    return {
      action: result.action,
      matches: result.matches.map((match) => ({
        entryId: match.entryId,
        action: match.action,
        start: match.start,
        end: match.end,
        text: match.text,
      })),
    };
  }

  private async matcher(conversationId: string): Promise<Matcher> {
    const { wordListVersion: version } = await this.settings.find(conversationId);
    const cached = this.compiled.get(conversationId);
    if (cached && cached.version === version) {
      this.compiled.delete(conversationId);
      this.compiled.set(conversationId, cached);

      return cached.matcher;
    }

    const entries = await this.entries.list(conversationId);
    const matcher = compileWordList(entries);
    this.compiled.set(conversationId, { version, matcher });
    if (this.compiled.size > capacity) {
      this.compiled.delete(this.compiled.keys().next().value!);
    }

    return matcher;
  }
}
