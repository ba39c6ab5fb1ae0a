/** Labels of two partitions of the same items; any string, number or null is a group name. */
export type Partition = ReadonlyArray<string | number | null>;

interface Contingency {
  cells: Map<string, number>;
  rowSums: Map<string, number>;
  columnSums: Map<string, number>;
  total: number;
}

function contingency(truth: Partition, predicted: Partition): Contingency {
  if (truth.length !== predicted.length) {
    throw new Error(`Partitions differ in length: ${truth.length} and ${predicted.length}`);
  }

  const cells = new Map<string, number>();
  const rowSums = new Map<string, number>();
  const columnSums = new Map<string, number>();

  for (let i = 0; i < truth.length; i++) {
    const row = String(truth[i]);
    const column = String(predicted[i]);
    const cell = JSON.stringify([row, column]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    rowSums.set(row, (rowSums.get(row) ?? 0) + 1);
    columnSums.set(column, (columnSums.get(column) ?? 0) + 1);
  }

  return { cells, rowSums, columnSums, total: truth.length };
}

function entropy(sums: Map<string, number>, total: number): number {
  let result = 0;
  for (const count of sums.values()) {
    const p = count / total;
    if (p > 0) result -= p * Math.log(p);
  }

  return result;
}

/**
 * Normalised mutual information with the arithmetic mean of the two entropies as the normaliser
 * (the convention of scikit-learn's default), so figures compare with published ones.
 */
export function nmi(truth: Partition, predicted: Partition): number {
  const table = contingency(truth, predicted);
  const { total } = table;
  if (total === 0) return 1;

  let mutual = 0;
  for (const [cell, count] of table.cells) {
    const [row, column] = JSON.parse(cell) as [string, string];
    const rowSum = table.rowSums.get(row) ?? 0;
    const columnSum = table.columnSums.get(column) ?? 0;
    mutual += (count / total) * Math.log((count * total) / (rowSum * columnSum));
  }

  const hTruth = entropy(table.rowSums, total);
  const hPredicted = entropy(table.columnSums, total);
  // Both partitions a single group: identical by convention; only one of them: nothing shared.
  if (hTruth === 0 && hPredicted === 0) return 1;
  const mean = (hTruth + hPredicted) / 2;

  return mean === 0 ? 0 : Math.max(0, mutual / mean);
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

/** Adjusted Rand index (Hubert and Arabie): 1 for identical partitions, about 0 for chance. */
export function ari(truth: Partition, predicted: Partition): number {
  const table = contingency(truth, predicted);
  let index = 0;
  for (const count of table.cells.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of table.rowSums.values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of table.columnSums.values()) columnPairs += pairs(count);

  const totalPairs = pairs(table.total);
  const expected = totalPairs === 0 ? 0 : (rowPairs * columnPairs) / totalPairs;
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;

  return (index - expected) / (maximum - expected);
}
