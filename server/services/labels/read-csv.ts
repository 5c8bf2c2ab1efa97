// Reads a .csv as Dutch Excel writes it: `;`-separated, in UTF-8 with a byte-order mark or in Windows-1252
// ("CSV (gescheiden door lijstscheidingsteken)"). The encoding and separator are detected, not assumed.
import iconv from 'iconv-lite';
import { detectDelimiter, readRecords, type Delimiter } from '../common/csv.ts';
import { GridBuilder, textCell, type Grid } from './grid.ts';

export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16 BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: Excel's "CSV" on Windows writes the ANSI code page, Windows-1252 in the Netherlands.
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'Windows-1252' };
  }
}

export { detectDelimiter };

/** Every record of `text` (an empty line is one empty field), through the application's one CSV reader. */
export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  const read = readRecords(text, delimiter, 1, (fields) => records.push(fields));
  if (read.error) throw new Error(`regel ${read.error.line}: ${read.error.message}`);
  return records;
}

export function readCsv(bytes: Buffer, maxRows: number): Grid {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  const records = parseCsv(text, delimiter);
  const grid = new GridBuilder(maxRows);
  grid.startSheet('');
  records.forEach((fields, i) => grid.addRow(i + 1, fields.map((f) => textCell(f))));
  const sep = delimiter === '\t' ? 'tab' : delimiter;
  return { format: `csv (${encoding}, '${sep}')`, sheets: grid.sheets };
}
