// The coordinator's and researcher's pages in the staff app, on desktop (1280x800) and a 360x640 phone: a label
// file refused and then accepted and confirmed, the response overview changing with it; an institution user never
// sees another institution's figures; every page axe-clean in Dutch and English without sideways scrolling.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures.ts';
import { startServer, removeDataDir } from './server.ts';
import { LabelFilePage, ResponseOverviewPage, ResultsPage, StaffLoginPage, menuLinks } from './pages/staff-pages.ts';
import { DEMO_STAFF } from '../../server/demo/demo-staff.ts';
import { demoLabels, demoPopulation } from '../../server/demo/demo-data.ts';
import { HEADER, labelRow, writeXlsx, type SheetRows } from '../support/label-files.ts';

const account = (role: string) => DEMO_STAFF.find((u) => u.role === role)!;

async function check(page: Page, what: string) {
  await expectAccessible(page, what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls horizontally`).toBeLessThanOrEqual(0);
}

/** 99DM's demo label file with location "Locatie Haven" renamed "Locatie Oost"; `faulty` spoils two rows. */
function labelFile(faulty: boolean): SheetRows {
  const rows = demoLabels(demoPopulation()).get('99DM')!.map((l) =>
    labelRow({ pgn: l.pgn, instelling: 'Demo ROC Noordwaarts (fictief)', bedrijfsgroep: l.bedrijfsgroep, respons: l.respons.map((r) => (r === 'Locatie Haven' ? 'Locatie Oost' : r)), analyse: l.analyse }),
  );
  if (faulty) {
    rows[2]![0] = '123456789'; // row 4 of the sheet: no valid BSN
    rows[4]![0] = rows[0]![0]!; // row 6: the PGN of row 2 again
  }
  return [HEADER, ...rows];
}

test.describe('a coordinator delivers a label file', () => {
  test('a faulty file is refused with its errors in the page; the fixed one, confirmed, changes the response overview', async ({ page }, info) => {
    test.setTimeout(180_000);
    // A server of its own: this test changes 99DM's labels, which the other tests of this worker read.
    const server = await startServer();
    const dir = mkdtempSync(join(tmpdir(), 'jm-e2e-labels-'));
    try {
      const faultyPath = join(dir, '99DM_Jobmonitor_20240201.xlsx');
      const fixedPath = join(dir, '99DM_Jobmonitor_20240202.xlsx');
      await writeXlsx(faultyPath, { Blad1: labelFile(true) });
      await writeXlsx(fixedPath, { Blad1: labelFile(false) });
      const base = server.url;
      await page.goto(`${base}/staff`);
      await new StaffLoginPage(page).signIn(account('institution').email, account('institution').password);

      const response = new ResponseOverviewPage(page);
      await page.goto(`${base}/staff/respons`);
      await expect(response.group('Locatie Haven')).toHaveCount(1);
      await expect(response.group('Locatie Oost')).toHaveCount(0);

      const labels = new LabelFilePage(page);
      await page.getByRole('link', { name: 'Labelbestand' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Labelbestand 99DM');
      await labels.choose(faultyPath);
      await labels.check();
      await expect(labels.verdict()).toContainText('Het bestand is geweigerd: 2 fouten. Er is niets veranderd.');
      expect(await labels.errors()).toEqual([
        ['4', 'A', 'Geen geldig BSN of onderwijsnummer (9 cijfers, elfproef). Een studentnummer is geen PGN.'],
        ['6', 'A', 'Dit PGN staat al in rij 2; elk PGN mag maar één keer voorkomen.'],
      ]);
      await expect(page.getByRole('button', { name: 'Bevestigen en opslaan' })).toHaveCount(0);
      await expect(page.getByRole('table', { name: 'Geweigerde bestanden' })).toContainText('99DM_Jobmonitor_20240201.xlsx');
      await check(page, 'label file refused');

      // The fixed file, dragged onto the page.
      await labels.drop('99DM_Jobmonitor_20240202.xlsx', readFileSync(fixedPath));
      await expect(page.getByText('Gekozen: 99DM_Jobmonitor_20240202.xlsx')).toBeVisible();
      await labels.check();
      await expect(labels.verdict()).toContainText('Het bestand is goedgekeurd. Er is nog niets opgeslagen');
      const wouldChange = page.locator('.facts-list div').filter({ hasText: 'Responsen die andere labels krijgen' }).locator('dd');
      await expect(wouldChange).toHaveText(/^[1-9][\d.]* van [\d.]+$/);
      await expect(labels.history().getByRole('row')).toHaveCount(2); // header + the demo file: nothing stored yet
      await check(page, 'label file accepted, waiting for the confirm');
      if (info.project.name === 'phone') await page.screenshot({ path: info.outputPath('label-check-phone.png'), fullPage: true });

      await labels.confirm();
      await expect(labels.verdict()).toContainText('Opgeslagen: dit is nu het actuele labelbestand.');
      await expect(labels.history().getByRole('row').nth(1)).toContainText('99DM_Jobmonitor_20240202.xlsx');
      await expect(labels.history().getByRole('row').nth(1)).toContainText('actueel');
      await check(page, 'label file stored');

      await page.getByRole('link', { name: 'Bekijk de respons' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Respons Demo ROC Noordwaarts (fictief)');
      await expect(response.group('Locatie Oost')).toHaveCount(1);
      await expect(response.group('Locatie Haven')).toHaveCount(0);
      await expect(page.getByText('Labelbestand: 99DM_Jobmonitor_20240202.xlsx')).toBeVisible();

      // The same check reports in English: a refused file and an accepted one, both axe-clean.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('link', { name: 'Label file', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Label file 99DM');
      await labels.choose(faultyPath);
      await labels.check();
      await expect(labels.verdict()).toContainText('The file is refused: 2 errors. Nothing was changed.');
      await check(page, 'label file refused (en)');
      await labels.choose(fixedPath);
      await labels.check();
      await expect(page.getByRole('button', { name: 'Confirm and store' })).toBeVisible();
      await check(page, 'label file accepted, waiting for the confirm (en)');
    } finally {
      await server.stop();
      removeDataDir(server.dataDir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('an institution user never sees another institution: no link, and the API answers 403', async ({ page }) => {
  const login = new StaffLoginPage(page);
  await login.open();
  await login.signIn(account('institution').email, account('institution').password);
  await expect(menuLinks(page)).toHaveText(['Klassessies', 'Respons', 'Labelbestand', 'Resultaten', 'Rekenhulp respons', 'Instellingen']);

  for (const path of ['/staff/respons', '/staff/resultaten', '/staff/labelbestand']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/99DM|Noordwaarts/);
    await expect(page.getByRole('main')).not.toContainText(/98DM|97DM|Zuidhaven|Groenrijk/);
    await expect(page.locator('a[href*="98DM"], a[href*="97DM"]')).toHaveCount(0);
    await expect(page.getByLabel('Instelling', { exact: true })).toHaveCount(0); // no institution to choose
  }

  for (const path of [
    '/api/staff/reports/response-overview/98DM',
    '/api/staff/reports/response-overview',
    '/api/staff/reports/results/98DM',
    '/api/staff/reports/export/98DM/data.csv',
    '/api/staff/labels/98DM/history',
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  }
  for (const path of ['/staff/respons/98DM', '/staff/resultaten/98DM', '/staff/labelbestand/98DM']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toHaveText('Je hebt geen toegang tot dit onderdeel.');
    await expect(page.getByRole('main')).not.toContainText(/\d+,\d%/); // not one figure
  }
  await check(page, 'another institution refused');
});

test('an observer has classroom sessions and the calculator, and no figures of any institution', async ({ page }) => {
  const login = new StaffLoginPage(page);
  await login.open();
  await login.signIn(account('observer').email, account('observer').password);
  await expect(menuLinks(page)).toHaveText(['Klassessies', 'Rekenhulp respons']);
  for (const path of ['/staff/respons', '/staff/resultaten', '/staff/labelbestand']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toHaveText('Je hebt geen toegang tot dit onderdeel.');
  }
  expect((await page.request.get('/api/staff/labels')).status()).toBe(403);
});

for (const lang of ['nl', 'en'] as const) {
  test(`every reporting page of an admin is accessible (${lang}), charts and tables included`, async ({ page }) => {
    test.setTimeout(150_000);
    const en = lang === 'en';
    const login = new StaffLoginPage(page);
    await login.open();
    await login.signIn(account('admin').email, account('admin').password);
    await expect(menuLinks(page)).toHaveText(['Klassessies', 'Respons', 'Labelbestand', 'Resultaten', 'Rekenhulp respons', 'Instellingen', 'Alle instellingen', 'Opschoning', 'Accounts']);
    if (en) await page.getByRole('button', { name: 'Switch to English' }).click();
    const response = new ResponseOverviewPage(page);
    const results = new ResultsPage(page);
    await response.open();
    await expect(page.getByRole('table', { name: en ? 'Response per institution and nationally' : 'Respons per instelling en landelijk' })).toBeVisible();
    await response.openChartTables();
    await expect(page.locator('.chart svg').first()).toBeVisible();
    await check(page, `national response (${lang})`);

    await page.getByRole('link', { name: 'Demo ROC Noordwaarts (fictief) (99DM)' }).click();
    await expect(response.group('Klas 1A').first()).toBeVisible();
    await response.openChartTables();
    await page.getByLabel(en ? 'Groups in the chart' : 'Groepen in de grafiek').selectOption({ index: 2 });
    await expect(page.locator('.bars li')).not.toHaveCount(0);
    await check(page, `institution response with charts (${lang})`);

    await page.getByRole('link', { name: en ? 'Label file' : 'Labelbestand', exact: true }).click();
    await expect(page.getByRole('table', { name: en ? 'Label file per institution' : 'Labelbestand per instelling' })).toContainText('Demo AOC Groenrijk (fictief)');
    await check(page, `label files of all institutions (${lang})`);
    await page.getByRole('link', { name: 'Demo Vakcollege Zuidhaven (fictief) (98DM)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en ? 'Label file 98DM' : 'Labelbestand 98DM');
    await expect(page.getByRole('table', { name: en ? /^Accepted label files/ : /^Geaccepteerde labelbestanden/ })).toContainText('98DM_Jobmonitor_20240115.xlsx');
    await check(page, `label file of one institution (${lang})`);

    await results.open('99DM');
    await results.breakDownBy(en ? 'Analysis label 3' : 'Analyselabel 3');
    await results.question('bpv_discriminatie_melding'); // a question few answer: small teams are suppressed
    await expect(results.table().getByText(en ? 'Not shown (privacy)' : 'Niet getoond i.v.m. AVG').first()).toBeVisible();
    // A suppressed cell shows no figure at all, not even n.
    for (const cell of await results.table().locator('td.suppressed').all()) {
      await expect(cell).toHaveAttribute('colspan', /\d+/);
      await expect(cell).toHaveText(en ? 'Not shown (privacy)' : 'Niet getoond i.v.m. AVG');
    }
    await expect(page.getByRole('link', { name: en ? 'Data file (CSV)' : 'Databestand (CSV)' })).toHaveAttribute('href', /\/api\/staff\/reports\/export\/99DM\/data\.csv/);
    await check(page, `results by analysis label 3 (${lang})`);
    await results.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en ? 'National results' : 'Resultaten landelijk');
    await check(page, `national results (${lang})`);

    await page.getByRole('link', { name: en ? 'Response calculator' : 'Rekenhulp respons' }).click();
    await page.getByRole('button', { name: en ? 'Calculate' : 'Berekenen' }).click();
    await expect(page.getByText(en ? 'Fill in the number of students, a whole number.' : 'Vul het aantal studenten in, een heel getal.')).toBeVisible();
    await check(page, `calculator with an error (${lang})`);
    await page.getByLabel(en ? 'Number of students in the group' : 'Aantal studenten in de groep').fill('30');
    await page.getByLabel(en ? 'Completed questionnaires (optional)' : 'Ingevulde vragenlijsten (mag leeg)').fill('20');
    await page.getByRole('button', { name: en ? 'Calculate' : 'Berekenen' }).click();
    await expect(page.getByText(en ? /Needed: 28 completed questionnaires of the 30/ : /Nodig: 28 ingevulde vragenlijsten van de 30/)).toBeVisible();
    await expect(page.getByText(en ? /± 12.9 percentage points/ : /± 12,9 procentpunt/)).toBeVisible();
    await check(page, `calculator (${lang})`);

    await page.getByRole('link', { name: en ? 'All institutions' : 'Alle instellingen' }).click();
    await expect(page.getByRole('table', { name: en ? 'Institutions with population, response and label file' : 'Instellingen met populatie, respons en labelbestand' })).toContainText(en ? 'no label file' : 'geen labelbestand');
    await check(page, `all institutions (${lang})`);
    await page.getByRole('link', { name: en ? 'Cleaning' : 'Opschoning' }).click();
    await expect(page.getByRole('table', { name: en ? 'Cleaning per institution' : 'Opschoning per instelling' })).toContainText(en ? 'National' : 'Landelijk');
    await check(page, `cleaning (${lang})`);
  });
}

test('the keyboard alone works the calculator, the results and a chart table', async ({ page }) => {
  const login = new StaffLoginPage(page);
  await login.open();
  await login.signIn(account('institution').email, account('institution').password);
  await page.getByRole('link', { name: 'Rekenhulp respons' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rekenhulp respons' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Aantal studenten in de groep')).toBeFocused();
  await page.keyboard.type('500');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nodig: 218 ingevulde vragenlijsten van de 500')).toBeVisible();

  await page.getByRole('link', { name: 'Resultaten' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultaten 99DM' })).toBeFocused();
  await page.getByLabel('Uitsplitsen naar').focus();
  await page.keyboard.press('ArrowDown'); // analysis label 1
  await expect(page.locator('.result table').first()).toContainText('Locatie Centrum');

  await page.getByRole('link', { name: 'Respons', exact: true }).focus();
  await page.keyboard.press('Enter');
  const summary = page.getByText('Toon de cijfers als tabel').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details.chart-table').first()).toHaveAttribute('open', '');
  // The table of figures can be scrolled by keyboard on a phone: its region takes the focus.
  await page.getByRole('region', { name: /^Respons per groep van/ }).focus();
  await expect(page.getByRole('region', { name: /^Respons per groep van/ })).toBeFocused();
});
