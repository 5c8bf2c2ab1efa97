// Group commit on a real SQLite file: writes of one event-loop turn share a transaction, a failing write
// is rolled back alone and rejects only its caller, and nothing resolves before the batch is committed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../server/db/index.ts';
import { groupCommit } from '../../server/db/group-commit.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-gc-'));
  db = openDatabase(join(dir, 'x.sqlite'));
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('groupCommit', () => {
  it('writes the saves of one turn in one transaction, and each caller gets its own result', async () => {
    const commit = groupCommit(db);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const inTx: boolean[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        commit(() => {
          inTx.push(db.inTransaction);
          insert.run(`k${n}`, n);
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30]);
    expect(inTx).toEqual([true, true, true]);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
  });

  it('rolls back only the write that failed and rejects only its caller', async () => {
    const commit = groupCommit(db);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const outcomes = await Promise.allSettled([
      commit(() => insert.run('a', 1)),
      commit(() => {
        insert.run('b', 2);
        insert.run('a', 3); // duplicate key: this write fails after doing some work
      }),
      commit(() => insert.run('c', 4)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual(['a', 'c']);
  });

  it('resolves only after the batch is committed, visible to another connection', async () => {
    const commit = groupCommit(db);
    const other = new Database(join(dir, 'x.sqlite'), { readonly: true });
    try {
      await commit(() => db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run('x', 1));
      expect(other.prepare('SELECT v FROM t WHERE k = ?').pluck().get('x')).toBe(1);
    } finally {
      other.close();
    }
  });
});
