import type { Column, Row } from '../tables';
import type { ZipWriter } from './zip';

const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const maxRows = 1_048_576;
const maxCellText = 32_767;

/**
 * Writes an Office Open XML workbook into a zip, one sheet at a time, streaming rows. Text goes
 * into inline strings (no shared-string table to keep in memory) and is never a formula; dates are
 * ISO 8601 text so they read the same in every locale.
 */
export class XlsxWriter {
  private readonly sheets: string[] = [];

  constructor(private readonly zip: ZipWriter) {}

  async addSheet(name: string, columns: Column[], batches: AsyncIterable<Row[]>): Promise<void> {
    const index = this.sheets.length + 1;
    this.sheets.push(name.slice(0, 31));

    async function* xml() {
      yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNamespace}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
      yield sheetRow(
        1,
        columns.map((column) => column.name),
        1,
      );
      let rowNumber = 1;
      for await (const batch of batches) {
        const parts: string[] = [];
        for (const row of batch) {
          rowNumber += 1;
          if (rowNumber > maxRows) throw new Error(`Sheet ${name} has more rows than XLSX allows`);
          parts.push(sheetRow(rowNumber, row));
        }

        yield parts.join('');
      }

      yield '</sheetData></worksheet>';
    }

    await this.zip.add(`xl/worksheets/sheet${index}.xml`, xml());
  }

  async finish(): Promise<void> {
    const sheetTypes = this.sheets
      .map(
        (_name, index) =>
          `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    await this.zip.add('[Content_Types].xml', [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetTypes}</Types>`,
    ]);
    await this.zip.add('_rels/.rels', [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ]);
    const sheetList = this.sheets
      .map(
        (name, index) =>
          `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
      )
      .join('');
    await this.zip.add('xl/workbook.xml', [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${mainNamespace}" xmlns:r="${relationships}"><sheets>${sheetList}</sheets></workbook>`,
    ]);
    const sheetLinks = this.sheets
      .map(
        (_name, index) =>
          `<Relationship Id="rId${index + 1}" Type="${relationships}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
      )
      .join('');
    const stylesId = this.sheets.length + 1;
    await this.zip.add('xl/_rels/workbook.xml.rels', [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationships}">${sheetLinks}<Relationship Id="rId${stylesId}" Type="${relationships}/styles" Target="styles.xml"/></Relationships>`,
    ]);
    await this.zip.add('xl/styles.xml', [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNamespace}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
    ]);
  }
}

function sheetRow(rowNumber: number, values: Row, style = 0): string {
  const styleAttribute = style ? ` s="${style}"` : '';
  const cells = values
    .map((value, index) => {
      if (value === null) return '';
      const reference = `${columnLetters(index)}${rowNumber}`;
      if (typeof value === 'number')
        return `<c r="${reference}"${styleAttribute}><v>${value}</v></c>`;
      const text =
        value instanceof Date
          ? value.toISOString()
          : Array.isArray(value)
            ? value.join('; ')
            : value;

      return `<c r="${reference}" t="inlineStr"${styleAttribute}><is><t xml:space="preserve">${escapeXml(text.slice(0, maxCellText))}</t></is></c>`;
    })
    .join('');

  return `<row r="${rowNumber}">${cells}</row>`;
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }

  return letters;
}

// Scanning once for each kind of character spares most cells any rewriting.
// Any surrogate counts here (code units, no u flag); the exact pattern then keeps whole pairs.
const maybeInvalid = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
const invalid = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const markup = /[&<>"\r]/g;
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/**
 * Escapes markup and drops the control characters XML 1.0 cannot carry; a carriage return is
 * written as a reference, since XML readers turn a literal CR LF into LF.
 */
export function escapeXml(text: string): string {
  const valid = maybeInvalid.test(text) ? text.replace(invalid, '') : text;

  return valid.replace(markup, (character) => entities[character]);
}
