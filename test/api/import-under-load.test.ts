// Imports never block students: a population re-import and a label import, each run by the job-monitor command in
// a process of its own as a researcher would, while students of that population log in and save answers on the
// served database. Not one request may fail, and the imports must take effect.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writePopulationFile } from '../support/population-file.ts';
import { HEADER, labelRow, writeXlsx } from '../support/label-files.ts';
import { BIN, loadPopulation, serve, stop, students, type Tally } from '../support/student-load.ts';

const dir = mkdtempSync(join(tmpdir(), 'jm-load-import-'));
const STUDENTS = 12_000;
const people = loadPopulation(STUDENTS, 300000000, 10, (i) => (i % 2 ? { brin: '26AB', name: 'ROC Tweede' } : { brin: '25PZ', name: 'ROC Testland' }));
const cli = (...args: string[]) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dir, ...args], { env: { ...process.env, LOG_LEVEL: 'warn' } });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });

let server: ChildProcess;
let url: string;
beforeAll(async () => {
  const populationFile = writePopulationFile(join(dir, 'populatie.csv'), people);
  expect(spawnSync(process.execPath, [BIN, '--data-dir', dir, 'import-population', populationFile, '--peildatum', '2023-12-01']).status).toBe(0);
  ({ server, url } = await serve(dir));
}, 60_000);
afterAll(async () => {
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

it('re-imports the population and imports a label file while students log in and answer: no request fails', async () => {
  const changed = people.map((p, i) => (i % 50 === 0 ? { ...p, crebo: '25180' } : p));
  const populationFile = writePopulationFile(join(dir, 'populatie-2.csv'), changed);
  const labelFile = join(dir, '25PZ_Jobmonitor_20240115.xlsx');
  await writeXlsx(labelFile, { Blad1: [HEADER, ...people.filter((p) => p.brin === '25PZ').map((p, i) => labelRow({ pgn: p.pgn, respons: ['Hoofdstraat', `AZ${i % 4}`, `K${i % 30}`] }))] });

  const tally: Tally = { requests: 0, during: 0, failures: [] };
  let importing = true;
  let stopped = false;
  const running = students(8, { url, people, busy: () => importing, tally }, () => stopped);
  const [population, labels] = await Promise.all([
    cli('import-population', populationFile, '--peildatum', '2023-12-01'),
    cli('import-labels', labelFile),
  ]);
  importing = false;
  stopped = true;
  await running;

  expect(population.code, population.out).toBe(0);
  expect(labels.code, labels.out).toBe(0);
  expect(tally.failures).toEqual([]);
  expect(tally.during).toBeGreaterThan(100);

  const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
  try {
    expect(db.prepare("SELECT count(*) FROM population_sets WHERE status = 'ready'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM population WHERE crebo = '25180'").pluck().get()).toBe(STUDENTS / 50);
    const tagged = db.prepare("SELECT count(*) AS n, count(respons_2) AS labelled FROM responses WHERE brin = '25PZ'").get() as { n: number; labelled: number };
    expect(tagged.n).toBeGreaterThan(0);
    expect(tagged.labelled).toBe(tagged.n);
  } finally {
    db.close();
  }
}, 120_000);
