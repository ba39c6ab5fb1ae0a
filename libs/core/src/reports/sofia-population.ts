import type { AgeBand, District, Gender } from '@razgovor/contracts';

/**
 * Sofia's population, the yardstick for "who took part". Figures are copied from the National
 * Statistical Institute (NSI, НСИ) and must not be edited by hand; see the source notes.
 */
export const districtPopulation = {
  source: {
    name: {
      bg: 'НСИ, Преброяване на населението 2011, окончателни данни, население по райони на Столична община',
      en: 'NSI (National Statistical Institute), Census 2011, final data, population by district of Sofia Municipality',
    },
    url: 'https://www.nsi.bg/census2011/',
    note: {
      bg: 'Към 1.02.2011. Банкя: общият брой за Столична община (1 291 591) минус останалите 23 района. По-новите данни от Преброяване 2021 по райони (напр. Люлин 106 112, Младост 104 047, Банкя 12 747, Кремиковци 22 464) още не са въведени за всички 24 района.',
      en: 'As of 1 Feb 2011. Bankya: the Sofia Municipality total (1,291,591) less the other 23 districts. Census 2021 figures by district (e.g. Lyulin 106,112, Mladost 104,047, Bankya 12,747, Kremikovtsi 22,464) are not yet entered for all 24 districts.',
    },
  },
  people: {
    sredets: 32_423,
    'krasno-selo': 83_552,
    vazrazhdane: 37_303,
    oborishte: 31_060,
    serdika: 46_949,
    poduyane: 76_672,
    slatina: 66_702,
    izgrev: 30_896,
    lozenets: 53_080,
    triaditsa: 63_451,
    'krasna-polyana': 58_234,
    ilinden: 33_236,
    nadezhda: 67_905,
    iskar: 63_248,
    mladost: 102_899,
    studentski: 71_961,
    vitosha: 61_467,
    'ovcha-kupel': 54_417,
    lyulin: 114_813,
    vrabnitsa: 47_969,
    'novi-iskar': 28_991,
    kremikovtsi: 23_641,
    pancharevo: 28_586,
    bankya: 12_136,
  } satisfies Record<Exclude<District, 'outside-sofia' | 'prefer-not-to-say'>, number>,
};

/**
 * City of Sofia (Urban Audit BG001C), 1 January 2021, from five-year age groups. The 15-19 group
 * is split 3:2 between under-18 and 18-24, assuming even ages within it.
 */
export const agePopulation = {
  source: {
    name: {
      bg: 'НСИ, Градски одит, град София (BG001C), население към 1.01.2021 по възрастови групи',
      en: 'NSI, Urban Audit, City of Sofia (BG001C), population on 1 January 2021 by age group',
    },
    url: 'https://nsi.bg/en/node/21551',
    note: {
      bg: 'Групата 15-19 г. е разделена 3:2 между „под 18“ и „18-24“.',
      en: 'The 15-19 group is split 3:2 between under 18 and 18-24.',
    },
  },
  people: {
    'under-18': 215_771,
    '18-24': 90_077,
    '25-34': 194_679,
    '35-44': 207_043,
    '45-54': 173_019,
    '55-64': 128_138,
    '65-plus': 213_058,
  } satisfies Record<Exclude<AgeBand, 'prefer-not-to-say'>, number>,
};

export const genderPopulation = {
  source: {
    name: agePopulation.source.name,
    url: agePopulation.source.url,
    note: {
      bg: 'Статистиката води само жени и мъже; другите отговори нямат съответен дял.',
      en: 'Official statistics count only women and men; other answers have no matching share.',
    },
  },
  people: { woman: 637_279, man: 584_506 } satisfies Partial<Record<Gender, number>>,
};
