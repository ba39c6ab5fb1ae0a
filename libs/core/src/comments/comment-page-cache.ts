import type { CommentPage } from '@razgovor/contracts';
import { createHash } from 'node:crypto';

/** A page serialised for sending, with its entity tag when it is one shared by many readers. */
export interface SerialisedPage {
  body: Buffer | string;
  etag: string | null;
}

/** A page as an anonymous reader sees it, and the same already serialised. */
export interface SharedPage extends SerialisedPage {
  page: CommentPage;
}

export function sharedPage(page: CommentPage): SharedPage {
  const body = Buffer.from(JSON.stringify(page));
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;

  return { page, body, etag };
}

/**
 * This process's copy of the public part of comment pages (what an anonymous reader sees).
 *
 * An entry is stamped with the last event seq this process knows for the conversation (from its
 * own writes at once, from other processes' commit notices through Redis) and with a generation
 * that a flush moves on; a page whose stamp no longer matches is never served. The stamp is taken
 * before the page is read, so an entry is at least as new as its stamp says. While the process
 * cannot hear notices the cache is off, and no entry outlives `maxAgeMs` whatever happens.
 */
export class CommentPageCache {
  private readonly versions = new Map<string, number>();
  private readonly entries = new Map<
    string,
    { stamp: string; bornAt: number; value: Promise<unknown> }
  >();
  /** Topics never move between conversations, so this needs no invalidation. */
  private readonly topicConversations = new Map<string, string>();
  private generation = 0;
  private isLive = false;

  constructor(
    private readonly capacity = 500,
    private readonly maxAgeMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a notice listener is connected; pages are cached only while it is. */
  setLive(isLive: boolean): void {
    if (isLive === this.isLive) return;
    this.isLive = isLive;
    this.flush();
  }

  /** The conversation has committed events up to `seq`. */
  advance(conversationId: string, seq: number): void {
    if (seq > (this.versions.get(conversationId) ?? 0)) this.versions.set(conversationId, seq);
  }

  /** Forgets every page: for changes that carry no event, such as a renamed or erased account. */
  flush(): void {
    this.generation++;
    this.entries.clear();
  }

  conversationOf(topicId: string): string | undefined {
    return this.topicConversations.get(topicId);
  }

  rememberTopic(topicId: string, conversationId: string): void {
    if (this.topicConversations.size >= this.capacity * 10) this.topicConversations.clear();
    this.topicConversations.set(topicId, conversationId);
  }

  /**
   * The value under `key` (a page, or what a page read needs to know about its conversation),
   * read by `load` unless one of the conversation's current stamp is cached.
   */
  get<T>(conversationId: string, key: string, load: () => Promise<T>): Promise<T> {
    if (!this.isLive) return load();
    const stamp = `${this.generation}:${this.versions.get(conversationId) ?? 0}`;
    const now = this.now();

    const cached = this.entries.get(key);
    if (cached && cached.stamp === stamp && now - cached.bornAt < this.maxAgeMs) {
      // Map order is recency order: the first entry is the one evicted next.
      this.entries.delete(key);
      this.entries.set(key, cached);

      return cached.value as Promise<T>;
    }

    const value = load();
    const entry = { stamp, bornAt: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }

    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });

    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
