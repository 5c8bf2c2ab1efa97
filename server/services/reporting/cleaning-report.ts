// The cleaning report: counts per rule and in total, nationally and per institution, of the latest finished run.
import type { Repos } from '../../db/index.ts';
import type { CleaningCounts, CleaningReport } from '../../api/staff-reports.ts';
import { runInfo, totalCounts } from '../cleaning/cleaning-run.ts';
import { unknownInstitution } from './response-overview.ts';

export function cleaningReport(repos: Repos, brin?: string): CleaningReport {
  if (brin !== undefined && !repos.institutions.get(brin)) throw unknownInstitution(brin);
  const run = repos.cleaning.latestDone();
  // Without a run every completed response is still to be judged (no verdict has run id 0).
  const waiting = repos.cleaning.notJudged(run?.id ?? 0);
  const rows = run ? repos.cleaning.counts(run.id) : [];
  const names = new Map(repos.institutions.list().map((i) => [i.brin, i.name]));
  const institutions = rows
    .filter((r) => brin === undefined || r.brin === brin)
    .map((r) => ({ brin: r.brin, name: names.get(r.brin) ?? r.brin, ...totalCounts([r]) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  if (brin !== undefined && !institutions.length) institutions.push({ brin, name: names.get(brin) ?? brin, ...totalCounts([]) });
  const national: CleaningCounts = totalCounts(rows);
  return {
    run: run ? runInfo(run) : null,
    notJudged: waiting.filter((w) => brin === undefined || w.brin === brin).reduce((s, w) => s + w.n, 0),
    national,
    institutions,
  };
}
