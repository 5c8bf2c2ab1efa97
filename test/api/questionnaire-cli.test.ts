// The questionnaire commands as a user runs them: questionnaire-diff and import-questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { demoModule } from '../../server/demo/demo-module.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
let dir: string;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--data-dir', dir, ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
function modules(): unknown[] {
  const db = new Database(join(dir, 'job-monitor.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id FROM question_modules ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-cli-'));
  expect(run('seed-demo').status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('job-monitor questionnaire-diff', () => {
  it('prints the two changes from 2024-1 to 2024-2, as text and as JSON', () => {
    const text = run('questionnaire-diff', '2024-1', '2024-2');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^2024-1 -> 2024-2: 2 changes\n/);
    expect(text.stdout).toContain('Reworded:\n  question corona_cijfer [nl, en]');
    expect(text.stdout).toContain('Options changed:\n  question keuzedelen [nl, en]');
    const json = run('questionnaire-diff', '2024-1', '2024-2', '--json');
    const d = JSON.parse(json.stdout) as { changes: { kind: string; question: string }[] };
    expect(d.changes.map((c) => `${c.kind}:${c.question}`)).toEqual(['options:keuzedelen', 'reworded:corona_cijfer']);
  });

  it('names an unknown version', () => {
    const r = run('questionnaire-diff', '2024-1', '2023-9');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown questionnaire version "2023-9" (known: 2024-1, 2024-2, 2024-3)');
  });
});

describe('job-monitor import-questions', () => {
  it('rejects a broken file with precise messages and changes nothing', () => {
    const file = join(dir, 'bad.json');
    const bad = structuredClone(demoModule) as { id: string; pages: { questions: Record<string, unknown>[] }[] };
    bad.id = '99DM-2';
    bad.pages[0]!.questions[1]!.options = [{ code: 'ja', text: { nl: 'Ja', en: '' } }];
    writeFileSync(file, JSON.stringify(bad));
    const r = run('import-questions', file, '--brin', '99DM');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.json was not imported; nothing changed.');
    expect(r.stderr).toContain('pages[0](i_noordwaarts).questions[1](i_app).options[0].text.en: English text is empty');
    expect(r.stderr).toContain('pages[0](i_noordwaarts).questions[1](i_app).options: Too small');
    expect(modules()).toEqual(['99DM-1']);
  });

  it('adds a new version of a module', () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify({ ...demoModule, id: '99DM-2' }));
    const r = run('import-questions', file, '--brin', '99DM');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Imported module 99DM-2 for 99DM: 3 questions. It replaces 99DM-1 for responses that start from now on; started responses keep their version.\n');
    expect(modules()).toEqual(['99DM-1', '99DM-2']);
  });
});
