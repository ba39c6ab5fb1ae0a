import { locales, type Locale } from '@razgovor/contracts';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { bg } from './bg';
import { en } from './en';

export type MessageKey = keyof typeof bg;
type Dictionary = Record<MessageKey, string>;

// Each dictionary must hold every key of the other, so a key missing in either fails tsc.
const dictionaries: Record<Locale, Dictionary> = {
  bg: bg satisfies Record<keyof typeof en, string>,
  en,
};

const storageKey = 'razgovor.locale';
export const defaultLocale: Locale = 'bg';

export function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale === value);
}

export function hasMessage(key: string): key is MessageKey {
  return key in dictionaries[defaultLocale];
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);

    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    // Storage can be blocked (private modes, strict settings); the default is a fine answer.
    return defaultLocale;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Without storage the choice lasts for this page load only, which is acceptable.
  }
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function createTranslator(dictionary: Dictionary): Translate {
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}

interface I18n {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
  formatDate: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    storeLocale(next);
    document.documentElement.lang = next;
  }, []);

  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

    return {
      locale,
      t: createTranslator(dictionaries[locale]),
      setLocale,
      formatDate: (iso) => dateFormat.format(new Date(iso)),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside I18nProvider');

  return context;
}

export function useT(): Translate {
  return useI18n().t;
}
