// The population import refuses what it cannot store sensibly: texts longer than any real name, and a header that
// names a column twice (which of the two holds the value cannot be known). A refused file changes nothing.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { DUO_COLUMNS, populationCsv } from '../support/population-file.ts';
import { importPopulationFile } from '../../server/services/population/import.ts';
import { MAX_LENGTH } from '../../server/services/population/rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'jm-poplim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

let n = 0;
function importText(text: string) {
  const file = join(dir, `p${n++}.csv`);
  writeFileSync(file, text);
  return importPopulationFile(t.repos, t.keyer, file, '2023-12-01', { threads: 0 });
}
const nothingStored = () => expect(t.db.prepare('SELECT count(*) FROM population').pluck().get()).toBe(0);

describe('field lengths', () => {
  it('refuses a surname of 1,000,000 characters with its line and column, and stores nothing', async () => {
    const r = await importText(populationCsv([student(), student({ achternaam: 'a'.repeat(1_000_000) })]));
    expect(r).toMatchObject({
      ok: false,
      problems: [{ line: 3, column: 'achternaam', message: `achternaam is 1000000 tekens lang, maximaal ${MAX_LENGTH.achternaam} / achternaam is 1000000 characters long, at most ${MAX_LENGTH.achternaam}` }],
    });
    nothingStored();
  });

  it.each([
    ['instellingsnaam', { instellingsnaam: 'ROC '.repeat(60) }],
    ['tussenvoegsel', { tussenvoegsel: 'van '.repeat(20) }],
    ['voorletters', { voorletters: 'A.'.repeat(20) }],
  ] as const)('refuses a %s that is too long', async (column, over) => {
    const r = await importText(populationCsv([student(over)]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.column)).toEqual([column]);
    nothingStored();
  });

  it('accepts long real names', async () => {
    const r = await importText(populationCsv([student({ achternaam: 'Wolfeschlegelsteinhausen-Bergerdorff', tussenvoegsel: 'van den', voorletters: 'A.B.C.D.E.' })]));
    expect(r.ok).toBe(true);
  });
});

describe('duplicate columns', () => {
  it('refuses a header with the pgn column twice, naming it', async () => {
    const columns = [...DUO_COLUMNS, 'pgn'];
    const r = await importText(populationCsv([student()], { columns }));
    expect(r).toMatchObject({ ok: false, problems: [{ line: 1, message: 'kolommen staan meer dan eens in de kop: pgn / header has columns more than once: pgn' }] });
    nothingStored();
  });

  it('compares column names as the import reads them: "Achternaam" and "achternaam " are one column', async () => {
    const columns = [...DUO_COLUMNS.map((c) => (c === 'achternaam' ? 'Achternaam' : c)), 'achternaam '];
    const r = await importText(populationCsv([student()], { columns }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/meer dan eens in de kop: achternaam /);
  });
});
