import type { Locale } from '@razgovor/contracts';
import { call } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useSession } from './session';

/** Switches the interface language at once and, for signed-in people, saves it to the profile. */
export function useChangeLocale(): (next: Locale) => void {
  const { locale, setLocale } = useI18n();
  const session = useSession();

  return (next) => {
    if (next === locale) return;
    setLocale(next);
    if (!session.me) return;

    // The switch already happened here; a failed save to the profile is not worth a message.
    call('updateMe', { body: { locale: next } })
      .then(session.update)
      .catch((error: unknown) => console.warn('Could not save the language', error));
  };
}
