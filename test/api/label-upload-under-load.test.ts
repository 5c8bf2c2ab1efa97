// A coordinator uploads and confirms a label file in the staff app while students of that institution log in and
// save answers on the same server: the check and the import run in the server's label worker and write in short
// steps, so not one student request may fail (and they keep being answered throughout), and the import takes effect.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import type { LabelUploadCheck, LabelUploadResult } from '../../server/api/staff-labels.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { HEADER, labelRow, writeXlsxStream } from '../support/label-files.ts';
import { staffCookie } from '../support/staff.ts';
import { confirmLabels, uploadLabels } from '../support/label-upload.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const dir = mkdtempSync(join(tmpdir(), 'jm-load-upload-'));
const STUDENTS = 10_000;
const PASSWORD = 'a-coordinator-password-1';
const surname = (i: number) => 'Naam' + Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
const people: PopulationRecord[] = Array.from({ length: STUDENTS }, (_, i) => ({
  pgn: makeBsn(500000000 + i * 20), // 20 apart: never two students with one PGN
  brin: '25PZ',
  instellingsnaam: 'ROC Testland',
  crebo: '25655',
  leerweg: 'BOL',
  niveau: 4,
  geslacht: 'V',
  achternaam: surname(i),
  tussenvoegsel: '',
  voorletters: 'A.',
  geboortedatum: `2005-0${1 + (i % 9)}-1${i % 10}`,
}));

let server: ChildProcess;
let url: string;
beforeAll(async () => {
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  const imported = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'import-population', writePopulationFile(join(dir, 'populatie.csv'), people), '--peildatum', '2023-12-01'], { env });
  expect(imported.status, imported.stdout.toString() + imported.stderr.toString()).toBe(0);
  const staff = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'create-staff-user', '--email', 'coordinator@test.example', '--role', 'institution', '--brin', '25PZ'], { env, input: `${PASSWORD}\n` });
  expect(staff.status, staff.stderr.toString()).toBe(0);
  server = spawn(process.execPath, [BIN, '--data-dir', dir, '--port', '0', 'serve', '--host', '127.0.0.1'], { env });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}, 90_000);
afterAll(async () => {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Tally {
  requests: number;
  duringUpload: number;
  failures: string[];
}

/** One student after another: log in, then save answers a few times, as a class does. */
async function student(next: () => number, uploading: () => boolean, stop: () => boolean, tally: Tally): Promise<void> {
  const call = async (path: string, init: RequestInit): Promise<Response | null> => {
    try {
      const res = await fetch(`${url}${path}`, init);
      tally.requests++;
      if (uploading()) tally.duringUpload++;
      if (!res.ok) tally.failures.push(`${init.method} ${path}: ${res.status} ${await res.text()}`);
      return res;
    } catch (err) {
      tally.failures.push(`${init.method} ${path}: ${String(err)}`);
      return null;
    }
  };
  while (!stop()) {
    const s = people[next() % STUDENTS]!;
    const login = await call('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ brin: s.brin, surname: s.achternaam, birthDate: s.geboortedatum.split('-').reverse().join('-') }),
    });
    const cookie = login?.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) continue;
    for (let seq = 1; seq <= 4 && !stop(); seq++) {
      await call('/api/survey/answers', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', cookie },
        body: JSON.stringify({ answers: [{ questionId: 'leerjaar', value: seq % 2 ? 'j1' : 'j2', seq }] }),
      });
    }
  }
}

it('uploads, checks and confirms a label file of 10,000 rows while students log in and answer: no request fails', async () => {
  const fileName = '25PZ_Jobmonitor_20240115.xlsx';
  const path = join(dir, fileName);
  await writeXlsxStream(path, [HEADER, ...people.map((p, i) => labelRow({ pgn: p.pgn, respons: ['Hoofdstraat', `AZ${i % 4}`, `K${i % 30}`] }))]);
  const cookie = await staffCookie(url, 'coordinator@test.example', PASSWORD);

  const tally: Tally = { requests: 0, duringUpload: 0, failures: [] };
  let counter = 0;
  let uploading = false;
  let stopped = false;
  const students = Array.from({ length: 8 }, () => student(() => counter++, () => uploading, () => stopped, tally));
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
  await Promise.all(students);

  expect(checked.status).toBe(201);
  expect(check.report.accepted).toBe(true);
  expect(confirmed.status).toBe(200);
  expect(result.report.labelFile).toMatchObject({ current: true });
  expect(tally.failures).toEqual([]);
  // Students were answered while the file was read and checked, and while it was written.
  expect(duringCheck).toBeGreaterThan(20);
  expect(tally.duringUpload).toBeGreaterThan(100);

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
