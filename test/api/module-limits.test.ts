// Institution question modules are bounded: the file size (checked before it is read), every text, the number of
// pages, and the number of problems listed. A file saved with a UTF-8 byte-order mark is read like any other.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { importModule, ModuleImportError, MODULE_MAX_BYTES } from '../../server/services/survey/definitions.ts';
import { MODULE_MAX_LISTED_PROBLEMS, MODULE_MAX_TEXT } from '../../questionnaire/module.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { demoModule } from '../../server/demo/demo-module.ts';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');
const tmp = mkdtempSync(join(tmpdir(), 'jm-module-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let t: TestApp;
beforeEach(() => {
  t = createTestApp({ population: [student({ brin: '99DM' })] });
});
afterEach(() => t.close());

const cores = loadQuestionnaires();
const stored = () => t.db.prepare('SELECT count(*) FROM question_modules').pluck().get();
function problemsOf(text: string): string[] {
  try {
    importModule(t.repos, cores, { brin: '99DM', text, fileName: 'module.json', now: new Date() });
  } catch (err) {
    if (err instanceof ModuleImportError) return err.problems;
    throw err;
  }
  throw new Error('the module was imported');
}
const page = (i: number) => ({ ...demoModule.pages[0]!, id: `i_page${i}`, questions: demoModule.pages[0]!.questions.slice(0, 1).map((q) => ({ ...q, id: `i_q${i}` })) });

describe('module limits', () => {
  it('refuses a 10 MB intro by the file size, before parsing, and stores nothing', () => {
    const huge = { ...demoModule, pages: [{ ...demoModule.pages[0]!, intro: { nl: 'x'.repeat(10_000_000), en: 'x' } }] };
    const problems = problemsOf(JSON.stringify(huge));
    expect(problems).toEqual([expect.stringMatching(/^the file is \d+ KB; a module file is at most 256 KB/)]);
    expect(stored()).toBe(0);
  });

  it(`refuses a text longer than ${MODULE_MAX_TEXT} characters in a small file, naming where`, () => {
    const long = { ...demoModule, pages: [{ ...demoModule.pages[0]!, intro: { nl: 'x'.repeat(MODULE_MAX_TEXT + 1), en: 'y' } }] };
    expect(problemsOf(JSON.stringify(long))).toEqual([`pages[0].intro.nl: a text has at most ${MODULE_MAX_TEXT} characters; this one has ${MODULE_MAX_TEXT + 1}`]);
    expect(stored()).toBe(0);
  });

  it('refuses more than 10 pages with one clear problem', () => {
    const many = { ...demoModule, pages: Array.from({ length: 150 }, (_, i) => page(i)) };
    const text = JSON.stringify(many);
    expect(Buffer.byteLength(text)).toBeLessThan(MODULE_MAX_BYTES);
    expect(problemsOf(text)).toEqual(['pages: a module has at most 10 pages']);
  });

  it(`lists at most ${MODULE_MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const bad = { ...demoModule, pages: Array.from({ length: 10 }, (_, i) => ({ ...page(i), id: `P${i}`, questions: [{ id: `Q${i}`, type: 'nonsense' }] })) };
    const problems = problemsOf(JSON.stringify(bad).replace(/"nl":"[^"]*"/g, '"nl":""'));
    expect(problems.length).toBe(MODULE_MAX_LISTED_PROBLEMS + 1);
    expect(problems.at(-1)).toMatch(/^\.\.\. and \d+ more problems$/);
  });

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    const r = importModule(t.repos, cores, { brin: '99DM', text: '\uFEFF' + JSON.stringify(demoModule), fileName: 'module.json', now: new Date() });
    expect(r).toMatchObject({ id: '99DM-1', questions: demoModule.pages.flatMap((p) => p.questions).length });
    expect(stored()).toBe(1);
  });
});

describe('job-monitor import-questions', () => {
  it('refuses an 11 MB file at once with one line, without reading it', () => {
    const file = join(tmp, 'huge.json');
    writeFileSync(file, JSON.stringify({ ...demoModule, pages: Array.from({ length: 40_000 }, (_, i) => page(i)) }));
    const r = spawnSync(process.execPath, [BIN, '--data-dir', tmp, 'import-questions', file, '--brin', '99DM'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/was not imported; nothing changed\.\n {2}the file is \d+ KB; a module file is at most 256 KB/);
    expect(r.stdout.length + r.stderr.length).toBeLessThan(1000);
  });
});
