// Logging in on a phone with the surname written the way students write it: tussenvoegsel after the name.
import { test, expect, expectAccessible, takeStudent } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { SurveyPage } from './pages/survey-page.ts';

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the issue asks for this login on a phone viewport; the desktop path is covered by student-path.spec.ts');
});

test('a student with a tussenvoegsel logs in as "Berg, van der" on a phone', async ({ page }) => {
  const s = takeStudent((x) => x.tussenvoegsel.includes(' ') && x.brin === '99DM');
  const loginPage = new LoginPage(page);
  await loginPage.open();
  await loginPage.fill({ ...s, surname: `${s.student.achternaam}, ${s.student.tussenvoegsel.toUpperCase()}` });
  await loginPage.submit();
  await expect(new SurveyPage(page).heading()).toHaveText('Welkom bij de JOB-monitor');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

test('a wrong birth date explains what to check and whom to contact, without saying which field was wrong', async ({ page }) => {
  const s = takeStudent((x) => !!x.tussenvoegsel && x.brin === '99DM');
  const loginPage = new LoginPage(page);
  await loginPage.open();
  await loginPage.fill({ ...s, surname: `${s.student.tussenvoegsel}${s.student.achternaam}`, birthDate: '01-01-1999' });
  await loginPage.submit();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('We kunnen je niet vinden met deze gegevens.');
  await expect(alert).toContainText('zoals die bij DUO staat');
  await expect(alert).toContainText('na 1 december');
  await expect(alert).toContainText('@');
  await expectAccessible(page, 'login failed');
});

test('after too many failures for one login the page says how long to wait', async ({ page }) => {
  const s = takeStudent((x) => x.brin === '99DM');
  const loginPage = new LoginPage(page);
  await loginPage.open();
  // A surname nobody in the demo has, so no other test's student is locked out. (takeStudent only lends the school.)
  await loginPage.fill({ ...s, surname: 'Niemandsland', birthDate: '01-01-1999' });
  const alert = page.getByRole('alert');
  const attempt = async (status: number) => {
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/login')), loginPage.submit()]);
    expect(res.status()).toBe(status);
  };
  // The same school, surname and birth date: locked after DEFAULT_THROTTLE.studentFailures (5) failures.
  for (let i = 0; i < 5; i++) {
    await attempt(401);
    await expect(alert).toContainText('We kunnen je niet vinden');
  }
  await attempt(429);
  await expect(alert).toHaveText('Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.');
  await expectAccessible(page, 'login locked');
});
