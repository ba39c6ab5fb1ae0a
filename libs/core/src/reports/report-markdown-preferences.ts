import {
  breakdownDimensions,
  type Locale,
  type OpinionMap,
  type ReportPoll,
  type ReportPreference,
  type SurveyShift,
  type Tally,
} from '@razgovor/contracts';
import { ageBandNames, districtNames, genderNames, label } from './report-labels';

const words = {
  bg: {
    heading: 'Анкети, проучвания и карта на мненията',
    answered: '{count} души отговориха.',
    option: 'Отговор',
    people: 'Хора',
    share: 'Дял',
    meanRank: 'Средно място (1 е най-добро)',
    rankedFirst: 'На първо място',
    meanLeva: 'Средно, лв.',
    gaveAny: 'Дали нещо',
    budgetOf: 'Разпределение на {total} лв.',
    value: 'Оценка',
    mean: 'Средна оценка: {mean} (1 – несъгласен, 5 – съгласен).',
    scaleMean: 'Средна оценка',
    open: '{count} души написаха отговор; текстовете влизат в анализа на темите заедно с коментарите (вижте „Теми“).',
    openThemes: 'Теми, в които попаднаха отговорите: {themes}.',
    fewer: 'скрито',
    notStated: 'не са посочили',
    district: 'Район',
    ageBand: 'Възраст',
    gender: 'Пол',
    runs: 'Проведено {runs} пъти; резултатите са от последното провеждане.',
    shift: 'Промяна от провеждане {from} до {to}',
    before: 'Преди',
    after: 'След',
    change: 'Промяна',
    panel: 'Промяна при отговорилите и двата пъти',
    shiftNote:
      'Дяловете са в проценти, промяната – в процентни пунктове; за класиране и бюджет – средни стойности.',
    map: 'Карта на мненията',
    mapText: '{voters} души гласуваха по твърденията; {placed} са на картата в {groups} групи.',
    group: 'Група {group} ({count} души)',
    agree: 'съгласни {share}',
    disagree: 'несъгласни {share}',
    consensus: 'Съгласие между всички групи',
    allAgree: 'всички групи са съгласни',
    allDisagree: 'всички групи не са съгласни',
    divisive: 'Твърдения, които разделят',
    groupAgrees: '{group}: {share} съгласни',
    none: 'Няма.',
  },
  en: {
    heading: 'Polls, surveys and the opinion map',
    answered: '{count} people answered.',
    option: 'Answer',
    people: 'People',
    share: 'Share',
    meanRank: 'Average place (1 is best)',
    rankedFirst: 'Ranked first',
    meanLeva: 'Average, leva',
    gaveAny: 'Gave anything',
    budgetOf: 'Splitting {total} leva.',
    value: 'Value',
    mean: 'Average: {mean} (1 disagree, 5 agree).',
    scaleMean: 'Average',
    open: '{count} people wrote an answer; the texts go into the theme analysis with the comments (see "Themes").',
    openThemes: 'Themes the answers were placed in: {themes}.',
    fewer: 'hidden',
    notStated: 'did not say',
    district: 'District',
    ageBand: 'Age',
    gender: 'Gender',
    runs: 'Run {runs} times; results are from the latest run.',
    shift: 'Change from run {from} to run {to}',
    before: 'Before',
    after: 'After',
    change: 'Change',
    panel: 'Change among people who answered both',
    shiftNote: 'Shares are in per cent and changes in points; ranking and budget show averages.',
    map: 'Opinion map',
    mapText: '{voters} people voted on statements; {placed} are on the map in {groups} groups.',
    group: 'Group {group} ({count} people)',
    agree: '{share} agree',
    disagree: '{share} disagree',
    consensus: 'Common ground across all groups',
    allAgree: 'every group agrees',
    allDisagree: 'every group disagrees',
    divisive: 'Statements that divide',
    groupAgrees: '{group}: {share} agree',
    none: 'None.',
  },
} as const;

