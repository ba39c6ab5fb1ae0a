import { Logger } from '@nestjs/common';
import type { ThemeRunTrigger, ThemesChange } from '@razgovor/contracts';
import { type ThemeModel, type ThemeResult, themesCodeVersion } from '@razgovor/themes';
import { createHash } from 'node:crypto';
import type { Clock } from '../common/clock';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import { toThemeRun } from './presenters';
import { computeThemes } from './theme-compute';
import { answerIdOf, answerInputId } from './theme-inputs';
import type { InputSnapshot, ThemeInputsRepository } from './theme-inputs.repository';
import { derivedUuid, matchClusters } from './theme-matching';
import { centroidOf, type ThemePlacer } from './theme-placer';
import type {
  RunParameters,
  ThemeRunRecord,
  ThemeRunsRepository,
  ThemeSettingsRecord,
} from './theme-runs.repository';
import type { ThemesQueue } from './themes.queue';
import type { Placement, RunThemeRow, ThemesRepository } from './themes.repository';

/** Share of the progress bar each stage of a run ends at. */
const stageEnds: Record<string, number> = {
  loading: 0.05,
  features: 0.25,
  clustering: 0.85,
  labels: 0.95,
  saving: 1,
};
const progressEveryMs = 500;

export interface RunOverrides {
  k?: number;
  seed?: number;
}

/**
 * Theme runs from request to stored output.
 *
 * A run is keyed by its input (parameters, code version, input ids and the texts they had), so
 * asking twice makes one run. The worker may run it more than once (a retry, a worker killed
 * mid-run): the output is written in one transaction that first locks the run row and gives up
 * if the run is already completed, so exactly one output is ever stored, and the same input and
 * seed give the same one. Its input is comments and open poll answers, named by input id.
 */
export class ThemeRunsService {
  private readonly logger = new Logger(ThemeRunsService.name);

  constructor(
    private readonly database: Database,
    private readonly runs: ThemeRunsRepository,
    private readonly themes: ThemesRepository,
    private readonly inputs: ThemeInputsRepository,
    private readonly placer: ThemePlacer,
    private readonly queue: ThemesQueue,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  /** Creates (or finds) the run for the conversation's current input and queues it. */
  async request(
    conversationId: string,
    trigger: ThemeRunTrigger,
    actorId: string | null,
    overrides: RunOverrides = {},
  ): Promise<{ run: ThemeRunRecord; isNew: boolean }> {
    const now = this.clock.now();
    const outcome = await this.database.transaction(async (tx) => {
      const settings = await this.runs.lockSettings(tx, conversationId, now);
      const input = await this.inputs.snapshot(tx, conversationId);
      if (input.commentIds.length + input.answers.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'The conversation has no comments to cluster');
      }

      const parameters = await this.parameters(tx, settings, overrides);
      const inputKey = inputKeyOf(parameters, input);
      const existing = await this.runs.findByKey(tx, conversationId, inputKey);
      if (existing && existing.status !== 'failed') {
        return { run: existing, isNew: false, seq: 0, retry: 0 };
      }

      const run = existing
        ? await this.runs.requeue(tx, existing.id)
        : await this.runs.insert(tx, {
            conversationId,
            inputKey,
            trigger,
            parameters,
            codeVersion: themesCodeVersion,
            inputCommentIds: input.commentIds,
            inputAnswers: input.answers.map((answer) => ({
              id: answerIdOf(answer.id),
              body: answer.body,
            })),
            inputRevisions: input.revisions,
            requestedBy: actorId,
            createdAt: now,
          });
      const seq = await this.append(tx, conversationId, [runEvent(run)], now);

      return { run, isNew: true, seq, retry: existing ? existing.attempts : 0 };
    });

    this.notices.publish(conversationId, outcome.seq);
    // Queued again even when found: a no-op while its job exists, a rescue if the job was lost.
    await this.queue.run(outcome.run.id, outcome.retry);
    if (outcome.isNew) {
      this.logger.log(`Queued theme run ${outcome.run.number} for conversation ${conversationId}`, {
        runId: outcome.run.id,
        conversationId,
        trigger,
        inputCount: outcome.run.inputCount,
      });
    }

    return { run: outcome.run, isNew: outcome.isNew };
  }

