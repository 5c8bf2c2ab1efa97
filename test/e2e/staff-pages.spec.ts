// Every staff page, on desktop (1280x800) and a 360x640 phone (the two projects): axe finds nothing, nothing
// scrolls sideways, and the keyboard alone signs in, starts a session and moves between pages. Each role sees
// the menu it may use; a page it may not use says so.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';
import { SessionsPage, StaffLoginPage } from './pages/staff-pages.ts';
import { DEMO_STAFF } from '../../server/demo/demo-staff.ts';

const account = (role: string) => DEMO_STAFF.find((u) => u.role === role)!;

async function noSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls horizontally`).toBeLessThanOrEqual(0);
}

async function check(page: Page, what: string) {
  await expectAccessible(page, what);
  await noSidewaysScroll(page, what);
}

test('every staff page of an admin is accessible, in Dutch and in English', async ({ page }) => {
  const login = new StaffLoginPage(page);
  await login.open();
  await check(page, 'staff login');
  await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
  await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
  await check(page, 'staff login with errors');
  await page.getByLabel('E-mailadres').fill(account('admin').email);
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of het wachtwoord klopt niet.');
  await check(page, 'staff login failed');
  await login.signIn(account('admin').email, account('admin').password);
  await check(page, 'classroom sessions');

  const session = await new SessionsPage(page).create('98DM', 'Klas 2B, wo 13:30');
  await expect(session.connection()).toHaveText(/^Live/);
  await check(page, 'session with live view');

  await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
  await page.getByLabel('Instelling').selectOption('99DM');
  await expect(page.getByLabel('Bedrijfsgroep meetellen in het responsoverzicht')).toBeVisible();
  await check(page, 'settings');
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('cell', { name: 'waarnemer' })).toBeVisible();
  await check(page, 'accounts');
  await page.goto('/staff/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await check(page, 'not found');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'To the classroom sessions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Classroom sessions');
  await page.getByRole('link', { name: 'Klas 2B, wo 13:30' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Live overview' })).toBeVisible();
  await check(page, 'session in English');
});

test('the keyboard alone signs in, starts a session and opens the menu pages', async ({ page }) => {
  const u = account('institution');
  await page.goto('/staff');
  // Each page puts the focus on its heading; the form follows it.
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen voor medewerkers' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
  await page.keyboard.type(u.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(u.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Klassessies' })).toBeFocused();

  // The institution user's only institution; a name; Enter starts the session.
  await page.getByLabel('Instelling').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Instelling')).toHaveValue('99DM');
  await page.keyboard.press('Tab');
  await page.keyboard.type('AZ2-1, do 9:00');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'AZ2-1, do 9:00' })).toBeFocused();
  await expect(page.locator('.code')).toHaveText(/^[A-HJKMNP-Z2-9]{6}$/);

  // Back to the list and on to the settings through the menu, by keyboard.
  await page.getByRole('link', { name: 'Klassessies', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Klassessies' })).toBeFocused();
  await page.getByRole('link', { name: 'Instellingen', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Demo ROC Noordwaarts (fictief)' })).toBeVisible();
  await page.getByLabel('Bedrijfsgroep meetellen in het responsoverzicht').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await check(page, 'settings of an institution user');
});

test('each role sees its own menu; an observer has no settings or figures, an institution user no accounts', async ({ page }) => {
  const login = new StaffLoginPage(page);
  await login.open();
  await login.signIn(account('observer').email, account('observer').password);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link')).toHaveText(['Klassessies', 'Rekenhulp respons']);
  await page.goto('/staff/accounts');
  await expect(page.getByRole('alert')).toHaveText('Je hebt geen toegang tot dit onderdeel.');
  await check(page, 'accounts refused to an observer');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen voor medewerkers');
  await login.open();
  await login.signIn(account('institution').email, account('institution').password);
  await expect(nav.getByRole('link')).toHaveText(['Klassessies', 'Respons', 'Labelbestand', 'Resultaten', 'Rekenhulp respons', 'Instellingen']);
  await expect(page.getByLabel('Instelling').locator('option')).toHaveText(['Kies een instelling', 'Demo ROC Noordwaarts (fictief) (99DM)']);
});
