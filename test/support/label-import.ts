// Shared set-up for label-import tests: a test database with a population and a way to import a written file.
import { join } from 'node:path';
import { expect } from 'vitest';
import { importLabelFile, type LabelImportOptions, type LabelImportReport } from '../../server/services/labels/import.ts';
import type { IssueCode } from '../../server/services/labels/issues.ts';
import type { TestApp } from './test-app.ts';
import { writeXlsx, type SheetRows } from './label-files.ts';

export function importer(t: TestApp) {
  const deps = () => ({ repos: t.repos, keyer: t.keyer, now: () => t.clock.now });
  return {
    path: (name: string) => join(t.dir, name),
    run: (path: string, opts: Omit<LabelImportOptions, 'path'> = {}) => importLabelFile(deps(), { path, ...opts }),
    async xlsx(name: string, rows: SheetRows, opts: Omit<LabelImportOptions, 'path'> = {}): Promise<LabelImportReport> {
      const path = join(t.dir, name);
      await writeXlsx(path, { Blad1: rows });
      return importLabelFile(deps(), { path, ...opts });
    },
  };
}

/** The report holds exactly these kinds of findings (the file has one problem), and the first is at row/column. */
export function expectOnly(report: LabelImportReport, code: IssueCode, at: { row?: number; column?: string } = {}) {
  const codes = Object.keys({ ...report.counts.errors, ...report.counts.warnings });
  expect(codes).toEqual([code]);
  const issue = [...report.errors, ...report.warnings].find((i) => i.code === code)!;
  expect(issue).toBeDefined();
  if (at.row !== undefined) expect(issue.row).toBe(at.row);
  if (at.column !== undefined) expect(issue.column).toBe(at.column);
  expect(issue.message.nl.length).toBeGreaterThan(10);
  expect(issue.message.en.length).toBeGreaterThan(10);
  expect(issue.message.nl).not.toBe(issue.message.en);
  return issue;
}

/** Everything label-related in the database, as comparable text (blobs as hex). */
export function dumpLabelTables(t: TestApp): string {
  const hex = (row: unknown) =>
    Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v]));
  const all = (sql: string) => t.db.prepare(sql).all().map(hex);
  return JSON.stringify({
    files: all('SELECT * FROM label_files ORDER BY id'),
    labels: all('SELECT * FROM labels ORDER BY label_file_id, pgn_key'),
    responses: all('SELECT id, label_file_id, bedrijfsgroep, respons_1, respons_2, respons_3, analyse_1, analyse_2, analyse_3 FROM responses ORDER BY id'),
  });
}
