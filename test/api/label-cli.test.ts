// The label commands as a coordinator runs them: real processes on a real data folder seeded with the demo.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPopulation } from '../../server/demo/demo-data.ts';
import { HEADER, labelRow, writeXlsx } from '../support/label-files.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/job-monitor.js');
let dir: string;
const students = demoPopulation().filter((s) => s.brin === '99DM');

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, '--data-dir', dir, ...args], { env: { ...process.env, JOBMONITOR_SECRET: '' } });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jm-cli-'));
  expect((await cli('seed-demo')).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('job-monitor import-labels', { timeout: 60_000 }, () => {
  it('refuses a file with errors with exit 1 and a Dutch report naming row and column', async () => {
    const path = join(dir, '99DM_Jobmonitor_20240201.xlsx');
    await writeXlsx(path, { Blad1: [HEADER, labelRow({ pgn: students[0]!.pgn }), labelRow({ pgn: students[0]!.pgn })] });
    const r = await cli('import-labels', path);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rij 3, kolom A: Dit PGN staat al in rij 2');
    expect(r.stdout).toContain('GEWEIGERD');
    const en = await cli('import-labels', path, '--lang', 'en');
    expect(en.stdout).toContain('row 3, column A: This PGN is already in row 2');
  });

  it('a dry run of a good file exits 0 and changes nothing; the real import makes it current', async () => {
    const path = join(dir, '99DM_Jobmonitor_20240201.xlsx');
    await writeXlsx(path, { Blad1: [HEADER, ...students.slice(0, -3).map((s) => labelRow({ pgn: s.pgn }))] });
    const dry = await cli('import-labels', path, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const dryReport = JSON.parse(dry.stdout);
    expect(dryReport).toMatchObject({ accepted: true, dryRun: true, counts: { matched: students.length - 3, zonderLabel: 3 } });

    const real = await cli('import-labels', path);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/populatie zonder label:\s+3/);
    expect(real.stdout).toContain('GEACCEPTEERD');

    const history = await cli('labels-history', '--brin', '99DM', '--json');
    const files = JSON.parse(history.stdout).files as { fileName: string; status: string; zonderLabel: number | null }[];
    expect(files.map((f) => [f.fileName, f.status])).toEqual([
      ['99DM_Jobmonitor_20240201.xlsx', 'current'],
      ['99DM_Jobmonitor_20240115.xlsx', 'superseded'],
    ]);
    expect(files[0]!.zonderLabel).toBe(3);
    expect((await cli('labels-history', '--brin', '99DM')).stdout).toMatch(/actueel\s+99DM_Jobmonitor_20240201\.xlsx/);
  });

  it('institution-settings sets whether bedrijfsgroep students count in the response overview', async () => {
    const r = await cli('institution-settings', '--brin', '99DM', '--bedrijfsgroep-in-respons', 'no');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bedrijfsgroep in responsoverzicht: nee');
    const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
    expect(db.prepare("SELECT bedrijfsgroep_in_respons AS v FROM institutions WHERE brin = '99DM'").get()).toEqual({ v: 0 });
    db.close();
    expect((await cli('institution-settings', '--brin', '00XX', '--bedrijfsgroep-in-respons', 'yes')).code).toBe(1);
  });
});
