import type { Breakdown, InsightReport, Locale } from '@razgovor/contracts';
import { ageBandNames, districtNames, genderNames, label } from './report-labels';
import { preferencesMarkdown } from './report-markdown-preferences';

const words = {
  bg: {
    report: 'Доклад',
    participation: 'Участие',
    people: 'участници',
    comments: 'коментара',
    replies: 'отговора',
    week: 'Седмица',
    district: 'Район',
    ageBand: 'Възраст',
    gender: 'Пол',
    participants: 'Участници',
    share: 'Дял сред участниците',
    population: 'Дял от населението',
    suppressed: 'скрито',
    notStated: 'Не са посочили или живеят извън София',
    source: 'Източник',
    themes: 'Теми',
    size: 'коментара',
    agree: 'съгласни',
    disagree: 'несъгласни',
    trend: 'По седмици',
    byDistrict: 'По райони',
    quotes: 'Какво казаха хората',
    decisions: 'Казахте, направихме',
    informedBy: 'Въз основа на',
    summaries: 'Обобщения и отговори',
    reflects: 'отразява',
    misses: 'пропуска нещо',
    ledger: 'Модерация',
    held: 'задържани',
    hidden: 'скрити',
    restored: 'възстановени',
    run: 'Анализ на темите',
    runText: 'Темите са от анализ №{number} ({count} коментара, версия {version}) с параметри:',
    noRun: 'Още няма анализ на темите.',
    generated: 'Създаден',
    tags: 'Етикети на анализаторите',
  },
  en: {
    report: 'Report',
    participation: 'Participation',
    people: 'people',
    comments: 'comments',
    replies: 'replies',
    week: 'Week',
    district: 'District',
    ageBand: 'Age',
    gender: 'Gender',
    participants: 'Participants',
    share: 'Share of participants',
    population: 'Share of population',
    suppressed: 'hidden',
    notStated: 'Did not say or live outside Sofia',
    source: 'Source',
    themes: 'Themes',
    size: 'comments',
    agree: 'agree',
    disagree: 'disagree',
    trend: 'By week',
    byDistrict: 'By district',
    quotes: 'What people said',
    decisions: 'You said, we did',
    informedBy: 'Informed by',
    summaries: 'Summaries and answers',
    reflects: 'reflects',
    misses: 'misses something',
    ledger: 'Moderation',
    held: 'held',
    hidden: 'hidden',
    restored: 'restored',
    run: 'Theme analysis',
    runText: 'Themes come from run no. {number} ({count} comments, version {version}) with:',
    noRun: 'No theme analysis yet.',
    generated: 'Generated',
    tags: "Analysts' tags",
  },
} as const;

