// Reads DUO's population delivery (CSV, UTF-8 with or without BOM, ";" or "," separated, header in any order),
// checks every row and reports all problems with line numbers. Owns the file format, nothing else.
// The checks run per chunk of whole records (checkRecords), here in one thread and in the import's workers.
import { readRecords, type Delimiter } from '../common/csv.ts';
import { chunkText, readPopulationChunks } from './chunks.ts';
import { isValidPgn } from './pgn.ts';
import { normaliseName } from './names.ts';
import type { PopulationRecord } from './records.ts';

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

/** YYYY-MM-DD or DD-MM-YYYY, a real calendar date from 1900 on; returns YYYY-MM-DD or null. */
export function parseDate(s: string): string | null {
  // By hand rather than regular expressions and a Date: this runs for every one of 600,000 rows.
  if (s.length !== 10) return null;
  const iso = s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45;
  if (!iso && !(s.charCodeAt(2) === 45 && s.charCodeAt(5) === 45)) return null;
  const y = digits(s, iso ? 0 : 6, 4), m = digits(s, iso ? 5 : 3, 2), d = digits(s, iso ? 8 : 0, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return iso ? s : `${s.slice(6)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
}

/** The number in s[at..at+n) when it is all ASCII digits, else -1. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const BRIN = /^(\d{2}[A-Z]{2})(\d{2})?$/;
const CREBO = /^\d{5}$/;
const PGN = /^\d{9}$/;
const NIVEAU = /^[1-4]$/;

/** Longest accepted text per column: far above any real name, far below what would bloat the keys and the memory. */
export const MAX_LENGTH = { instellingsnaam: 200, achternaam: 200, tussenvoegsel: 50, voorletters: 30 } as const;
const tooLong = (column: keyof typeof MAX_LENGTH, length: number) =>
  `${column} is ${length} tekens lang, maximaal ${MAX_LENGTH[column]} / ${column} is ${length} characters long, at most ${MAX_LENGTH[column]}`;

/** Where each column is in a record. */
export type ColumnIndex = Record<Column, number>;

// A plain function, not a closure made per row: 600,000 closures showed in the import's profile.
function bad(problems: RowProblem[], line: number, column: Column, message: string): void {
  problems.push({ line, column, message });
}

/** Checks one row (a record as wide as the header). Returns the record, or null after adding its problems. */
export function checkRow(f: readonly string[], ix: ColumnIndex, line: number, problems: RowProblem[]): PopulationRecord | null {
  const before = problems.length;
  const pgn = f[ix.pgn]!.trim();
  if (!PGN.test(pgn)) bad(problems, line, 'pgn', 'PGN moet 9 cijfers zijn (voorloopnullen behouden) / PGN must be 9 digits (keep leading zeros)');
  else if (!isValidPgn(pgn)) bad(problems, line, 'pgn', 'PGN is geen geldig BSN (11-proef) of onderwijsnummer / PGN is not a valid BSN or onderwijsnummer');
  const brinMatch = BRIN.exec(f[ix.brin]!.trim().toUpperCase());
  if (!brinMatch) bad(problems, line, 'brin', 'BRIN moet 2 cijfers en 2 letters zijn, zoals 25PZ / BRIN must be 2 digits and 2 letters, e.g. 25PZ');
  const instellingsnaam = f[ix.instellingsnaam]!.trim();
  if (!instellingsnaam) bad(problems, line, 'instellingsnaam', 'instellingsnaam is leeg / instellingsnaam is empty');
  else if (instellingsnaam.length > MAX_LENGTH.instellingsnaam) bad(problems, line, 'instellingsnaam', tooLong('instellingsnaam', instellingsnaam.length));
  const crebo = f[ix.crebo]!.trim();
  if (!CREBO.test(crebo)) bad(problems, line, 'crebo', 'crebo moet 5 cijfers zijn / crebo must be 5 digits');
  const leerweg = f[ix.leerweg]!.trim().toUpperCase();
  if (leerweg !== 'BOL' && leerweg !== 'BBL') bad(problems, line, 'leerweg', 'leerweg moet BOL of BBL zijn / leerweg must be BOL or BBL');
  const niveau = f[ix.niveau]!.trim();
  if (!NIVEAU.test(niveau)) bad(problems, line, 'niveau', 'niveau moet 1, 2, 3 of 4 zijn / niveau must be 1 to 4');
  const geslacht = f[ix.geslacht]!.trim().toUpperCase();
  if (geslacht !== '' && geslacht !== 'M' && geslacht !== 'V' && geslacht !== 'X') bad(problems, line, 'geslacht', 'geslacht moet M, V, X of leeg zijn / geslacht must be M, V, X or empty');
  const achternaam = f[ix.achternaam]!.trim();
  if (achternaam.length > MAX_LENGTH.achternaam) bad(problems, line, 'achternaam', tooLong('achternaam', achternaam.length));
  else if (!normaliseName(achternaam)) bad(problems, line, 'achternaam', 'achternaam is leeg of bevat geen letters / achternaam is empty or holds no letters');
  else if (achternaam.includes('\uFFFD')) bad(problems, line, 'achternaam', 'achternaam bevat tekens die geen UTF-8 zijn: sla het bestand op als UTF-8 / not UTF-8: save the file as UTF-8');
  const geboortedatum = parseDate(f[ix.geboortedatum]!.trim());
  const tussenvoegsel = f[ix.tussenvoegsel]!.trim();
  if (tussenvoegsel.length > MAX_LENGTH.tussenvoegsel) bad(problems, line, 'tussenvoegsel', tooLong('tussenvoegsel', tussenvoegsel.length));
  const voorletters = f[ix.voorletters]!.trim();
  if (voorletters.length > MAX_LENGTH.voorletters) bad(problems, line, 'voorletters', tooLong('voorletters', voorletters.length));
  if (!geboortedatum) bad(problems, line, 'geboortedatum', 'geboortedatum moet een echte datum zijn als JJJJ-MM-DD of DD-MM-JJJJ / geboortedatum must be a real date, YYYY-MM-DD or DD-MM-YYYY');
  if (problems.length > before) return null;
  return {
    pgn,
    // Not interned (as when all records were kept): records are packed and dropped as they are read.
    brin: brinMatch![1]!,
    instellingsnaam,
    crebo,
    leerweg: leerweg as 'BOL' | 'BBL',
    niveau: Number(niveau),
    geslacht: (geslacht || null) as PopulationRecord['geslacht'],
    achternaam,
    tussenvoegsel,
    voorletters,
    geboortedatum: geboortedatum!,
  };
}

/** What reading a chunk of records needs to know from the header. */
export interface RecordFormat {
  delimiter: Delimiter;
  index: ColumnIndex;
  width: number;
}

/**
 * Checks every record of `text` (whole records, first on `firstLine`): the number of fields and checkRow.
 * `onRecord` gets the valid rows. Returns the rows seen and whether a broken CSV structure ended the reading.
 */
export function checkRecords(
  text: string,
  format: RecordFormat,
  firstLine: number,
  report: (p: RowProblem) => void,
  onRecord: (r: PopulationRecord, line: number) => void,
): { rows: number; lines: number; broken: boolean } {
  const rowProblems: RowProblem[] = [];
  let rows = 0;
  const read = readRecords(text, format.delimiter, firstLine, (fields, line) => {
    if (fields.length === 1 && fields[0] === '') return; // an empty line
    rows++;
    if (fields.length !== format.width) {
      report({ line, message: `deze regel heeft ${fields.length} kolommen, de kop ${format.width} / this line has ${fields.length} columns, the header ${format.width}` });
      return;
    }
    rowProblems.length = 0;
    const r = checkRow(fields, format.index, line, rowProblems);
    for (const p of rowProblems) report(p);
    if (r) onRecord(r, line);
  });
  if (read.error) report({ line: read.error.line, message: `het bestand is geen geldige CSV: ${read.error.message} / not valid CSV` });
  return { rows, lines: read.lines, broken: read.error !== undefined };
}

/** No PGN twice per BRIN. PGNs are held as numbers (9 digits fit), not strings; they stay in memory only. */
export class DuplicatePgns {
  private readonly seen = new Map<string, Map<number, number>>();

  /** The line the PGN was first seen on at this BRIN, or undefined (and it is remembered on `line`). */
  firstLine(brin: string, pgn: number, line: number): number | undefined {
    let atBrin = this.seen.get(brin);
    if (!atBrin) this.seen.set(brin, (atBrin = new Map()));
    const first = atBrin.get(pgn);
    if (first === undefined) atBrin.set(pgn, line);
    return first;
  }
}

export const duplicateProblem = (line: number, brin: string, first: number): RowProblem => ({
  line,
  column: 'pgn',
  message: `deze PGN staat bij ${brin} al op regel ${first} / this PGN already appears for ${brin} on line ${first}`,
});

/** Collects problems: counts all, lists up to MAX_LISTED_PROBLEMS. */
export class ProblemList {
  readonly problems: RowProblem[] = [];
  count = 0;
  readonly add = (p: RowProblem): void => {
    this.count++;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(p);
  };
}

/**
 * Reads and checks the whole file in this thread; calls `onRecord` for every valid row until the first problem
 * (after that the file will be rejected, so handing out records is wasted work). Every row is still checked,
 * so the report lists all problems.
 */
export async function readPopulationCsv(file: string, onRecord: (r: PopulationRecord, line: number) => void): Promise<ReadResult> {
  const list = new ProblemList();
  const duplicates = new DuplicatePgns();
  let rows = 0;
  const opened = await readPopulationChunks(file, list.add);
  if (opened) {
    for await (const chunk of opened.chunks) {
      const read = checkRecords(chunkText(chunk.bytes), opened.format, chunk.firstLine, list.add, (r, line) => {
        const first = duplicates.firstLine(r.brin, Number(r.pgn), line);
        if (first !== undefined) list.add(duplicateProblem(line, r.brin, first));
        else if (list.count === 0) onRecord(r, line);
      });
      rows += read.rows;
      if (read.broken) break;
    }
    if (rows === 0 && list.count === 0) list.add({ line: 2, message: 'het bestand bevat geen studenten / the file holds no students' });
  }
  return { rows, problems: list.problems, problemCount: list.count };
}

/** The column index from the header row, or null after reporting the missing columns. */
export function headerIndex(header: string[], line: number, report: (p: RowProblem) => void): ColumnIndex | null {
  const index = new Map<Column, number>();
  const twice = new Set<Column>();
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase() as Column;
    if (!(POPULATION_COLUMNS as readonly string[]).includes(name)) return;
    if (index.has(name)) twice.add(name);
    else index.set(name, i);
  });
  const missing = POPULATION_COLUMNS.filter((c) => !index.has(c));
  if (missing.length === 0 && twice.size === 0) return Object.fromEntries(index) as ColumnIndex;
  if (missing.length) report({ line, message: `kolommen ontbreken in de kop: ${missing.join(', ')} / header misses columns: ${missing.join(', ')}` });
  // Which of two columns holds the real value cannot be known: the file is refused rather than guessed at.
  if (twice.size) {
    const names = [...twice].join(', ');
    report({ line, message: `kolommen staan meer dan eens in de kop: ${names} / header has columns more than once: ${names}` });
  }
  return null;
}
