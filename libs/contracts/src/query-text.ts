import { z } from 'zod';

/**
 * Words to search for, as typed into a query string: trimmed, bounded, and free of control
 * characters, which no one types and which the database refuses in text.
 */
export function searchText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), 'Must not contain control characters');
}
