// Benchmark: how many screens of scrolling each survey page takes on a 360x640 phone (Chromium, touch, 2x),
// on the shortest and the longest route, every question answered (routing adds follow-up questions when answered).
// A page's screens are its document height over the viewport height. Prints a table and writes
// bench/results/phone-screens.json.
// Usage: npx tsx bench/phone-screens.ts
import { chromium, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../test/support/browser.ts';
import { startServer, removeDataDir } from '../test/e2e/server.ts';
import { LoginPage } from '../test/e2e/pages/login-page.ts';
import { SurveyPage } from '../test/e2e/pages/survey-page.ts';
import { DEMO_INSTITUTIONS, demoPopulation, type DemoStudent } from '../server/demo/demo-data.ts';

interface Route {
  name: string;
  pick: (s: DemoStudent) => boolean;
  choose: Record<string, string>;
}
const routes: Route[] = [
  { name: 'shortest (BOL, no bpv, no online)', pick: (s) => s.brin === '98DM' && s.leerweg === 'BOL', choose: {} },
  {
    name: 'longest (BBL, bpv, online, module)',
    pick: (s) => s.brin === '99DM' && s.leerweg === 'BBL',
    choose: { 'Loop je dit schooljaar stage': 'Ja, nu', 'online of hybride les gehad': 'Ja, vaak', 'Ben je bij het zoeken naar je leerbedrijf': 'Ja', 'Gebruik je de Noordwaarts-app': 'Ja', 'gepest, bedreigd': 'Ja' },
  },
];

const population = demoPopulation();
const names = new Map<string, string>(DEMO_INSTITUTIONS.map((i) => [i.brin, i.name]));
function student(pick: (s: DemoStudent) => boolean) {
  const s = population.find((p) => pick(p) && population.filter((o) => o.brin === p.brin && o.geboortedatum === p.geboortedatum && o.achternaam === p.achternaam).length === 1)!;
  return { school: names.get(s.brin)!, surname: s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam, birthDate: s.geboortedatum.split('-').reverse().join('-') };
}

async function walk(browser: Browser, baseURL: string, route: Route): Promise<{ page: string; screens: number }[]> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL' });
  const page = await context.newPage();
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(student(route.pick));
  await survey.heading().waitFor();
  await survey.start();
  const out: { page: string; screens: number }[] = [];
  while (!(await survey.onFinish())) {
    await survey.heading().waitFor();
    for (const [question, option] of Object.entries(route.choose)) {
      const q = page.locator('.question', { hasText: question });
      if ((await q.count()) > 0) await survey.choose(q, option);
    }
    await survey.answerPage();
    const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
    out.push({ page: (await survey.heading().textContent())!, screens: Number(screens.toFixed(2)) });
    const title = await survey.heading().textContent();
    await survey.next();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t, title);
  }
  await context.close();
  return out;
}

const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const results: { route: string; pages: { page: string; screens: number }[]; screens: number; screensRoundedUp: number }[] = [];
try {
  for (const route of routes) {
    const pages = await walk(browser, server.url, route);
    results.push({
      route: route.name,
      pages,
      screens: Number(pages.reduce((n, p) => n + p.screens, 0).toFixed(1)),
      screensRoundedUp: pages.reduce((n, p) => n + Math.ceil(p.screens), 0),
    });
  }
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
}

for (const r of results) {
  console.log(`\n${r.route}: ${r.pages.length} pages, ${r.screens} screens (${r.screensRoundedUp} rounded up per page)`);
  console.table(r.pages);
}
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'phone-screens.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n');
