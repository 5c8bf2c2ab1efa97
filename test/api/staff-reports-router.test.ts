// The staff reporting routes with supertest, mounted on a bare express app with a stub `authorize` (the staff app
// mounts them behind its session and role checks): the scope each route asks about, 403 when refused, JSON and CSV,
// input checks, downloads; and the reporting worker thread answering the same as reporting in this thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { createTestApp, student as anyStudent, type TestApp } from '../support/test-app.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';
import { addLabelFile, addResponses, noPause, reportingOf } from '../support/reporting-seed.ts';
import { staffReportsRouter } from '../../server/http/staff-reports-router.ts';
import { errorHandler } from '../../server/http/middleware/errors.ts';
import { inProcessReports, type StaffReports } from '../../server/services/reporting/staff-reports.ts';
import { createReportsClient } from '../../server/services/reporting/report-client.ts';
import { AppError } from '../../server/services/common/errors.ts';
import { staffApi } from '../../server/api/endpoints.ts';
import type { ReportArea, ReportScope } from '../../server/api/staff-reports.ts';

let serial = 0;
const student = (brin = '25PZ') => anyStudent({ pgn: makeBsn(710_000_000 + ++serial * 20), brin, instellingsnaam: brin === '25PZ' ? 'ROC Testland' : 'Vakschool Oost' });

let t: TestApp;
let reports: StaffReports;
beforeAll(async () => {
  const ours = Array.from({ length: 12 }, () => student());
  const theirs = Array.from({ length: 6 }, () => student('30AB'));
  t = createTestApp({ population: [...ours, ...theirs] });
  addLabelFile(t, '25PZ', ours.map((s, i) => ({ pgn: s.pgn, labels: { respons: ['Locatie A', `Klas ${i % 2}`], analyse: ['Locatie A'] } })));
  addResponses(t, [...ours.slice(0, 9), ...theirs].map((s) => ({ student: s, startedAt: '2024-01-15T09:00:00.000Z', completedAt: '2024-01-15T10:00:00.000Z' })));
  const reporting = reportingOf(t);
  await reporting.runCleaning(1, noPause);
  reports = inProcessReports(reporting);
});
afterAll(() => t.close());

const forbidden = () => new AppError('cross_site', { nl: 'Geen toegang.', en: 'No access.' });

/** A bare app with the router; `allowed` says which scopes the stub lets through, `asked` records the calls. */
function app(allowed: (scope: ReportScope) => boolean, with_: StaffReports = reports) {
  const asked: [ReportScope, ReportArea][] = [];
  const a = express();
  a.use(
    staffApi.base,
    staffReportsRouter({
      reports: with_,
      authorize: (scope, area) => {
        asked.push([scope, area]);
        // The staff app throws its own typed 403 here; any typed error with status 403 serves the test.
        if (!allowed(scope)) throw forbidden();
      },
    }),
  );
  a.use(errorHandler(pino({ level: 'silent' })));
  return { app: a, asked };
}
const path = (p: string) => `${staffApi.base}${p}`;

