// Accepting label files: the link to the population, current file and history, re-tagging of responses,
// dry runs, and CSV as Dutch Excel writes it. Real SQLite files, real files written by exceljs or as bytes.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { isBsn, makeBsn } from '../../server/services/population/pgn.ts';
import { HEADER, labelRow, writeCsv, type SheetRows } from '../support/label-files.ts';
import { dumpLabelTables, importer } from '../support/label-import.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { currentLabels } from '../../server/services/survey/responses.ts';

// The shared student() PGNs can collide over thousands of students; these are 20 apart, so never.
let pgnSerial = 0;
const student: typeof anyStudent = (over = {}) => anyStudent({ pgn: makeBsn(300_000_000 + ++pgnSerial * 20), ...over });

let t: TestApp;
afterEach(() => t?.close());

function setUp(population: PopulationRecord[]) {
  t = createTestApp({ population });
  return importer(t);
}

/** Starts a response the way the survey service does: tagged with the current labels. */
function startResponse(s: PopulationRecord): number {
  const pgnKey = t.keyer.pgn(s.pgn);
  const { labelFileId, labels } = currentLabels(t.repos, s.brin, pgnKey);
  return t.repos.responses.create({
    brin: s.brin, pgnKey, questionnaireVersion: '2024-1', crebo: s.crebo, leerweg: s.leerweg, niveau: s.niveau,
    geslacht: s.geslacht, labelFileId, labels, now: t.clock.now.toISOString(),
  });
}

const tags = (id: number) =>
  t.db.prepare('SELECT label_file_id AS file, bedrijfsgroep AS b, respons_3 AS klas, analyse_3 AS team FROM responses WHERE id = ?').get(id);

describe('the link to the population', () => {
  it('9,757 students in the file against a population of 10,064 gives 307 zonder label', async () => {
    const population = Array.from({ length: 10_064 }, () => student({ brin: '25PZ' }));
    const imp = setUp(population);
    const rows: SheetRows = [HEADER, ...population.slice(0, 9_757).map((s, i) => labelRow({ pgn: s.pgn, respons: ['Hoofdstraat', 'AZ1', `K${i % 30}`] }))];
    const r = await imp.xlsx('25PZ_Jobmonitor_20231115.xlsx', rows);
    expect(r.accepted).toBe(true);
    expect(r.counts).toMatchObject({ rows: 9_757, population: 10_064, matched: 9_757, notInPopulation: 0, zonderLabel: 307 });
    expect(t.repos.labels.history('25PZ')[0]).toMatchObject({ rowCount: 9_757, matched: 9_757, zonderLabel: 307 });
  });

  it('counts only the population of this institution', async () => {
    const ours = [student({ brin: '25PZ' }), student({ brin: '25PZ' })];
    const theirs = student({ brin: '30AB', instellingsnaam: 'Andere School' });
    const imp = setUp([...ours, theirs]);
    const r = await imp.xlsx('25PZ_Jobmonitor_20231115.xlsx', [HEADER, labelRow({ pgn: ours[0]!.pgn }), labelRow({ pgn: theirs.pgn })]);
    expect(r.counts).toMatchObject({ matched: 1, notInPopulation: 1, zonderLabel: 1, population: 2 });
  });
});

describe('accepting files', () => {
  it('stores keyed PGNs only, makes the file current and keeps earlier files for audit', async () => {
    const pop = [student(), student(), student()];
    const imp = setUp(pop);
    const first = await imp.xlsx('25PZ_Jobmonitor_20231110.xlsx', [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))]);
    const second = await imp.xlsx('25PZ_Jobmonitor_20231115.xlsx', [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn, respons: ['Zijweg'] }))]);
    expect(second.labelFile).toMatchObject({ current: true, fileDate: '20231115' });
    expect(t.repos.labels.currentFile('25PZ')?.id).toBe(second.labelFile!.id);
    expect(t.repos.labels.history('25PZ').map((f) => f.id)).toEqual([second.labelFile!.id, first.labelFile!.id]);
    const raw = t.db.prepare('SELECT * FROM labels').all().map((r) => JSON.stringify(r)).join('\n');
    for (const s of pop) expect(raw).not.toContain(s.pgn);
    expect(t.repos.labels.history('25PZ')[0]!.report).not.toContain(pop[0]!.pgn);
  });

  it('a file with an older date in its name is kept but does not become current', async () => {
    const pop = [student()];
    const imp = setUp(pop);
    const newer = await imp.xlsx('25PZ_Jobmonitor_20231115.xlsx', [HEADER, labelRow({ pgn: pop[0]!.pgn })]);
    const older = await imp.xlsx('25PZ_Jobmonitor_20231101.xlsx', [HEADER, labelRow({ pgn: pop[0]!.pgn, respons: ['Oud'] })]);
    expect(older.accepted).toBe(true);
    expect(older.labelFile?.current).toBe(false);
    expect(t.repos.labels.currentFile('25PZ')?.id).toBe(newer.labelFile!.id);
  });

  it('a dry run reports what would happen and changes nothing', async () => {
    const pop = [student(), student()];
    const imp = setUp(pop);
    await imp.xlsx('25PZ_Jobmonitor_20231110.xlsx', [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))]);
    startResponse(pop[0]!);
    const before = dumpLabelTables(t);
    const r = await imp.xlsx('25PZ_Jobmonitor_20231115.xlsx', [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn, bedrijfsgroep: 'BBL-bedrijf' }))], { dryRun: true });
    expect(r).toMatchObject({ accepted: true, dryRun: true, counts: { responsesChanged: 1, responsesTagged: 1 } });
    expect(dumpLabelTables(t)).toBe(before);
  });
});

