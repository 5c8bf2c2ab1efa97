// The bulk write from packed rows: every student must get exactly their own login keys, and reading on
// worker threads in many chunks must give the same database as reading in this thread.
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestApp, student } from '../support/test-app.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { importPopulationFile } from '../../server/services/population/import.ts';
import { registeredVariants } from '../../server/services/population/names.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { createKeyer } from '../../server/services/common/keys.ts';

const t = createTestApp();
const other = createTestApp();
afterAll(() => {
  t.close();
  other.close();
});

/** Letters, as digits do not count in a surname: every student's variants are their own. */
const tag = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
const people = Array.from({ length: 500 }, (_, i) =>
  student({
    pgn: makeBsn(700000000 + i * 1000),
    brin: ['25PZ', '30XX', '11AB'][i % 3]!,
    // Some names quoted in the file (a ";" in them), one with a line break inside the quotes.
    achternaam: i === 7 ? 'Naam; met\r\nregel' : i % 50 === 0 ? `Naam${tag(i)}; Jr` : `Naam${tag(i)}-de Boer${tag(i)}`,
    tussenvoegsel: i % 2 ? 'van' : '',
    voorletters: i % 5 ? 'A.' : '',
    geboortedatum: `200${i % 8}-0${1 + (i % 9)}-1${i % 10}`,
  }),
);

it('links every login key to its own student after the bulk insert from packed rows', async () => {
  const r = await importPopulationFile(t.repos, t.keyer, writePopulationFile(join(t.dir, 'p.csv'), people), '2023-12-01');
  expect(r).toMatchObject({ ok: true, rows: 500 });
  for (const p of people) {
    const variants = registeredVariants(p.achternaam, p.tussenvoegsel);
    for (const v of variants) {
      const found = t.repos.population.findCurrentByLoginKey(t.keyer.login(p.brin, p.geboortedatum, v), p.brin);
      expect(found.map((f) => f.pgnKey.equals(t.keyer.pgn(p.pgn))), `${p.achternaam} as ${v}`).toEqual([true]);
    }
  }
  const keys = t.db.prepare('SELECT count(*) FROM login_keys').pluck().get();
  expect(keys).toBe(people.reduce((n, p) => n + registeredVariants(p.achternaam, p.tussenvoegsel).length, 0));
});

it('writes the same database from worker threads and many small chunks as from one thread', async () => {
  const keyer = createKeyer(t.secret); // the same secret, so the same keys
  const file = writePopulationFile(join(other.dir, 'p.csv'), people);
  const r = await importPopulationFile(other.repos, keyer, file, '2023-12-01', { threads: 2, chunkBytes: 2048 });
  expect(r).toMatchObject({ ok: true, rows: 500 });
  // Ids follow the order of writing, which depends on the chunks: compare students by pseudonym instead.
  const dump = (db: typeof t.db) => [
    db.prepare('SELECT peildatum, brin, hex(pgn_key), crebo, leerweg, niveau, geslacht, hex(initial_key) FROM population ORDER BY pgn_key').all(),
    db.prepare('SELECT p.peildatum, hex(k.key), hex(p.pgn_key) FROM login_keys k JOIN population p ON p.id = k.population_id ORDER BY 2, 3').all(),
    db.prepare('SELECT * FROM institutions ORDER BY brin').all(),
  ];
  expect(dump(other.db)).toEqual(dump(t.db));
});

it('finds problems across chunk and thread boundaries, with their lines, and writes nothing', async () => {
  const before = other.repos.population.count();
  const bad = [...people.slice(0, 300), student({ niveau: 7 }), ...people.slice(300), { ...people[3]!, achternaam: 'Tweede' }];
  const file = writePopulationFile(join(other.dir, 'bad.csv'), bad);
  const r = await importPopulationFile(other.repos, createKeyer(t.secret), file, '2023-12-02', { threads: 2, chunkBytes: 2048 });
  expect(r).toMatchObject({
    ok: false,
    rows: 502,
    problemCount: 2,
    // Line 1 is the header; the quoted line break in student 7 makes every later row one line further.
    problems: [
      { line: 303, column: 'niveau' },
      { line: 504, column: 'pgn', message: expect.stringContaining('regel 5') },
    ],
  });
  expect(other.repos.population.count()).toBe(before);
});
