// The student side as a classroom uses it, on desktop and on a 360x640 touch phone: a double tap on "Volgende",
// the browser's back and forward buttons, a shared laptop whose first student closed the tab with answers still
// queued, and what a cold load downloads. What reached the server is checked on the server.
import type { Page } from '@playwright/test';
import { test, expect, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';
import { measureColdLoad } from '../support/cold-load.ts';

type ServerAnswers = Record<string, { value: unknown; seq: number }>;
async function serverAnswers(page: Page): Promise<ServerAnswers> {
  const res = await page.request.get('/api/survey');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { answers: ServerAnswers }).answers;
}
const questionOf = (group: string) => group.split('.')[0]!;
const questionsOnPage = (page: Page) => page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLInputElement>('main .question input')].map((i) => i.name.split('.')[0]!))]);

/** Waits (a frame at a time) until the page heading is no longer `title`. */
const headingChanged = (page: Page, title: string) => page.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t, title, { polling: 'raf' });

/** Taps (touch) or clicks (mouse) at a point of the viewport. */
async function press(page: Page, x: number, y: number): Promise<void> {
  if (test.info().project.use.hasTouch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

test('a double tap on "Volgende" saves nothing on the next page', async ({ page, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  // Find a page whose "Volgende" can be scrolled over an answer of the next page: there the second tap lands on it.
  let aim: { x: number; y: number; scroll: number } | null = null;
  for (let tries = 0; tries < 6 && !aim; tries++) {
    const title = (await survey.heading().textContent())!;
    await survey.next();
    await headingChanged(page, title);
    const answers = await page.evaluate(() =>
      [...document.querySelectorAll('main .choice')].map((el) => el.getBoundingClientRect()).filter((r) => r.bottom < window.innerHeight).map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })),
    );
    await survey.previous();
    await expect(survey.heading()).toHaveText(title);
    aim = await page.evaluate((targets) => {
      const next = [...document.querySelectorAll<HTMLButtonElement>('main button[type="submit"]')].at(-1)!;
      const r = next.getBoundingClientRect();
      const top = r.top + window.scrollY;
      const maxScroll = document.documentElement.scrollHeight - window.innerHeight;
      for (const t of targets) {
        if (t.x < r.left + 4 || t.x > r.right - 4) continue;
        const scroll = Math.round(top + r.height / 2 - t.y);
        if (scroll >= 0 && scroll <= maxScroll) return { ...t, scroll };
      }
      return null;
    }, answers);
    if (!aim) await survey.next();
  }
  expect(aim, 'a page whose "Volgende" lies over an answer of the next page').not.toBeNull();
  const { x, y, scroll } = aim!;
  await page.evaluate((s) => window.scrollTo(0, s), scroll);
  await expect.poll(() => page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('button')?.textContent, [x, y])).toMatch(/^(Volgende|Naar afronden)$/);
  await survey.waitUntilNothingPending();
  const before = await serverAnswers(page);
  const title = (await survey.heading().textContent())!;

  await press(page, x, y);
  await headingChanged(page, title);
  // Without the pause after a page change, this second tap would land on an answer of the new page.
  const underFinger = await page.evaluate(([px, py]) => {
    const root = document.documentElement;
    const settling = root.dataset.settling;
    delete root.dataset.settling;
    const hit = document.elementFromPoint(px!, py!)?.closest('.choice') !== null;
    if (settling !== undefined) root.dataset.settling = settling;
    return { hit, settling: settling !== undefined };
  }, [x, y]);
  expect(underFinger).toEqual({ hit: true, settling: true });
  await press(page, x, y);

  const newTitle = (await survey.heading().textContent())!;
  await page.waitForTimeout(800);
  await expect(survey.heading()).toHaveText(newTitle); // not moved on either
  await expect(page.locator('main .question input:checked')).toHaveCount(0);
  const onPage = await questionsOnPage(page);
  expect(Object.keys((await survey.stored()).pending).filter((q) => onPage.includes(q))).toEqual([]);
  await survey.waitUntilNothingPending();
  expect(await serverAnswers(page)).toEqual(before);

  // A tap after the pause is an answer as always.
  await page.locator('main .choice').first().click();
  await survey.waitUntilNothingPending();
  expect(Object.keys(await serverAnswers(page)).filter((q) => onPage.includes(q))).toHaveLength(1);
});

