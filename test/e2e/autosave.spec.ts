// Answering never loses work: a network cut with a reload while offline, a server crash and restart,
// two browsers on one response, and active time that leaves out a hidden page. What reached the server
// is checked on the server (its API or its SQLite file), never only in the browser.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';
import { startServer, removeDataDir, type RunningServer } from './server.ts';
import { createRepos } from '../../server/db/index.ts';
import { createTimingService } from '../../server/services/survey/timing.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';

type ServerAnswers = Record<string, { value: unknown; seq: number }>;

/** The answer a radio group name stands for: a question, or one item of a grid question. */
function valueOf(answers: Record<string, unknown>, name: string): unknown {
  const [question, item] = name.split('.') as [string, string | undefined];
  const v = answers[question];
  return item === undefined ? v : (v as Record<string, unknown> | undefined)?.[item];
}

async function serverAnswers(page: Page): Promise<ServerAnswers> {
  const res = await page.request.get('/api/survey');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { answers: ServerAnswers }).answers;
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const { viewport, isMobile, hasTouch } = test.info().project.use;
  return browser.newContext({ baseURL, viewport, isMobile, hasTouch, locale: 'nl-NL' });
}

const offlineStatus = (page: Page) => page.getByRole('status').filter({ hasText: 'Offline - je antwoorden worden bewaard' });

test('a network cut with a reload while offline loses and doubles no answer', async ({ page, context, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)); // the app shell is cached
  const before = await survey.answerNext(2);
  await survey.waitUntilNothingPending();

  await context.setOffline(true);
  const offline = await survey.answerNext(3);
  await expect(offlineStatus(page)).toBeVisible();
  await expectAccessible(page, 'theme page while offline');

  await page.reload(); // still offline: the shell comes from the service worker, the survey from the store
  await expect(survey.heading()).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'page served by the service worker').toBe(true);
  await expect(offlineStatus(page)).toBeVisible();
  for (const name of offline) {
    if (await page.locator(`input[name="${name}"]`).count()) await expect(page.locator(`input[name="${name}"]:checked`)).toHaveCount(1);
  }
  expect(Object.keys((await survey.stored()).pending).length).toBeGreaterThanOrEqual(1);
  const after = await survey.answerNext(1);

  await context.setOffline(false);
  await survey.waitUntilNothingPending();
  const server = await serverAnswers(page);
  const local = (await survey.stored()).answers;
  const names = [...before, ...offline, ...after];
  expect(new Set(names).size).toBe(6);
  for (const name of names) {
    expect(valueOf(Object.fromEntries(Object.entries(server).map(([k, v]) => [k, v.value])), name), name).toBeDefined();
  }
  // The server holds exactly what the student sees, no more and no less.
  expect(Object.fromEntries(Object.entries(server).map(([k, v]) => [k, v.value]))).toEqual(local);
  // The position reached offline reached the server too: a reload online comes back to it.
  const title = await survey.heading().textContent();
  await page.reload();
  await expect(survey.heading()).toHaveText(title!);
});

