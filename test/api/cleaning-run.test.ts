// A cleaning run on a seeded dataset: a verdict per completed response stamped with the rules version, the counts
// per rule as seeded, a re-run with changed rules adding verdicts beside the old ones and reporting what moved,
// and responses completed after a run waiting for the next.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { addLabelFile, addResponses, noPause, plainAnswer, reportingOf, type SeedResponse } from '../support/reporting-seed.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { loadCleaningRules, type CleaningRules } from '../../questionnaire/cleaning/index.ts';
import { createDefinitions } from '../../server/services/survey/definitions.ts';
import { runCleaning } from '../../server/services/cleaning/cleaning-run.ts';
import type { Verdict } from '../../server/services/cleaning/verdict.ts';

let serial = 0;
const student = (over: Partial<PopulationRecord> = {}) => anyStudent({ pgn: makeBsn(500_000_000 + ++serial * 20), ...over });

let t: TestApp;
afterEach(() => t?.close());

const at = (d: number) => `2024-01-${String(d).padStart(2, '0')}T10:00:00.000Z`;

/** 12 normal, 3 too fast, 2 straight, 2 hardly answering, 1 bedrijfsgroep (clean), 2 still in progress. */
function seed() {
  const normal = Array.from({ length: 12 }, () => student());
  const fast = Array.from({ length: 3 }, () => student());
  const straight = Array.from({ length: 2 }, () => student());
  const sparse = Array.from({ length: 2 }, () => student());
  const company = student();
  const open = Array.from({ length: 2 }, () => student());
  t = createTestApp({ population: [...normal, ...fast, ...straight, ...sparse, company, ...open] });
  addLabelFile(t, '25PZ', [{ pgn: company.pgn, labels: { bedrijfsgroep: 'Examenkandidaten' } }]);
  const done = (s: PopulationRecord, over: Partial<SeedResponse> = {}): SeedResponse => ({ student: s, startedAt: at(15), completedAt: at(15).replace('10:', '11:'), ...over });
  const ids = addResponses(t, [
    ...normal.map((s) => done(s)),
    // 1 second per page over ~100 answered items: far under 2 seconds per answer.
    ...fast.map((s) => done(s, { secondsPerPage: 1 })),
    ...straight.map((s) => done(s, { rule: (q, item) => (q.type === 'grid' ? 3 : plainAnswer(q, item)) })),
    ...sparse.map((s) => done(s, { rule: (q, item) => (q.id === 'leerjaar' ? plainAnswer(q, item) : undefined) })),
    done(company),
    ...open.map((s) => ({ student: s, startedAt: at(15) })),
  ]);
  return { ids, normal: ids.slice(0, 12), fast: ids.slice(12, 15), straight: ids.slice(15, 17), sparse: ids.slice(17, 19), company: ids[19]!, open: ids.slice(20) };
}

const deps = (rules: Map<number, CleaningRules>) => {
  const questionnaires = loadQuestionnaires();
  return { repos: t.repos, definitions: createDefinitions(t.repos, questionnaires), questionnaires, rules, now: () => t.clock.now };
};
const verdictOf = (run: number, id: number) => {
  const v = t.repos.cleaning.verdictOf(run, id);
  return v && { ...v, verdict: JSON.parse(v.verdict) as Verdict };
};

