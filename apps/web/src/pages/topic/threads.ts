import type { Comment, CommentPage } from '@razgovor/contracts';

/**
 * The comments a reader has on screen, as a tree, plus the new ones that arrived live and wait
 * behind the "n new comments" marker so that the page never moves under the reader.
 */
export interface Threads {
  byId: Record<string, Comment>;
  roots: string[];
  children: Record<string, string[]>;
  pending: Comment[];
  nextCursor: string | null;
}

export type ThreadAction =
  | { type: 'page'; page: CommentPage; append: boolean }
  | { type: 'replies'; replies: Comment[] }
  | { type: 'arrived'; comment: Comment }
  | { type: 'revealed' }
  | { type: 'posted'; comment: Comment }
  /** `own` replies from the API carry the reader's stance; live copies do not. */
  | { type: 'changed'; comment: Comment; own?: boolean }
  | { type: 'counts'; commentId: string; agree: number; disagree: number };

export const emptyThreads: Threads = {
  byId: {},
  roots: [],
  children: {},
  pending: [],
  nextCursor: null,
};

function addReplies(state: Threads, replies: Comment[]): Threads {
  const byId = { ...state.byId };
  const children = { ...state.children };
  for (const reply of replies) {
    if (byId[reply.id] || !reply.parentId) continue;
    byId[reply.id] = reply;
    children[reply.parentId] = [...(children[reply.parentId] ?? []), reply.id];
  }

  return { ...state, byId, children };
}

/**
 * Adds comments the reader chose to see (or wrote), oldest first: new threads go on top, newest
 * first; replies go under their parent and raise their ancestors' counts.
 */
function insert(state: Threads, comments: Comment[]): Threads {
  const fresh = comments.filter((comment) => !state.byId[comment.id]);
  const ids = new Set(comments.map((comment) => comment.id));
  let next: Threads = { ...state, pending: state.pending.filter((item) => !ids.has(item.id)) };
  const roots = fresh.filter((comment) => comment.parentId === null);
  const replies = fresh.filter((comment) => comment.parentId !== null);

  next = {
    ...next,
    byId: { ...next.byId },
    roots: [...roots.map((root) => root.id).reverse(), ...next.roots],
  };
  for (const root of roots) next.byId[root.id] = root;

  const placed = replies.filter((reply) => reply.parentId && next.byId[reply.parentId]);
  next = addReplies(next, placed);
  for (const reply of placed) {
    let ancestorId = reply.parentId;
    while (ancestorId && next.byId[ancestorId]) {
      const ancestor = next.byId[ancestorId];
      next.byId[ancestorId] = { ...ancestor, replyCount: ancestor.replyCount + 1 };
      ancestorId = ancestor.parentId;
    }
  }

  return next;
}

/** Live copies carry no personal stance: keep the reader's own. */
function merge(previous: Comment | undefined, incoming: Comment): Comment {
  return previous ? { ...incoming, myStance: previous.myStance } : incoming;
}

export function threadsReducer(state: Threads, action: ThreadAction): Threads {
  switch (action.type) {
    case 'page': {
      const base = action.append ? state : { ...emptyThreads, pending: state.pending };
      const items = action.page.items.filter((item) => !base.byId[item.id]);
      const byId = { ...base.byId };
      for (const item of items) byId[item.id] = item;

      return {
        ...base,
        byId,
        roots: [...base.roots, ...items.map((item) => item.id)],
        nextCursor: action.page.nextCursor,
      };
    }

    case 'replies':
      return addReplies(state, action.replies);
    case 'arrived':
      // A held comment its author already sees arrives again once approved: update it in place.
      if (state.byId[action.comment.id]) {
        return threadsReducer(state, { type: 'changed', comment: action.comment });
      }

      if (state.pending.some((item) => item.id === action.comment.id)) return state;

      return { ...state, pending: [...state.pending, action.comment] };
    case 'revealed':
      return insert(state, state.pending);
    case 'posted':
      return insert(state, [action.comment]);
    case 'changed': {
      const { comment } = action;
      const pending = state.pending.map((item) => (item.id === comment.id ? comment : item));
      if (!state.byId[comment.id]) return { ...state, pending };

      const updated = action.own ? comment : merge(state.byId[comment.id], comment);
      const byId = { ...state.byId, [comment.id]: updated };

      return { ...state, byId, pending };
    }

    case 'counts': {
      const current = state.byId[action.commentId];
      if (!current) return state;
      const updated = { ...current, agree: action.agree, disagree: action.disagree };

      return { ...state, byId: { ...state.byId, [current.id]: updated } };
    }
  }
}