  private async parameters(
    tx: Sql,
    settings: ThemeSettingsRecord,
    overrides: RunOverrides,
  ): Promise<RunParameters> {
    const active = await this.themes.listActive(settings.conversationId, tx);
    const members = await this.themes.members(tx, settings.conversationId);
    const pinned = active
      .filter((theme) => theme.isPinned)
      .map((theme) => ({ themeId: theme.id, commentIds: members.get(theme.id) ?? [] }))
      .sort((a, b) => a.themeId.localeCompare(b.themeId));

    return {
      seed: overrides.seed ?? settings.seed,
      k: overrides.k ?? null,
      minK: settings.minK,
      maxK: settings.maxK,
      pinned,
      moved: await this.themes.moved(tx, settings.conversationId),
    };
  }

  /** Runs a queued run to completion; harmless to call again for the same run. */
  async execute(runId: string, isLastAttempt: boolean): Promise<'completed' | 'already'> {
    const started = await this.runs.start(runId, this.clock.now());
    if (!started) return 'already';
    const { conversationId } = started;
    this.logger.log(`Started theme run ${started.number} of conversation ${conversationId}`, {
      runId,
      conversationId,
      attempt: started.attempts,
    });
    await this.announce(conversationId, [runEvent(started)]);

    try {
      const result = await this.compute(started);
      const isWritten = await this.write(started, result);
      if (!isWritten) return 'already';
      this.logger.log(`Completed theme run ${started.number} of conversation ${conversationId}`, {
        runId,
        conversationId,
        themes: result.output.themes.length,
      });

      return 'completed';
    } catch (error) {
      await this.recordFailure(started, error, isLastAttempt);

      throw error;
    }
  }

  /** Analysts see every failed attempt: a retry to come, or the run failed for good. */
  private async recordFailure(run: ThemeRunRecord, error: unknown, isLastAttempt: boolean) {
    const message = error instanceof Error ? error.message : String(error);
    const { id: runId, conversationId } = run;
    this.logger.warn(
      `Theme run ${run.number} failed${isLastAttempt ? '' : ', to be retried'}: ${message}`,
      { runId, conversationId, attempt: run.attempts },
    );
    try {
      const seq = await this.database.transaction(async (tx) => {
        const updated = isLastAttempt
          ? await this.runs.fail(tx, runId, message)
          : await this.runs.retrying(tx, runId, message);

        return updated ? this.append(tx, conversationId, [runEvent(updated)], this.clock.now()) : 0;
      });
      this.notices.publish(conversationId, seq);
    } catch (recording) {
      // The database may be what failed; the job's own retry and failure still stand.
      this.logger.warn(`Could not record the failure of theme run ${runId}: ${String(recording)}`);
    }
  }

  private async compute(run: ThemeRunRecord) {
    const input = await this.runs.input(run.id);
    const answerIds = input.answerIds.map(answerInputId);
    const inputIds = [...input.commentIds, ...answerIds];
    const held = new Set(run.parameters.pinned.flatMap((pinned) => pinned.commentIds));
    const clusteredIds = inputIds.filter((id) => !held.has(id));
    // The texts as they were when the run was asked for: a rerun of it reads the same words.
    const texts = await this.inputs.commentTexts(input.commentIds, input.revisions);
    answerIds.forEach((id, i) => texts.set(id, input.answerTexts[i]));
    const bodies = clusteredIds.map((id) => texts.get(id) ?? '');
    const { parameters } = run;
    let lastReport = 0;
    let reporting = Promise.resolve();

    const output = await computeThemes(
      {
        texts: bodies,
        options: {
          seed: parameters.seed,
          k: parameters.k ?? undefined,
          minK: parameters.minK ?? undefined,
          maxK: parameters.maxK ?? undefined,
        },
      },
      (stage, done, total) => {
        const now = Date.now();
        if (now - lastReport < progressEveryMs && done < total) return;
        lastReport = now;
        reporting = reporting.then(() => this.report(run, stage, done / Math.max(1, total)));
      },
    );
    await reporting;
    await this.report(run, 'saving', 0);

    return { output, clusteredIds, texts };
  }

