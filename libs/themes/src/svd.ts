import { gram, orthonormalize, symmetricEigen } from './linear-algebra';
import type { Random } from './random';
import { gaussian } from './random';
import type { SparseRows } from './sparse';
import { multiplyDense, multiplyTransposedDense } from './sparse';

export interface Projection {
  /** Row-major features x dimensions: a comment's embedding is its tf-idf row times this. */
  matrix: Float64Array;
  dimensions: number;
  singularValues: Float64Array;
}

const OVERSAMPLING = 10;

/**
 * Truncated SVD of the comment-term matrix by randomised range finding with power iterations
 * (Halko, Martinsson and Tropp 2011). Only products with the sparse matrix are needed, so the
 * cost grows with the number of stored terms, not with rows x columns.
 */
export function truncatedSvd(
  matrix: SparseRows,
  requested: number,
  random: Random,
  powerIterations = 1,
): Projection {
  const limit = Math.min(matrix.rows, matrix.columns);
  const dimensions = Math.max(1, Math.min(requested, limit - 1));
  const width = Math.min(dimensions + OVERSAMPLING, limit);

  const omega = new Float64Array(matrix.columns * width);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);
  let range = orthonormalize(multiplyDense(matrix, omega, width), matrix.rows, width, 1);
  for (let iteration = 0; iteration < powerIterations; iteration++) {
    // Single-pass orthogonalisation is enough between iterations; the last one is done twice.
    const back = multiplyTransposedDense(matrix, range, width);
    const basis = orthonormalize(back, matrix.columns, width, 1);
    range = orthonormalize(multiplyDense(matrix, basis, width), matrix.rows, width);
  }

  // B = Qᵀ A is small; its right singular vectors come from the eigenvectors of B Bᵀ.
  const bTransposed = multiplyTransposedDense(matrix, range, width);
  const eigen = symmetricEigen(gram(bTransposed, matrix.columns, width), width);
  const singularValues = new Float64Array(dimensions);
  const projection = new Float64Array(matrix.columns * dimensions);
  for (let j = 0; j < dimensions; j++) {
    const sigma = Math.sqrt(Math.max(eigen.values[j], 0));
    singularValues[j] = sigma;
    if (sigma < 1e-10) continue;
    for (let row = 0; row < matrix.columns; row++) {
      let sum = 0;
      const offset = row * width;
      for (let k = 0; k < width; k++) sum += bTransposed[offset + k] * eigen.vectors[k * width + j];
      projection[row * dimensions + j] = sum / sigma;
    }
  }

  return { matrix: projection, dimensions, singularValues };
}
