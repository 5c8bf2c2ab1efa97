// Group commit on a real SQLite file: works that arrive together share one transaction, a failing work
// undoes only its own writes, and every promise settles after the COMMIT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/index.ts';
import { createGroupCommit } from '../../server/db/group-commit.ts';

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): Db {
  dir = mkdtempSync(join(tmpdir(), 'jm-gc-'));
  db = openDatabase(join(dir, 'test.sqlite'));
  db.exec('CREATE TABLE t (v INTEGER NOT NULL UNIQUE)');
  return db;
}

describe('group commit', () => {
  it('runs works together in arrival order and resolves after the commit', async () => {
    const d = open();
    const writes = createGroupCommit(d);
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    const count = d.prepare('SELECT count(*) FROM t').pluck();
    const inTransaction: boolean[] = [];
    const seen: number[] = [];
    const all = Promise.all([1, 2, 3].map((v) => writes.run(() => {
      inTransaction.push(d.inTransaction);
      seen.push(count.get() as number);
      insert.run(v);
      return v * 10;
    })));
    expect(count.get()).toBe(0); // nothing runs before the batch is flushed
    expect(await all).toEqual([10, 20, 30]);
    expect(inTransaction).toEqual([true, true, true]);
    expect(seen).toEqual([0, 1, 2]); // each work reads what the ones before it wrote
    expect(d.inTransaction).toBe(false);
    expect(count.get()).toBe(3);
  });

  it('undoes only the writes of a work that throws', async () => {
    const d = open();
    const writes = createGroupCommit(d);
    const insert = d.prepare('INSERT INTO t (v) VALUES (?)');
    const results = await Promise.allSettled([
      writes.run(() => insert.run(1)),
      writes.run(() => {
        insert.run(2);
        insert.run(1); // UNIQUE: fails after its own first write
      }),
      writes.run(() => insert.run(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(d.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 3]);
  });
});