  private async report(run: ThemeRunRecord, stage: string, fraction: number): Promise<void> {
    const stages = Object.keys(stageEnds);
    const start = stages.indexOf(stage) > 0 ? stageEnds[stages[stages.indexOf(stage) - 1]] : 0;
    const progress = start + (stageEnds[stage] - start) * Math.min(1, Math.max(0, fraction));
    try {
      const seq = await this.database.transaction(async (tx) => {
        const updated = await this.runs.progress(tx, run.id, stage, progress);

        return updated
          ? this.append(tx, run.conversationId, [runEvent(updated)], this.clock.now())
          : 0;
      });
      this.notices.publish(run.conversationId, seq);
    } catch (error) {
      // Progress is a courtesy: a lost update must not fail the run.
      this.logger.warn(`Could not report progress of theme run ${run.id}: ${String(error)}`);
    }
  }

  /** Stores the output and the new state of the themes in one transaction. */
  private async write(
    run: ThemeRunRecord,
    computed: { output: ThemeResult; clusteredIds: string[]; texts: Map<string, string> },
  ): Promise<boolean> {
    const { output, clusteredIds, texts } = computed;
    const { conversationId, parameters } = run;
    const now = this.clock.now();

    const written = await this.database.transaction(async (tx) => {
      const locked = await this.runs.lock(tx, run.id);
      if (!locked || locked.status === 'completed') return null;
      await this.runs.lockSettings(tx, conversationId, now);

      const clusters = output.themes.map((theme) =>
        clusteredIds.filter((_, i) => output.assignments[i].theme === theme.id),
      );
      const pinnedIds = new Set(parameters.pinned.map((pinned) => pinned.themeId));
      const members = await this.themes.members(tx, conversationId);
      const previous = (await this.themes.listActive(conversationId, tx))
        .filter((theme) => !pinnedIds.has(theme.id))
        .map((theme) => ({ id: theme.id, commentIds: members.get(theme.id) ?? [] }));
      const matches = matchClusters(clusters, previous);
      const themeIds = matches.map(
        (match, position) => match.themeId ?? derivedUuid(`${run.id}:${position}`),
      );

      const runThemes: RunThemeRow[] = output.themes.map((theme, position) => ({
        runId: run.id,
        themeId: themeIds[position],
        position,
        label: theme.label,
        terms: theme.terms,
        size: theme.size,
        representativeIds: theme.representatives.map((index) => clusteredIds[index]),
        match: matches[position].themeId ? 'matched' : 'new',
        overlap: matches[position].themeId ? matches[position].overlap : null,
      }));
      for (const row of runThemes) {
        if (row.match === 'new') {
          await this.themes.insertTheme(
            tx,
            { id: row.themeId, conversationId, autoLabel: row.label, terms: row.terms },
            run.id,
            now,
          );
        } else {
          await this.themes.refreshTheme(
            tx,
            row.themeId,
            { autoLabel: row.label, terms: row.terms, runId: run.id },
            now,
          );
        }
      }

      const pinned = await this.pinnedThemes(tx, run, output.model, texts, runThemes.length);
      runThemes.push(...pinned.rows);
      const model = { ...output.model, themeIds: runThemes.map((row) => row.position) };
      model.centroids = [...output.model.centroids, ...pinned.centroids];

      const placements: Placement[] = clusteredIds.map((commentId, i) => {
        const theme = output.assignments[i].theme;

        return {
          commentId,
          themeId: theme === null ? null : themeIds[theme],
          confidence: output.assignments[i].confidence,
        };
      });
      for (const pinnedTheme of parameters.pinned) {
        for (const commentId of pinnedTheme.commentIds) {
          placements.push({ commentId, themeId: pinnedTheme.themeId, confidence: 1 });
        }
      }

      const alive = runThemes.map((row) => row.themeId);
      await this.themes.retireOthers(tx, conversationId, alive, now);
      await this.themes.insertRunThemes(tx, runThemes);
      await this.themes.insertRunAssignments(tx, run.id, placements);
      await this.themes.assign(tx, conversationId, placements, 'run', run.id, now, false);
      const aliveSet = new Set(alive);
      const kept = parameters.moved
        .filter((move) => move.themeId === null || aliveSet.has(move.themeId))
        .map((move) => ({ commentId: move.commentId, themeId: move.themeId, confidence: 1 }));
      await this.themes.assign(tx, conversationId, kept, 'moved', null, now, false);
      await this.themes.releaseRetired(tx, conversationId, now);
      await this.themes.releaseGone(tx, conversationId);

      const cached = { model, themeIds: runThemes.map((row) => row.themeId) };
      const later = await this.placer.placeUnplaced(tx, conversationId, run.id, cached, now);
      await this.themes.recount(tx, conversationId);
      const completed = await this.runs.complete(
        tx,
        run.id,
        {
          model,
          scores: output.scores,
          themeCount: runThemes.length,
          otherCount: placements.filter((placement) => placement.themeId === null).length,
        },
        now,
      );
      await this.runs.updateSettings(
        tx,
        conversationId,
        { currentRunId: run.id, commentsSinceRun: later },
        now,
      );
      const seq = await this.append(
        tx,
        conversationId,
        [runEvent(completed), themesEvent(conversationId, alive, 'run')],
        now,
      );

      return { seq, later };
    });

    if (!written) return false;
    this.notices.publish(conversationId, written.seq);
    if (written.later > 0) await this.planTimer(conversationId, run.id);

    return true;
  }

