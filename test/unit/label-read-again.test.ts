// A label workbook that exceljs's streaming reader fails on, but in which the bounds check finds nothing wrong, is
// read a second time before it is refused as damaged (the reader once failed on a valid file in CI). The reader is
// wrapped here to fail as it did; the file and the second read are real.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { readLabelFile } from '../../server/services/labels/read-file.ts';
import { IssueList } from '../../server/services/labels/issues.ts';
import { NOT_A_WORKBOOK } from '../../server/services/labels/xlsx-limits.ts';
import { HEADER, labelRow, writeXlsx } from '../support/label-files.ts';
import type * as ReadXlsx from '../../server/services/labels/read-xlsx.ts';

const failures = vi.hoisted(() => ({ left: 0, calls: 0 }));
vi.mock('../../server/services/labels/read-xlsx.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ReadXlsx>();
  return {
    ...real,
    readXlsx: async (path: string, maxRows: number) => {
      failures.calls++;
      if (failures.left-- > 0) throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      return real.readXlsx(path, maxRows);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'jm-read-again-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => Object.assign(failures, { left: 0, calls: 0 }));

async function workbook(): Promise<string> {
  const path = join(dir, '99DM_Jobmonitor_20240201.xlsx');
  await writeXlsx(path, { Blad1: [HEADER, labelRow({ pgn: '123456782' })] });
  return path;
}

it('reads a valid workbook on the second try when the first read fails', async () => {
  failures.left = 1;
  const issues = new IssueList();
  const grid = await readLabelFile(await workbook(), '99DM_Jobmonitor_20240201.xlsx', issues);
  expect(issues.items).toEqual([]);
  expect(grid?.sheets[0]?.rows.length).toBe(2);
  expect(failures.calls).toBe(2);
});

it('refuses it as damaged when the second read fails too, with no reader text in the message', async () => {
  failures.left = 2;
  const issues = new IssueList();
  expect(await readLabelFile(await workbook(), '99DM_Jobmonitor_20240201.xlsx', issues)).toBeNull();
  expect(issues.items.map((i) => i.message)).toEqual([NOT_A_WORKBOOK.message]);
  expect(failures.calls).toBe(2);
});

it('reads once when the first read succeeds', async () => {
  const issues = new IssueList();
  expect(await readLabelFile(await workbook(), '99DM_Jobmonitor_20240201.xlsx', issues)).not.toBeNull();
  expect(failures.calls).toBe(1);
});
