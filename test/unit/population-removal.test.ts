// A replaced population set is removed in short steps (login keys first, in key order, then students, then the
// set): small steps must remove every row of that set, and none of any other set.
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestApp, student } from '../support/test-app.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { importPopulationFile } from '../../server/services/population/import.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';

const t = createTestApp();
afterAll(() => t.close());

const people = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) =>
    student({ pgn: makeBsn(600000000 + (from + i) * 1000), achternaam: `Jansen-de Vries${String.fromCharCode(97 + (i % 26))}`, tussenvoegsel: i % 2 ? 'van' : '' }),
  );

it('removes a retired set in steps of a few rows, and nothing of the current set', async () => {
  expect(await importPopulationFile(t.repos, t.keyer, writePopulationFile(join(t.dir, 'a.csv'), people(60, 0)), '2023-12-01')).toMatchObject({ ok: true });
  const old = t.repos.population.currentSet()!.id;
  const rows = (setId: number) => ({
    keys: t.db.prepare('SELECT count(*) FROM login_keys WHERE set_id = ?').pluck().get(setId) as number,
    students: t.db.prepare('SELECT count(*) FROM population WHERE set_id = ?').pluck().get(setId) as number,
  });
  const before = rows(old);
  const distinctKeys = t.db.prepare('SELECT count(DISTINCT key) FROM login_keys WHERE set_id = ?').pluck().get(old) as number;
  expect(before.keys).toBeGreaterThan(100);

  // A second set written beside it becomes current; the first is retired, then removed 7 rows at a time.
  const current = t.repos.transaction(() => t.repos.population.startSet('2024-03-01', '2024-03-01T00:00:00Z'));
  const students = people(40, 1000).map((p) => ({
    brin: p.brin, pgnKey: t.keyer.pgn(p.pgn), crebo: p.crebo, leerweg: p.leerweg, niveau: p.niveau, geslacht: null, initialKey: null,
  }));
  t.repos.transaction(() => {
    const first = t.repos.population.addStudents(current, '2024-03-01', students);
    t.repos.population.addLoginKeys(current, students.map((s, i) => [t.keyer.login(s.brin, '2005-01-01', `naam${i}`), first + i]));
    t.repos.population.makeCurrent(current, students.length);
  });
  t.db.prepare("UPDATE population_sets SET status = 'retired' WHERE id = ?").run(old);
  const kept = rows(current);

  let steps = 0;
  while (t.repos.transaction(() => t.repos.population.removeRetiredStep(old, 7))) steps++;
  // A step takes at most 7 distinct keys, with every row of them (students who share a spelling share a key).
  expect(steps).toBeGreaterThanOrEqual(Math.ceil(distinctKeys / 7) + Math.ceil(before.students / 7));
  expect(rows(old)).toEqual({ keys: 0, students: 0 });
  expect(t.db.prepare('SELECT count(*) FROM population_sets WHERE id = ?').pluck().get(old)).toBe(0);
  expect(rows(current)).toEqual(kept);
  expect(kept).toEqual({ keys: 40, students: 40 });
});
