import { assignComment, loadModel, type ThemeModel, vectorOf } from '@razgovor/themes';
import type { Sql } from '../database/sql';
import type { ThemeInputsRepository } from './theme-inputs.repository';
import type { ThemeRunsRepository } from './theme-runs.repository';
import type { ThemesRepository } from './themes.repository';

const placementBatch = 500;
const cachedRuns = 8;

export interface PlacementModel {
  model: ThemeModel;
  /** Theme id of each centroid of the model, in order. */
  themeIds: string[];
}

/**
 * Places inputs without a theme with the model of a run. Themes made or narrowed by a split have
 * centroids of their own in the run's feature space; they replace or join the run's centroids.
 */
export class ThemePlacer {
  private readonly models = new Map<string, PlacementModel>();

  constructor(
    private readonly runs: ThemeRunsRepository,
    private readonly themes: ThemesRepository,
    private readonly inputs: ThemeInputsRepository,
  ) {}

  /** The run's model with the centroids of later splits; read in `tx` to see its own writes. */
  async model(tx: Sql, runId: string): Promise<PlacementModel> {
    const base = await this.runModel(runId);
    const extra = await this.runs.centroids(tx, runId);
    if (extra.length === 0) return base;
    // Cached by what it is made of: the feature index of a model is built once per model object.
    const key = `${runId}:${extra.map((row) => `${row.themeId}@${row.createdAt.getTime()}`)}`;
    const cached = this.models.get(key);
    if (cached) return cached;

    const centroids = [...base.model.centroids];
    const themeIds = [...base.themeIds];
    for (const { themeId, centroid } of extra) {
      const position = themeIds.indexOf(themeId);
      if (position >= 0) {
        centroids[position] = centroid;
      } else {
        themeIds.push(themeId);
        centroids.push(centroid);
      }
    }

    const positions = themeIds.map((_, position) => position);
    const entry = { model: { ...base.model, centroids, themeIds: positions }, themeIds };
    this.remember(key, entry);

    return entry;
  }

  /** Places inputs that have no theme yet with a model; returns how many it placed. */
  async placeUnplaced(
    tx: Sql,
    conversationId: string,
    runId: string,
    cached: PlacementModel,
    now: Date,
  ): Promise<number> {
    let placed = 0;
    for (;;) {
      const batch = await this.inputs.unplaced(tx, conversationId, placementBatch);
      if (batch.length === 0) return placed;
      const targets = await this.themes.resolve(tx, cached.themeIds);
      const placements = batch.map((input) => {
        const placement = assignComment(cached.model, input.body);
        const themeId = placement.theme === null ? null : cached.themeIds[placement.theme];

        return {
          commentId: input.id,
          themeId: themeId === null ? null : (targets.get(themeId) ?? themeId),
          confidence: placement.confidence,
        };
      });
      await this.themes.assign(tx, conversationId, placements, 'placed', runId, now, true);
      placed += batch.length;
      if (batch.length < placementBatch) return placed;
    }
  }

  private async runModel(runId: string): Promise<PlacementModel> {
    const cached = this.models.get(runId);
    if (cached) return cached;
    const stored = await this.runs.model(runId);
    const model = loadModel(JSON.stringify(stored));
    const rows = await this.themes.runThemes(runId);
    const entry = { model, themeIds: rows.map((row) => row.themeId) };
    this.remember(runId, entry);

    return entry;
  }

  private remember(key: string, entry: PlacementModel) {
    // A few conversations at a time is plenty; the oldest model goes first.
    if (this.models.size >= cachedRuns) this.models.delete(this.models.keys().next().value!);
    this.models.set(key, entry);
  }
}

/** The unit-length mean of the texts' vectors in a model's feature space. */
export function centroidOf(model: ThemeModel, texts: string[]): ThemeModel['centroids'][number] {
  const sums = new Map<number, number>();
  for (const text of texts) {
    const vector = vectorOf(model, text);
    vector.indices.forEach((index, i) =>
      sums.set(index, (sums.get(index) ?? 0) + vector.values[i]),
    );
  }

  const indices = [...sums.keys()].sort((a, b) => a - b);
  const norm = Math.sqrt(indices.reduce((sum, index) => sum + sums.get(index)! ** 2, 0)) || 1;

  return { indices, values: indices.map((index) => sums.get(index)! / norm) };
}
