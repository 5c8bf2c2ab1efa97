// The smaller things a student meets, on desktop and phone: open grid rows on the finish page with a link to each,
// progress whose total never grows, focus that goes where the student must act, a focus ring of at least 3:1,
// the header at 320 px in both languages, and the fixes of the login and survey details.
import type { Page } from '@playwright/test';
import { demoPopulation, DEMO_INSTITUTIONS } from '../../server/demo/demo-data.ts';
import { test, expect, expectAccessible, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';

/** "12 van 84 beantwoord" -> [12, 84] */
async function progress(page: Page): Promise<[number, number]> {
  const text = (await page.locator('.progress-text').textContent()) ?? '';
  const m = /(\d+) (?:van|of) (\d+) (?:beantwoord|answered)/.exec(text);
  expect(m, text).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

test('progress counts grid rows and its total never grows as routing opens pages', async ({ page }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(takeStudent((s) => s.brin === '99DM' && s.leerweg === 'BOL'));
  await survey.start();
  const [, total] = await progress(page);
  await survey.choose(page.locator('.question', { hasText: 'Loop je dit schooljaar stage' }), 'Ja, nu');
  await survey.choose(page.locator('.question', { hasText: 'In welk leerjaar' }), '1e jaar');
  expect(await progress(page)).toEqual([2, total]); // the internship page was already counted as possible
  await page.locator('.grid-row').first().locator('.choice').nth(2).click();
  expect(await progress(page)).toEqual([3, total]); // one row is one item
  let last = total;
  const seen: string[] = [];
  while (!(await survey.onFinish())) {
    seen.push((await survey.heading().textContent())!);
    const [, now] = await progress(page);
    expect(now, `total on ${seen.at(-1)}`).toBeLessThanOrEqual(last);
    last = now;
    await survey.next();
  }
  expect(seen).toContain('Je stage (bpv)');
});

test('the finish page lists the open rows of a grid, each with a link to it', async ({ page, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  await page.locator('#q-opleiding_oordeel-algemeen .choice').nth(3).click();
  while (!(await survey.onFinish())) await survey.next();

  const grid = page.locator('.open-list li li', { hasText: 'Wat vind je van je opleiding?' });
  const rows = grid.getByRole('button');
  await expect(rows).toHaveText(['Wat je leert in je opleiding', 'Hoe de opleiding je voorbereidt op je beroep', 'Hoe de opleiding je voorbereidt op een vervolgopleiding', 'Hoeveel uitdaging de opleiding je geeft']);
  await expect(page.locator('.open-list li li', { hasText: 'Wat vind je van de lessen in deze vakken?' })).toContainText('(5 onderdelen)');
  const open = Number(/nog (\d+) vragen/.exec((await page.getByText(/Je hebt nog \d+ vragen open gelaten/).textContent())!)![1]);
  const [answered, total] = await progress(page);
  expect(open).toBe(total - answered);
  await expectAccessible(page, 'finish with open rows');

  await rows.nth(2).click();
  await expect(survey.heading()).toHaveText('Je opleiding');
  const focused = page.locator('#q-opleiding_oordeel-vervolg input').first();
  await expect(focused).toBeFocused();
  await expect(focused).toBeInViewport();
});

test('focus goes to the failure, the twin question and the first answer in error; errors show in red', async ({ page }) => {
  const login = new LoginPage(page);
  await login.logIn({ ...takeStudent(), birthDate: '01-01-1990' });
  const alert = page.getByRole('alert');
  await expect(alert).toBeFocused();
  await expect(alert.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:.+@/);

  // Two students of one school share a birth date and a surname: the login asks for gender, with focus on it.
  const population = demoPopulation();
  const twin = population.find((s) => s.geslacht && population.some((o) => o !== s && o.brin === s.brin && o.geboortedatum === s.geboortedatum && o.achternaam === s.achternaam && o.geslacht !== s.geslacht))!;
  await login.fill({ school: DEMO_INSTITUTIONS.find((i) => i.brin === twin.brin)!.name, surname: twin.achternaam, birthDate: twin.geboortedatum.split('-').reverse().join('-') });
  await login.submit();
  await expect(page.getByLabel('Geslacht', { exact: true })).toBeFocused();

  await page.context().clearCookies();
  await login.logIn(takeStudent((s) => s.brin === '99DM'));
  const survey = new SurveyPage(page);
  await survey.start();
  await survey.next();
  await expect(page.getByText('Tel alleen de lessen die echt doorgingen, zonder stage.')).toBeVisible(); // the instruction, as on paper
  const hours = page.getByLabel('Hoeveel lesuren had je vorige week op school of online?');
  await hours.fill('999');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(hours).toBeFocused();
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(hours).toHaveCSS('border-top-color', 'rgb(176, 0, 32)');
  await expect(survey.heading()).toHaveText('Je lessen');
});

test('a school typed in full needs no pick from the list; "v.d." finds "van den"', async ({ page }) => {
  const s = takeStudent((x) => x.brin === '98DM' && ['van den', 'van der', 'van de'].includes(x.tussenvoegsel));
  await page.goto('/');
  await page.getByRole('combobox', { name: 'School' }).fill(s.school.toUpperCase());
  await page.getByLabel('Achternaam').fill(`v.d. ${s.student.achternaam}`);
  await page.getByLabel('Geboortedatum').fill(s.birthDate);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(new SurveyPage(page).heading()).toHaveText('Welkom bij de JOB-monitor');
});

test('the school list stays open for a student who leaves the field and comes straight back to type', async ({ page }) => {
  await page.goto('/');
  const school = page.getByRole('combobox', { name: 'School' });
  await school.fill('Noordwaarts');
  const option = page.getByRole('option', { name: 'Demo ROC Noordwaarts (fictief)' });
  await expect(option).toBeVisible();
  // Out to the surname and back within the moment the list takes to close after leaving the field.
  await page.getByLabel('Achternaam').focus();
  await school.focus();
  await school.fill('ROC Noord');
  await page.waitForTimeout(400); // past that moment: a close left over from leaving the field would have happened
  await expect(school).toHaveAttribute('aria-expanded', 'true');
  await option.click();
  await expect(school).toHaveValue('Demo ROC Noordwaarts (fictief)');
});

test('the thank-you page logs out; the app has an icon; the corona check asks lower or higher', async ({ page, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  while ((await survey.heading().textContent()) !== 'Rapportcijfers') await survey.next();
  await survey.choose(page.locator('.question', { hasText: 'je school?' }), '8');
  await expect(page.locator('.question', { hasText: 'coronacrisis' }).locator('.choice')).toHaveText(['Lager', 'Geen verschil', 'Hoger', 'Weet ik niet']);
  await survey.waitUntilSaved();
  await expect(page.locator('.actions .save-status')).toHaveText('Opgeslagen'); // beside the buttons too
  while (!(await survey.onFinish())) await survey.next();
  await survey.submit();
  await expect(survey.heading()).toHaveText('Bedankt voor het invullen!');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  expect((await page.request.get('/api/survey')).status()).toBe(401);

  const icon = await page.request.get((await page.locator('link[rel="icon"]').getAttribute('href'))!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
});

/** Contrast of the focused element's outline against what lies behind it (its own box when drawn inside it). */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(el);
    let behind: Element | null = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement;
    let bg = 'rgb(255, 255, 255)';
    for (; behind; behind = behind.parentElement) {
      const c = getComputedStyle(behind).backgroundColor;
      if (rgb(c)[3] !== 0 && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg))].sort((x, y) => y - x);
    const name = `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('name') || el.id || '').trim().slice(0, 30)}`;
    return { name, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, ratio: (a! + 0.05) / (b! + 0.05) };
  });
}

test('the focus ring has at least 3:1 contrast on everything a keyboard reaches', async ({ page, login }) => {
  test.skip(test.info().project.name !== 'desktop', 'a keyboard walk; the colours are the same on a phone');
  const check = async (where: string, stops: number) => {
    await page.locator('body').focus();
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      if (ring.name.startsWith('body')) break;
      expect(ring.visible, `${where}: ${ring.name}`).toBe(true);
      expect(ring.ratio, `${where}: ${ring.name}`).toBeGreaterThanOrEqual(3);
    }
  };
  await page.goto('/');
  await check('login', 12);
  await new LoginPage(page).logIn(login);
  const survey = new SurveyPage(page);
  await survey.start();
  await page.locator('.grid-row').first().locator('.choice').first().click();
  await check('survey page', 30);
});

