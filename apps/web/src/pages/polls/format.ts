import type { Locale } from '@razgovor/contracts';

/** Whole numbers and shares as people in each language write them (1 500 000 / 1,500,000). */
export function formatNumber(locale: Locale, value: number, digits = 0): string {
  return new Intl.NumberFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
}
