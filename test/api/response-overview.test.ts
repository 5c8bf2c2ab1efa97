// The response overview on a seeded dataset whose right answers this test counts from the seed itself: the label
// tree, zonder label, both bedrijfsgroep settings, label rows without a DUO student, completions per day in the
// Netherlands, login outcomes, the national table, and a new label file that moves a class.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { addLabelFile, addResponses, reportingOf, type Labels } from '../support/reporting-seed.ts';
import { HEADER, labelRow } from '../support/label-files.ts';
import { importer } from '../support/label-import.ts';
import type { OverviewNode, ResponseFigures } from '../../server/api/staff-reports.ts';
import { requiredResponse } from '../../server/services/reporting/required-response.ts';

let serial = 0;
const student = (over: Partial<PopulationRecord> = {}) => anyStudent({ pgn: makeBsn(400_000_000 + ++serial * 20), ...over });

interface Seeded {
  s: PopulationRecord;
  labels: Labels | null; // null: not in the label file
  response?: { startedAt: string; completedAt?: string };
}

const day = (d: number, hourUtc = 10) => `2024-01-${String(d).padStart(2, '0')}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

/** 40 students of 25PZ and 10 of 30AB, with labels and responses spread over days. */
function dataset(): Seeded[] {
  const out: Seeded[] = [];
  const add = (n: number, labels: Labels | null, respond: (i: number) => Seeded['response']) => {
    for (let i = 0; i < n; i++) out.push({ s: student({ brin: '25PZ' }), labels, response: respond(i) });
  };
  add(10, { respons: ['Locatie A', 'Unit 1', 'Klas 1'] }, (i) => (i < 7 ? { startedAt: day(15), completedAt: day(15, 11) } : i < 9 ? { startedAt: day(15) } : undefined));
  add(5, { respons: ['Locatie A', 'Unit 1', 'Klas 2'] }, (i) => (i < 2 ? { startedAt: day(15, 23), completedAt: day(15, 23) } : undefined)); // 23:00 UTC is the 16th in Amsterdam
  add(5, { respons: ['Locatie A', 'Unit 2'] }, (i) => (i < 5 ? { startedAt: day(17), completedAt: day(17, 12) } : undefined));
  add(5, { respons: ['Locatie A'] }, (i) => (i < 1 ? { startedAt: day(17) } : undefined));
  add(5, { respons: ['Locatie B', 'Unit 3', 'Klas 9'] }, (i) => (i < 3 ? { startedAt: day(18), completedAt: day(18, 9) } : undefined));
  add(3, { bedrijfsgroep: 'Examenkandidaten' }, (i) => (i < 2 ? { startedAt: day(18), completedAt: day(18, 9) } : undefined));
  add(2, { analyse: ['Hoofdstraat'] }, (i) => (i < 1 ? { startedAt: day(19), completedAt: day(19, 9) } : undefined));
  add(5, null, (i) => (i < 2 ? { startedAt: day(19), completedAt: day(19, 9) } : i < 3 ? { startedAt: day(19) } : undefined));
  for (let i = 0; i < 10; i++) {
    out.push({ s: student({ brin: '30AB', instellingsnaam: 'Vakschool Oost' }), labels: null, response: i < 4 ? { startedAt: day(16), completedAt: day(16, 12) } : undefined });
  }
  return out;
}

let t: TestApp;
afterEach(() => t?.close());

function seed(data: Seeded[], extraRows = 4) {
  t = createTestApp({ population: data.map((d) => d.s) });
  const stray = Array.from({ length: extraRows }, (_, i) => ({ pgn: makeBsn(800_000_000 + i * 50), labels: { respons: ['Locatie A', 'Unit 1', 'Klas 1'] } }));
  addLabelFile(t, '25PZ', [...data.filter((d) => d.s.brin === '25PZ' && d.labels).map((d) => ({ pgn: d.s.pgn, labels: d.labels! })), ...stray]);
  addResponses(t, data.filter((d) => d.response).map((d) => ({ student: d.s, startedAt: d.response!.startedAt, ...(d.response!.completedAt ? { completedAt: d.response!.completedAt } : {}) })));
  return reportingOf(t);
}

/** The counts of a group, from the seed. */
function count(data: Seeded[]): { population: number; started: number; completed: number } {
  return { population: data.length, started: data.filter((d) => d.response).length, completed: data.filter((d) => d.response?.completedAt).length };
}
const has = (prefix: string[]) => (d: Seeded) => d.labels !== null && !d.labels.bedrijfsgroep && prefix.every((p, i) => d.labels!.respons?.[i] === p);
const find = (nodes: OverviewNode[], kind: OverviewNode['kind'], label: string | null) => nodes.find((n) => n.kind === kind && n.label === label)!;
const counts = (f: ResponseFigures) => ({ population: f.population, started: f.started, completed: f.completed });

describe('the response overview of an institution', () => {
  it('counts the label tree, zonder label and the bedrijfsgroep as the seed has them', () => {
    const data = dataset();
    const reporting = seed(data);
    const school = data.filter((d) => d.s.brin === '25PZ');
    const o = reporting.institutionOverview('25PZ');

    expect(counts(o.totals)).toEqual(count(school));
    const locA = find(o.tree, 'label', 'Locatie A');
    expect(counts(locA)).toEqual(count(school.filter(has(['Locatie A']))));
    expect(counts(find(locA.children, 'label', 'Unit 1'))).toEqual(count(school.filter(has(['Locatie A', 'Unit 1']))));
    const unit1 = find(locA.children, 'label', 'Unit 1');
    expect(counts(find(unit1.children, 'label', 'Klas 1'))).toEqual(count(school.filter(has(['Locatie A', 'Unit 1', 'Klas 1']))));
    expect(counts(find(unit1.children, 'label', 'Klas 2'))).toEqual(count(school.filter(has(['Locatie A', 'Unit 1', 'Klas 2']))));
    // Unit 2 has no label 3 at all: no subgroups. Locatie A's students without a unit are a group of their own.
    expect(find(locA.children, 'label', 'Unit 2').children).toEqual([]);
    expect(counts(find(locA.children, 'no_label', null))).toEqual(count(school.filter((d) => d.labels?.respons?.length === 1 && d.labels.respons[0] === 'Locatie A')));
    // In the file without a response label (analysis labels only), not in the file at all, and the bedrijfsgroep.
    expect(counts(find(o.tree, 'no_label', null))).toEqual(count(school.filter((d) => d.labels && !d.labels.respons && !d.labels.bedrijfsgroep)));
    expect(counts(find(o.tree, 'zonder_label', null))).toEqual(count(school.filter((d) => d.labels === null)));
    expect(counts(find(o.tree, 'bedrijfsgroep', 'Examenkandidaten'))).toEqual(count(school.filter((d) => d.labels?.bedrijfsgroep)));
    // Every level adds up: the parts of each node hold the node.
    const sum = (nodes: OverviewNode[]) => nodes.reduce((s, n) => s + n.population, 0);
    expect(sum(o.tree)).toBe(o.totals.population);
    for (const n of [locA, unit1]) expect(sum(n.children)).toBe(n.population);
  });

  it('gives each group its response, required response and margin', () => {
    const data = dataset();
    const reporting = seed(data);
    const o = reporting.institutionOverview('25PZ');
    const klas1 = find(find(find(o.tree, 'label', 'Locatie A').children, 'label', 'Unit 1').children, 'label', 'Klas 1');
    // 7 of 10 completed: 70%, 10 needed (a group of 10 needs everyone at +/- 5 points), margin with the finite population correction.
    expect(klas1.responsePercent).toBeCloseTo(70, 10);
    expect(klas1.required).toBe(requiredResponse(10));
    expect(klas1.required).toBe(10);
    expect(klas1.reached).toBe(false);
    expect(klas1.margin).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 / 7) * Math.sqrt(3 / 9), 12);
    const unit2 = find(find(o.tree, 'label', 'Locatie A').children, 'label', 'Unit 2');
    expect(unit2).toMatchObject({ completed: 5, population: 5, reached: true, margin: 0, marginNote: 'census' });
  });

  it('counts the label rows that match no DUO student', () => {
    const reporting = seed(dataset(), 4);
    expect(reporting.institutionOverview('25PZ').labelRowsWithoutStudent).toBe(4);
    expect(reporting.institutionOverview('30AB')).toMatchObject({ labelFile: null, labelRowsWithoutStudent: 0 });
  });

  it('leaves bedrijfsgroep students out of every figure when the institution says so', () => {
    const data = dataset();
    const reporting = seed(data);
    t.repos.institutions.setBedrijfsgroepInRespons('25PZ', false);
    const school = data.filter((d) => d.s.brin === '25PZ' && !d.labels?.bedrijfsgroep);
    const o = reporting.institutionOverview('25PZ');
    expect(o.bedrijfsgroepInRespons).toBe(false);
    expect(o.tree.some((n) => n.kind === 'bedrijfsgroep')).toBe(false);
    expect(counts(o.totals)).toEqual(count(school));
    expect(o.perDay.at(-1)!.cumulative).toBe(count(school).completed);
    const row = reporting.nationalOverview().institutions.find((i) => i.brin === '25PZ')!;
    expect(counts(row)).toEqual(count(school));
  });

  it('counts completions per day as the Netherlands has the day, with the cumulative share', () => {
    const data = dataset();
    const reporting = seed(data);
    const school = data.filter((d) => d.s.brin === '25PZ');
    const perDay = reporting.institutionOverview('25PZ').perDay;
    // By hand: the 15th 7 (11:00 UTC), the 16th 2 (23:00 UTC on the 15th is 00:00 in Amsterdam), the 17th 5, the 18th 3 + 2, the 19th 1 + 2.
    expect(perDay.map((d) => [d.day, d.completed])).toEqual([
      ['2024-01-15', 7],
      ['2024-01-16', 2],
      ['2024-01-17', 5],
      ['2024-01-18', 5],
      ['2024-01-19', 3],
    ]);
    expect(perDay.at(-1)!.cumulative).toBe(22);
    expect(perDay.at(-1)!.cumulativePercent).toBeCloseTo((100 * 22) / school.length, 10);
    const byLabel = reporting.institutionOverview('25PZ').perDayByLabel1;
    const locB = byLabel.find((l) => l.label === 'Locatie B')!;
    expect(locB.population).toBe(5);
    expect(locB.perDay.map((d) => [d.day, d.completed, d.cumulativePercent])).toEqual([['2024-01-18', 3, 60]]);
  });

  it('shows login outcomes per day', () => {
    const reporting = seed(dataset());
    t.repos.loginOutcomes.record('25PZ', '2024-01-15', 'success');
    t.repos.loginOutcomes.record('25PZ', '2024-01-15', 'not_found');
    t.repos.loginOutcomes.record('25PZ', '2024-01-15', 'not_found');
    t.repos.loginOutcomes.record('25PZ', '2024-01-16', 'locked');
    t.repos.loginOutcomes.record('30AB', '2024-01-16', 'ambiguous');
    expect(reporting.institutionOverview('25PZ').loginOutcomes).toEqual([
      { day: '2024-01-15', success: 1, not_found: 2, ambiguous: 0, locked: 0, completed: 0 },
      { day: '2024-01-16', success: 0, not_found: 0, ambiguous: 0, locked: 1, completed: 0 },
    ]);
    expect(reporting.nationalOverview().loginOutcomes.find((d) => d.day === '2024-01-16')).toMatchObject({ locked: 1, ambiguous: 1 });
  });

  it('shows a class moved by a new label file', async () => {
    const data = dataset();
    const reporting = seed(data, 0);
    const school = data.filter((d) => d.s.brin === '25PZ');
    // The new file puts Klas 2 into Klas 1; everything else stays.
    const rows = school.filter((d) => d.labels).map((d) => {
      const l = d.labels!;
      const respons = l.respons?.[2] === 'Klas 2' ? ['Locatie A', 'Unit 1', 'Klas 1'] : (l.respons ?? []);
      return labelRow({ pgn: d.s.pgn, bedrijfsgroep: l.bedrijfsgroep ?? null, respons, analyse: l.analyse ?? (l.bedrijfsgroep ? [] : ['x']) });
    });
    const report = await importer(t).xlsx('25PZ_Jobmonitor_20240120.xlsx', [HEADER, ...rows]);
    expect(report.accepted).toBe(true);
    const unit1 = find(find(reporting.institutionOverview('25PZ').tree, 'label', 'Locatie A').children, 'label', 'Unit 1');
    expect(unit1.children.map((c) => c.label)).toEqual(['Klas 1']);
    expect(counts(unit1.children[0]!)).toEqual(count(school.filter((d) => d.labels?.respons?.[1] === 'Unit 1')));
  });

  it('refuses an unknown institution with not_found', () => {
    const reporting = seed(dataset());
    expect(() => reporting.institutionOverview('99ZZ')).toThrow(/99ZZ/);
  });
});

describe('the national response overview', () => {
  it('has a row per institution and the total, counted from the seed', () => {
    const data = dataset();
    const reporting = seed(data);
    const o = reporting.nationalOverview();
    expect(o.peildatum).toBe('2023-12-01');
    for (const brin of ['25PZ', '30AB']) expect(counts(o.institutions.find((i) => i.brin === brin)!)).toEqual(count(data.filter((d) => d.s.brin === brin)));
    expect(counts(o.total)).toEqual(count(data));
    expect(o.total.required).toBe(requiredResponse(data.length));
    expect(o.perDay.reduce((s, d) => s + d.completed, 0)).toBe(count(data).completed);
    expect(o.perDay.find((d) => d.day === '2024-01-16')!.completed).toBe(2 + 4);
  });
});
