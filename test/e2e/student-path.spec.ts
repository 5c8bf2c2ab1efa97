// The student's path end to end, on desktop and on a 360x640 phone (the two projects).
import { test, expect, expectAccessible, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';

test('a demo student completes the survey; a second login shows "already completed"', async ({ page, login }) => {
  test.slow(); // the full questionnaire with an axe check on each of its ~13 pages
  const loginPage = new LoginPage(page);
  const survey = new SurveyPage(page);
  await loginPage.open();
  await expectAccessible(page, 'login');
  await loginPage.fill(login);
  await loginPage.submit();

  await expect(survey.heading()).toHaveText('Welkom bij de JOB-monitor');
  await expectAccessible(page, 'intro');
  await survey.start();
  let pages = 0;
  while (!(await survey.onFinish())) {
    await expect(survey.heading()).toBeVisible();
    expect(await survey.answerPage()).toBeGreaterThan(0);
    await survey.expectNoHorizontalScroll();
    await expectAccessible(page, `theme page ${pages + 1}`);
    await survey.next();
    pages++;
  }
  expect(pages).toBeGreaterThanOrEqual(3);
  await expect(page.getByText('Je hebt alle vragen beantwoord.')).toBeVisible();
  await expectAccessible(page, 'finish');
  await survey.submit();
  await expect(survey.heading()).toHaveText('Bedankt voor het invullen!');
  await expectAccessible(page, 'thanks');

  // Logging in again, even from a fresh browser, never gives a second questionnaire.
  await page.context().clearCookies();
  await loginPage.logIn(login);
  await expect(survey.heading()).toHaveText('Je hebt de vragenlijst al ingevuld');
  await expect(page.getByText(/Je hebt de JOB-monitor ingevuld op \d+ \w+ \d{4}/)).toBeVisible();
  await expectAccessible(page, 'already completed');
});

test('an unfinished response resumes on the right page with its answers, on another device', async ({ page, browser, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  await survey.answerPage();
  await survey.next();
  const secondTitle = await survey.heading().textContent();
  await survey.answerPage();
  await survey.waitUntilSaved();

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await new LoginPage(page2).logIn(login);
  const survey2 = new SurveyPage(page2);
  await expect(survey2.heading()).toHaveText(secondTitle!);
  expect(await page2.locator('.question input:checked').count()).toBe(await page.locator('.question input:checked').count());
  await survey2.previous();
  expect(await page2.locator('.question input:checked').count()).toBeGreaterThan(0);
  await other.close();
});

test('the language switch keeps answers and position', async ({ page, login }) => {
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(login);
  await survey.start();
  await survey.answerPage();
  const checked = await page.locator('.question input:checked').count();
  const title = await survey.heading().textContent();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(survey.heading()).not.toHaveText(title!);
  expect(await page.locator('.question input:checked').count()).toBe(checked);
  await expectAccessible(page, 'theme page in English');

  await survey.next();
  await survey.previous();
  expect(await page.locator('.question input:checked').count()).toBe(checked);
  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(survey.heading()).toHaveText(title!);
});

test('a failed login explains what to check without saying which field was wrong', async ({ page }) => {
  const login = takeStudent();
  const loginPage = new LoginPage(page);
  await loginPage.logIn({ ...login, birthDate: '01-01-1990' });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('We kunnen je niet vinden met deze gegevens.');
  await expect(alert).toContainText('spelling van je achternaam');
  await expect(alert).toContainText('@');
  await expectAccessible(page, 'login error');
});
