/** Rows of a sparse matrix in compressed sparse row form; each row is one comment. */
export interface SparseRows {
  rows: number;
  columns: number;
  rowPointers: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface SparseVector {
  indices: number[];
  values: number[];
}

export function normalizeSparse(vector: SparseVector): SparseVector {
  let norm = 0;
  for (const value of vector.values) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;

  return { indices: vector.indices, values: vector.values.map((value) => value / norm) };
}

export function toSparseRows(vectors: SparseVector[], columns: number): SparseRows {
  const rowPointers = new Int32Array(vectors.length + 1);
  let total = 0;
  vectors.forEach((vector, row) => {
    total += vector.indices.length;
    rowPointers[row + 1] = total;
  });
  const indices = new Int32Array(total);
  const values = new Float64Array(total);
  vectors.forEach((vector, row) => {
    indices.set(vector.indices, rowPointers[row]);
    values.set(vector.values, rowPointers[row]);
  });

  return { rows: vectors.length, columns, rowPointers, indices, values };
}

/** Dense row-major product of the sparse rows with a dense columns x width matrix. */
export function multiplyDense(
  matrix: SparseRows,
  dense: Float64Array,
  width: number,
): Float64Array {
  const { rowPointers, indices, values } = matrix;
  const result = new Float64Array(matrix.rows * width);
  for (let row = 0; row < matrix.rows; row++) {
    const target = row * width;
    for (let p = rowPointers[row]; p < rowPointers[row + 1]; p++) {
      const value = values[p];
      const source = indices[p] * width;
      for (let c = 0; c < width; c++) result[target + c] += value * dense[source + c];
    }
  }

  return result;
}

/** Dense row-major product of the transposed sparse rows with a dense rows x width matrix. */
export function multiplyTransposedDense(
  matrix: SparseRows,
  dense: Float64Array,
  width: number,
): Float64Array {
  const result = new Float64Array(matrix.columns * width);
  for (let row = 0; row < matrix.rows; row++) {
    const source = row * width;
    for (let p = matrix.rowPointers[row]; p < matrix.rowPointers[row + 1]; p++) {
      const value = matrix.values[p];
      const target = matrix.indices[p] * width;
      for (let c = 0; c < width; c++) result[target + c] += value * dense[source + c];
    }
  }

  return result;
}

/** The chosen rows, in the given order, as a matrix of their own. */
export function selectRows(matrix: SparseRows, rows: number[]): SparseRows {
  const rowPointers = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => {
    rowPointers[i + 1] = rowPointers[i] + matrix.rowPointers[row + 1] - matrix.rowPointers[row];
  });
  const indices = new Int32Array(rowPointers[rows.length]);
  const values = new Float64Array(rowPointers[rows.length]);
  rows.forEach((row, i) => {
    const [start, end] = [matrix.rowPointers[row], matrix.rowPointers[row + 1]];
    indices.set(matrix.indices.subarray(start, end), rowPointers[i]);
    values.set(matrix.values.subarray(start, end), rowPointers[i]);
  });

  return { rows: rows.length, columns: matrix.columns, rowPointers, indices, values };
}

export interface SparseSlice {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Dot product of two sparse vectors whose indices ascend. */
export function sparseDot(a: SparseSlice, b: SparseSlice): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const left = a.indices[i];
    const right = b.indices[j];
    if (left === right) sum += a.values[i++] * b.values[j++];
    else if (left < right) i++;
    else j++;
  }

  return sum;
}

/** One stored row as a view, without copying. */
export function rowOf(matrix: SparseRows, row: number): SparseSlice {
  const [start, end] = [matrix.rowPointers[row], matrix.rowPointers[row + 1]];

  return {
    indices: matrix.indices.subarray(start, end),
    values: matrix.values.subarray(start, end),
  };
}

/** The same rows over only the columns that occur in them, renumbered in their order. */
export function compactColumns(matrix: SparseRows): SparseRows {
  const renumber = new Int32Array(matrix.columns).fill(-1);
  let columns = 0;
  for (const column of matrix.indices) if (renumber[column] < 0) renumber[column] = 0;
  for (let column = 0; column < matrix.columns; column++) {
    if (renumber[column] === 0) renumber[column] = columns++;
  }

  return { ...matrix, columns, indices: matrix.indices.map((column) => renumber[column]) };
}
