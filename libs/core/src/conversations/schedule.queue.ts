import type { DefaultJobOptions, Queue } from 'bullmq';
import type { Clock } from '../common/clock';
import type { ConversationRecord } from './conversation.records';

export const SCHEDULE_QUEUE = 'conversation-schedule';

/** A due check for one conversation, or (without an id) for every conversation. */
export interface ScheduleJob {
  conversationId?: string;
}

export const scheduleJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

/**
 * Plans a delayed job at each future opening and closing time. Each job only re-checks the
 * conversation against the clock, so a stale job (the schedule moved) is harmless, and the
 * worker's periodic sweep catches any job that was lost.
 */
export class ScheduleQueue {
  constructor(
    private readonly queue: Queue<ScheduleJob>,
    private readonly clock: Clock,
  ) {}

  async plan(conversation: Pick<ConversationRecord, 'id' | 'opensAt' | 'closesAt'>) {
    const now = this.clock.now().getTime();
    for (const at of [conversation.opensAt, conversation.closesAt]) {
      if (!at || at.getTime() <= now) continue;
      await this.queue.add(
        'due',
        { conversationId: conversation.id },
        { jobId: `due-${conversation.id}-${at.getTime()}`, delay: at.getTime() - now },
      );
    }
  }
}
