// Checks one chunk of the population file and pseudonymises its rows into flat typed arrays: what a worker
// thread hands back (transferred, not copied) and what the import writes. Raw PGNs stay in memory only, as
// numbers, for the duplicate check across chunks; names and birth dates end here.
import { LOGIN_KEY_BYTES, STUDENT_META as META } from '../db/population.ts';
import type { BulkKeyer } from './keys.ts';
import { registeredVariants } from './names.ts';
import { chunkText } from './population-chunks.ts';
import { checkRecords, ProblemList, type RecordFormat, type RowProblem } from './population-csv.ts';

export interface PackedChunk {
  /** Records read (valid or not), and whether a broken CSV structure ended the reading in this chunk. */
  rows: number;
  broken: boolean;
  problems: RowProblem[];
  problemCount: number;
  /** Valid students. */
  n: number;
  /** Per valid student: its BRIN (an index into `brins`), PGN as a number and line, for the duplicate check. */
  brin: Uint16Array;
  pgn: Int32Array;
  line: Int32Array;
  brins: string[];
  /** Institution name per BRIN in `brins` (the last one in the chunk). */
  names: string[];
  /** Only when the chunk has no problems (else the file is rejected and keying is wasted work): */
  keyed: boolean;
  /** The students as the database's bulk insert takes them (StudentBatch in db/population.ts). */
  meta: Uint8Array;
  pgnKeys: Uint8Array;
  initialKeys: Uint8Array;
  /** LOGIN_KEY_BYTES per login key, and the student (index in this chunk) each key belongs to. */
  loginKeys: Uint8Array;
  keyOwner: Int32Array;
}

/** Grows a typed array by doubling; the packed arrays are sized for an average row and grown when needed. */
function grow<T extends Uint8Array | Int32Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

export function packChunk(bytes: Uint8Array, format: RecordFormat, firstLine: number, keyer: BulkKeyer): PackedChunk {
  const list = new ProblemList();
  const estimate = Math.ceil(bytes.length / 60) + 16; // rows are ~80 bytes in DUO's files; grown when needed
  let brin = new Uint16Array(estimate), pgn = new Int32Array(estimate), line = new Int32Array(estimate);
  let meta = new Uint8Array(META * estimate), pgnKeys = new Uint8Array(32 * estimate), initialKeys = new Uint8Array(32 * estimate);
  let loginKeys = new Uint8Array(LOGIN_KEY_BYTES * 3 * estimate), keyOwner = new Int32Array(3 * estimate);
  const brinIndex = new Map<string, number>();
  const brins: string[] = [], names: string[] = [];
  let n = 0, k = 0;
  const read = checkRecords(chunkText(bytes), format, firstLine, list.add, (r, at) => {
    let b = brinIndex.get(r.brin);
    if (b === undefined) {
      brinIndex.set(r.brin, (b = brins.length));
      brins.push(r.brin);
    }
    names[b] = r.instellingsnaam;
    if (n === brin.length) {
      brin = grow(brin, n + 1);
      pgn = grow(pgn, n + 1);
      line = grow(line, n + 1);
    }
    brin[n] = b;
    pgn[n] = Number(r.pgn);
    line[n] = at;
    if (list.count === 0) {
      if (n === pgnKeys.length / 32) {
        meta = grow(meta, META * (n + 1));
        pgnKeys = grow(pgnKeys, 32 * (n + 1));
        initialKeys = grow(initialKeys, 32 * (n + 1));
      }
      const m = META * n;
      // Fixed widths: the row checks let through only a 4-character BRIN, 5-digit crebo, BOL or BBL, 1 to 4.
      for (let i = 0; i < 4; i++) meta[m + i] = r.brin.charCodeAt(i);
      for (let i = 0; i < 5; i++) meta[m + 4 + i] = r.crebo.charCodeAt(i);
      for (let i = 0; i < 3; i++) meta[m + 9 + i] = r.leerweg.charCodeAt(i);
      meta[m + 12] = 48 + r.niveau;
      meta[m + 13] = (r.geslacht ?? '-').charCodeAt(0);
      keyer.pgnInto(pgnKeys, 32 * n, r.pgn);
      const initial = r.voorletters.charAt(0);
      meta[m + 14] = initial ? 49 : 48;
      if (initial) keyer.initialInto(initialKeys, 32 * n, r.brin, pgnKeys.subarray(32 * n, 32 * n + 32), initial);
      const variants = registeredVariants(r.achternaam, r.tussenvoegsel);
      if (k + variants.length > keyOwner.length) {
        loginKeys = grow(loginKeys, LOGIN_KEY_BYTES * (k + variants.length));
        keyOwner = grow(keyOwner, k + variants.length);
      }
      keyer.loginInto(loginKeys, LOGIN_KEY_BYTES * k, LOGIN_KEY_BYTES, r.brin, r.geboortedatum, variants);
      keyOwner.fill(n, k, k + variants.length);
      k += variants.length;
    }
    n++;
  });
  const keyed = list.count === 0;
  return {
    rows: read.rows,
    broken: read.broken,
    problems: list.problems,
    problemCount: list.count,
    n,
    brin: brin.slice(0, n),
    pgn: pgn.slice(0, n),
    line: line.slice(0, n),
    brins,
    names,
    keyed,
    meta: keyed ? meta.slice(0, META * n) : new Uint8Array(0),
    pgnKeys: keyed ? pgnKeys.slice(0, 32 * n) : new Uint8Array(0),
    initialKeys: keyed ? initialKeys.slice(0, 32 * n) : new Uint8Array(0),
    loginKeys: keyed ? loginKeys.slice(0, LOGIN_KEY_BYTES * k) : new Uint8Array(0),
    keyOwner: keyed ? keyOwner.slice(0, k) : new Int32Array(0),
  };
}

/** The typed arrays of a packed chunk, to transfer to another thread instead of copying them. */
export const transferables = (c: PackedChunk): ArrayBuffer[] =>
  [c.brin, c.pgn, c.line, c.meta, c.pgnKeys, c.initialKeys, c.loginKeys, c.keyOwner].map((a) => a.buffer as ArrayBuffer);
