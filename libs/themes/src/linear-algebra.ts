/** Row-major dense matrix helpers for the small matrices of the reduction step. */

/** Orthonormal columns spanning the columns of a row-major rows x width matrix (Gram-Schmidt). */
export function orthonormalize(
  matrix: Float64Array,
  rows: number,
  width: number,
  passes = 2,
): Float64Array {
  // Columns are copied out because the sweeps read whole columns; strided reads are slow.
  const columns = Array.from({ length: width }, (_, c) => {
    const column = new Float64Array(rows);
    for (let r = 0; r < rows; r++) column[r] = matrix[r * width + c];

    return column;
  });

  for (let c = 0; c < width; c++) {
    const column = columns[c];
    // A second pass keeps the columns orthogonal when the input is nearly dependent.
    for (let pass = 0; pass < passes; pass++) {
      for (let previous = 0; previous < c; previous++) {
        const other = columns[previous];
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += column[r] * other[r];
        if (dot === 0) continue;
        for (let r = 0; r < rows; r++) column[r] -= dot * other[r];
      }
    }

    let norm = 0;
    for (let r = 0; r < rows; r++) norm += column[r] * column[r];
    norm = Math.sqrt(norm);
    // A dependent column is zeroed rather than blown up to noise.
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let r = 0; r < rows; r++) column[r] *= scale;
  }

  const result = new Float64Array(rows * width);
  for (let c = 0; c < width; c++) {
    const column = columns[c];
    for (let r = 0; r < rows; r++) result[r * width + c] = column[r];
  }

  return result;
}

/** Gram matrix Mᵀ M of a row-major rows x width matrix. */
export function gram(matrix: Float64Array, rows: number, width: number): Float64Array {
  const result = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    for (let i = 0; i < width; i++) {
      const value = matrix[offset + i];
      if (value === 0) continue;
      for (let j = i; j < width; j++) result[i * width + j] += value * matrix[offset + j];
    }
  }

  for (let i = 0; i < width; i++) {
    for (let j = 0; j < i; j++) result[i * width + j] = result[j * width + i];
  }

  return result;
}

export interface Eigen {
  values: Float64Array;
  /** Row-major size x size; column j is the eigenvector of values[j]. Sorted by value, largest first. */
  vectors: Float64Array;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. */
export function symmetricEigen(input: Float64Array, size: number): Eigen {
  const a = Float64Array.from(input);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;

  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += a[p * size + q] ** 2;
    if (off < 1e-22) break;

    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }

        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }

        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p];
          const vkq = v[k * size + q];
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }

  const order = Array.from({ length: size }, (_, i) => i).sort(
    (i, j) => a[j * size + j] - a[i * size + i],
  );
  const values = Float64Array.from(order.map((i) => a[i * size + i]));
  const vectors = new Float64Array(size * size);
  order.forEach((source, target) => {
    for (let k = 0; k < size; k++) vectors[k * size + target] = v[k * size + source];
  });

  return { values, vectors };
}
