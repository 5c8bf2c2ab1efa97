// Results on a seeded dataset whose figures this test counts from the seed: n and distributions for the institution
// and the country, groups under 5 and the group that would give them away shown without a single figure, cleaned-out
// and bedrijfsgroep responses in no figure, an institution's own questions only in its results, versions combined
// only where a question did not change, and the national results per fieldwork week.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { addLabelFile, addModule, addResponses, noPause, plainAnswer, reportingOf, type AnswerRule } from '../support/reporting-seed.ts';
import type { ResultCell, ResultRow } from '../../server/api/staff-reports.ts';

let serial = 0;
const student = (over: Partial<PopulationRecord> = {}) => anyStudent({ pgn: makeBsn(600_000_000 + ++serial * 20), ...over });

let t: TestApp;
afterEach(() => t?.close());

interface Person {
  s: PopulationRecord;
  team: [string, string] | null;
  aanraden: 'ja' | 'misschien' | 'nee';
  leerjaar: 'j1' | 'j2';
  cijfer: number;
  version: '2024-1' | '2024-2';
  /** Completed on this day of January 2024 (the 15th is ISO week 3, the 22nd week 4). */
  day: number;
  fast?: boolean;
  bedrijfsgroep?: boolean;
  /** Still answering when the cleaning runs. */
  late?: boolean;
}

const MODULE = {
  id: '25PZ-1',
  title: { nl: 'Eigen vragen', en: 'Own questions' },
  pages: [{ id: 'i_eigen', title: { nl: 'Eigen', en: 'Own' }, questions: [{ id: 'i_kantine', type: 'single', text: { nl: 'Kantine?', en: 'Canteen?' }, options: [{ code: 'goed', text: { nl: 'Goed', en: 'Good' } }, { code: 'slecht', text: { nl: 'Slecht', en: 'Bad' } }] }] }],
};

function dataset(): Person[] {
  const people: Person[] = [];
  const answers = ['ja', 'misschien', 'nee'] as const;
  const add = (n: number, brin: string, team: Person['team'], over: Partial<Person> = {}) => {
    for (let i = 0; i < n; i++) {
      people.push({
        s: student({ brin, instellingsnaam: brin === '25PZ' ? 'ROC Testland' : 'Vakschool Oost' }),
        team,
        aanraden: answers[(people.length * 7) % 3]!,
        leerjaar: i % 4 === 0 ? 'j2' : 'j1',
        cijfer: 5 + (people.length % 5),
        version: i % 3 === 0 ? '2024-1' : '2024-2',
        day: i % 2 ? 15 : 22,
        ...over,
      });
    }
  };
  add(12, '25PZ', ['Locatie A', 'Team 1']);
  add(3, '25PZ', ['Locatie A', 'Team 2']); // under 5: Team 1 must go with it
  add(15, '25PZ', ['Locatie B', 'Team 3']);
  add(2, '25PZ', ['Locatie B', 'Team 3'], { fast: true }); // cleaned out
  add(2, '25PZ', null, { bedrijfsgroep: true }); // in no result
  add(1, '25PZ', ['Locatie B', 'Team 3'], { late: true }); // completes after the cleaning run
  add(20, '30AB', null);
  return people;
}

function seed(people: Person[]) {
  t = createTestApp({ population: people.map((p) => p.s) });
  addLabelFile(t, '25PZ', people.filter((p) => p.s.brin === '25PZ').map((p) => ({
    pgn: p.s.pgn,
    labels: p.bedrijfsgroep ? { bedrijfsgroep: 'Bedrijf' } : p.team ? { analyse: p.team } : { analyse: ['Elders'] },
  })));
  addModule(t, '25PZ', MODULE);
  addResponses(t, people.map((p) => {
    const rule: AnswerRule = (q, item) => {
      if (q.id === 'opleiding_aanraden') return p.aanraden;
      if (q.id === 'leerjaar') return p.leerjaar;
      if (q.id === 'cijfer_opleiding') return p.cijfer;
      if (q.id === 'i_kantine') return 'goed';
      return plainAnswer(q, item);
    };
    const when = `2024-01-${p.day}T09:00:00.000Z`;
    return { student: p.s, startedAt: when, ...(p.late ? {} : { completedAt: when.replace('09:', '10:') }), version: p.version, rule, secondsPerPage: p.fast ? 1 : 60 };
  }));
  return reportingOf(t);
}

