// The survey with the keyboard alone, every student page through axe in English (Dutch: student-path),
// and the phone layout at 320 px: no horizontal scrolling, touch targets of at least 44 px.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';

interface Focused {
  tag: string;
  type: string;
  name: string;
  text: string;
  empty: boolean;
  groupAnswered: boolean;
  outline: string;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const group = el.name ? document.querySelector(`input[name="${CSS.escape(el.name)}"]:checked`) : null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName,
      type: el.type ?? '',
      name: el.name ?? '',
      text: (el.textContent ?? '').trim(),
      empty: 'value' in el ? el.value === '' : false,
      groupAnswered: group !== null,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });

interface InputLog {
  __jmClicks: Record<string, number>;
  __jmKeys: string[];
}

/** Counts the clicks that reach each radio group and keeps the last key events on form controls (for pressSpace). */
function recordInput(): void {
  const w = window as unknown as InputLog;
  w.__jmClicks = {};
  w.__jmKeys = [];
  const log = (e: Event) => {
    const el = e.target as HTMLInputElement;
    if (el.tagName !== 'INPUT') return;
    if (e.type === 'click') w.__jmClicks[el.name] = (w.__jmClicks[el.name] ?? 0) + 1;
    else w.__jmKeys = [...w.__jmKeys, `${e.type} ${(e as KeyboardEvent).key} ${el.name}`].slice(-6);
  };
  for (const type of ['keydown', 'keyup', 'click']) document.addEventListener(type, log, true);
}

/**
 * Presses Space on the focused option of radio group `name`; one option of the group must then be checked.
 * In one CI run (2 cores, both busy) a Space on a focused radio left its group unchecked for 10 s; it did not
 * happen again in 60 local runs, nor under CPU load. When the press made no click at all and focus is still on the
 * option, Space is pressed once more, as a student would, and the log says so. A click the page received without
 * checking the option, or focus that left it, fails the test.
 */
async function pressSpace(page: Page, name: string): Promise<void> {
  const checked = page.locator(`input[name="${name}"]:checked`);
  await page.keyboard.press('Space');
  try {
    await expect(checked).toHaveCount(1, { timeout: 3000 });
    return;
  } catch {
    // judged below
  }
  const state = await page.evaluate((n) => {
    const w = window as unknown as InputLog;
    const el = document.activeElement as HTMLInputElement | null;
    return { clicks: w.__jmClicks[n] ?? 0, focus: el ? `${el.tagName} ${el.name ?? ''}` : null, keys: w.__jmKeys, url: location.pathname };
  }, name);
  const detail = JSON.stringify(state);
  if (state.clicks > 0 || state.focus !== `INPUT ${name}`) throw new Error(`Space on ${name} left the group unchecked: ${detail}`);
  console.log(`keyboard test: Space on ${name} made no click; pressing it again (${detail})`);
  await page.keyboard.press('Space');
  await expect(checked, `Space pressed twice on ${name}`).toHaveCount(1);
}

/** Presses Tab until a button with this text has focus; fails after `max` presses. */
async function tabToButton(page: Page, text: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'BUTTON' && text.test(f.text)) return;
  }
  throw new Error(`no button ${text} within ${max} tabs`);
}

