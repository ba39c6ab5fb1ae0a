import { locales, type Locale } from '@razgovor/contracts';
import { useI18n } from '../i18n/i18n';
import { useChangeLocale } from '../session/useChangeLocale';

const shortNames: Record<Locale, string> = { bg: 'БГ', en: 'EN' };

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const changeLocale = useChangeLocale();

  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => changeLocale(option)}
        >
          {shortNames[option]}
        </button>
      ))}
    </div>
  );
}
