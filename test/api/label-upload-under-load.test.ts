// A coordinator uploads and confirms a label file in the staff app while students of that institution log in and
// save answers on the same server: the check and the import run in the server's label worker and write in short
// steps, so not one student request may fail (and they keep being answered throughout), and the import takes effect.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LabelUploadCheck, LabelUploadResult } from '../../server/api/staff-labels.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { HEADER, labelRow, writeXlsxStream } from '../support/label-files.ts';
import { staffCookie } from '../support/staff.ts';
import { confirmLabels, uploadLabels } from '../support/label-upload.ts';
import { BIN, loadPopulation, serve, stop, students, type Tally } from '../support/student-load.ts';

const dir = mkdtempSync(join(tmpdir(), 'jm-load-upload-'));
const PASSWORD = 'a-coordinator-password-1';
// PGNs 20 apart: never two students with one PGN
const people = loadPopulation(10_000, 500000000, 20, () => ({ brin: '25PZ', name: 'ROC Testland' }));

let server: ChildProcess;
let url: string;
beforeAll(async () => {
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  const imported = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'import-population', writePopulationFile(join(dir, 'populatie.csv'), people), '--peildatum', '2023-12-01'], { env });
  expect(imported.status, imported.stdout.toString() + imported.stderr.toString()).toBe(0);
  const staff = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'create-staff-user', '--email', 'coordinator@test.example', '--role', 'institution', '--brin', '25PZ'], { env, input: `${PASSWORD}\n` });
  expect(staff.status, staff.stderr.toString()).toBe(0);
  ({ server, url } = await serve(dir));
}, 90_000);
afterAll(async () => {
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

it('uploads, checks and confirms a label file of 10,000 rows while students log in and answer: no request fails', async () => {
  const fileName = '25PZ_Jobmonitor_20240115.xlsx';
  const path = join(dir, fileName);
  await writeXlsxStream(path, [HEADER, ...people.map((p, i) => labelRow({ pgn: p.pgn, respons: ['Hoofdstraat', `AZ${i % 4}`, `K${i % 30}`] }))]);
  const cookie = await staffCookie(url, 'coordinator@test.example', PASSWORD);

  const tally: Tally = { requests: 0, during: 0, failures: [] };
  let uploading = false;
  let stopped = false;
  const running = students(8, { url, people, busy: () => uploading, tally }, () => stopped);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // some responses exist before the file comes
  uploading = true;
  const before = tally.requests;
  const checked = await uploadLabels(url, { cookie, brin: '25PZ', fileName, body: path });
  const check = (await checked.json()) as LabelUploadCheck;
  const duringCheck = tally.requests - before;
  const confirmed = await confirmLabels(url, cookie, '25PZ', check.upload!.id);
  const result = (await confirmed.json()) as LabelUploadResult;
  uploading = false;
  stopped = true;
  await running;

  expect(checked.status).toBe(201);
  expect(check.report.accepted).toBe(true);
  expect(confirmed.status).toBe(200);
  expect(result.report.labelFile).toMatchObject({ current: true });
  expect(tally.failures).toEqual([]);
  // Students were answered while the file was read and checked, and while it was written.
  expect(duringCheck).toBeGreaterThan(20);
  expect(tally.during).toBeGreaterThan(100);

  const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
  try {
    const tagged = db.prepare("SELECT count(*) AS n, count(respons_2) AS labelled FROM responses WHERE brin = '25PZ'").get() as { n: number; labelled: number };
    expect(tagged.n).toBeGreaterThan(0);
    expect(tagged.labelled).toBe(tagged.n);
    expect(db.prepare("SELECT count(*) FROM label_files WHERE status = 'ready'").pluck().get()).toBe(1);
  } finally {
    db.close();
  }
}, 180_000);
