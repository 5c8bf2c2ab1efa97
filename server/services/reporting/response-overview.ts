// The response overview during fieldwork: per institution its label tree against the current population, the
// national table, completions per day and login outcomes per day. No suppression: response counts are not results.
import type { Repos } from '../../db/index.ts';
import type { PopulationPathCount, ResponsePathCount } from '../../db/response-overview.ts';
import type { InstitutionResponseOverview, LoginOutcomeDay, NationalResponseOverview } from '../../api/staff-reports.ts';
import { AppError } from '../common/errors.ts';
import { OverviewTreeBuilder, perDay, responseFigures, zeroCounts, type Counts, type Placement } from './overview-tree.ts';

export const unknownInstitution = (brin: string) =>
  new AppError('not_found', { nl: `Instelling ${brin} is onbekend.`, en: `Institution ${brin} is not known.` });

const ALL_DAYS = ['0000-01-01', '9999-12-31'] as const;

function populationPlace(p: PopulationPathCount): Placement {
  if (!p.inFile) return { kind: 'zonder_label' };
  if (p.bedrijfsgroep !== null) return { kind: 'bedrijfsgroep', value: p.bedrijfsgroep };
  return { kind: 'labels', path: [p.r1, p.r2, p.r3] };
}

function responsePlace(r: ResponsePathCount): Placement {
  // A response carries the labels of its student's row in the label file it was tagged with; none at all is
  // "zonder label" (every row of a label file has at least one label).
  if (!r.tagged) return { kind: 'zonder_label' };
  if (r.bedrijfsgroep !== null) return { kind: 'bedrijfsgroep', value: r.bedrijfsgroep };
  return { kind: 'labels', path: [r.r1, r.r2, r.r3] };
}

export function createResponseOverview({ repos }: { repos: Repos }) {
  const q = repos.responseOverview;

  function institution(brin: string): InstitutionResponseOverview {
    const inst = repos.institutions.get(brin);
    if (!inst) throw unknownInstitution(brin);
    const set = q.currentSet();
    const file = repos.labels.currentFile(brin);
    const tree = new OverviewTreeBuilder(inst.bedrijfsgroepInRespons);
    if (set) for (const p of q.populationPaths(set.id, brin, file?.id ?? null)) tree.add(populationPlace(p), { population: p.population });
    for (const r of q.responsePaths(brin)) tree.add(responsePlace(r), { started: r.started, completed: r.completed });
    const totals = tree.totals();
    const nodes = tree.build();

    const hours = q.completedHoursByLabel1(brin).filter((h) => inst.bedrijfsgroepInRespons || !h.bedrijfsgroep);
    const byLabel1 = new Map<string, typeof hours>();
    for (const h of hours) byLabel1.set(h.key, [...(byLabel1.get(h.key) ?? []), h]);
    const label1Population = new Map(nodes.filter((n) => n.kind === 'label').map((n) => [n.label!, n.population]));
    const labelled = [...label1Population.values()].reduce((s, n) => s + n, 0);
    const perDayByLabel1 = [...label1Population.keys(), ...(byLabel1.has('') || totals.population > labelled ? [''] : [])].map((key) => {
      const population = key === '' ? totals.population - labelled : label1Population.get(key)!;
      return { label: key === '' ? null : key, population, perDay: perDay(byLabel1.get(key) ?? [], population) };
    });

    return {
      brin,
      name: inst.name,
      peildatum: set?.peildatum ?? null,
      labelFile: file ? { fileName: file.fileName, fileDate: file.fileDate } : null,
      bedrijfsgroepInRespons: inst.bedrijfsgroepInRespons,
      totals: responseFigures(totals),
      tree: nodes,
      labelRowsWithoutStudent: file ? (set ? q.labelRowsWithoutStudent(file.id, set.id, brin) : file.rowCount) : 0,
      perDay: perDay(hours, totals.population),
      perDayByLabel1,
      loginOutcomes: repos.loginOutcomes.perDay(brin, ...ALL_DAYS),
    };
  }

  function national(): NationalResponseOverview {
    const set = q.currentSet();
    const institutions = repos.institutions.list();
    const keepsBedrijfsgroep = new Map(institutions.map((i) => [i.brin, i.bedrijfsgroepInRespons]));
    const counts = new Map<string, Counts>(institutions.map((i) => [i.brin, zeroCounts()]));
    const of = (brin: string) => {
      let c = counts.get(brin);
      if (!c) counts.set(brin, (c = zeroCounts()));
      return c;
    };
    if (set) {
      for (const p of q.populationByBrin(set.id)) of(p.brin).population += p.population;
      // Institutions that leave bedrijfsgroep students out of the overview: out of the population too.
      for (const f of q.currentLabelFiles()) {
        if (keepsBedrijfsgroep.get(f.brin) === false) of(f.brin).population -= q.bedrijfsgroepPopulation(set.id, f.brin, f.id);
      }
    }
    for (const r of q.responsesByBrin()) {
      if (r.bedrijfsgroep && keepsBedrijfsgroep.get(r.brin) === false) continue;
      of(r.brin).started += r.started;
      of(r.brin).completed += r.completed;
    }
    const total = zeroCounts();
    for (const c of counts.values()) {
      total.population += c.population;
      total.started += c.started;
      total.completed += c.completed;
    }
    const names = new Map(institutions.map((i) => [i.brin, i.name]));
    const hours = q.completedHoursByBrin().filter((h) => !h.bedrijfsgroep || keepsBedrijfsgroep.get(h.key) !== false);
    return {
      peildatum: set?.peildatum ?? null,
      institutions: [...counts].map(([brin, c]) => ({ brin, name: names.get(brin) ?? brin, ...responseFigures(c) })),
      total: responseFigures(total),
      perDay: perDay(hours, total.population),
      loginOutcomes: nationalLogins(q.loginOutcomesNational()),
    };
  }

  return { institution, national };
}
export type ResponseOverviewService = ReturnType<typeof createResponseOverview>;

function nationalLogins(rows: { day: string; outcome: Exclude<keyof LoginOutcomeDay, 'day'>; n: number }[]): LoginOutcomeDay[] {
  const days = new Map<string, LoginOutcomeDay>();
  for (const r of rows) {
    let d = days.get(r.day);
    if (!d) days.set(r.day, (d = { day: r.day, success: 0, not_found: 0, ambiguous: 0, locked: 0, completed: 0 }));
    d[r.outcome] = r.n;
  }
  return [...days.values()];
}
