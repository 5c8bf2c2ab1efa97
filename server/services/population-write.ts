// Writes a population import while its chunks come in, in one transaction that stays open until the whole file
// is read: committed when the file has no problems, rolled back otherwise, so a rejected file changes nothing.
// Why not check everything first and write after (as before): writing 600,000 students takes ~4 s of this
// thread, which then ran after the workers had finished; now it runs while they read, check and key.
// Why not db.transaction(): the writes span the await of the workers, and db.transaction() takes a function
// that runs at once. BEGIN, COMMIT and ROLLBACK are issued here, and nothing else uses the connection meanwhile
// (the import runs from the command line).
import type { Repos } from '../db/index.ts';
import { LOGIN_KEY_BYTES, STUDENT_META } from '../db/population.ts';
import type { PackedChunk } from './population-pack.ts';

/** Students per bulk insert statement. */
const BATCH = 8192;

/** Copies a few bytes; a loop, as Buffer.copy() or set() cost ~0.5 us a call (measured: 1 s for 600,000 rows). */
function copy(from: Uint8Array, at: number, to: Uint8Array, toAt: number, n: number): void {
  for (let i = 0; i < n; i++) to[toAt + i] = from[at + i]!;
}

export class PopulationWriter {
  private nextId = 0;
  private replaced = 0;
  private readonly keys: Uint8Array[] = [];
  private readonly ids: Int32Array[] = [];
  private restore: (() => void) | null = null;
  private readonly batch = { count: 0, meta: Buffer.alloc(STUDENT_META * BATCH), pgnKeys: Buffer.alloc(32 * BATCH), initialKeys: Buffer.alloc(32 * BATCH) };

  constructor(private readonly repos: Repos, private readonly peildatum: string) {}

  /**
   * Opens the transaction and removes the students of the peildatum (kept if it is rolled back). Called for the
   * first chunk, not before reading: removing 600,000 students takes ~1 s, while the workers start and read.
   */
  private begin(): void {
    const { db } = this.repos;
    const cacheSize = Number(db.pragma('cache_size', { simple: true }));
    const mmapSize = Number(db.pragma('mmap_size', { simple: true }));
    // Bulk write: a 256 MB page cache, and foreign-key checks are off (the institutions the students refer to
    // are written in the same transaction). Neither can change inside a transaction, so they are set around it
    // and restored after. No memory map while writing: pages read through it would count towards peak memory.
    db.pragma('cache_size = -262144');
    db.pragma('mmap_size = 0');
    db.pragma('foreign_keys = OFF');
    this.restore = () => {
      db.pragma('foreign_keys = ON');
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma(`mmap_size = ${mmapSize}`);
    };
    db.exec('BEGIN IMMEDIATE');
    const started = this.repos.population.startBulkReplace(this.peildatum);
    this.replaced = started.removed;
    this.nextId = started.firstId;
  }

  /**
   * Writes a chunk's students, sorted by BRIN and PGN pseudonym: the order of the UNIQUE (peildatum, brin,
   * pgn_key) index, so it grows in runs instead of by random inserts (measured at 600,000 students, SQLite's own
   * time: 3.25 s in file order, 2.5 s sorted per chunk, 1.65 s sorted as a whole, which would have to wait for
   * the whole file). Sorted on a 53-bit number (BRIN rank, 22 bits of the pseudonym, row) in a Float64Array;
   * rows with equal bits stay in file order, which only costs a few inserts out of order.
   */
  add(c: PackedChunk): void {
    if (!this.restore) this.begin();
    const rank = new Map([...c.brins].sort().map((b, i) => [b, i]));
    const ranks = c.brins.map((b) => rank.get(b)!);
    const sortable = c.n < 2 ** 21 && ranks.length < 2 ** 10;
    const key = new Float64Array(c.n);
    for (let r = 0; r < c.n; r++) {
      const p = c.pgnKeys, at = 32 * r;
      key[r] = sortable ? (ranks[c.brin[r]!]! * 2 ** 22 + ((p[at]! << 14) | (p[at + 1]! << 6) | (p[at + 2]! >>> 2))) * 2 ** 21 + r : r;
    }
    key.sort();
    const id = new Int32Array(c.n);
    const { batch } = this;
    for (let from = 0; from < c.n; from += BATCH) {
      batch.count = Math.min(BATCH, c.n - from);
      for (let i = 0; i < batch.count; i++) {
        const r = sortable ? key[from + i]! % 2 ** 21 : from + i;
        id[r] = this.nextId + from + i;
        copy(c.meta, STUDENT_META * r, batch.meta, STUDENT_META * i, STUDENT_META);
        copy(c.pgnKeys, 32 * r, batch.pgnKeys, 32 * i, 32);
        copy(c.initialKeys, 32 * r, batch.initialKeys, 32 * i, 32);
      }
      this.repos.population.appendStudents(this.peildatum, this.nextId + from, batch);
    }
    this.nextId += c.n;
    this.keys.push(c.loginKeys);
    this.ids.push(c.keyOwner.map((owner) => id[owner]!));
  }

  /** Writes the institutions and login keys and commits; returns the number of students replaced. */
  commit(institutions: Map<string, string>): number {
    if (!this.restore) this.begin(); // a file without students is rejected before this; kept safe anyway
    try {
      for (const [brin, name] of institutions) this.repos.institutions.upsert(brin, name);
      const ids = new Int32Array(this.ids.reduce((n, a) => n + a.length, 0));
      this.ids.reduce((at, a) => (ids.set(a, at), at + a.length), 0);
      this.repos.population.writeLoginKeys(this.peildatum, Buffer.concat(this.keys), LOGIN_KEY_BYTES, ids);
      this.repos.db.exec('COMMIT');
      return this.replaced;
    } finally {
      this.close();
    }
  }

  /** Rolls back unless committed, and restores the connection's settings. Safe to call more than once. */
  close(): void {
    if (this.repos.db.inTransaction) this.repos.db.exec('ROLLBACK');
    this.restore?.();
    this.restore = null;
  }
}
