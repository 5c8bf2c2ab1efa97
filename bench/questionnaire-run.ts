// Benchmark: median time of a scripted run-through of the full questionnaire in Chromium (desktop viewport),
// from pressing Start to the thank-you page. Two routes: the shortest (BOL, no internship, no online lessons)
// as the baseline, and the longest (BBL with workplace, online lessons, discrimination follow-ups and the demo
// school's own questions). Prints a table and writes bench/results/questionnaire-run.json.
// Usage: npm run bench:questionnaire [-- --runs 5]
import { chromium, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../test/support/browser.ts';
import { startServer, removeDataDir } from '../test/e2e/server.ts';
import { LoginPage } from '../test/e2e/pages/login-page.ts';
import { SurveyPage } from '../test/e2e/pages/survey-page.ts';
import { DEMO_INSTITUTIONS, demoPopulation, type DemoStudent } from '../server/demo/demo-data.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.min(20, Math.max(1, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5));

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
    choose: { 'Loop je dit schooljaar stage': 'Ja, nu', 'online of hybride les gehad': 'Ja, vaak', 'Ben je bij het zoeken naar je leerbedrijf': 'Ja', 'Gebruik je de Noordwaarts-app': 'Ja' },
  },
];

const population = demoPopulation();
const names = new Map<string, string>(DEMO_INSTITUTIONS.map((i) => [i.brin, i.name]));
const used = new Set<DemoStudent>();
function nextStudent(pick: (s: DemoStudent) => boolean) {
  const s = population.find(
    (p) => !used.has(p) && pick(p) && population.filter((o) => o.brin === p.brin && o.geboortedatum === p.geboortedatum && o.achternaam === p.achternaam).length === 1,
  )!;
  used.add(s);
  return { school: names.get(s.brin)!, surname: s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam, birthDate: s.geboortedatum.split('-').reverse().join('-') };
}

async function runOnce(browser: Browser, baseURL: string, route: Route): Promise<{ ms: number; pages: number; answered: number }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const survey = new SurveyPage(page);
  await new LoginPage(page).logIn(nextStudent(route.pick));
  await survey.heading().waitFor();
  const t0 = performance.now();
  await survey.start();
  let pages = 0;
  let answered = 0;
  while (!(await survey.onFinish())) {
    await survey.heading().waitFor();
    for (const [question, option] of Object.entries(route.choose)) {
      const q = page.locator('.question', { hasText: question });
      if ((await q.count()) > 0) {
        await survey.choose(q, option);
        answered++;
      }
    }
    answered += await survey.answerPage();
    await survey.next();
    pages++;
  }
  await survey.submit();
  await page.getByRole('heading', { name: 'Bedankt voor het invullen!' }).waitFor();
  const ms = performance.now() - t0;
  await context.close();
  return { ms, pages, answered };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions());
const results: { route: string; runs: number; medianMs: number; minMs: number; maxMs: number; pages: number; answered: number; ratio: number }[] = [];
try {
  // One warm-up run so the first measured run does not pay for cold caches.
  await runOnce(browser, server.url, routes[0]!);
  // Interleave the routes so machine load affects both alike.
  const times = routes.map(() => [] as { ms: number; pages: number; answered: number }[]);
  for (let i = 0; i < RUNS; i++) for (const [r, route] of routes.entries()) times[r]!.push(await runOnce(browser, server.url, route));
  const base = median(times[0]!.map((x) => x.ms));
  for (const [r, route] of routes.entries()) {
    const ms = times[r]!.map((x) => x.ms);
    results.push({
      route: route.name,
      runs: ms.length,
      medianMs: Math.round(median(ms)),
      minMs: Math.round(Math.min(...ms)),
      maxMs: Math.round(Math.max(...ms)),
      pages: times[r]![0]!.pages,
      answered: times[r]![0]!.answered,
      ratio: Number((median(ms) / base).toFixed(2)),
    });
  }
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
}

console.log(`Scripted run-through of the questionnaire in Chromium (desktop), ${RUNS} runs per route`);
console.table(results.map((r) => ({ route: r.route, pages: r.pages, 'answers clicked': r.answered, 'median s': (r.medianMs / 1000).toFixed(1), 'min s': (r.minMs / 1000).toFixed(1), 'max s': (r.maxMs / 1000).toFixed(1), 'x baseline': r.ratio })));
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'questionnaire-run.json'), JSON.stringify({ at: new Date().toISOString(), runs: RUNS, results }, null, 2) + '\n');