test('at 320 px nothing scrolls sideways and the header fits, in Dutch and in English', async ({ page }) => {
  test.skip(test.info().project.name !== 'phone', 'sets its own 320 px viewport: once, in the phone project');
  test.slow(); // walks the questionnaire in both languages
  await page.setViewportSize({ width: 320, height: 640 });
  const survey = new SurveyPage(page);
  const fits = async (where: string) => {
    await survey.expectNoHorizontalScroll();
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('header *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.textContent),
    );
    expect(outside, `header parts outside the screen on ${where}`).toEqual([]);
  };
  for (const lang of ['nl', 'en'] as const) {
    await page.context().clearCookies();
    await page.goto(`/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await fits(`login (${lang})`);
    await new LoginPage(page).logIn(takeStudent((s) => s.brin === '99DM' && s.leerweg === 'BBL'));
    await expect(page.getByRole('button', { name: /^(Uitloggen|Log out)$/ })).toBeInViewport({ ratio: 1 });
    await fits(`intro (${lang})`);
    await survey.start();
    while (!(await survey.onFinish())) {
      await expect(survey.heading()).toBeVisible();
      if (lang === 'nl') await survey.answerPage();
      await fits(`${await survey.heading().textContent()} (${lang})`);
      await survey.next();
    }
    await fits(`finish (${lang})`);
    await page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).click();
  }
});