const row = (rows: ResultRow[], key: string) => rows.find((r) => r.key === key)!;
const figures = (c: ResultCell | null) => {
  if (!c || c.suppressed) throw new Error('cell is suppressed');
  return c;
};
/** n and the % per answer of a single question, counted from the seed. */
function expected(list: Person[], pick: (p: Person) => string, codes: string[]) {
  return { n: list.length, percents: codes.map((c) => (100 * list.filter((p) => pick(p) === c).length) / list.length) };
}
const counted = (p: Person) => !p.fast && !p.bedrijfsgroep && !p.late;

describe('an institution\'s results', () => {
  it('has the figures of its clean responses beside the national figure, counted from the seed', async () => {
    const people = dataset();
    const reporting = seed(people);
    await reporting.runCleaning(1, noPause);
    const r = reporting.institutionResults('25PZ', null);
    const codes = ['ja', 'misschien', 'nee'];
    const aanraden = row(r.rows, 'opleiding_aanraden');
    const mine = expected(people.filter((p) => p.s.brin === '25PZ' && counted(p)), (p) => p.aanraden, codes);
    expect(figures(aanraden.institution).n).toBe(mine.n);
    expect(figures(aanraden.institution).distribution.map((d) => d.percent)).toEqual(mine.percents);
    const all = expected(people.filter(counted), (p) => p.aanraden, codes);
    expect(figures(aanraden.national).n).toBe(all.n);
    expect(figures(aanraden.national).distribution.map((d) => d.percent)).toEqual(all.percents);
    // Grades as means.
    const cijfer = figures(row(r.rows, 'cijfer_opleiding').institution);
    const grades = people.filter((p) => p.s.brin === '25PZ' && counted(p)).map((p) => p.cijfer);
    expect(cijfer.mean).toBeCloseTo(grades.reduce((a, b) => a + b, 0) / grades.length, 12);
    // A grid item: % negative / neutral / positive on its 5-point scale (plain answers: 2, 3, 4, 5 in turn).
    const item = figures(row(r.rows, 'opleiding_oordeel.algemeen').institution);
    expect(item.bands).toEqual({ negative: 100, neutral: 0, positive: 0 });
  });

  it('shows a group under 5, and the group that would give it away, without a single figure', async () => {
    const reporting = seed(dataset());
    await reporting.runCleaning(1, noPause);
    const r = reporting.institutionResults('25PZ', 'analyselabel2');
    const names = r.groups.map((g) => g.path!.join(' > '));
    expect(names).toEqual(['Locatie A > Team 1', 'Locatie A > Team 2', 'Locatie B > Team 3']);
    const aanraden = row(r.rows, 'opleiding_aanraden');
    expect(aanraden.groups[1]).toEqual({ suppressed: true }); // Team 2: 3 respondents
    expect(aanraden.groups[0]).toEqual({ suppressed: true }); // Team 1: Locatie A minus Team 2 would give Team 2 away
    expect(figures(aanraden.groups[2]!).n).toBe(15); // Team 3: the two fast ones are cleaned out
    const l1 = reporting.institutionResults('25PZ', 'analyselabel1');
    expect(figures(row(l1.rows, 'opleiding_aanraden').groups[0]!).n).toBe(15); // Locatie A itself is shown
  });

  it('has the institution\'s own questions, and only in its own results', async () => {
    const people = dataset();
    const reporting = seed(people);
    await reporting.runCleaning(1, noPause);
    const own = row(reporting.institutionResults('25PZ', null).rows, 'i_kantine');
    expect(own).toMatchObject({ module: true, national: null, versions: ['25PZ-1'] });
    expect(figures(own.institution).n).toBe(people.filter((p) => p.s.brin === '25PZ' && counted(p)).length);
    expect(reporting.institutionResults('30AB', null).rows.some((r) => r.module || r.key.startsWith('i_'))).toBe(false);
    expect(reporting.nationalResults(null).rows.some((r) => r.key.startsWith('i_'))).toBe(false);
  });

  it('combines versions only where the question did not change', async () => {
    const people = dataset();
    const reporting = seed(people);
    await reporting.runCleaning(1, noPause);
    const rows = reporting.institutionResults('25PZ', null).rows;
    const mine = people.filter((p) => p.s.brin === '25PZ' && counted(p));
    // Unchanged in every published version, 2024-3 (which changed only the corona check) included.
    expect(row(rows, 'opleiding_aanraden').versions).toEqual(['2024-1', '2024-2', '2024-3']);
    // corona_cijfer was reworded in 2024-2: one row per wording. It is asked after a grade was given.
    expect(row(rows, 'corona_cijfer').versions).toEqual(['2024-1']);
    expect(row(rows, 'corona_cijfer@2024-2').versions).toEqual(['2024-2']);
    expect(figures(row(rows, 'corona_cijfer').institution).n).toBe(mine.filter((p) => p.version === '2024-1').length);
    expect(figures(row(rows, 'corona_cijfer@2024-2').institution).n).toBe(mine.filter((p) => p.version === '2024-2').length);
  });

  it('breaks down by leerjaar from the answer, and by week', async () => {
    const people = dataset();
    const reporting = seed(people);
    await reporting.runCleaning(1, noPause);
    const mine = people.filter((p) => p.s.brin === '25PZ' && counted(p));
    const byYear = reporting.institutionResults('25PZ', 'leerjaar');
    expect(byYear.groups.map((g) => [g.label, g.text?.nl])).toEqual([['j1', '1e jaar'], ['j2', '2e jaar']]);
    const n = (r: ResultRow, i: number) => figures(r.groups[i]!).n;
    expect(n(row(byYear.rows, 'opleiding_aanraden'), 0)).toBe(mine.filter((p) => p.leerjaar === 'j1').length);
    expect(n(row(byYear.rows, 'opleiding_aanraden'), 1)).toBe(mine.filter((p) => p.leerjaar === 'j2').length);
    const byWeek = reporting.institutionResults('25PZ', 'week');
    expect(byWeek.groups.map((g) => g.label)).toEqual(['2024-W03', '2024-W04']);
    expect(n(row(byWeek.rows, 'opleiding_aanraden'), 0)).toBe(mine.filter((p) => p.day === 15).length);
  });

  it('counts a response completed after the run nowhere, and says so', async () => {
    const people = dataset();
    const reporting = seed(people);
    await reporting.runCleaning(1, noPause);
    const before = figures(row(reporting.institutionResults('25PZ', null).rows, 'opleiding_aanraden').institution).n;
    const late = people.find((p) => p.late)!;
    t.repos.responses.complete(t.repos.responses.findByStudent('25PZ', t.keyer.pgn(late.s.pgn))!.id, '2024-01-25T10:00:00.000Z');
    const r = reporting.institutionResults('25PZ', null);
    expect(r.notJudged).toBe(1);
    expect(figures(row(r.rows, 'opleiding_aanraden').institution).n).toBe(before);
    await reporting.runCleaning(1, noPause);
    expect(figures(row(reporting.institutionResults('25PZ', null).rows, 'opleiding_aanraden').institution).n).toBe(before + 1);
  });

  it('needs a cleaning run', () => {
    const reporting = seed(dataset());
    expect(() => reporting.institutionResults('25PZ', null)).toThrow(/job-monitor clean/);
  });
});

describe('national results', () => {
  it('per fieldwork week, counted from the seed, with no institution column', async () => {
    const people = dataset();
    const reporting = seed(people);
    await reporting.runCleaning(1, noPause);
    const r = reporting.nationalResults('week');
    expect(r.groups.map((g) => g.label)).toEqual(['2024-W03', '2024-W04']);
    const aanraden = row(r.rows, 'opleiding_aanraden');
    expect(aanraden.institution).toBeNull();
    const all = people.filter(counted);
    expect(figures(aanraden.national).n).toBe(all.length);
    expect(figures(aanraden.groups[0]!).n).toBe(all.filter((p) => p.day === 15).length);
    expect(figures(aanraden.groups[1]!).n).toBe(all.filter((p) => p.day === 22).length);
  });
});
