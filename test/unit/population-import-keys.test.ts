// The bulk write from packed rows: every student must get exactly their own login keys.
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestApp, student } from '../support/test-app.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { importPopulationFile } from '../../server/services/population-import.ts';
import { registeredVariants } from '../../server/services/names.ts';
import { makeBsn } from '../../server/services/pgn.ts';

const t = createTestApp();
afterAll(() => t.close());

/** Letters, as digits do not count in a surname: every student's variants are their own. */
const tag = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));

it('links every login key to its own student after the bulk insert from packed rows', async () => {
  const people = Array.from({ length: 500 }, (_, i) =>
    student({ pgn: makeBsn(700000000 + i * 1000), brin: ['25PZ', '30XX', '11AB'][i % 3]!, achternaam: `Naam${tag(i)}-de Boer${tag(i)}`, tussenvoegsel: i % 2 ? 'van' : '', geboortedatum: `200${i % 8}-0${1 + (i % 9)}-1${i % 10}` }),
  );
  const r = await importPopulationFile(t.repos, t.keyer, writePopulationFile(join(t.dir, 'p.csv'), people), '2023-12-01');
  expect(r).toMatchObject({ ok: true, rows: 500 });
  for (const p of people) {
    const variants = registeredVariants(p.achternaam, p.tussenvoegsel);
    for (const v of variants) {
      const found = t.repos.population.findByLoginKey(t.keyer.login(p.brin, p.geboortedatum, v), '2023-12-01');
      expect(found.map((f) => f.pgnKey.equals(t.keyer.pgn(p.pgn))), `${p.achternaam} as ${v}`).toEqual([true]);
    }
  }
  const keys = t.db.prepare('SELECT count(*) FROM login_keys').pluck().get();
  expect(keys).toBe(people.reduce((n, p) => n + registeredVariants(p.achternaam, p.tussenvoegsel).length, 0));
});
