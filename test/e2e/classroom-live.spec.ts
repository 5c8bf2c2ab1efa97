// The live classroom view end to end: an observer on a phone starts a session; two students in their own
// browsers join by the link (the login page with the school filled in), one fails a login first, both answer,
// one completes; the observer's live view shows the failure, the page distribution and the completion within
// 2 s each, without a reload. And the view survives a server crash: the browser reconnects and catches up.
import type { Browser, Page } from '@playwright/test';
import { test, expect, takeStudent, type Login } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';
import { SessionsPage, StaffLoginPage } from './pages/staff-pages.ts';
import { DEMO_STAFF } from '../../server/demo/demo-staff.ts';
import { CURRENT_VERSION, loadQuestionnaires } from '../../questionnaire/index.ts';
import { startServer, removeDataDir } from './server.ts';

const WITHIN = { timeout: 2000 };
const observer = DEMO_STAFF.find((u) => u.role === 'observer')!;
const FIRST_PAGE = loadQuestionnaires().get(CURRENT_VERSION)!.pages[0]!.id;

async function phone(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  return context.newPage();
}

/** A student opens the classroom link in a browser of their own: the school is filled in. */
async function openLink(browser: Browser, baseURL: string, link: string, login: Login): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, locale: 'nl-NL' })).newPage();
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: /Je doet mee met AZ1-3, di 10:00/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'School' })).toHaveValue(login.school);
  return page;
}

async function logIn(page: Page, login: Login, birthDate = login.birthDate): Promise<void> {
  await page.getByLabel(/^Achternaam$/).fill(login.surname);
  await page.getByLabel(/^Geboortedatum$/).fill(birthDate);
  await new LoginPage(page).submit();
}

test('an observer follows a class live on a phone: a failed login, pages, a completion', async ({ browser, server }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the observer uses a phone viewport of its own; one run of this spec is enough');
  test.slow(); // one student answers the whole questionnaire
  const staff = await phone(browser, server.url);
  await new StaffLoginPage(staff).open();
  await new StaffLoginPage(staff).signIn(observer.email, observer.password);
  const live = await new SessionsPage(staff).create('99DM', 'AZ1-3, di 10:00');
  await expect(live.connection()).toHaveText(/^Live/);
  await expect(live.count('joined')).toHaveText('0');
  // A reload would lose this mark: the view must update without one.
  await staff.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const link = await live.link();
  expect(link).toMatch(new RegExp(`/\\?klas=${await live.code()}$`));

  const [anna, bo] = [takeStudent((s) => s.brin === '99DM'), takeStudent((s) => s.brin === '99DM')];
  const a = await openLink(browser, server.url, link, anna);
  const b = await openLink(browser, server.url, link, bo);
  await expect(live.count('joined')).toHaveText('2', WITHIN);

  // Anna mistypes her birth date first: the observer sees who needs help at the door.
  const [d, m, y] = anna.birthDate.split('-');
  await logIn(a, anna, `${d}-${m}-${Number(y) - 1}`);
  await expect(a.getByRole('alert')).toContainText('We kunnen je niet vinden');
  await expect(live.failures('not_found')).toHaveText('1', WITHIN);

  await logIn(a, anna);
  const surveyA = new SurveyPage(a);
  await surveyA.start();
  await logIn(b, bo);
  const surveyB = new SurveyPage(b);
  await surveyB.start();
  await expect(live.count('loggedIn')).toHaveText('2', WITHIN);

  // Anna answers the first page and moves on; Bo answers the first page.
  expect(await surveyA.answerPage()).toBeGreaterThan(0);
  await surveyA.next();
  await expect(surveyA.heading()).toBeVisible();
  expect(await surveyB.answerPage()).toBeGreaterThan(0);
  await surveyB.waitUntilSaved();
  await expect(live.count('answering')).toHaveText('2', WITHIN);
  // Bo on the first page, Anna on another.
  await expect.poll(async () => { const on = await live.occupiedPages(); return on[FIRST_PAGE] === 1 && Object.keys(on).length === 2; }, WITHIN).toBe(true);
  const pageOfA = Object.keys(await live.occupiedPages()).find((p) => p !== FIRST_PAGE)!;

  // Bo goes through to the end and sends it.
  await surveyB.next();
  while (!(await surveyB.onFinish())) {
    await surveyB.answerPage();
    await surveyB.next();
  }
  await surveyB.submit();
  await expect(surveyB.heading()).toHaveText('Bedankt voor het invullen!');
  await expect(live.count('completed')).toHaveText('1', WITHIN);
  await expect(live.count('answering')).toHaveText('1');
  await expect.poll(() => live.occupiedPages(), WITHIN).toEqual({ [pageOfA]: 1 });
  expect(await staff.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  const text = await staff.locator('main').textContent();
  for (const s of [anna, bo]) expect(text).not.toContain(s.student.achternaam);
});

test('the live view survives a server crash: the browser reconnects and catches up, without a reload', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the observer uses a phone viewport of its own; one run of this spec is enough');
  let server = await startServer();
  const { dataDir } = server;
  const port = Number(new URL(server.url).port);
  try {
    const staff = await phone(browser, server.url);
    await new StaffLoginPage(staff).open();
    await new StaffLoginPage(staff).signIn(observer.email, observer.password);
    const live = await new SessionsPage(staff).create('99DM', 'AZ1-3, di 10:00');
    await expect(live.connection()).toHaveText(/^Live/);
    await staff.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const code = await live.code();
    const logInWithCode = async (login: Login) => {
      const res = await fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ brin: login.brin, surname: login.surname, birthDate: login.birthDate, classroom: code }),
      });
      expect(res.status).toBe(200);
    };
    await logInWithCode(takeStudent((s) => s.brin === '99DM'));
    await expect(live.count('loggedIn')).toHaveText('1', WITHIN);

    await server.kill(); // a crash: no graceful shutdown
    await expect(live.connection()).toHaveText('Verbinding verbroken, opnieuw verbinden…');
    server = await startServer({ dataDir, port });
    await logInWithCode(takeStudent((s) => s.brin === '99DM'));
    await expect(live.connection()).toHaveText(/^Live/, { timeout: 15_000 });
    await expect(live.count('loggedIn')).toHaveText('2', WITHIN);
    expect(await staff.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await server.stop().catch(() => undefined);
    removeDataDir(dataDir);
  }
});
