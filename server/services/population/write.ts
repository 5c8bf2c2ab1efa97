// Writes a population as a new set in short transactions while it stays invisible, makes it current in one
// small transaction, then removes the set it replaced in short steps. Nothing a student does waits for more
// than one step: logins keep finding the old set until the switch, and the new one after it.
// Students are written in the order of their unique index (school, PGN pseudonym) and login keys in key order,
// so every step appends at the end of its B-trees. Written in file order, each short step would touch pages all
// over the indexes, and every commit would copy most of them into the WAL again (measured: 4x the CPU time).
import type { Repos } from '../../db/index.ts';
import type { StudentWrite } from '../../db/population.ts';
import { loginKeyAt, studentAt, type PackedChunk } from './pack.ts';

/** Students, and login keys, per write transaction: a few milliseconds each. */
const STUDENTS_PER_STEP = 5000;
const KEYS_PER_STEP = 20_000;
/** Rows removed per step when a replaced set is cleared away. */
const ROWS_PER_REMOVAL = 20_000;

/** Between two steps: lets others write (a server on the same file, the event loop of this process). */
export type Pause = () => Promise<void>;

/** A population to write, however it is held in memory (the packed chunks of a file, or records). */
export interface Students {
  count: number;
  student(i: number): Omit<StudentWrite, 'loginKeys'>;
  /** Orders students as the unique index does: school first, then the pseudonym's first bytes. */
  order(i: number): number;
  keyCount: number;
  key(k: number): Buffer;
  /** The student (index) login key `k` belongs to. */
  keyOwner(k: number): number;
}

/** The first 6 bytes of a key as a number: sorting by it puts keys in (nearly) B-tree order; ties only cost locality. */
const head = (key: Buffer): number => key.readUIntBE(0, 6);

/** Indices 0..n-1 sorted by `by`. */
function sortedBy(n: number, by: (i: number) => number): Uint32Array {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = by(i);
  return new Uint32Array(n).map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
}

export class PopulationSetWriter {
  private setId: number | null = null;

  constructor(
    private readonly repos: Repos,
    private readonly peildatum: string,
    private readonly at: string,
  ) {}

  /**
   * Writes every student and login key into a new, invisible set, one short transaction per step: the caller
   * runs the steps, pausing between them (an import), or straight through inside its own transaction (records).
   */
  *steps(s: Students): Generator<void> {
    const { repos, peildatum } = this;
    const setId = (this.setId = repos.transaction(() => repos.population.startSet(peildatum, this.at)));
    const students = sortedBy(s.count, (i) => s.order(i));
    const ids = new Int32Array(s.count);
    for (let from = 0; from < s.count; from += STUDENTS_PER_STEP) {
      repos.transaction(() => {
        for (const i of students.subarray(from, from + STUDENTS_PER_STEP)) ids[i] = repos.population.addStudent(setId, peildatum, s.student(i));
      });
      yield;
    }
    const keys = sortedBy(s.keyCount, (k) => head(s.key(k)));
    for (let from = 0; from < s.keyCount; from += KEYS_PER_STEP) {
      repos.transaction(() => {
        for (const k of keys.subarray(from, from + KEYS_PER_STEP)) repos.population.addLoginKey(setId, s.key(k), ids[s.keyOwner(k)]!);
      });
      yield;
    }
  }

  async write(s: Students, pause: Pause): Promise<void> {
    for (const _ of this.steps(s)) await pause();
  }

  /** Names the institutions and makes the set current, in one transaction; returns how many students it replaced. */
  finish(institutions: Map<string, string>, students: number): number {
    const setId = this.setId;
    if (setId === null) throw new Error('nothing was written');
    return this.repos.transaction(() => {
      for (const [brin, name] of institutions) this.repos.institutions.upsert(brin, name);
      return this.repos.population.makeCurrent(setId, students);
    });
  }

  /** A rejected file, or a failure halfway: the set never becomes current, and is removed like a replaced one. */
  abandon(): void {
    const setId = this.setId;
    if (setId !== null) this.repos.transaction(() => this.repos.population.abandon(setId));
  }
}

/** The students of a file's packed chunks, as one list. */
export function chunkStudents(chunks: PackedChunk[]): Students {
  const count = chunks.reduce((n, c) => n + c.n, 0);
  const keyCount = chunks.reduce((n, c) => n + c.keyOwner.length, 0);
  // Where each student and key is: its chunk and its place in it.
  const chunkOf = new Uint16Array(count), at = new Uint32Array(count), keyChunk = new Uint16Array(keyCount), keyAt = new Uint32Array(keyCount);
  const firstStudent: number[] = [];
  let i = 0, k = 0;
  chunks.forEach((c, ci) => {
    firstStudent.push(i);
    for (let j = 0; j < c.n; j++, i++) [chunkOf[i], at[i]] = [ci, j];
    for (let j = 0; j < c.keyOwner.length; j++, k++) [keyChunk[k], keyAt[k]] = [ci, j];
  });
  const rank = new Map([...new Set(chunks.flatMap((c) => c.brins))].sort().map((b, r) => [b, r]));
  return {
    count,
    keyCount,
    student: (s) => studentAt(chunks[chunkOf[s]!]!, at[s]!),
    order(s) {
      const c = chunks[chunkOf[s]!]!, j = at[s]!;
      return rank.get(c.brins[c.brin[j]!]!)! * 2 ** 40 + Buffer.from(c.pgnKeys.buffer, c.pgnKeys.byteOffset + 32 * j, 5).readUIntBE(0, 5);
    },
    key: (key) => loginKeyAt(chunks[keyChunk[key]!]!, keyAt[key]!),
    keyOwner: (key) => firstStudent[keyChunk[key]!]! + chunks[keyChunk[key]!]!.keyOwner[keyAt[key]!]!,
  };
}

/** Students given as whole records (the demo, tests), as one list. */
export function recordStudents(list: StudentWrite[]): Students {
  const owners = list.flatMap((s, i) => s.loginKeys.map(() => i));
  const keys = list.flatMap((s) => s.loginKeys);
  const rank = new Map([...new Set(list.map((s) => s.brin))].sort().map((b, r) => [b, r]));
  return {
    count: list.length,
    keyCount: keys.length,
    student: (i) => list[i]!,
    order: (i) => rank.get(list[i]!.brin)! * 2 ** 40 + list[i]!.pgnKey.readUIntBE(0, 5),
    key: (k) => keys[k]!,
    keyOwner: (k) => owners[k]!,
  };
}

/** Removes every retired set (replaced, or from a rejected or interrupted import), one short step at a time. */
export async function removeRetiredSets(repos: Repos, pause: Pause): Promise<void> {
  for (const setId of repos.population.retiredSets()) {
    while (repos.transaction(() => repos.population.removeRetiredStep(setId, ROWS_PER_REMOVAL))) await pause();
  }
}

/** The same at once, inside the caller's transaction (small populations: the demo, tests). */
export function removeRetiredSetsNow(repos: Repos): void {
  for (const setId of repos.population.retiredSets()) while (repos.population.removeRetiredStep(setId, ROWS_PER_REMOVAL));
}
