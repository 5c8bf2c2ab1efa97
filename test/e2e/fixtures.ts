// Playwright fixtures: one server per worker, a fresh demo student per test, axe checks.
import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { demoPopulation, DEMO_INSTITUTIONS, type DemoStudent } from '../../server/demo/demo-data.ts';
import { startServer, removeDataDir, type RunningServer } from './server.ts';

export interface Login {
  school: string;
  brin: string;
  surname: string;
  birthDate: string; // dd-mm-jjjj
  student: DemoStudent;
}

const population = demoPopulation();
const names = new Map<string, string>(DEMO_INSTITUTIONS.map((i) => [i.brin, i.name]));
/** Students whose (school, surname, birth date) is unique, so a login finds exactly one. */
const loginable = population.filter(
  (s) => population.filter((o) => o.brin === s.brin && o.geboortedatum === s.geboortedatum && o.achternaam === s.achternaam).length === 1,
);
// Students taken by this worker. A set rather than a cursor: a filtered take must not skip past students that
// a later take with another filter (another school) still needs.
const taken = new Set<DemoStudent>();

export function toLogin(s: DemoStudent): Login {
  return {
    school: names.get(s.brin)!,
    brin: s.brin,
    surname: s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam,
    birthDate: s.geboortedatum.split('-').reverse().join('-'),
    student: s,
  };
}

/** The next unused demo student of this worker matching the filter. */
export function takeStudent(filter: (s: DemoStudent) => boolean = () => true): Login {
  const s = loginable.find((x) => !taken.has(x) && filter(x));
  if (!s) throw new Error('ran out of demo students');
  taken.add(s);
  return toLogin(s);
}

export const test = base.extend<{ login: Login }, { server: RunningServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
      removeDataDir(server.dataDir);
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  login: async ({}, use) => use(takeStudent((s) => s.brin === '99DM')),
});

export async function expectAccessible(page: Page, context: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export { expect };
