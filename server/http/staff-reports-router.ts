// The staff reporting routes: response overview, calculator, cleaning report, results and data files. The staff
// app mounts this router behind its session check and passes `authorize`, which throws its 403 error when the
// signed-in user may not see the scope (an institution's BRIN, or 'national'). Each route parses its input with the
// contract's schema, asks `authorize`, calls reporting once and answers (JSON, or CSV with ?format=csv).
import { Router, type NextFunction, type Request, type Response } from 'express';
import { staffApi as api } from '../api/endpoints.ts';
import {
  calculatorQuerySchema,
  exportQuerySchema,
  institutionExportParamsSchema,
  institutionResultsQuerySchema,
  nationalExportParamsSchema,
  nationalResultsQuerySchema,
  reportBrinParamsSchema,
  reportOutputQuerySchema,
  type ReportArea,
  type ReportScope,
} from '../api/staff-reports.ts';
import type { Download, StaffReports } from '../services/reporting/staff-reports.ts';
import { CSV_TYPE } from '../services/reporting/staff-reports.ts';
import { calculate } from '../services/reporting/calculator.ts';
import { institutionOverviewCsv, nationalOverviewCsv } from '../services/reporting/overview-output.ts';
import { resultsCsv } from '../services/reporting/results-output.ts';
import { parse } from './middleware/validate.ts';

export interface StaffReportsRouterDeps {
  reports: StaffReports;
  /**
   * Throws the staff app's typed 403 error when the signed-in user may not see `scope` (a BRIN, or 'national');
   * `area` says what for. The request and response are passed on for the staff session (res.locals).
   */
  authorize: (scope: ReportScope, area: ReportArea, req: Request, res: Response) => void | Promise<void>;
}

export function staffReportsRouter({ reports, authorize }: StaffReportsRouterDeps): Router {
  const r = Router({ caseSensitive: true, strict: true });
  const send = <T>(res: Response, format: 'json' | 'csv' | undefined, value: T, csv: () => string, name: string) => {
    if (format === 'csv') res.attachment(name).type(CSV_TYPE).send(csv());
    else res.json(value);
  };

  r.get(api.nationalResponseOverview.route, async (req, res) => {
    const q = parse(reportOutputQuerySchema, req.query);
    await authorize('national', 'response', req, res);
    const o = await reports.nationalOverview();
    send(res, q.format, o, () => nationalOverviewCsv(o, q.lang), 'responsoverzicht_landelijk.csv');
  });
  r.get(api.responseOverview.route, async (req, res) => {
    const { brin } = parse(reportBrinParamsSchema, req.params);
    const q = parse(reportOutputQuerySchema, req.query);
    await authorize(brin, 'response', req, res);
    const o = await reports.institutionOverview(brin);
    send(res, q.format, o, () => institutionOverviewCsv(o, q.lang), `responsoverzicht_${brin}.csv`);
  });

  // Arithmetic on the numbers given, no data of anyone: no scope to authorize.
  r.get(api.calculator.route, (req, res) => {
    res.json(calculate(parse(calculatorQuerySchema, req.query)));
  });

  r.get(api.nationalCleaningReport.route, async (req, res) => {
    await authorize('national', 'cleaning', req, res);
    res.json(await reports.cleaningReport());
  });
  r.get(api.cleaningReport.route, async (req, res) => {
    const { brin } = parse(reportBrinParamsSchema, req.params);
    await authorize(brin, 'cleaning', req, res);
    res.json(await reports.cleaningReport(brin));
  });

  r.get(api.nationalResults.route, async (req, res) => {
    const q = parse(nationalResultsQuerySchema, req.query);
    await authorize('national', 'results', req, res);
    const results = await reports.nationalResults(q.by ?? null);
    send(res, q.format, results, () => resultsCsv(results, q.lang), 'resultaten_landelijk.csv');
  });
  r.get(api.results.route, async (req, res) => {
    const { brin } = parse(reportBrinParamsSchema, req.params);
    const q = parse(institutionResultsQuerySchema, req.query);
    await authorize(brin, 'results', req, res);
    const results = await reports.institutionResults(brin, q.by ?? null);
    send(res, q.format, results, () => resultsCsv(results, q.lang), `resultaten_${brin}.csv`);
  });

  const download = (res: Response, next: NextFunction, file: Download) => {
    res.attachment(file.name).type(file.contentType); // in this order: attachment() sets a type from the file name
    if ('text' in file) return void res.send(file.text);
    res.sendFile(file.path, (err) => {
      file.remove();
      if (err && !res.headersSent) next(err);
    });
  };
  r.get(api.nationalExport.route, async (req, res, next) => {
    const { file } = parse(nationalExportParamsSchema, req.params);
    const { lang } = parse(exportQuerySchema, req.query);
    await authorize('national', 'export', req, res);
    download(res, next, await reports.exportFile('national', file, lang ?? 'nl'));
  });
  r.get(api.export.route, async (req, res, next) => {
    const { brin, file } = parse(institutionExportParamsSchema, req.params);
    const { lang } = parse(exportQuerySchema, req.query);
    await authorize(brin, 'export', req, res);
    download(res, next, await reports.exportFile(brin, file, lang ?? 'nl'));
  });
  return r;
}
