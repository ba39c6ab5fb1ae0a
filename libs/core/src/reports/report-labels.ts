import type { Locale } from '@razgovor/contracts';

type Labels = Record<string, { bg: string; en: string }>;

export const districtNames: Labels = {
  sredets: { bg: 'Средец', en: 'Sredets' },
  'krasno-selo': { bg: 'Красно село', en: 'Krasno Selo' },
  vazrazhdane: { bg: 'Възраждане', en: 'Vazrazhdane' },
  oborishte: { bg: 'Оборище', en: 'Oborishte' },
  serdika: { bg: 'Сердика', en: 'Serdika' },
  poduyane: { bg: 'Подуяне', en: 'Poduyane' },
  slatina: { bg: 'Слатина', en: 'Slatina' },
  izgrev: { bg: 'Изгрев', en: 'Izgrev' },
  lozenets: { bg: 'Лозенец', en: 'Lozenets' },
  triaditsa: { bg: 'Триадица', en: 'Triaditsa' },
  'krasna-polyana': { bg: 'Красна поляна', en: 'Krasna Polyana' },
  ilinden: { bg: 'Илинден', en: 'Ilinden' },
  nadezhda: { bg: 'Надежда', en: 'Nadezhda' },
  iskar: { bg: 'Искър', en: 'Iskar' },
  mladost: { bg: 'Младост', en: 'Mladost' },
  studentski: { bg: 'Студентски', en: 'Studentski' },
  vitosha: { bg: 'Витоша', en: 'Vitosha' },
  'ovcha-kupel': { bg: 'Овча купел', en: 'Ovcha Kupel' },
  lyulin: { bg: 'Люлин', en: 'Lyulin' },
  vrabnitsa: { bg: 'Връбница', en: 'Vrabnitsa' },
  'novi-iskar': { bg: 'Нови Искър', en: 'Novi Iskar' },
  kremikovtsi: { bg: 'Кремиковци', en: 'Kremikovtsi' },
  pancharevo: { bg: 'Панчарево', en: 'Pancharevo' },
  bankya: { bg: 'Банкя', en: 'Bankya' },
};

export const ageBandNames: Labels = {
  'under-18': { bg: 'под 18', en: 'under 18' },
  '18-24': { bg: '18–24', en: '18–24' },
  '25-34': { bg: '25–34', en: '25–34' },
  '35-44': { bg: '35–44', en: '35–44' },
  '45-54': { bg: '45–54', en: '45–54' },
  '55-64': { bg: '55–64', en: '55–64' },
  '65-plus': { bg: '65 и повече', en: '65 and over' },
};

export const genderNames: Labels = {
  woman: { bg: 'жени', en: 'women' },
  man: { bg: 'мъже', en: 'men' },
};

export function label(labels: Labels, key: string, locale: Locale): string {
  return labels[key]?.[locale] ?? key;
}