test.describe('with a server of its own', () => {
  let server: RunningServer | undefined;
  test.afterEach(async () => {
    await server?.stop().catch(() => undefined);
    if (server) removeDataDir(server.dataDir);
    server = undefined;
  });

  test('the server is killed and restarted while a student answers: every acknowledged answer is there', async ({ browser }) => {
    server = await startServer();
    const { dataDir } = server;
    const port = Number(new URL(server.url).port);
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const survey = new SurveyPage(page);
    await new LoginPage(page).logIn(takeStudent((s) => s.brin === '99DM'));
    await survey.start();
    const names = await survey.answerNext(3);
    await survey.waitUntilNothingPending();

    await server.kill(); // a crash: no graceful shutdown
    names.push(...(await survey.answerNext(2)));
    await expect(offlineStatus(page)).toBeVisible();

    server = await startServer({ dataDir, port });
    await survey.waitUntilNothingPending(); // the retry reaches the restarted server
    names.push(...(await survey.answerNext(2)));
    await survey.waitUntilNothingPending();
    const local = (await survey.stored()).answers;
    await context.close();

    const db = new Database(join(dataDir, 'job-monitor.sqlite'), { readonly: true });
    try {
      // The demo's own responses have answers too: this student's response is the newest.
      const rows = db.prepare('SELECT question_id AS q, value FROM answers WHERE response_id = (SELECT max(id) FROM responses)').all() as { q: string; value: string | null }[];
      const stored = Object.fromEntries(rows.map((r) => [r.q, r.value === null ? null : JSON.parse(r.value)]));
      expect(rows.length).toBe(new Set(rows.map((r) => r.q)).size);
      for (const name of names) expect(valueOf(stored, name), name).toBeDefined();
      expect(stored).toEqual(local);
    } finally {
      db.close();
    }
  });

  test('active time leaves out the time the page was hidden', async ({ browser }) => {
    server = await startServer();
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const survey = new SurveyPage(page);
    await new LoginPage(page).logIn(takeStudent((s) => s.brin === '99DM'));
    await survey.start();
    const firstTitle = await survey.heading().textContent();
    const shownAt = Date.now();
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await page.waitForTimeout(1000);
    await setVisibility('hidden');
    await page.waitForTimeout(4000); // a locked phone
    await setVisibility('visible');
    await survey.answerNext(1);
    await page.waitForTimeout(1000);
    await survey.next();
    const onPage = (Date.now() - shownAt) / 1000;
    await expect(survey.heading()).not.toHaveText(firstTitle!);
    await survey.waitUntilNothingPending();
    await context.close();

    const db = new Database(join(server.dataDir, 'job-monitor.sqlite'), { readonly: true });
    try {
      const { id, page: firstPage } = db.prepare('SELECT id, current_page AS page FROM responses ORDER BY id DESC LIMIT 1').get() as { id: number; page: string };
      expect(firstPage).not.toBeNull();
      const summary = createTimingService({ repos: createRepos(db), questionnaires: loadQuestionnaires() }).timingSummary(id)!;
      const types = createRepos(db).timing.events(id).map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['hidden', 'visible', 'page_shown', 'page_left', 'answer']));
      const first = Object.entries(summary.pageFirstShownAt).sort((a, b) => a[1].localeCompare(b[1])).map(([p]) => p).find((p) => !p.startsWith('#'))!;
      const seconds = summary.pageSeconds[first]!;
      expect(seconds).toBeGreaterThan(1.5); // the visible time counts
      expect(seconds).toBeLessThan(onPage - 3.5); // the 4 hidden seconds do not
      expect(summary.activeSeconds).toBeGreaterThanOrEqual(seconds);
      expect(summary.questionsAnswered).toBe(1);
    } finally {
      db.close();
    }
  });
});

test('two browsers on one response: the newest answer wins, and a submit in one stops the other', async ({ page, browser, login }) => {
  const a = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await a.start();
  const [first, second] = await a.answerNext(2);
  await a.waitUntilNothingPending();

  const contextB = await newContext(browser, test.info().project.use.baseURL ?? new URL(page.url()).origin);
  const pageB = await contextB.newPage();
  const b = new SurveyPage(pageB);
  await new LoginPage(pageB).logIn(login);
  await expect(b.heading()).toHaveText((await a.heading().textContent())!);
  await b.chooseInGroup(first!, 1); // B changes A's first answer later: B's wins
  await b.waitUntilNothingPending();
  await a.chooseInGroup(second!, 1); // A changes another one
  await a.waitUntilNothingPending();

  const server = await serverAnswers(page);
  const flat = Object.fromEntries(Object.entries(server).map(([k, v]) => [k, v.value]));
  expect(valueOf(flat, first!)).toEqual(valueOf((await b.stored()).answers, first!));
  expect(valueOf(flat, second!)).toEqual(valueOf((await a.stored()).answers, second!));
  expect(valueOf(flat, first!)).not.toEqual(valueOf((await a.stored()).answers, first!)); // A's older one lost, as it should

  // B submits; A's next save is refused and A shows "already completed".
  while (!(await b.onFinish())) await b.next();
  await b.submit();
  await expect(b.heading()).toHaveText('Bedankt voor het invullen!');
  await a.answerNext(1);
  await expect(a.heading()).toHaveText('Je hebt de vragenlijst al ingevuld');
  await expect(page.locator('.question')).toHaveCount(0);
  await contextB.close();
});

test('a submit that fails on the network is retried and counts once', async ({ page, context, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  await survey.answerNext(2);
  while (!(await survey.onFinish())) await survey.next();
  await survey.waitUntilNothingPending();
  const submits: string[] = [];
  page.on('requestfailed', (r) => r.url().endsWith('/api/survey/submit') && submits.push('failed'));
  page.on('response', (r) => r.url().endsWith('/api/survey/submit') && submits.push(String(r.status())));

  await context.setOffline(true);
  const failed = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/api/survey/submit'));
  await survey.submit();
  await failed;
  await context.setOffline(false); // the retry goes through without another click
  await expect(survey.heading()).toHaveText('Bedankt voor het invullen!');
  expect(submits[0]).toBe('failed');
  expect(submits.filter((s) => s === '200')).toHaveLength(1);
});
