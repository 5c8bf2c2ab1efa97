// Migrations 008 and 009: login keys stored in buckets (008) move to a plain indexed table in population sets
// (009). Every key must still find its students, per peildatum, and the latest peildatum becomes current.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { populationRepo } from '../../server/db/population.ts';

const dir = join(import.meta.dirname, '../../server/db/migrations');
const migrations = readdirSync(dir).filter((f) => /^\d{3}-.+\.sql$/.test(f)).sort();
const apply = (db: Database.Database, f: string) => db.exec(readFileSync(join(dir, f), 'utf8'));

it('keeps the login keys of every peildatum through the buckets into the indexed table, and the latest peildatum is current', () => {
  const db = new Database(':memory:');
  for (const f of migrations.filter((m) => m < '008')) apply(db, f);
  db.exec("INSERT INTO institutions (brin, name) VALUES ('25PZ', 'ROC')");
  const student = db.prepare("INSERT INTO population (id, peildatum, brin, pgn_key, crebo, leerweg, niveau) VALUES (?, ?, '25PZ', ?, '25655', 'BOL', 2)");
  const pgn = { 7: randomBytes(32), 70000: randomBytes(32), 8: randomBytes(32) };
  student.run(7, '2023-12-01', pgn[7]);
  student.run(70000, '2023-12-01', pgn[70000]);
  student.run(8, '2024-12-01', pgn[8]);
  const keys = Array.from({ length: 4 }, () => randomBytes(32));
  keys[1]!.copy(keys[0]!, 0, 0, 2); // two keys in one bucket
  const key = db.prepare('INSERT INTO login_keys (key, population_id) VALUES (?, ?)');
  key.run(keys[0], 7);
  key.run(keys[1], 70000);
  key.run(keys[2], 7);
  key.run(keys[3], 8);
  key.run(keys[2], 70000); // one key, two students (twins)
  apply(db, migrations.find((m) => m.startsWith('008'))!);
  expect(db.prepare('SELECT count(*) FROM login_key_buckets').pluck().get()).toBe(3); // keys 0 and 1 share one
  apply(db, migrations.find((m) => m.startsWith('009'))!);

  expect(db.prepare('SELECT peildatum, status, students FROM population_sets ORDER BY id').all()).toEqual([
    { peildatum: '2023-12-01', status: 'ready', students: 2 },
    { peildatum: '2024-12-01', status: 'ready', students: 1 },
  ]);
  const repo = populationRepo(db);
  expect(repo.currentPeildatum()).toBe('2024-12-01');
  const ids = (k: Buffer) => repo.findCurrentByLoginKey(k, '25PZ').map((r) => r.id).sort((a, b) => a - b);
  expect(ids(keys[3]!)).toEqual([8]);
  expect(ids(keys[0]!)).toEqual([]); // 2023-12-01 is no longer current
  expect(repo.findByPgnKey('2023-12-01', '25PZ', pgn[70000])?.id).toBe(70000);
  const set2023 = db.prepare("SELECT id FROM population_sets WHERE peildatum = '2023-12-01'").pluck().get();
  const row = (k: Buffer, id: number) => ({ key: k.subarray(0, 16).toString('hex').toUpperCase(), id });
  const expected = [row(keys[0]!, 7), row(keys[2]!, 7), row(keys[1]!, 70000), row(keys[2]!, 70000)];
  expect(db.prepare('SELECT hex(key) AS key, population_id AS id FROM login_keys WHERE set_id = ? ORDER BY id, key').all(set2023)).toEqual(
    expected.sort((a, b) => a.id - b.id || (a.key < b.key ? -1 : 1)),
  );
});