describe('a cleaning run', () => {
  it('judges every completed response, stamps the rules version and counts per rule as seeded', async () => {
    const s = seed();
    const r = await reportingOf(t).runCleaning(1, noPause);
    expect(r.run.rulesVersion).toBe(1);
    expect(r.moves).toBeNull();
    expect(r.counts).toEqual({ judged: 20, clean: 13, excluded: 7, byReason: { too_few_answered: 2, too_fast: 3, straightlining: 2 } });
    for (const id of s.fast) expect(verdictOf(r.run.id, id)!.verdict.failures.map((f) => f.code)).toEqual(['too_fast']);
    for (const id of s.straight) expect(verdictOf(r.run.id, id)!.verdict.failures.map((f) => f.code)).toEqual(['straightlining']);
    // One answer in a minute per page is not fast: these fail only on the share answered.
    for (const id of s.sparse) expect(verdictOf(r.run.id, id)!.verdict.failures.map((f) => f.code)).toEqual(['too_few_answered']);
    for (const id of s.normal) expect(verdictOf(r.run.id, id)).toMatchObject({ reasons: 0, inResults: 1, verdict: { rulesVersion: 1, clean: true, failures: [] } });
    // Clean, but a bedrijfsgroep is in no result; a response in progress gets no verdict.
    expect(verdictOf(r.run.id, s.company)).toMatchObject({ reasons: 0, inResults: 0 });
    for (const id of s.open) expect(verdictOf(r.run.id, id)).toBeUndefined();
  });

  it('a re-run with changed rules adds new verdicts, keeps the old ones and reports what moved', async () => {
    const s = seed();
    const v1 = loadCleaningRules().get(1)!;
    // Version 2 (for this test): no time floor per answer, so the fast ones become clean; grids need 3 of the same.
    const v2: CleaningRules = { ...v1, version: 2, tooFast: { ...v1.tooFast, minSecondsPerAnswered: 0.01 }, straightlining: { ...v1.straightlining, minSameGrids: 30 } };
    const rules = new Map([[1, v1], [2, v2]]);
    const first = await runCleaning(deps(rules), 1, noPause);
    const second = await runCleaning(deps(rules), 2, noPause);
    expect(second.run.rulesVersion).toBe(2);
    // The straight respondents gave 3 to every grid item: also one point for 90% of all grid answers, still out.
    expect(second.moves).toMatchObject({
      previousRun: { id: first.run.id },
      previousRulesVersion: 1,
      compared: 20,
      clean: { before: 13, after: 16 },
      becameClean: 3,
      becameExcluded: 0,
      byReason: { too_fast: { before: 3, after: 0, added: 0, removed: 3 }, straightlining: { before: 2, after: 2 } },
    });
    // Nothing deleted: both runs' verdicts are there, each with its version.
    expect(t.db.prepare('SELECT run_id AS run, count(*) AS n FROM cleaning_verdicts GROUP BY run_id ORDER BY run_id').all()).toEqual([
      { run: first.run.id, n: 20 },
      { run: second.run.id, n: 20 },
    ]);
    expect(verdictOf(first.run.id, s.fast[0]!)!.verdict).toMatchObject({ rulesVersion: 1, clean: false });
    expect(verdictOf(second.run.id, s.fast[0]!)!.verdict).toMatchObject({ rulesVersion: 2, clean: true });
    // The report and the results read the latest run.
    expect(reportingOf(t).cleaningReport().run).toMatchObject({ id: second.run.id, rulesVersion: 2 });
  });

  it('refuses an unknown rules version and changes nothing', async () => {
    seed();
    await expect(reportingOf(t).runCleaning(9, noPause)).rejects.toThrow(/9/);
    expect(t.db.prepare('SELECT count(*) FROM cleaning_runs').pluck().get()).toBe(0);
  });
});

describe('the cleaning report', () => {
  it('counts per rule nationally and per institution, and what came in after the run', async () => {
    const s = seed();
    const reporting = reportingOf(t);
    expect(reporting.cleaningReport()).toMatchObject({ run: null, notJudged: 20 });
    await reporting.runCleaning(1, noPause);
    t.repos.responses.complete(s.open[0]!, at(16));
    const report = reporting.cleaningReport('25PZ');
    expect(report.notJudged).toBe(1);
    expect(report.national).toEqual({ judged: 20, clean: 13, excluded: 7, byReason: { too_few_answered: 2, too_fast: 3, straightlining: 2 } });
    expect(report.institutions).toEqual([{ brin: '25PZ', name: 'ROC Testland', ...report.national }]);
    expect(() => reporting.cleaningReport('99ZZ')).toThrow(/99ZZ/);
  });
});