test('the whole survey can be finished with the keyboard alone', async ({ page, login }) => {
  await page.addInitScript(recordInput);
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await expect(survey.heading()).toHaveText('Welkom bij de JOB-monitor');
  await tabToButton(page, /^Beginnen$/);
  await page.keyboard.press('Enter');

  let pages = 0;
  let triedAllOptions = false;
  while (!(await survey.onFinish())) {
    const title = await survey.heading().textContent();
    for (let i = 0; ; i++) {
      expect(i, 'tab presses on one page').toBeLessThan(150);
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.tag === 'BUTTON' && /^(Volgende|Naar afronden)$/.test(f.text)) {
        await page.keyboard.press('Enter');
        break;
      }
      if (f.type === 'radio' && !f.groupAnswered) {
        expect(f.outline, 'visible focus').toMatch(/^solid [1-9]/);
        await pressSpace(page, f.name);
        if (!triedAllOptions) {
          // Every option of a group is reachable with the arrow keys and selected on the way.
          const count = await page.locator(`input[name="${f.name}"]`).count();
          for (let k = 1; k < count; k++) {
            await page.keyboard.press('ArrowRight');
            await expect(page.locator(`input[name="${f.name}"]`).nth(k)).toBeChecked();
          }
          triedAllOptions = true;
        }
      } else if (f.type === 'checkbox' && !f.groupAnswered) {
        await page.keyboard.press('Space');
      } else if ((f.tag === 'TEXTAREA' || f.type === 'text') && f.empty) {
        await page.keyboard.type((await page.evaluate(() => document.activeElement?.getAttribute('inputmode'))) === 'numeric' ? '12' : 'Prima.');
      }
    }
    await expect(survey.heading()).not.toHaveText(title!);
    pages++;
  }
  expect(pages).toBeGreaterThanOrEqual(3);
  await expect(page.getByText('Je hebt alle vragen beantwoord.')).toBeVisible();
  await tabToButton(page, /^Versturen$/);
  await page.keyboard.press('Enter');
  await expect(survey.heading()).toHaveText('Bedankt voor het invullen!');
});

test('every student page passes axe in English', async ({ page }) => {
  test.slow(); // walks the full questionnaire twice with an axe run on every page
  const login = takeStudent((s) => s.brin === '99DM');
  const loginPage = new LoginPage(page);
  const survey = new SurveyPage(page);
  await loginPage.open();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'login (en)');
  await loginPage.fill({ ...login, birthDate: '01-01-1990' });
  await loginPage.submit();
  await expect(page.getByRole('alert')).toContainText('We cannot find you');
  await expectAccessible(page, 'login error (en)');

  await loginPage.fill(login);
  await loginPage.submit();
  await expect(survey.heading()).toHaveText('Welcome to the JOB monitor');
  await expectAccessible(page, 'intro (en)');
  await survey.start();
  let pages = 0;
  while (!(await survey.onFinish())) {
    await expect(survey.heading()).toBeVisible();
    await expectAccessible(page, `theme page ${++pages} (en, unanswered)`);
    await survey.next();
  }
  await expect(page.getByText(/You left \d+ questions? open/)).toBeVisible();
  await expectAccessible(page, 'finish with open questions (en)');

  // Back to an open question from the list, answer everything, and finish.
  await page.getByRole('button', { name: /^Go to / }).first().click();
  await expect(page.getByRole('button', { name: /^(Next|To the end)$/ })).toBeVisible();
  while (!(await survey.onFinish())) {
    await survey.answerPage();
    await expectAccessible(page, 'theme page (en, answered)');
    await survey.next();
  }
  await expect(page.getByText('You have answered every question.')).toBeVisible();
  await survey.submit();
  await expect(survey.heading()).toHaveText('Thank you for taking part!');
  await expectAccessible(page, 'thanks (en)');

  await page.context().clearCookies();
  await loginPage.logIn(login);
  await expect(survey.heading()).toHaveText('You have already completed the questionnaire');
  await expectAccessible(page, 'already completed (en)');
});

test('at 320 px every page fits without horizontal scrolling and every target is at least 44 px', async ({ page, login }) => {
  test.skip(test.info().project.name !== 'phone', 'sets its own 320 px viewport: running it once, in the phone project, is enough');
  await page.setViewportSize({ width: 320, height: 640 });
  const survey = new SurveyPage(page);
  const check = async (where: string) => {
    await survey.expectNoHorizontalScroll();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main .choice, main button, main input[type="text"], main textarea, header button')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(({ el, r }) => `${el.textContent?.trim() || el.tagName} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small, `targets under 44 px on ${where}`).toEqual([]);
  };
  await new LoginPage(page).open();
  await check('login');
  await new LoginPage(page).logIn(login);
  await expect(survey.heading()).toHaveText('Welkom bij de JOB-monitor');
  await check('intro');
  await survey.start();
  while (!(await survey.onFinish())) {
    await expect(survey.heading()).toBeVisible();
    await survey.answerPage();
    await check(`page ${await survey.heading().textContent()}`);
    await survey.next();
  }
  await check('finish');
});
