// Reads DUO's population delivery (CSV, UTF-8 with or without BOM, ";" or "," separated, header in any order)
// as a stream, checks every row and reports all problems with line numbers. Owns the file format, nothing else.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import { isValidPgn } from './pgn.ts';
import { normaliseName } from './names.ts';
import type { PopulationRecord } from './population.ts';

export const POPULATION_COLUMNS = [
  'pgn', 'brin', 'instellingsnaam', 'crebo', 'leerweg', 'niveau', 'geslacht', 'achternaam', 'tussenvoegsel', 'voorletters', 'geboortedatum',
] as const;
type Column = (typeof POPULATION_COLUMNS)[number];

export interface RowProblem {
  line: number;
  column?: Column;
  /** Dutch first: the coordinator and the researcher read this; the English follows for the logs of others. */
  message: string;
}

export interface ReadResult {
  rows: number;
  problems: RowProblem[];
  /** All problems, also those left out of `problems` to keep the report readable. */
  problemCount: number;
}

/** Keeps the report readable; every problem is still counted. */
export const MAX_LISTED_PROBLEMS = 1000;

/** ";" or ",", whichever the header line holds more of. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** YYYY-MM-DD or DD-MM-YYYY, a real calendar date from 1900 on; returns YYYY-MM-DD or null. */
export function parseDate(s: string): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const BRIN = /^(\d{2}[A-Z]{2})(\d{2})?$/;
const CREBO = /^\d{5}$/;
// Interned so 600,000 rows share a handful of strings instead of holding their own copies.
const interned = new Map<string, string>();
const intern = (s: string): string => {
  let v = interned.get(s);
  if (v === undefined) interned.set(s, (v = s));
  return v;
};

/** Checks one row. Returns the record, or the problems in it. */
export function checkRow(get: (c: Column) => string, line: number, problems: RowProblem[]): PopulationRecord | null {
  const before = problems.length;
  const bad = (column: Column, message: string) => problems.push({ line, column, message });
  const pgn = get('pgn');
  if (!/^\d{9}$/.test(pgn)) bad('pgn', 'PGN moet 9 cijfers zijn (voorloopnullen behouden) / PGN must be 9 digits (keep leading zeros)');
  else if (!isValidPgn(pgn)) bad('pgn', 'PGN is geen geldig BSN (11-proef) of onderwijsnummer / PGN is not a valid BSN or onderwijsnummer');
  const brinMatch = BRIN.exec(get('brin').toUpperCase());
  if (!brinMatch) bad('brin', 'BRIN moet 2 cijfers en 2 letters zijn, zoals 25PZ / BRIN must be 2 digits and 2 letters, e.g. 25PZ');
  const instellingsnaam = get('instellingsnaam');
  if (!instellingsnaam) bad('instellingsnaam', 'instellingsnaam is leeg / instellingsnaam is empty');
  const crebo = get('crebo');
  if (!CREBO.test(crebo)) bad('crebo', 'crebo moet 5 cijfers zijn / crebo must be 5 digits');
  const leerweg = get('leerweg').toUpperCase();
  if (leerweg !== 'BOL' && leerweg !== 'BBL') bad('leerweg', 'leerweg moet BOL of BBL zijn / leerweg must be BOL or BBL');
  const niveau = get('niveau');
  if (!/^[1-4]$/.test(niveau)) bad('niveau', 'niveau moet 1, 2, 3 of 4 zijn / niveau must be 1 to 4');
  const geslacht = get('geslacht').toUpperCase();
  if (geslacht !== '' && geslacht !== 'M' && geslacht !== 'V' && geslacht !== 'X') bad('geslacht', 'geslacht moet M, V, X of leeg zijn / geslacht must be M, V, X or empty');
  const achternaam = get('achternaam');
  if (!normaliseName(achternaam)) bad('achternaam', 'achternaam is leeg of bevat geen letters / achternaam is empty or holds no letters');
  else if (achternaam.includes('\uFFFD')) bad('achternaam', 'achternaam bevat tekens die geen UTF-8 zijn: sla het bestand op als UTF-8 / not UTF-8: save the file as UTF-8');
  const geboortedatum = parseDate(get('geboortedatum'));
  if (!geboortedatum) bad('geboortedatum', 'geboortedatum moet een echte datum zijn als JJJJ-MM-DD of DD-MM-JJJJ / geboortedatum must be a real date, YYYY-MM-DD or DD-MM-YYYY');
  if (problems.length > before) return null;
  return {
    pgn,
    brin: intern(brinMatch![1]!),
    instellingsnaam: intern(instellingsnaam),
    crebo: intern(crebo),
    leerweg: leerweg as 'BOL' | 'BBL',
    niveau: Number(niveau),
    geslacht: (geslacht || null) as PopulationRecord['geslacht'],
    achternaam,
    tussenvoegsel: get('tussenvoegsel'),
    voorletters: get('voorletters'),
    geboortedatum: geboortedatum!,
  };
}

