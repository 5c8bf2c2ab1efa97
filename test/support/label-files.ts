// Real label files for tests and benchmarks, written by exceljs (.xlsx) or as bytes (.csv in UTF-8 with BOM or
// Windows-1252), laid out as the institutions' manual prescribes.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const HEADER = [
  'PGN/BSN/onderwijsnummer',
  'Instelling',
  'Bedrijfsgroep',
  'Responslabel 1: Locatie',
  'Responslabel 2: Unit',
  'Responslabel 3: Klas',
  'Analyselabel 1: Locatie',
  'Analyselabel 2: Branche',
  'Analyselabel 3: Team',
];

export type SheetCell = string | number | null | { formula: string; result?: string | number };
export type SheetRows = SheetCell[][];

export interface LabelSpec {
  pgn: string;
  instelling?: string;
  bedrijfsgroep?: string | null;
  respons?: (string | null)[];
  analyse?: (string | null)[];
}

/** One data row in the manual's column order. */
export function labelRow(s: LabelSpec): SheetCell[] {
  const r = s.respons ?? (s.bedrijfsgroep ? [] : ['Hoofdstraat', 'AZ1', 'K1']);
  const a = s.analyse ?? (s.bedrijfsgroep ? [] : ['Hoofdstraat', 'Techniek', 'Team A']);
  return [s.pgn, s.instelling ?? 'ROC Testland', s.bedrijfsgroep ?? null, r[0] ?? null, r[1] ?? null, r[2] ?? null, a[0] ?? null, a[1] ?? null, a[2] ?? null];
}

/** Writes an .xlsx with the given worksheets (name -> rows, header included). */
export async function writeXlsx(path: string, sheets: Record<string, SheetRows>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(path);
}

/** Streams a large .xlsx (one worksheet) without holding the workbook in memory. */
export async function writeXlsxStream(path: string, rows: Iterable<SheetCell[]>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Blad1');
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

/** A ;-separated CSV as Dutch Excel writes it: CRLF, quotes where needed, UTF-8 with BOM or Windows-1252. */
export function writeCsv(path: string, rows: SheetRows, encoding: 'utf8-bom' | 'win1252'): void {
  const field = (v: SheetCell) => {
    const s = v === null ? '' : typeof v === 'object' ? String(v.result ?? '') : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const text = rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
  const bytes = encoding === 'win1252' ? iconv.encode(text, 'win1252') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  writeFileSync(path, bytes);
}
