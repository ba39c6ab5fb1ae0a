import { locales } from '@razgovor/contracts';
import { SelectField } from '../../components/Field';
import { choose, localeOptions } from '../../forms/options';
import { useI18n } from '../../i18n/i18n';
import { useChangeLocale } from '../../session/useChangeLocale';

export function LanguageChoice() {
  const { t, locale } = useI18n();
  const changeLocale = useChangeLocale();

  const handleChange = (value: string) => {
    const next = choose(locales, value);
    if (next) changeLocale(next);
  };

  return (
    <section aria-labelledby="language-title" className="card">
      <h2 id="language-title">{t('profile.languageTitle')}</h2>
      <SelectField
        name="locale"
        label={t('field.language')}
        hint={t('profile.languageHint')}
        value={locale}
        options={localeOptions(t)}
        onChange={handleChange}
      />
    </section>
  );
}
