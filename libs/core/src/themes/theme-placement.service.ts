import { Logger } from '@nestjs/common';
import type { ThemeRunTrigger } from '@razgovor/contracts';
import type { Clock } from '../common/clock';
import type { Database } from '../database/sql';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { ThemeInputsRepository } from './theme-inputs.repository';
import type { ThemePlacer } from './theme-placer';
import type { ThemeRunsRepository, ThemeSettingsRecord } from './theme-runs.repository';
import { themesEvent, type ThemeRunsService } from './theme-runs.service';
import type { ThemePlacementJob } from './themes.queue';
import type { ThemesRepository } from './themes.repository';

/**
 * Keeps the themes of a conversation current between runs: inputs that are no longer published
 * leave their theme, inputs whose text changed are placed again, new ones are placed with the
 * model of the run in force; then a re-run starts when enough arrived, or is planned for later.
 */
export class ThemePlacementService {
  private readonly logger = new Logger(ThemePlacementService.name);

  constructor(
    private readonly database: Database,
    private readonly runs: ThemeRunsRepository,
    private readonly themes: ThemesRepository,
    private readonly inputs: ThemeInputsRepository,
    private readonly placer: ThemePlacer,
    private readonly runsService: ThemeRunsService,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async place(job: ThemePlacementJob): Promise<void> {
    const changedIds = [...(job.changedIds ?? [])];
    const answer = job.answer && (await this.inputs.answerOf(job.answer.pollId, job.answer.userId));
    if (answer) changedIds.push(answer);

    await this.placeNew(job.conversationId, {
      isTimer: job.isTimer ?? false,
      isSweep: job.isSweep ?? false,
      changedIds,
    });
  }

  /**
   * Idempotent: placing again what has a theme changes nothing; `changedIds` are input ids. The
   * sweep for comments that left publication reads every member, so only changes that may
   * unpublish a comment ask for it, not every new comment.
   */
  async placeNew(
    conversationId: string,
    options: { isTimer: boolean; isSweep: boolean; changedIds: string[] },
  ) {
    const { isTimer, changedIds } = options;
    const now = this.clock.now();
    const settings = await this.runs.findSettings(conversationId);
    if (!settings?.currentRunId) {
      await this.requestFirst(conversationId, settings);

      return;
    }

    const runId = settings.currentRunId;
    const outcome = await this.database.transaction(async (tx) => {
      const locked = await this.runs.lockSettings(tx, conversationId, now);
      // A run completed meanwhile: it placed these inputs itself.
      if (locked.currentRunId !== runId) return null;
      const left = options.isSweep ? await this.themes.releaseGone(tx, conversationId) : 0;
      const changed = await this.themes.unplace(tx, conversationId, changedIds);
      const model = await this.placer.model(tx, runId);
      const placed = await this.placer.placeUnplaced(tx, conversationId, runId, model, now);
      if (placed === 0 && left === 0) {
        return { placed, total: locked.commentsSinceRun, settings: locked, seq: 0 };
      }

      await this.themes.recount(tx, conversationId);
      // Inputs placed again after an edit are not new arrivals.
      const fresh = Math.max(0, placed - changed);
      const total = await this.runs.addCommentsSinceRun(tx, conversationId, fresh);
      const seq = await this.events.append(
        tx,
        conversationId,
        [themesEvent(conversationId, [], 'placed')],
        now,
      );

      return { placed: fresh, total, settings: locked, seq };
    });
    if (!outcome) return;
    this.notices.publish(conversationId, outcome.seq);
    if (changedIds.length > 0) {
      this.logger.log(`Placed ${changedIds.length} changed inputs of ${conversationId} again`, {
        conversationId,
        inputIds: changedIds,
      });
    }

    const isDue =
      outcome.total >= outcome.settings.rerunAfterComments || (isTimer && outcome.total > 0);
    if (isDue) {
      await this.requestIfIdle(conversationId, 'debounced');
    } else if (outcome.placed > 0 && outcome.total === outcome.placed) {
      await this.runsService.planTimer(conversationId, outcome.settings.currentRunId);
    }
  }

  /** Before the first run: cluster once the conversation has enough inputs for themes. */
  private async requestFirst(conversationId: string, settings: ThemeSettingsRecord | null) {
    const threshold = settings?.rerunAfterComments ?? 50;
    const count = await this.inputs.count(this.database.pool, conversationId);
    if (count >= threshold) await this.requestIfIdle(conversationId, 'first');
  }

  private async requestIfIdle(conversationId: string, trigger: ThemeRunTrigger) {
    if (await this.runs.hasActive(this.database.pool, conversationId)) return;
    await this.runsService.request(conversationId, trigger, null);
  }
}