describe('tagging', () => {
  it('a re-import that moves a class into bedrijfsgroep re-tags its existing responses', async () => {
    const klasA = [student(), student(), student()];
    const klasB = [student(), student()];
    const imp = setUp([...klasA, ...klasB]);
    const row = (s: PopulationRecord, klas: string, bedrijfsgroep: string | null = null) =>
      labelRow({ pgn: s.pgn, bedrijfsgroep, ...(bedrijfsgroep ? {} : { respons: ['Hoofdstraat', 'AZ1', klas], analyse: ['Hoofdstraat', 'Techniek', 'Team A'] }) });
    const first = await imp.xlsx('25PZ_Jobmonitor_20231110.xlsx', [HEADER, ...klasA.map((s) => row(s, 'A')), ...klasB.map((s) => row(s, 'B'))]);
    const responses = [...klasA, ...klasB].slice(0, 4).map(startResponse); // 3 of class A, 1 of class B started
    expect(tags(responses[0]!)).toEqual({ file: first.labelFile!.id, b: null, klas: 'A', team: 'Team A' });

    const second = await imp.xlsx('25PZ_Jobmonitor_20231120.xlsx', [HEADER, ...klasA.map((s) => row(s, 'A', 'Examenkandidaten')), ...klasB.map((s) => row(s, 'B'))]);
    expect(second.counts).toMatchObject({ responsesChanged: 3, responsesTagged: 4 });
    for (const id of responses.slice(0, 3)) expect(tags(id)).toEqual({ file: second.labelFile!.id, b: 'Examenkandidaten', klas: null, team: null });
    expect(tags(responses[3]!)).toEqual({ file: second.labelFile!.id, b: null, klas: 'B', team: 'Team A' });
    // A student who starts later gets the new labels too.
    expect(tags(startResponse(klasB[1]!))).toEqual({ file: second.labelFile!.id, b: null, klas: 'B', team: 'Team A' });
  });

  it('a student left out of the new file becomes "zonder label"', async () => {
    const pop = [student(), student()];
    const imp = setUp(pop);
    await imp.xlsx('25PZ_Jobmonitor_20231110.xlsx', [HEADER, ...pop.map((s) => labelRow({ pgn: s.pgn }))]);
    const id = startResponse(pop[1]!);
    const r = await imp.xlsx('25PZ_Jobmonitor_20231120.xlsx', [HEADER, labelRow({ pgn: pop[0]!.pgn })]);
    expect(r.counts).toMatchObject({ responsesChanged: 1, zonderLabel: 1 });
    expect(tags(id)).toEqual({ file: r.labelFile!.id, b: null, klas: null, team: null });
  });
});

describe('CSV as Dutch Excel writes it', () => {
  const accented = { respons: ['Sint-Jansstraat – Café', 'Économie', 'Klas ë1'], analyse: ['Zuid', 'Zorg & Welzijn', 'Team "Noord"; Oost'] };

  // A BSN with a leading zero, which Excel turns into an 8-digit number and the CSV keeps that way.
  let zeroPgn = 12_345_670;
  while (!isBsn(String(zeroPgn).padStart(9, '0'))) zeroPgn++;

  it.each(['utf8-bom', 'win1252'] as const)('reads a ;-separated file in %s with accented labels', async (encoding) => {
    const pop = [student({ instellingsnaam: 'ROC Testland' }), student({ pgn: String(zeroPgn).padStart(9, '0') })];
    const imp = setUp(pop);
    const path = imp.path('25PZ_Jobmonitor_20231115.csv');
    writeCsv(path, [HEADER, labelRow({ pgn: pop[0]!.pgn, ...accented }), labelRow({ pgn: String(zeroPgn) })], encoding);
    const r = await imp.run(path);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.format).toContain(encoding === 'win1252' ? 'Windows-1252' : 'UTF-8 (BOM)');
    expect(t.repos.labels.labelsFor(r.labelFile!.id, t.keyer.pgn(pop[0]!.pgn))).toEqual({ bedrijfsgroep: null, ...accented });
    expect(r.counts).toMatchObject({ rows: 2, matched: 2 }); // the 8-digit PGN got its leading zero back
  });

  it('keeps row and column numbers in CSV findings', async () => {
    const pop = [student(), student()];
    const imp = setUp(pop);
    const path = imp.path('25PZ_Jobmonitor_20231115.csv');
    writeCsv(path, [HEADER, labelRow({ pgn: pop[0]!.pgn }), labelRow({ pgn: pop[0]!.pgn })], 'win1252');
    const r = await imp.run(path);
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([['pgn_duplicate', 3, 'A']]);
  });
});