describe('what each route asks authorize', () => {
  it.each([
    ['/reports/response-overview', 'national', 'response'],
    ['/reports/response-overview/25PZ', '25PZ', 'response'],
    ['/reports/cleaning', 'national', 'cleaning'],
    ['/reports/cleaning/25PZ', '25PZ', 'cleaning'],
    ['/reports/results', 'national', 'results'],
    ['/reports/results/25PZ?by=analyselabel1', '25PZ', 'results'],
    ['/reports/export/data.csv', 'national', 'export'],
    ['/reports/export/25PZ/codebook.csv', '25PZ', 'export'],
  ])('%s asks for %s (%s) and answers 403 when refused', async (url, scope, area) => {
    const ok = app(() => true);
    expect((await request(ok.app).get(path(url))).status).toBe(200);
    expect(ok.asked).toEqual([[scope, area]]);
    const no = app(() => false);
    const res = await request(no.app).get(path(url));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site');
  });

  it('an institution sees its own BRIN only', async () => {
    const own = app((scope) => scope === '25PZ');
    expect((await request(own.app).get(path('/reports/response-overview/25PZ'))).status).toBe(200);
    expect((await request(own.app).get(path('/reports/response-overview/30AB'))).status).toBe(403);
    expect((await request(own.app).get(path('/reports/response-overview'))).status).toBe(403);
  });

  it('checks the input before asking: a malformed BRIN or breakdown is 400, and authorize is not asked', async () => {
    const a = app(() => true);
    for (const url of ['/reports/response-overview/25pz', '/reports/results/25PZ?by=klas', '/reports/results?by=crebo', '/reports/export/25PZ/data.xlsx', '/reports/calculator?population=-3']) {
      const res = await request(a.app).get(path(url));
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect(a.asked).toEqual([]);
  });
});

describe('what the routes answer', () => {
  const all = () => app(() => true).app;

  it('the response overview as JSON, and as CSV for Dutch Excel', async () => {
    const json = await request(all()).get(path('/reports/response-overview/25PZ'));
    expect(json.body).toMatchObject({ brin: '25PZ', totals: { population: 12, started: 9, completed: 9 } });
    expect(json.body.tree[0]).toMatchObject({ kind: 'label', label: 'Locatie A', population: 12 });
    const csv = await request(all()).get(path('/reports/response-overview/25PZ?format=csv&lang=en'));
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('responsoverzicht_25PZ.csv');
    expect(csv.text.startsWith('\uFEFFlevel;response label 1')).toBe(true);
    expect(csv.text).toContain('75'); // 9 of 12
  });

  it('an unknown institution is 404', async () => {
    const res = await request(all()).get(path('/reports/response-overview/99ZZ'));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('the calculator: the worked value of a class of 30 with 20 completed', async () => {
    const res = await request(all()).get(path('/reports/calculator?population=30&completed=20'));
    expect(res.body).toMatchObject({ population: 30, required: 28, completed: 20, reached: false });
    expect(res.body.marginReached).toBeCloseTo(0.129, 3);
  });

  it('results with suppressed cells carrying no figure, and the cleaning report', async () => {
    const res = await request(all()).get(path('/reports/results/30AB'));
    expect(res.body.rows.find((r: { key: string }) => r.key === 'opleiding_aanraden').institution).toMatchObject({ suppressed: false, n: 6 });
    const by = await request(all()).get(path('/reports/results/25PZ?by=analyselabel1'));
    expect(by.body.groups).toEqual([{ id: 'a:["Locatie A"]', label: 'Locatie A', path: ['Locatie A'] }]);
    const small = await request(all()).get(path('/reports/results?by=week'));
    expect(small.body.groups.map((g: { label: string }) => g.label)).toEqual(['2024-W03']);
    const cleaning = await request(all()).get(path('/reports/cleaning/25PZ'));
    expect(cleaning.body.national).toMatchObject({ judged: 15, clean: 15 });
  });

  it('downloads the data file, the codebook and the syntax', async () => {
    const data = await request(all()).get(path('/reports/export/25PZ/data.csv'));
    expect(data.status).toBe(200);
    expect(data.headers['content-disposition']).toContain('jobmonitor_25PZ_data.csv');
    expect(data.text.split('\r\n').length).toBe(1 + 9 + 1);
    const sps = await request(all()).get(path('/reports/export/25PZ/syntax.sps?lang=en'));
    expect(sps.text).toContain("/FILE='jobmonitor_25PZ_data.csv'");
  });
});

describe('the reporting worker thread', () => {
  it('answers as reporting in this thread does, and passes typed errors on', async () => {
    const worker = createReportsClient(t.db.name);
    try {
      expect(await worker.institutionOverview('25PZ')).toEqual(await reports.institutionOverview('25PZ'));
      expect(await worker.institutionResults('25PZ', 'analyselabel1')).toEqual(await reports.institutionResults('25PZ', 'analyselabel1'));
      await expect(worker.institutionOverview('99ZZ')).rejects.toSatisfy((e) => AppError.is(e, 'not_found'));
      const res = await request(app(() => true, worker).app).get(path('/reports/export/25PZ/data.csv'));
      expect(res.text.split('\r\n').length).toBe(11);
    } finally {
      await worker.close();
    }
  });
});
