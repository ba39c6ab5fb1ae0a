import type { Me, Summary } from '@razgovor/contracts';
import { createContext, useContext, type Dispatch } from 'react';
import type { ThreadAction, Threads } from './threads';

export interface ThreadApi {
  me: Me | null;
  topicId: string;
  /** The topic and its conversation accept comments now. */
  isOpen: boolean;
  canFacilitate: boolean;
  threads: Threads;
  dispatch: Dispatch<ThreadAction>;
  /** A permalink's comment: highlighted and scrolled to. */
  highlightId: string | null;
  /** Replies deeper than this below the list's top level get a "continue this thread" link. */
  maxDepth: number;
  openForm: { kind: 'reply' | 'edit'; commentId: string } | null;
  setOpenForm: (form: ThreadApi['openForm']) => void;
  /** Every version of each thread's summary, newest first, by the thread's root comment id. */
  threadSummaries: Record<string, Summary[]>;
  /** A summary was published or answered: keep the page's copy current. */
  onSummary: (summary: Summary) => void;
}

export const ThreadContext = createContext<ThreadApi | null>(null);

export function useThread(): ThreadApi {
  const context = useContext(ThreadContext);
  if (!context) throw new Error('useThread must be used inside ThreadContext');

  return context;
}