type Words = (typeof words)[Locale];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_match, key: string) => String(values[key] ?? ''));
const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const groupLetter = (id: number) => 'ABCDE'[id % 5] ?? String(id + 1);
const dimensionNames = { district: districtNames, ageBand: ageBandNames, gender: genderNames };

/** The report's polls, surveys and opinion map as Markdown lines, in the facilitators' order. */
export function preferencesMarkdown(sections: ReportPreference[], locale: Locale): string[] {
  if (sections.length === 0) return [];
  const w = words[locale];
  const number = (value: number, digits = 2) =>
    new Intl.NumberFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', {
      maximumFractionDigits: digits,
    }).format(value);
  const text = (value: { bg: string; en: string }) => (locale === 'en' && value.en) || value.bg;
  const lines = [`## ${w.heading}`, ''];

  for (const section of sections) {
    if (section.type === 'poll') {
      lines.push(`### ${cell(text(section.poll.question))}`, '');
      lines.push(...pollLines(section, w, locale, number, text));
    } else if (section.type === 'survey') {
      lines.push(`### ${cell(text(section.title))}`, '', fill(w.runs, { runs: section.runs }), '');
      for (const question of section.questions) {
        lines.push(`#### ${cell(text(question.poll.question))}`, '');
        lines.push(...pollLines(question, w, locale, number, text));
      }

      if (section.shift) lines.push(...shiftLines(section.shift, w, number, text));
    } else {
      lines.push(...mapLines(section.map, w));
    }
  }

  return lines;
}

function pollLines(
  { poll, results, themes }: ReportPoll,
  w: Words,
  locale: Locale,
  number: (value: number, digits?: number) => string,
  text: (value: { bg: string; en: string }) => string,
): string[] {
  const { overall } = results;
  if (poll.kind === 'open') {
    const placed = themes.map((theme) => `${cell(text(theme.label))} (${theme.answers})`);

    return [
      fill(w.open, { count: overall.respondents }),
      ...(placed.length > 0 ? ['', fill(w.openThemes, { themes: placed.join(', ') })] : []),
      '',
    ];
  }

  const lines = [fill(w.answered, { count: overall.respondents }), ''];
  const shown = (value: number | null, digits = 2) =>
    value === null ? w.fewer : number(value, digits);
  const optionName = (id: string) =>
    cell(text(poll.options.find((option) => option.id === id)?.label ?? { bg: id, en: id }));

  if (poll.kind === 'scale') {
    lines.push(`| ${w.value} | ${w.people} |`, '|---|---:|');
    (overall.scale ?? []).forEach((count, index) =>
      lines.push(`| ${index + 1} | ${shown(count)} |`),
    );
    if (overall.mean !== null) lines.push('', fill(w.mean, { mean: number(overall.mean) }));
  } else {
    if (poll.kind === 'budget' && poll.budgetTotal !== null) {
      lines.push(fill(w.budgetOf, { total: number(poll.budgetTotal, 0) }), '');
    }

    const [first, second] =
      poll.kind === 'ranking'
        ? [w.meanRank, w.rankedFirst]
        : poll.kind === 'budget'
          ? [w.meanLeva, w.gaveAny]
          : [w.people, w.share];
    lines.push(`| ${w.option} | ${first} | ${second} |`, '|---|---:|---:|');
    for (const option of overall.options) {
      const share =
        option.count === null || overall.respondents === 0
          ? w.fewer
          : `${Math.round((option.count / overall.respondents) * 100)}%`;
      const cells =
        poll.kind === 'ranking' || poll.kind === 'budget'
          ? [shown(option.mean), shown(option.count)]
          : [shown(option.count), share];
      lines.push(`| ${optionName(option.optionId)} | ${cells.join(' | ')} |`);
    }
  }

  lines.push('');
  const figure = (tally: Tally, id: string) => {
    if (poll.kind === 'scale') return shown(tally.mean);
    const option = tally.options.find((item) => item.optionId === id);

    return shown(
      (poll.kind === 'single' || poll.kind === 'multiple' ? option?.count : option?.mean) ?? null,
    );
  };

  const columns =
    poll.kind === 'scale'
      ? [{ id: 'mean', name: w.scaleMean }]
      : poll.options.map((option) => ({ id: option.id, name: cell(text(option.label)) }));
  for (const dimension of breakdownDimensions) {
    const groups = results.breakdowns[dimension];
    if (groups.length === 0) continue;
    lines.push(
      `| ${w[dimension]} | ${w.people} | ${columns.map((column) => column.name).join(' | ')} |`,
      `|---|---:|${columns.map(() => '---:').join('|')}|`,
    );
    for (const group of groups) {
      const name =
        group.value === null ? w.notStated : label(dimensionNames[dimension], group.value, locale);
      const cells = group.tally
        ? [
            String(group.tally.respondents),
            ...columns.map((column) => figure(group.tally!, column.id)),
          ]
        : [w.fewer, ...columns.map(() => '–')];
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
    }

    lines.push('');
  }

  return lines;
}

