import { ageBands, districts, genders, locales, type Locale } from '@razgovor/contracts';
import type { Option } from '../components/Field';
import type { Translate } from '../i18n/i18n';

/** Maps a select's value back to one of a contract's choices; empty or unknown becomes null. */
export function choose<T extends string>(choices: readonly T[], value: string): T | null {
  return choices.find((choice) => choice === value) ?? null;
}

export const districtOptions = (t: Translate): Option[] =>
  districts.map((value) => ({ value, label: t(`district.${value}`) }));

export const ageBandOptions = (t: Translate): Option[] =>
  ageBands.map((value) => ({ value, label: t(`ageBand.${value}`) }));

export const genderOptions = (t: Translate): Option[] =>
  genders.map((value) => ({ value, label: t(`gender.${value}`) }));

export const localeOptions = (t: Translate): Option[] =>
  locales.map((value: Locale) => ({ value, label: t(`language.${value}`) }));

export interface ProfileValues {
  displayName: string;
  district: string;
  ageBand: string;
  gender: string;
}

/** The optional answers as the API expects them: null means "not answered". */
export function profileAnswers(values: ProfileValues) {
  return {
    district: choose(districts, values.district),
    ageBand: choose(ageBands, values.ageBand),
    gender: choose(genders, values.gender),
  };
}
