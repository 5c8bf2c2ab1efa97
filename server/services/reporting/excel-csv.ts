// The one CSV writer of the application: every CSV it produces opens in Dutch Excel as meant. `;` between cells,
// UTF-8 with a byte order mark, CRLF, decimal comma, and no cell a spreadsheet would run as a formula.
// papaparse (also the one CSV reader) does the RFC 4180 quoting.
import Papa from 'papaparse';

/** A cell: text, a number (written with a decimal comma), or empty. */
export type CsvValue = string | number | null | undefined;
export type CsvRow = readonly CsvValue[];

/** Excel reads a file as UTF-8 only when it starts with this mark; without it "é" becomes "Ã©". */
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

// OWASP's CSV injection advice: text starting with = + - @ tab or CR is prefixed with a single quote, so a
// spreadsheet shows it as text instead of running it. Numbers are written by us, never neutralised: -1,5 stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;

const dutchNumber = new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 20 });

/** The text of one cell before quoting: numbers with a decimal comma, text neutralised where it could run as a formula. */
export function excelCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A CSV cell cannot hold ${value}: round or leave out the figure first`);
    return dutchNumber.format(value === 0 ? 0 : value); // no "-0"
  }
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One record, ending in CRLF. */
export function excelCsvLine(row: CsvRow): string {
  const cells = row.map(excelCsvCell);
  // A neutralised cell is always quoted as well, as OWASP recommends; other cells only when they must be.
  const quotes = row.map((v, i) => typeof v === 'string' && cells[i] !== v);
  return Papa.unparse([cells], { delimiter: ';', newline: CRLF, quotes, quoteChar: '"', escapeChar: '"', header: false }) + CRLF;
}

/** A whole file as one string: the byte order mark, then every row (the first is usually the header). */
export function toExcelCsv(rows: Iterable<CsvRow>): string {
  let out = CSV_BOM;
  for (const row of rows) out += excelCsvLine(row);
  return out;
}

/** The same file in pieces, for a large export written to a stream: the byte order mark first, then one piece per row. */
export function* excelCsvChunks(rows: Iterable<CsvRow>): Generator<string> {
  yield CSV_BOM;
  for (const row of rows) yield excelCsvLine(row);
}