function shiftLines(
  shift: SurveyShift,
  w: Words,
  number: (value: number, digits?: number) => string,
  text: (value: { bg: string; en: string }) => string,
): string[] {
  const figure = (value: number | null) => (value === null ? '–' : number(value));
  const signed = (value: number | null) =>
    value === null ? '–' : `${value > 0 ? '+' : ''}${number(value)}`;
  const lines = [
    `#### ${fill(w.shift, { from: shift.from, to: shift.to })}`,
    '',
    `| | ${w.before} | ${w.after} | ${w.change} | ${w.panel} |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const question of shift.questions) {
    const title = cell(text(question.question));
    if (question.kind === 'scale') {
      const panel = question.panel ? signed(question.panel.meanChange) : w.fewer;
      lines.push(
        `| ${title} | ${figure(question.overall.before?.mean ?? null)} | ` +
          `${figure(question.overall.after?.mean ?? null)} | ` +
          `${signed(question.overall.meanChange)} | ${panel} |`,
      );
      continue;
    }

    question.overall.options.forEach((option, index) => {
      const name = cell(text(question.options[index]?.label ?? { bg: '', en: '' }));
      const panel = question.panel
        ? signed(question.panel.options[index]?.change ?? null)
        : w.fewer;
      lines.push(
        `| ${title}: ${name} | ${figure(option.before)} | ${figure(option.after)} | ` +
          `${signed(option.change)} | ${panel} |`,
      );
    });
  }

  lines.push('', w.shiftNote, '');

  return lines;
}

function mapLines(map: OpinionMap, w: Words): string[] {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const body = (id: string) => cell(map.statements.find((item) => item.id === id)?.body ?? '');
  const lines = [
    `### ${w.map}`,
    '',
    fill(w.mapText, { voters: map.voters, placed: map.placed, groups: map.groups.length }),
    '',
  ];
  for (const group of map.groups) {
    lines.push(`#### ${fill(w.group, { group: groupLetter(group.id), count: group.size })}`, '');
    for (const item of group.representative) {
      const how = fill(item.direction === 'agree' ? w.agree : w.disagree, {
        share: percent(item.share),
      });
      lines.push(`- ${body(item.statementId)} (${how})`);
    }

    lines.push('');
  }

  lines.push(`#### ${w.consensus}`, '');
  if (map.consensus.length === 0) lines.push(w.none);
  for (const item of map.consensus) {
    lines.push(
      `- ${body(item.statementId)} (${item.direction === 'agree' ? w.allAgree : w.allDisagree})`,
    );
  }

  lines.push('', `#### ${w.divisive}`, '');
  if (map.divisive.length === 0) lines.push(w.none);
  for (const item of map.divisive) {
    const byGroup = item.agreeByGroup
      .map((share, index) =>
        fill(w.groupAgrees, {
          group: groupLetter(map.groups[index]?.id ?? index),
          share: percent(share),
        }),
      )
      .join('; ');
    lines.push(`- ${body(item.statementId)} (${byGroup})`);
  }

  lines.push('');

  return lines;
}
