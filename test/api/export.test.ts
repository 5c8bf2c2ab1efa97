// The data files, read back as a spreadsheet or SPSS would: the right columns and codes for answers seeded here,
// no cell a spreadsheet would run as a formula, a small group's background value not shown, the codebook and the
// .sps naming every column of the CSV, and the national file with each response's verdict.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { addLabelFile, addModule, addResponses, noPause, plainAnswer, reportingOf } from '../support/reporting-seed.ts';

let serial = 0;
const student = (over: Partial<PopulationRecord> = {}) => anyStudent({ pgn: makeBsn(700_100_000 + ++serial * 20), ...over });

let t: TestApp;
let out: string;
afterEach(() => {
  t?.close();
  rmSync(out, { recursive: true, force: true });
});

const MODULE = {
  id: '25PZ-1',
  title: { nl: 'Eigen vragen', en: 'Own questions' },
  pages: [{ id: 'i_eigen', title: { nl: 'Eigen', en: 'Own' }, questions: [{ id: 'i_kantine', type: 'single', text: { nl: 'Kantine?', en: 'Canteen?' }, options: [{ code: 'goed', text: { nl: 'Goed', en: 'Good' } }, { code: 'slecht', text: { nl: 'Slecht', en: 'Bad' } }] }] }],
};

/** 12 BOL students of 25PZ (crebo 25655, 2 of them 23088: a group under 5), 2 BBL, one too fast; 6 of 30AB. */
async function seed() {
  const bol = Array.from({ length: 12 }, (_, i) => student({ crebo: i < 2 ? '23088' : '25655' }));
  const bbl = Array.from({ length: 2 }, () => student({ leerweg: 'BBL', crebo: '25655' }));
  const fast = student();
  const other = Array.from({ length: 6 }, () => student({ brin: '30AB', instellingsnaam: 'Vakschool Oost' }));
  t = createTestApp({ population: [...bol, ...bbl, fast, ...other] });
  // A team name that a spreadsheet would run: it must come out as text.
  addLabelFile(t, '25PZ', [...bol, ...bbl, fast].map((s, i) => ({ pgn: s.pgn, labels: { analyse: ['Locatie A', i % 2 ? '=SUM(A1:A9)' : '-Team B'] } })));
  addModule(t, '25PZ', MODULE);
  const when = { startedAt: '2024-01-15T09:00:00.000Z', completedAt: '2024-01-15T10:00:00.000Z' };
  addResponses(t, [
    ...bol.map((s, i) => ({
      student: s,
      ...when,
      // The first answers "n.v.t." for Dutch lessons and skips the programme question; the rest plainly.
      rule: (q: Parameters<typeof plainAnswer>[0], item?: string) =>
        i === 0 && q.id === 'lessen_vakken' && item === 'nederlands' ? 'nvt' : i === 0 && q.id === 'opleiding_aanraden' ? undefined : q.id === 'opleiding_aanraden' ? 'misschien' : plainAnswer(q, item),
    })),
    ...bbl.map((s) => ({ student: s, ...when })),
    { student: fast, ...when, secondsPerPage: 1 },
    ...other.map((s) => ({ student: s, ...when })),
  ]);
  const reporting = reportingOf(t);
  await reporting.runCleaning(1, noPause);
  out = mkdtempSync(join(tmpdir(), 'jm-export-test-'));
  return reporting;
}

