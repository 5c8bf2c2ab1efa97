// The full questionnaire in Chromium, on desktop and phone: completed in Dutch and in English, with the routing
// real students meet (workplace or internship wording, online lessons) and the institution's own questions shown
// only to that institution's students. Also the printable questionnaire.
import { test, expect, expectAccessible, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';

/** Walks every page to the finish, answering everything; returns the page headings seen. */
async function completeAll(survey: SurveyPage, choose: Record<string, string> = {}): Promise<string[]> {
  const seen: string[] = [];
  while (!(await survey.onFinish())) {
    await expect(survey.heading()).toBeVisible();
    seen.push((await survey.heading().textContent())!);
    for (const [question, option] of Object.entries(choose)) {
      const q = survey.page.locator('.question', { hasText: question });
      if ((await q.count()) > 0) await survey.choose(q, option);
    }
    expect(await survey.answerPage()).toBeGreaterThan(0);
    await survey.next();
  }
  return seen;
}

test('a BBL student of the demo ROC completes the full questionnaire in Dutch, with the workplace block and the school questions', async ({ page }) => {
  test.slow(); // about 90 items on 13 pages
  const login = takeStudent((s) => s.brin === '99DM' && s.leerweg === 'BBL');
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  const seen = await completeAll(survey, { 'Loop je dit schooljaar stage': 'Ja, nu', 'online of hybride les gehad': 'Ja, vaak', 'Ben je bij het zoeken naar je leerbedrijf': 'Ja' });
  expect(seen).toContain('Je leerbedrijf (bpv)');
  expect(seen).not.toContain('Je stage (bpv)');
  expect(seen).toContain('Online en hybride lessen');
  expect(seen.at(-1)).toBe('Vragen van je school');
  expect(seen).toHaveLength(13);
  await expect(page.getByText('Je hebt alle vragen beantwoord.')).toBeVisible();
  await survey.submit();
  await expect(survey.heading()).toHaveText('Bedankt voor het invullen!');
});

test('a BOL student of another school completes it in English: internship wording, no school questions', async ({ page }) => {
  test.slow(); // about 90 items on 12 pages
  const login = takeStudent((s) => s.brin === '98DM' && s.leerweg === 'BOL');
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await survey.start();
  const seen = await completeAll(survey, { 'Are you doing an internship': 'Yes, now' });
  expect(seen).toContain('Your internship (work placement)');
  expect(seen).not.toContain('Your workplace (work placement)');
  expect(seen).not.toContain('Online and hybrid lessons');
  expect(seen).not.toContain('Questions from your school');
  expect(seen.at(-1)).toBe('Report grades');
  await survey.submit();
  await expect(survey.heading()).toHaveText('Thank you for taking part!');
});

test('the corona check appears only after a grade is given', async ({ page }) => {
  const login = takeStudent((s) => s.brin === '97DM');
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  while ((await survey.heading().textContent()) !== 'Rapportcijfers') await survey.next();
  const corona = page.locator('.question', { hasText: 'coronacrisis' });
  await expect(corona).toHaveCount(0);
  await survey.choose(page.locator('.question', { hasText: 'je opleiding?' }), 'Weet ik niet');
  await expect(corona).toHaveCount(0);
  await survey.choose(page.locator('.question', { hasText: 'je school?' }), '8');
  await expect(corona).toBeVisible();
  await expectAccessible(page, 'report grades with the corona check');
});

test('the printable questionnaire reads and prints without scripts, in both languages', async ({ page }) => {
  await page.goto('/vragenlijst/2024-2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('JOB-monitor 2024');
  await expect(page.locator('script')).toHaveCount(0);
  await expect(page.locator('.routing').first()).toHaveCSS('background-color', 'rgb(255, 246, 214)'); // the stylesheet loaded under the CSP
  await expect(page.getByText('Ik kan (nog) geen keuzedelen kiezen')).toBeVisible();
  await expectAccessible(page, 'printable questionnaire');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.meta a')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/vragenlijst\/2024-2\?lang=en$/);
  await expect(page.getByText("I can't choose electives (yet)")).toBeVisible();
});
