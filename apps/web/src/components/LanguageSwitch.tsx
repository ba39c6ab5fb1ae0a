import { locales, type Locale } from '@razgovor/contracts';
import { call } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

const shortNames: Record<Locale, string> = { bg: 'БГ', en: 'EN' };

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const session = useSession();

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (!session.me) return;

    // The switch already happened here; a failed save to the profile is not worth a message.
    call('updateMe', { body: { locale: next } })
      .then(session.update)
      .catch((error: unknown) => console.warn('Could not save the language', error));
  };

  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => choose(option)}
        >
          {shortNames[option]}
        </button>
      ))}
    </div>
  );
}