  /** Pinned themes keep their comments; their centroid in this run's space places new ones. */
  private async pinnedThemes(
    tx: Sql,
    run: ThemeRunRecord,
    model: ThemeModel,
    texts: Map<string, string>,
    firstPosition: number,
  ) {
    const rows: RunThemeRow[] = [];
    const centroids: ThemeModel['centroids'] = [];
    const records = await this.themes.lock(
      tx,
      run.parameters.pinned.map((pinned) => pinned.themeId),
    );
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const pinned of run.parameters.pinned) {
      const record = byId.get(pinned.themeId);
      if (!record) continue;
      rows.push({
        runId: run.id,
        themeId: record.id,
        position: firstPosition + rows.length,
        label: record.autoLabel,
        terms: record.terms,
        size: pinned.commentIds.length,
        representativeIds: pinned.commentIds.slice(0, 5),
        match: 'pinned',
        overlap: null,
      });
      centroids.push(
        centroidOf(
          model,
          pinned.commentIds.map((id) => texts.get(id) ?? ''),
        ),
      );
    }

    return { rows, centroids };
  }

  /** Plans a re-run after the quiet time, for inputs that arrived since this run. */
  async planTimer(conversationId: string, runId: string | null) {
    const settings = await this.runs.findSettings(conversationId);
    const minutes = settings?.rerunAfterMinutes ?? 30;
    await this.queue.timer(conversationId, runId, minutes * 60_000);
  }

  private async announce(conversationId: string, events: NewEvent[]) {
    const now = this.clock.now();
    const seq = await this.database.transaction((tx) =>
      this.append(tx, conversationId, events, now),
    );
    this.notices.publish(conversationId, seq);
  }

  private append(tx: Sql, conversationId: string, events: NewEvent[], now: Date) {
    return this.events.append(tx, conversationId, events, now);
  }
}

export function runEvent(run: ThemeRunRecord): NewEvent {
  return {
    type: 'theme_run.updated',
    payload: { run: toThemeRun(run) },
    topicId: null,
    audience: 'analysts',
  };
}

export function themesEvent(
  conversationId: string,
  themeIds: string[],
  change: ThemesChange,
): NewEvent {
  return {
    type: 'themes.changed',
    payload: { conversationId, themeIds, change },
    topicId: null,
    audience: 'analysts',
  };
}

/** Comments only, never edited, keep the key they had before answers and revisions counted. */
function inputKeyOf(parameters: RunParameters, input: InputSnapshot): string {
  const hash = createHash('sha256')
    .update(themesCodeVersion)
    .update('\n')
    .update(JSON.stringify(parameters))
    .update('\n')
    .update(input.commentIds.join(','));
  if (Object.keys(input.revisions).length > 0) {
    hash.update('\nrevisions ').update(JSON.stringify(input.revisions));
  }

  for (const answer of input.answers) {
    hash.update(`\n${answer.id} `).update(createHash('sha256').update(answer.body).digest('hex'));
  }

  return hash.digest('hex');
}
