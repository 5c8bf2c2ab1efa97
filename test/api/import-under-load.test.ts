// Imports never block students: a population re-import and a label import, each run by the job-monitor command in
// a process of its own as a researcher would, while students of that population log in and save answers on the
// served database. Not one request may fail, and the imports must take effect.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { HEADER, labelRow, writeXlsx } from '../support/label-files.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const dir = mkdtempSync(join(tmpdir(), 'jm-load-import-'));
const STUDENTS = 12_000;
/** Letters only (digits do not count in a surname): a different surname for every student. */
const surname = (i: number) => 'Naam' + Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
const people: PopulationRecord[] = Array.from({ length: STUDENTS }, (_, i) => ({
  pgn: makeBsn(300000000 + i * 10),
  brin: i % 2 ? '26AB' : '25PZ',
  instellingsnaam: i % 2 ? 'ROC Tweede' : 'ROC Testland',
  crebo: '25655',
  leerweg: 'BOL',
  niveau: 4,
  geslacht: 'V',
  achternaam: surname(i),
  tussenvoegsel: '',
  voorletters: 'A.',
  geboortedatum: `2005-0${1 + (i % 9)}-1${i % 10}`,
}));
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
  server = spawn(process.execPath, [BIN, '--data-dir', dir, '--port', '0', 'serve', '--host', '127.0.0.1'], { env: { ...process.env, LOG_LEVEL: 'warn' } });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}, 60_000);
afterAll(async () => {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Tally {
  requests: number;
  duringImports: number;
  failures: string[];
}

/** One student after another: log in, then save answers a few times, as a class does. */
async function student(next: () => number, importing: () => boolean, stop: () => boolean, tally: Tally): Promise<void> {
  const call = async (path: string, init: RequestInit): Promise<Response | null> => {
    try {
      const res = await fetch(`${url}${path}`, init);
      tally.requests++;
      if (importing()) tally.duringImports++;
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

it('re-imports the population and imports a label file while students log in and answer: no request fails', async () => {
  const changed = people.map((p, i) => (i % 50 === 0 ? { ...p, crebo: '25180' } : p));
  const populationFile = writePopulationFile(join(dir, 'populatie-2.csv'), changed);
  const labelFile = join(dir, '25PZ_Jobmonitor_20240115.xlsx');
  await writeXlsx(labelFile, { Blad1: [HEADER, ...people.filter((p) => p.brin === '25PZ').map((p, i) => labelRow({ pgn: p.pgn, respons: ['Hoofdstraat', `AZ${i % 4}`, `K${i % 30}`] }))] });

  const tally: Tally = { requests: 0, duringImports: 0, failures: [] };
  let counter = 0;
  let importing = true;
  let stopped = false;
  const students = Array.from({ length: 8 }, () => student(() => counter++, () => importing, () => stopped, tally));
  const [population, labels] = await Promise.all([
    cli('import-population', populationFile, '--peildatum', '2023-12-01'),
    cli('import-labels', labelFile),
  ]);
  importing = false;
  stopped = true;
  await Promise.all(students);

  expect(population.code, population.out).toBe(0);
  expect(labels.code, labels.out).toBe(0);
  expect(tally.failures).toEqual([]);
  expect(tally.duringImports).toBeGreaterThan(100);

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
