// The database cannot be written (its WAL file made immutable, as a read-only or failing disk does) while a student
// answers in a real browser: the saves get 503, the browser keeps its queue and says so, the server stores none of
// it; when the fault ends the queue drains and the server holds exactly what the student sees.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';
import { startServer, removeDataDir, type RunningServer } from './server.ts';

const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
let server: RunningServer | undefined;
let wal: string | undefined;
test.afterEach(async () => {
  if (wal) execFileSync('chattr', ['-i', wal]);
  wal = undefined;
  await server?.stop().catch(() => undefined);
  if (server) removeDataDir(server.dataDir);
  server = undefined;
});

const storedAnswers = (dataDir: string): Record<string, unknown> => {
  const db = new Database(join(dataDir, 'job-monitor.sqlite'), { readonly: true });
  try {
    // this student's response: the newest (the demo's own completed responses come before it)
    const rows = db
      .prepare('SELECT question_id AS q, value FROM answers WHERE response_id = (SELECT max(id) FROM responses)')
      .all() as { q: string; value: string | null }[];
    return Object.fromEntries(rows.map((r) => [r.q, r.value === null ? null : JSON.parse(r.value)]));
  } finally {
    db.close();
  }
};

test('a storage fault: the browser keeps its answers until the server can store them again', async ({ browser }) => {
  test.skip(!asRoot, 'making a file immutable (chattr +i) needs root, as CI runs');
  server = await startServer();
  const { viewport, isMobile, hasTouch } = test.info().project.use;
  const context = await browser.newContext({ baseURL: server.url, viewport, isMobile, hasTouch, locale: 'nl-NL' });
  const page = await context.newPage();
  const survey = new SurveyPage(page);
  const saves: number[] = [];
  page.on('response', (r) => r.url().endsWith('/api/survey/answers') && saves.push(r.status()));
  await new LoginPage(page).logIn(takeStudent((s) => s.brin === '99DM'));
  await survey.start();
  await survey.answerNext(2);
  await survey.waitUntilNothingPending();
  const before = storedAnswers(server.dataDir);

  wal = join(server.dataDir, 'job-monitor.sqlite-wal');
  execFileSync('chattr', ['+i', wal]);
  await survey.answerNext(3);
  await expect(page.getByRole('status').filter({ hasText: 'Offline - je antwoorden worden bewaard' })).toBeVisible();
  await expect.poll(() => saves.filter((s) => s === 503).length).toBeGreaterThan(0);
  expect(saves.filter((s) => s >= 500 && s !== 503)).toEqual([]);
  expect(Object.keys((await survey.stored()).pending).length).toBeGreaterThan(0);
  expect(storedAnswers(server.dataDir)).toEqual(before); // nothing of the failed saves was stored

  execFileSync('chattr', ['-i', wal]);
  wal = undefined;
  await survey.waitUntilNothingPending(40_000); // the retry (backoff up to 20 s) drains the queue
  expect(storedAnswers(server.dataDir)).toEqual((await survey.stored()).answers);
  await context.close();
});
