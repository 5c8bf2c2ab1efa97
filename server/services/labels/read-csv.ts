// Reads a .csv as Dutch Excel writes it: `;`-separated, in UTF-8 with a byte-order mark or in Windows-1252
// ("CSV (gescheiden door lijstscheidingsteken)"). The encoding and separator are detected, not assumed.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { GridBuilder, textCell, type Grid } from './grid.ts';

export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: Excel's "CSV" on Windows writes the ANSI code page, Windows-1252 in the Netherlands.
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'Windows-1252' };
  }
}

/** `;` unless the first line clearly uses another separator (a tab or a comma from a non-Dutch Excel). */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const best = [';', '\t', ','].reduce((a, b) => (count(b) > count(a) ? b : a));
  return count(best) > 0 ? best : ';';
}

export function readCsv(bytes: Buffer, maxRows: number): Grid {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  const records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  const grid = new GridBuilder(maxRows);
  grid.startSheet('');
  records.forEach((fields, i) => grid.addRow(i + 1, fields.map((f) => textCell(f))));
  const sep = delimiter === '\t' ? 'tab' : delimiter;
  return { format: `csv (${encoding}, '${sep}')`, sheets: grid.sheets };
}
