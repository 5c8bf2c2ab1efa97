// Migration 008 moves login keys from rows into buckets: existing keys must still find their students.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { populationRepo } from '../../server/db/population.ts';

const dir = join(import.meta.dirname, '../../server/db/migrations');
const migrations = readdirSync(dir).filter((f) => /^\d{3}-.+\.sql$/.test(f)).sort();

it('converts the login keys of every peildatum into buckets, and the view shows them as rows again', () => {
  const db = new Database(':memory:');
  for (const f of migrations.filter((m) => m < '008')) db.exec(readFileSync(join(dir, f), 'utf8'));
  db.exec("INSERT INTO institutions (brin, name) VALUES ('25PZ', 'ROC')");
  const student = db.prepare("INSERT INTO population (id, peildatum, brin, pgn_key, crebo, leerweg, niveau) VALUES (?, ?, '25PZ', ?, '25655', 'BOL', 2)");
  student.run(7, '2023-12-01', randomBytes(32));
  student.run(70000, '2023-12-01', randomBytes(32));
  student.run(8, '2024-12-01', randomBytes(32));
  const keys = Array.from({ length: 4 }, () => randomBytes(32));
  keys[1]!.copy(keys[0]!, 0, 0, 2); // two keys in one bucket
  const key = db.prepare('INSERT INTO login_keys (key, population_id) VALUES (?, ?)');
  key.run(keys[0], 7);
  key.run(keys[1], 70000);
  key.run(keys[2], 7);
  key.run(keys[3], 8);
  key.run(keys[2], 70000); // one key, two students (twins)

  db.exec(readFileSync(join(dir, migrations.find((m) => m.startsWith('008'))!), 'utf8'));
  const repo = populationRepo(db);
  const ids = (k: Buffer, peildatum: string) => repo.findByLoginKey(k, peildatum).map((r) => r.id).sort((a, b) => a - b);
  expect(ids(keys[0]!, '2023-12-01')).toEqual([7]);
  expect(ids(keys[1]!, '2023-12-01')).toEqual([70000]);
  expect(ids(keys[2]!, '2023-12-01')).toEqual([7, 70000]);
  expect(ids(keys[3]!, '2024-12-01')).toEqual([8]);
  expect(ids(keys[3]!, '2023-12-01')).toEqual([]);
  expect(db.prepare('SELECT count(*) FROM login_key_buckets').pluck().get()).toBe(3); // keys 0 and 1 share one
  const row = (k: Buffer, id: number, peildatum: string) => ({ peildatum, key: k.subarray(0, 16).toString('hex').toUpperCase(), id });
  const expected = [row(keys[0]!, 7, '2023-12-01'), row(keys[2]!, 7, '2023-12-01'), row(keys[3]!, 8, '2024-12-01'), row(keys[1]!, 70000, '2023-12-01'), row(keys[2]!, 70000, '2023-12-01')];
  expect(db.prepare('SELECT peildatum, hex(key) AS key, population_id AS id FROM login_keys ORDER BY id, key').all()).toEqual(
    expected.sort((a, b) => a.id - b.id || (a.key < b.key ? -1 : 1)),
  );
});
