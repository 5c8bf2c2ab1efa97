// Checks one chunk of the population file and pseudonymises its rows into flat typed arrays: what a worker
// thread hands back (transferred, not copied) and what the import writes. Raw PGNs stay in memory only, as
// numbers, for the duplicate check across chunks; names and birth dates end here.
import { LOGIN_KEY_BYTES, type StudentWrite } from '../../db/population.ts';
import type { Keyer } from '../common/keys.ts';
import { registeredVariants } from './names.ts';
import { chunkText } from './chunks.ts';
import { checkRecords, ProblemList, type RecordFormat, type RowProblem } from './rows.ts';

const GESLACHT = [null, 'M', 'V', 'X'] as const;
const LEERWEG = ['BOL', 'BBL'] as const;

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
  /** The rest only when the chunk has no problems (else the file is rejected and keying is wasted work). */
  keyed: boolean;
  /** Per student: crebo as a number, leerweg (index in LEERWEG), niveau, geslacht (index in GESLACHT). */
  crebo: Int32Array;
  leerweg: Uint8Array;
  niveau: Uint8Array;
  geslacht: Uint8Array;
  /** 32 bytes per student; an initial key of all zero bytes means none (no voorletters). */
  pgnKeys: Uint8Array;
  initialKeys: Uint8Array;
  /** LOGIN_KEY_BYTES per login key, and the student (index in this chunk) each key belongs to. */
  loginKeys: Uint8Array;
  keyOwner: Int32Array;
}

/** The buffers side by side in one new array of its own (never a slice of Node's shared pool: it is transferred). */
function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A Buffer over part of a typed array (SQLite binds Buffers as blobs), without copying. */
const view = (a: Uint8Array, from: number, length: number): Buffer => Buffer.from(a.buffer, a.byteOffset + from, length);

export function packChunk(bytes: Uint8Array, format: RecordFormat, firstLine: number, keyer: Keyer): PackedChunk {
  const list = new ProblemList();
  const brinIndex = new Map<string, number>();
  const brins: string[] = [], names: string[] = [];
  const brin: number[] = [], pgn: number[] = [], line: number[] = [];
  const crebo: number[] = [], leerweg: number[] = [], niveau: number[] = [], geslacht: number[] = [];
  const pgnKeys: Buffer[] = [], initialKeys: Buffer[] = [], loginKeys: Buffer[] = [], keyOwner: number[] = [];
  const none = Buffer.alloc(32);
  const read = checkRecords(chunkText(bytes), format, firstLine, list.add, (r, at) => {
    let b = brinIndex.get(r.brin);
    if (b === undefined) {
      brinIndex.set(r.brin, (b = brins.length));
      brins.push(r.brin);
    }
    names[b] = r.instellingsnaam;
    const n = brin.length;
    brin.push(b);
    pgn.push(Number(r.pgn));
    line.push(at);
    if (list.count > 0) return;
    crebo.push(Number(r.crebo));
    leerweg.push(LEERWEG.indexOf(r.leerweg));
    niveau.push(r.niveau);
    geslacht.push(GESLACHT.indexOf(r.geslacht));
    const pgnKey = keyer.pgn(r.pgn);
    pgnKeys.push(pgnKey);
    const initial = r.voorletters.charAt(0);
    initialKeys.push(initial ? keyer.initial(r.brin, pgnKey, initial) : none);
    for (const v of registeredVariants(r.achternaam, r.tussenvoegsel)) {
      loginKeys.push(keyer.login(r.brin, r.geboortedatum, v).subarray(0, LOGIN_KEY_BYTES));
      keyOwner.push(n);
    }
  });
  const keyed = list.count === 0;
  return {
    rows: read.rows,
    broken: read.broken,
    problems: list.problems,
    problemCount: list.count,
    n: brin.length,
    brin: Uint16Array.from(brin),
    pgn: Int32Array.from(pgn),
    line: Int32Array.from(line),
    brins,
    names,
    keyed,
    crebo: Int32Array.from(keyed ? crebo : []),
    leerweg: Uint8Array.from(keyed ? leerweg : []),
    niveau: Uint8Array.from(keyed ? niveau : []),
    geslacht: Uint8Array.from(keyed ? geslacht : []),
    pgnKeys: joined(keyed ? pgnKeys : []),
    initialKeys: joined(keyed ? initialKeys : []),
    loginKeys: joined(keyed ? loginKeys : []),
    keyOwner: Int32Array.from(keyed ? keyOwner : []),
  };
}

/** The typed arrays of a packed chunk, to transfer to another thread instead of copying them. */
export const transferables = (c: PackedChunk): ArrayBuffer[] =>
  [...new Set([c.brin, c.pgn, c.line, c.crebo, c.leerweg, c.niveau, c.geslacht, c.pgnKeys, c.initialKeys, c.loginKeys, c.keyOwner].map((a) => a.buffer as ArrayBuffer))];

/** Student `i` of a keyed chunk as the database writes it, login keys aside (views, not copies). */
export function studentAt(c: PackedChunk, i: number): Omit<StudentWrite, 'loginKeys'> {
  const initialKey = view(c.initialKeys, 32 * i, 32);
  return {
    brin: c.brins[c.brin[i]!]!,
    pgnKey: view(c.pgnKeys, 32 * i, 32),
    crebo: String(c.crebo[i]).padStart(5, '0'),
    leerweg: LEERWEG[c.leerweg[i]!]!,
    niveau: c.niveau[i]!,
    geslacht: GESLACHT[c.geslacht[i]!]!,
    initialKey: initialKey.some((b) => b !== 0) ? initialKey : null,
  };
}

/** Login key `k` of a keyed chunk (LOGIN_KEY_BYTES, a view). */
export const loginKeyAt = (c: PackedChunk, k: number): Buffer => view(c.loginKeys, LOGIN_KEY_BYTES * k, LOGIN_KEY_BYTES);