const percent = (value: number | null) =>
  value === null ? '—' : `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The report as Markdown in one language; the web app shows the same content with charts. */
export function reportMarkdown(report: InsightReport, locale: Locale, baseUrl: string): string {
  const w = words[locale];
  const text = (value: { bg: string; en: string }) => (locale === 'en' && value.en) || value.bg;
  const lines: string[] = [`# ${text(report.conversation.title)}: ${w.report}`, ''];
  if (text(report.introduction)) lines.push(text(report.introduction), '');

  const { participation } = report;
  lines.push(`## ${w.participation}`, '');
  lines.push(
    `${participation.people} ${w.people}, ${participation.comments} ${w.comments}, ` +
      `${participation.replies} ${w.replies}.`,
    '',
    `| ${w.week} | ${w.participants} | ${w.comments} | ${w.replies} |`,
    '|---|---:|---:|---:|',
    ...participation.weekly.map(
      (week) => `| ${week.week} | ${week.people} | ${week.comments} | ${week.replies} |`,
    ),
    '',
  );
  const breakdown = (title: string, data: Breakdown, names: Parameters<typeof label>[0]) => {
    lines.push(
      `### ${title}`,
      '',
      `| ${title} | ${w.participants} | ${w.share} | ${w.population} |`,
    );
    lines.push('|---|---:|---:|---:|');
    for (const row of data.rows) {
      lines.push(
        `| ${label(names, row.key, locale)} | ${row.people ?? w.suppressed} | ` +
          `${percent(row.share)} | ${percent(row.populationShare)} |`,
      );
    }

    lines.push('', `${w.notStated}: ${data.notStated ?? w.suppressed}.`);
    lines.push(
      `${w.source}: ${text(data.source.name)} (${data.source.url}). ${text(data.source.note)}`,
    );
    lines.push('');
  };

  breakdown(w.district, participation.byDistrict, districtNames);
  breakdown(w.ageBand, participation.byAgeBand, ageBandNames);
  breakdown(w.gender, participation.byGender, genderNames);

  lines.push(`## ${w.themes}`, '');
  for (const theme of report.themes) {
    lines.push(`### ${text(theme.label)}`, '');
    lines.push(
      `${theme.size} ${w.size} (${percent(theme.share)}); ${theme.agree} ${w.agree}, ` +
        `${theme.disagree} ${w.disagree}.`,
      '',
    );
    if (theme.weekly.length > 0) {
      lines.push(
        `${w.trend}: ${theme.weekly.map((week) => `${week.week} ${week.comments}`).join(', ')}.`,
        '',
      );
    }

    const districts = theme.districts.filter((row) => row.comments !== null);
    if (districts.length > 0) {
      lines.push(
        `${w.byDistrict}: ` +
          districts
            .map((row) => `${label(districtNames, row.key, locale)} ${row.comments}`)
            .join(', ') +
          '.',
        '',
      );
    }

    if (theme.tags.length > 0) {
      lines.push(
        `${w.tags}: ${theme.tags.map((tag) => `${text(tag.name)} ${tag.comments}`).join(', ')}.`,
        '',
      );
    }

    if (theme.quotes.length > 0) lines.push(`${w.quotes}:`, '');
    for (const quote of theme.quotes) {
      lines.push(
        `> ${quote.text.replace(/\r?\n/g, '\n> ')}`,
        '>',
        `> — [${baseUrl}${quote.path}](${baseUrl}${quote.path})`,
        '',
      );
    }

    const decisions = report.decisions.filter((decision) =>
      theme.decisionIds.includes(decision.id),
    );
    for (const decision of decisions) lines.push(`- **${w.decisions}:** ${text(decision.text)}`);
    if (decisions.length > 0) lines.push('');
  }

  if (report.tags.length > 0) {
    lines.push(`## ${w.tags}`, '', `| ${w.tags} | ${w.comments} |`, '|---|---:|');
    for (const tag of report.tags) lines.push(`| ${cell(text(tag.name))} | ${tag.comments} |`);
    lines.push('');
  }

  lines.push(...preferencesMarkdown(report.preferences, locale));
  lines.push(`## ${w.decisions}`, '');
  for (const decision of report.decisions) {
    const themes = report.themes.filter((theme) => decision.themeIds.includes(theme.id));
    lines.push(
      `- ${text(decision.text)}` +
        (themes.length > 0
          ? ` (${w.informedBy}: ${themes.map((theme) => text(theme.label)).join(', ')})`
          : ''),
    );
  }

  lines.push('', `## ${w.summaries}`, '');
  for (const summary of report.summaries) {
    lines.push(`### ${text(summary.topic)}`, '', text(summary.body), '');
    lines.push(`${summary.reflects} ${w.reflects}, ${summary.misses} ${w.misses}.`, '');
    for (const answer of summary.answers) lines.push(`> ${cell(answer.comment)}`, '');
  }

  lines.push(`## ${w.ledger}`, '', `| ${w.week} | ${w.held} | ${w.hidden} | ${w.restored} |`);
  lines.push('|---|---:|---:|---:|');
  for (const week of report.ledger.weeks) {
    lines.push(`| ${week.week} | ${week.held} | ${week.hidden} | ${week.restored} |`);
  }

  lines.push('', `## ${w.run}`, '');
  if (report.themeRun) {
    lines.push(
      w.runText
        .replace('{number}', String(report.themeRun.number))
        .replace('{count}', String(report.themeRun.inputCount))
        .replace('{version}', report.themeRun.codeVersion),
      '',
      '```json',
      JSON.stringify(report.themeRun.parameters, null, 2),
      '```',
    );
  } else {
    lines.push(w.noRun);
  }

  lines.push('', `${w.generated}: ${report.generatedAt}`);

  return lines.join('\n') + '\n';
}
