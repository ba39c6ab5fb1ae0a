import type { ExportMetadata } from './formats/json';
import { smallestCell } from './export-tables.repository';
import type { TableSource } from './tables';

/** The README of an export archive: what is in it, what each column means, how it was made. */
export function dataDictionary(metadata: ExportMetadata, sources: TableSource[]): string {
  const lines = [
    `# ${metadata.conversation.title}: data export`,
    '',
    `Conversation \`${metadata.conversation.slug}\` (${metadata.conversation.id}), exported ` +
      `${metadata.exportedAt.toISOString()} from Razgovor.`,
    '',
    '## Files',
    '',
    '- `csv/<table>.csv`: one file per table, UTF-8 with a byte-order mark, RFC 4180 ' +
      '(comma-separated, CRLF line ends, fields with commas, quotes or line breaks in double ' +
      "quotes, quotes doubled). Text starting with `=`, `+`, `-` or `@` carries a leading `'` so " +
      'spreadsheet programs do not run it as a formula. Lists are joined with `; `.',
    '- `razgovor.json`: every table in one document; its JSON Schema is `schema.json` ' +
      '(also served at `/api/schemas/export.json`).',
    '- `razgovor.xlsx`: one sheet per table; times are ISO 8601 text in UTC; cells hold at most ' +
      '32,767 characters (longer texts are cut; the CSV and JSON files have them whole).',
    '- `polis/comments.csv`: the comments in the Pol.is export layout (`timestamp` in ' +
      'milliseconds, whole-number comment and author ids, `moderated` 1 published, 0 waiting, ' +
      '-1 hidden or withdrawn).',
    '- `polis-statements/comments.csv`, `votes.csv` and `participants-votes.csv` (when the ' +
      'export has statements): the statements and their votes as a Pol.is conversation. ' +
      'Statements and people are numbered from 0, the same way in all three files; ' +
      '`moderated` is 1 published, 0 waiting, -1 rejected; a vote is 1 agree, -1 disagree, ' +
      '0 pass (empty: no vote); `group-id` is the opinion group of the latest map.',
    '',
    '## Pseudonymous ids',
    '',
    metadata.isStableIds
      ? 'Author ids are stable: the same person has the same id in every export of this ' +
        'conversation that asked for stable ids (a keyed hash with a secret kept by the ' +
        'conversation), so exports can be joined. They cannot be turned back into a person.'
      : 'Author ids are new in this export: a keyed hash with a secret made for this export ' +
        'alone and then thrown away. The same person has the same id everywhere in this export ' +
        'and a different one in any other export.',
    '',
    'No e-mail address, name, postal address or IP address is in any file.',
    '',
    '## Small cells',
    '',
    `A district is shown only when at least ${smallestCell} authors of this conversation ` +
      `stated it, and an age band only when at least ${smallestCell} of them share both the ` +
      'district as shown and the age band; otherwise the cell is empty. When the people with ' +
      `an empty district would be fewer than ${smallestCell} and include a small district, ` +
      'the smallest district shown is left empty as well (the same for age bands within a ' +
      'district), so neither a row nor the empty rows together point to a small group.',
    'The same rule holds for answers to polls, counted among the people who answered that ' +
      'poll, and for votes on statements and the opinion map, counted among everyone who ' +
      'voted on a statement of the conversation.',
    '',
    '## Theme run',
    '',
    ...themeRunLines(metadata.themeRun),
    '',
    '## Opinion map',
    '',
    ...opinionMapLines(metadata.opinionMap ?? null),
    '',
    '## Tables',
  ];
  for (const source of sources) {
    lines.push('', `### ${source.table.name} (${source.count} rows)`, '', source.table.description);
    lines.push('', '| column | type | may be empty | meaning |', '|---|---|---|---|');
    for (const column of source.table.columns) {
      lines.push(
        `| ${column.name} | ${column.type} | ${column.isNullable ? 'yes' : 'no'} | ` +
          `${column.description.replace(/\|/g, '\\|')} |`,
      );
    }
  }

  return lines.join('\n') + '\n';
}

function themeRunLines(run: Record<string, unknown> | null): string[] {
  if (!run) return ['No theme run has been made for this conversation, so there are no themes.'];

  return [
    'Themes and the theme of each comment come from this run; running it again with the same ' +
      'parameters and code version on the same comments gives the same assignment.',
    '',
    '```json',
    JSON.stringify(run, null, 2),
    '```',
  ];
}

function opinionMapLines(map: Record<string, unknown> | null): string[] {
  if (!map) return ['No opinion map has been drawn for this conversation yet.'];

  return [
    'The opinion-map, opinion-groups and opinion-statements tables come from this map, the ' +
      'latest drawn. It places participants who voted on enough statements by a principal ' +
      'component analysis of their votes and groups them by k-means; drawing it again from ' +
      'the same votes with the same parameters gives the same map.',
    '',
    '```json',
    JSON.stringify(map, null, 2),
    '```',
  ];
}
