import type { DefaultJobOptions, Queue } from 'bullmq';

export const THEME_RUNS_QUEUE = 'theme-runs';
export const THEME_PLACEMENT_QUEUE = 'theme-placement';

export interface ThemeRunJob {
  runId: string;
}

/** Places new comments of a conversation in its themes and checks whether a re-run is due. */
export interface ThemePlacementJob {
  conversationId: string;
  /** The comment that prompted the job; every unplaced comment of the conversation is placed. */
  commentId?: string;
  /** A timer job: re-cluster if anything arrived since the last run. */
  isTimer?: boolean;
  /** Input ids whose text changed: they are placed again unless a person moved them. */
  changedIds?: string[];
  /** Comments may have been hidden, held or withdrawn: take them out of their themes. */
  isSweep?: boolean;
  /** A person's open answer to a poll, new or changed: placed (again) like a changed input. */
  answer?: { pollId: string; userId: string };
}

export const themeRunJobOptions: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

export const themePlacementJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

/**
 * Hands theme work to the worker. Job ids make a repeated request harmless: one job per run, one
 * per new comment, one timer per conversation and run in force.
 */
export class ThemesQueue {
  constructor(
    private readonly runs: Queue<ThemeRunJob>,
    private readonly placement: Queue<ThemePlacementJob>,
  ) {}

  async run(runId: string, retry = 0): Promise<void> {
    const jobId = retry === 0 ? `run-${runId}` : `run-${runId}-retry-${retry}`;
    await this.runs.add('run', { runId }, { jobId });
  }

  async place(conversationId: string, commentId: string): Promise<void> {
    await this.placement.add(
      'place',
      { conversationId, commentId },
      { jobId: `place-${commentId}` },
    );
  }

  /**
   * Places a conversation's inputs after a change to some of them: `reason` names the change
   * once (e.g. the event that made it), so a repeated call for the same change is harmless.
   */
  async refresh(
    conversationId: string,
    reason: string,
    change: Pick<ThemePlacementJob, 'changedIds' | 'answer' | 'isSweep'> = {},
  ): Promise<void> {
    await this.placement.add(
      'refresh',
      { conversationId, ...change },
      { jobId: `refresh-${conversationId}-${reason}` },
    );
  }

  async timer(conversationId: string, runId: string | null, delayMs: number): Promise<void> {
    await this.placement.add(
      'timer',
      { conversationId, isTimer: true },
      {
        jobId: `timer-${conversationId}-${runId ?? 'none'}`,
        delay: delayMs,
        // Gone once done, so a later quiet spell under the same run can plan a timer again.
        removeOnComplete: true,
      },
    );
  }
}
