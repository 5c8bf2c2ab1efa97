// The reporting commands as a researcher runs them: real processes on a data folder seeded with the demo (its
// responses and first cleaning run), output in Dutch and English, JSON and CSV, errors with exit code 1.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/job-monitor.js');
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--data-dir', dir, ...args], { env: { ...process.env, JOBMONITOR_SECRET: '', LOG_LEVEL: 'warn' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let seeded: { responses: { completed: number }; cleaning: { judged: number; clean: number } };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jm-reporting-cli-'));
  const r = await cli('seed-demo', '--json');
  expect(r.code).toBe(0);
  seeded = JSON.parse(r.stdout);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('job-monitor response-overview', { timeout: 60_000 }, () => {
  it('prints the national table, and one institution with its label tree in English', async () => {
    const national = await cli('response-overview');
    expect(national.code).toBe(0);
    expect(national.stdout).toMatch(/^Responsoverzicht landelijk/);
    expect(national.stdout).toMatch(/99DM Demo ROC Noordwaarts/);
    expect(national.stdout).toMatch(/Totaal\s+5\.981/); // 98DM leaves its bedrijfsgroep out: 6,000 - 19
    const one = await cli('response-overview', '--brin', '99dm', '--lang', 'en');
    expect(one.stdout).toContain('Label file rows without a student in the DUO population (cannot log in): 3');
    expect(one.stdout).toMatch(/zonder label/);
    expect(one.stdout).toMatch(/bedrijfsgroep: Bedrijfsopleiding/);
    expect(one.stdout).toContain('Completed per day:');
  });

  it('writes CSV for Dutch Excel and JSON', async () => {
    const csv = await cli('response-overview', '--brin', '99DM', '--csv');
    expect(csv.stdout.startsWith('\uFEFFniveau;responslabel 1;')).toBe(true);
    expect(csv.stdout).toContain('\r\n');
    expect(csv.stdout).toMatch(/\r\n0;;;;Totaal;2000;\d+;\d+;\d+,\d;323;ja;\d+,\d\r\n/); // percentages with a decimal comma
    const json = JSON.parse((await cli('response-overview', '--json')).stdout);
    // The national total adds up the rows; 98DM's bedrijfsgroep completions are in neither.
    expect(json.total.completed).toBe(json.institutions.reduce((s: number, i: { completed: number }) => s + i.completed, 0));
    expect(json.total.completed).toBeLessThan(seeded.responses.completed);
    expect(json.institutions.map((i: { brin: string }) => i.brin).sort()).toEqual(['97DM', '98DM', '99DM']);
    const both = await cli('response-overview', '--json', '--csv');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('Kies --json of --csv');
  });
});

describe('job-monitor calc-response', () => {
  it('gives the worked values, in Dutch and as JSON', async () => {
    const r = await cli('calc-response', '--population', '30', '--completed', '20');
    expect(r.stdout).toBe('Groep van 30: 28 ingevulde vragenlijsten nodig voor een foutmarge van ± 5 procentpunt bij 95% betrouwbaarheid.\nMet 20 ingevuld: niet bereikt; foutmarge ± 12,9 procentpunt.\n');
    const json = JSON.parse((await cli('calc-response', '--population', '500000', '--json')).stdout);
    expect(json).toMatchObject({ population: 500000, required: 384, completed: null });
    const bad = await cli('calc-response', '--population', 'veel');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--population must be a whole number');
  });
});

describe('cleaning, results and export', { timeout: 120_000 }, () => {
  it('cleaning-report counts what the demo seeded', async () => {
    const report = JSON.parse((await cli('cleaning-report', '--json')).stdout);
    expect(report.national).toMatchObject({ judged: seeded.cleaning.judged, clean: seeded.cleaning.clean });
    expect((await cli('cleaning-report', '--brin', '97DM')).stdout).toMatch(/97DM Demo AOC Groenrijk/);
  });

  it('results show suppressed groups as "Niet getoond i.v.m. AVG", with no figure on that line', async () => {
    const r = await cli('results', '--brin', '99DM', '--by', 'analyselabel3');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('Niet getoond i.v.m. AVG'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.replace(/Team \d/, '')).not.toMatch(/\d/);
    const csv = await cli('results', '--national', '--by', 'week', '--csv', '--lang', 'en');
    expect(csv.stdout.startsWith('\uFEFFResults national, per week')).toBe(true);
    expect((await cli('results', '--by', 'week')).code).toBe(1);
    expect((await cli('results', '--national', '--by', 'crebo')).stderr).toContain('--by week');
  });

  it('a second cleaning run reports what moved; export writes the three files', async () => {
    const again = await cli('clean');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Verschil met ronde 1 \(regels versie 1\)/);
    expect(again.stdout).toMatch(/nu uitgesloten: 0; nu schoon: 0/);
    const out = join(dir, 'export');
    const ex = await cli('export', '--brin', '99DM', '--out', out);
    expect(ex.code).toBe(0);
    for (const f of ['jobmonitor_99DM_data.csv', 'jobmonitor_99DM_codebook.csv', 'jobmonitor_99DM.sps']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'jobmonitor_99DM_data.csv'), 'utf8')).toContain('i_studieplein_rust');
  });
});