/**
 * Streams the file; calls `onRecord` for every valid row until the first problem (after that the file will be
 * rejected, so handing out records is wasted work). Every row is still checked, so the report lists all problems.
 */
export async function readPopulationCsv(file: string, onRecord: (r: PopulationRecord, line: number) => void): Promise<ReadResult> {
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const report = (p: RowProblem) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  const delimiter = detectDelimiter(firstLine(file)); // first: a missing file fails here, before any stream opens
  // No `trim` option: it doubles csv-parse's time; fields are trimmed as they are read.
  const parser = parse({ bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true });
  const input = createReadStream(file);
  input.on('error', (err) => parser.destroy(err)); // pipe() does not pass read errors on
  input.pipe(parser);
  let index: Map<Column, number> | null = null;
  let width = 0;
  // brin -> PGN (as a number: 9 digits fit a small integer, no string per student) -> first line.
  // Raw PGNs stay in memory only.
  const seen = new Map<string, Map<number, number>>();
  const rowProblems: RowProblem[] = [];
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!index) {
        index = headerIndex(record, line, report);
        if (!index) break;
        width = record.length;
        continue;
      }
      rows++;
      const idx = index;
      const get = (c: Column) => (record[idx.get(c)!] ?? '').trim();
      rowProblems.length = 0;
      if (record.length !== width) {
        report({ line, message: `deze regel heeft ${record.length} kolommen, de kop ${width} / this line has ${record.length} columns, the header ${width}` });
        continue;
      }
      const r = checkRow(get, line, rowProblems);
      for (const p of rowProblems) report(p);
      if (!r) continue;
      let atBrin = seen.get(r.brin);
      if (!atBrin) seen.set(r.brin, (atBrin = new Map()));
      const first = atBrin.get(Number(r.pgn));
      if (first !== undefined) {
        report({ line, column: 'pgn', message: `deze PGN staat bij ${r.brin} al op regel ${first} / this PGN already appears for ${r.brin} on line ${first}` });
        continue;
      }
      atBrin.set(Number(r.pgn), line);
      if (problemCount === 0) onRecord(r, line);
    }
  } catch (err) {
    // A broken CSV structure (an unclosed quote, ...) ends the reading; it is reported like any other problem.
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('CSV_')) throw err;
    report({ line: parser.info.lines, message: `het bestand is geen geldige CSV: ${(err as Error).message} / not valid CSV` });
  } finally {
    input.destroy();
  }
  if (!index) {
    if (problemCount === 0) report({ line: 1, message: 'het bestand is leeg / the file is empty' });
  } else if (rows === 0) report({ line: 2, message: 'het bestand bevat geen studenten / the file holds no students' });
  return { rows, problems, problemCount };
}

function headerIndex(header: string[], line: number, report: (p: RowProblem) => void): Map<Column, number> | null {
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase() as Column;
    if ((POPULATION_COLUMNS as readonly string[]).includes(name)) index.set(name, i);
  });
  const missing = POPULATION_COLUMNS.filter((c) => !index.has(c));
  if (missing.length === 0) return index;
  report({ line, message: `kolommen ontbreken in de kop: ${missing.join(', ')} / header misses columns: ${missing.join(', ')}` });
  return null;
}