function readCsv(path: string) {
  const raw = readFileSync(path, 'utf8');
  const parsed = Papa.parse<string[]>(raw.replace(/^\uFEFF/, ''), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  return { raw, header: parsed.data[0]!, rows: parsed.data.slice(1) };
}
/** The variable names the .sps reads, in order. */
function spssVariables(sps: string): string[] {
  const block = sps.slice(sps.indexOf('/VARIABLES=') + '/VARIABLES='.length, sps.indexOf('\r\n.\r\n'));
  return block.split('\r\n').map((l) => l.trim()).filter(Boolean).map((l) => l.split(' ')[0]!);
}

describe("an institution's data file", () => {
  it('opens with the right columns and codes, as Dutch Excel writes a CSV', async () => {
    const reporting = await seed();
    const r = reporting.writeExport('25PZ', out);
    expect(r.rows).toBe(14); // the fast one is cleaned out
    const { raw, header, rows } = readCsv(join(out, r.files.data));
    expect(raw.startsWith('\uFEFF')).toBe(true);
    expect(raw.split('\r\n').length).toBe(16); // header, 14 rows, the empty end
    expect(header.slice(0, 10)).toEqual(['versie', 'module', 'crebo', 'leerweg', 'niveau', 'geslacht', 'analyselabel1', 'analyselabel2', 'analyselabel3', 'veldwerkweek']);
    expect(header).toContain('i_kantine');
    expect(header.some((h) => /pgn|id$|response/i.test(h))).toBe(false);
    const col = (name: string) => header.indexOf(name);
    const first = rows[0]!;
    // opleiding_aanraden: ja 1, misschien 2, nee 3; the first skipped it (-2), the others chose misschien.
    expect(first[col('opleiding_aanraden')]).toBe('-2');
    expect(rows.slice(1, 12).every((row) => row[col('opleiding_aanraden')] === '2')).toBe(true);
    // A grid item: the scale point; "n.v.t." is the first opt-out, -11.
    expect(first[col('lessen_vakken_nederlands')]).toBe('-11');
    expect(first[col('lessen_vakken_rekenen')]).toBe('3');
    // The leerbedrijf page is for BBL students only: -1 (not shown) for BOL, answered for BBL.
    expect(first[col('bbl_oordeel_zoeken')]).toBe('-1');
    expect(rows[12]![col('bbl_oordeel_zoeken')]).toBe('2');
    // Open answers: whether one was given, never the text.
    expect(first[col('opmerkingen')]).toBe('-2');
    expect(first[col('i_kantine')]).toBe('1');
    expect(first[col('veldwerkweek')]).toBe('2024-W03');
  });

  it('has no cell a spreadsheet would run as a formula', async () => {
    const reporting = await seed();
    const r = reporting.writeExport('25PZ', out);
    const { raw, rows } = readCsv(join(out, r.files.data));
    for (const row of rows) {
      for (const cell of row) expect(/^-?\d+(,\d+)?$/.test(cell) || !/^[=+\-@\t\r]/.test(cell), cell).toBe(true);
    }
    // The label is there, as text.
    expect(raw).toContain(`"'=SUM(A1:A9)"`);
    expect(raw).toContain(`"'-Team B"`);
  });

  it('does not show a background value held by fewer than 5 rows, nor the one that would give it away', async () => {
    const reporting = await seed();
    const r = reporting.writeExport('25PZ', out);
    const { header, rows } = readCsv(join(out, r.files.data));
    const crebo = rows.map((row) => row[header.indexOf('crebo')]);
    // 23088 holds 2 rows: not shown. A single hidden value would follow from the total, so the smallest other value
    // is hidden too: here the only other one, 25655.
    expect(crebo.filter((c) => c === '23088')).toEqual([]);
    expect(crebo.every((c) => c === 'Niet getoond i.v.m. AVG')).toBe(true);
    const leerweg = rows.map((row) => row[header.indexOf('leerweg')]);
    expect(leerweg.filter((l) => l === 'BBL')).toEqual([]); // 2 BBL rows
  });

  it('has a codebook and an .sps that name every column of the CSV', async () => {
    const reporting = await seed();
    const r = reporting.writeExport('25PZ', out);
    const { header } = readCsv(join(out, r.files.data));
    const sps = readFileSync(join(out, r.files.syntax), 'utf8');
    expect(spssVariables(sps)).toEqual(header);
    expect(sps).toContain(`/FILE='${r.files.data}'`);
    expect(sps).toContain('/DELIMITERS=";"');
    for (const name of header) expect(sps, name).toMatch(new RegExp(`^  ${name} '`, 'm')); // a variable label each
    expect(sps).toMatch(/opleiding_aanraden 1 'Ja' 2 'Misschien' 3 'Nee' -1 'Niet getoond \(routing\)' -2 'Niet beantwoord'/);
    expect(sps).toContain('MISSING VALUES lessen_vakken_nederlands (LOWEST THRU -1).');
    const codebook = readCsv(join(out, r.files.codebook));
    expect(new Set(codebook.rows.map((row) => row[0]))).toEqual(new Set(header));
    const nvt = codebook.rows.find((row) => row[0] === 'lessen_vakken_nederlands' && row[9] === '-11')!;
    expect(nvt.slice(10, 13)).toEqual(['N.v.t.', 'N/A', 'ja']);
  });
});

describe('the national data file', () => {
  it('has every judged response with its verdict, the institution, and no institution module', async () => {
    const reporting = await seed();
    const r = reporting.writeExport('national', out, 'en');
    expect(r.rows).toBe(21);
    const { header, rows } = readCsv(join(out, r.files.data));
    expect(header).toEqual(expect.arrayContaining(['brin', 'schoon', 'te_weinig_beantwoord', 'te_snel', 'rechte_lijnen', 'in_resultaten']));
    expect(header).not.toContain('i_kantine');
    expect(header).not.toContain('module');
    const fast = rows.filter((row) => row[header.indexOf('te_snel')] === '1');
    expect(fast.length).toBe(1);
    expect(fast[0]![header.indexOf('schoon')]).toBe('0');
    expect(fast[0]![header.indexOf('in_resultaten')]).toBe('0');
    expect(spssVariables(readFileSync(join(out, r.files.syntax), 'utf8'))).toEqual(header);
    expect(readFileSync(join(out, r.files.syntax), 'utf8')).toContain("opleiding_aanraden 1 'Yes'");
  });
});
