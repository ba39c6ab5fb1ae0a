import type { BilingualText, Locale } from '@razgovor/contracts';
import type { MessageKey, Translate } from '../i18n/i18n';

/** The text in the reader's language; Bulgarian when the English version was left empty. */
export function pick(text: BilingualText, locale: Locale): string {
  return text[locale].trim() === '' ? text.bg : text[locale];
}

type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/** Bulgarian and English both use "one" for 1 and "other" for everything else. */
export function plural(t: Translate, base: PluralBase, count: number): string {
  return count === 1 ? t(`${base}.one`, { count }) : t(`${base}.other`, { count });
}

/** A fresh random key; randomUUID needs a secure context, so plain-http pages get a fallback. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `datetime-local` works in local time without a zone; the API wants an ISO instant. */
export function toInstant(local: string): string | null {
  return local === '' ? null : new Date(local).toISOString();
}

export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');

  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