test('back and forward move between survey pages, never out of the survey', async ({ page, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  const titles: string[] = [];
  for (let i = 0; i < 3; i++) {
    titles.push((await survey.heading().textContent())!);
    if (i === 0) await survey.answerNext(1);
    await survey.next();
    await expect(survey.heading()).not.toHaveText(titles[i]!);
  }
  const third = (await survey.heading().textContent())!;
  const url = page.url();

  await page.goBack();
  await expect(survey.heading()).toHaveText(titles[2]!);
  await expect(survey.heading()).toBeFocused();
  await page.goBack();
  await expect(survey.heading()).toHaveText(titles[1]!);
  await page.goBack();
  await expect(survey.heading()).toHaveText(titles[0]!);
  await expect(page.locator('main .question input:checked')).toHaveCount(1); // the answer is still there
  await page.goForward();
  await page.goForward();
  await expect(survey.heading()).toHaveText(titles[2]!);
  await page.goForward();
  await expect(survey.heading()).toHaveText(third);
  expect(page.url()).toBe(url);

  // A reload keeps the page and the way back.
  await page.reload();
  await expect(survey.heading()).toHaveText(third);
  await page.goBack();
  await expect(survey.heading()).toHaveText(titles[2]!);
  // Back from the first page is the intro, still in the survey.
  for (let i = 0; i < 3; i++) await page.goBack();
  await expect(survey.heading()).toHaveText('Welkom bij de JOB-monitor');
});

test('on a shared laptop the next person sees the login, and the first student\'s queued answers arrive at their next login', async ({ page, context, login }) => {
  const first = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await first.start();
  const sent = await first.answerNext(2);
  await first.waitUntilNothingPending();
  await context.setOffline(true);
  const queued = await first.answerNext(2);
  expect(Object.keys((await first.stored()).pending).length).toBeGreaterThan(0);
  await page.close(); // the first student walks away: the tab is closed, the browser still open
  await context.setOffline(false);

  const tab = await context.newPage();
  const survey = new SurveyPage(tab);
  await tab.goto('/');
  await expect(tab.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await expect(tab.locator('main .question')).toHaveCount(0);
  expect((await tab.request.get('/api/survey')).status()).toBe(401); // the session of the first student is over

  const second = takeStudent((s) => s.brin === '99DM');
  await new LoginPage(tab).logIn(second);
  await expect(survey.heading()).toHaveText('Welkom bij de JOB-monitor');
  await survey.start();
  await expect(tab.locator('main .question input:checked')).toHaveCount(0);
  const mine = await survey.answerNext(1);
  await survey.waitUntilNothingPending();
  expect(Object.keys(await serverAnswers(tab))).toEqual(mine.map(questionOf)); // nothing of the first student's
  await tab.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(tab.getByRole('heading', { name: 'Inloggen' })).toBeVisible();

  await new LoginPage(tab).logIn(login);
  await expect(survey.heading()).not.toHaveText('Inloggen');
  await survey.waitUntilNothingPending();
  const firstAnswers = await serverAnswers(tab);
  for (const group of [...sent, ...queued]) expect(Object.keys(firstAnswers), group).toContain(questionOf(group));
});

test('a cold load transfers under 130 KB, compressed', async ({ browser, server }) => {
  const { viewport, isMobile, hasTouch, deviceScaleFactor } = test.info().project.use;
  const load = await measureColdLoad(browser, server.url, { viewport, isMobile, hasTouch, deviceScaleFactor });
  test.info().annotations.push({ type: 'cold load', description: `${load.wireBytes} bytes on the wire` });
  expect(load.wireBytes).toBeLessThan(130 * 1024);
  const files = load.requests.filter((r) => r.by === 'page' && /\.(js|css)$|^\/$/.test(r.url));
  expect(files.map((r) => r.url)).toEqual(expect.arrayContaining(['/', expect.stringMatching(/^\/assets\/.+\.js$/), expect.stringMatching(/^\/assets\/.+\.css$/)]));
  for (const r of files) expect(r.encoding, r.url).toBe('br');
});
