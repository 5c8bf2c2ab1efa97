// Seeds an empty database with the demo population and label files.
import type { Repos } from '../db/index.ts';
import type { Keyer } from '../services/common/keys.ts';
import { replacePopulation } from '../services/population/records.ts';
import { makeBsn } from '../services/population/pgn.ts';
import { createDefinitions, importModule } from '../services/survey/definitions.ts';
import { runCleaningNow } from '../services/cleaning/cleaning-run.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { CURRENT_CLEANING_RULES_VERSION, loadCleaningRules } from '../../questionnaire/cleaning/index.ts';
import { DEMO_MODULE_BRIN, demoModule } from './demo-module.ts';
import { DEMO_INSTITUTIONS, DEMO_PEILDATUM, demoLabels, demoPopulation, type DemoLabel, type DemoStudent } from './demo-data.ts';
import { seedDemoResponses } from './demo-responses.ts';

export interface DemoLogin {
  school: string;
  surname: string;
  birthDate: string; // dd-mm-jjjj
  note: string;
}

export interface DemoSeed {
  students: number;
  labelRows: number;
  responses: { started: number; completed: number };
  cleaning: { judged: number; clean: number };
}

/** Label rows of students who left before the peildatum: in the school's file, but they cannot log in. */
const LEFT_BEFORE_PEILDATUM: DemoLabel[] = [1, 2, 3].map((k) => ({
  pgn: makeBsn(700_000_000 + k * 1000),
  bedrijfsgroep: null,
  respons: ['Locatie Centrum', 'Unit Zorg', 'Klas 1A'],
  analyse: ['Locatie Centrum', 'Sector Zorg', 'Team 1'],
}));

/**
 * Fills an empty database: the population, label files (99DM's with three rows of students who left), 99DM's own
 * questions, 98DM leaving bedrijfsgroep students out of its response overview, four weeks of responses, and a
 * cleaning run so results show figures.
 */
export function seedDemo(repos: Repos, keyer: Keyer, now = new Date()): DemoSeed {
  if (repos.population.count() > 0) throw new Error('the database already holds a population; seed-demo only fills an empty database');
  const population = demoPopulation();
  const labels = demoLabels(population);
  const questionnaires = loadQuestionnaires();
  const definitions = createDefinitions(repos, questionnaires);
  let labelRows = 0;
  const responses = repos.transaction(() => {
    replacePopulation(repos, keyer, DEMO_PEILDATUM, population, now);
    const fileDate = '20240115';
    for (const [brin, rows] of labels) {
      const all = brin === '99DM' ? [...rows, ...LEFT_BEFORE_PEILDATUM] : rows;
      repos.labels.addFile(
        { brin, fileName: `${brin}_Jobmonitor_${fileDate}.xlsx`, fileDate, receivedAt: now.toISOString() },
        all.map((r) => ({ pgnKey: keyer.pgn(r.pgn), bedrijfsgroep: r.bedrijfsgroep, respons: r.respons, analyse: r.analyse })),
      );
      labelRows += all.length;
    }
    const text = JSON.stringify(demoModule);
    importModule(repos, questionnaires, { brin: DEMO_MODULE_BRIN, text, fileName: 'demo-module.json', now });
    repos.institutions.setBedrijfsgroepInRespons('98DM', false);
    return seedDemoResponses(repos, keyer, definitions, population, new Set(demoLoginStudents().map((s) => s.pgn)));
  });
  const run = runCleaningNow({ repos, definitions, questionnaires, rules: loadCleaningRules(), now: () => now }, CURRENT_CLEANING_RULES_VERSION);
  return { students: population.length, labelRows, responses, cleaning: { judged: run.counts.judged, clean: run.counts.clean } };
}

/** Seeds the demo when the database holds no population yet; null when it does. */
export const seedDemoIfEmpty = (repos: Repos, keyer: Keyer, now = new Date()) => (repos.population.count() === 0 ? seedDemo(repos, keyer, now) : null);

const typed = (s: DemoStudent) => (s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');

/** The demo students whose logins are printed: the same every time, and never given a demo response. */
export function demoLoginStudents(count = 4): DemoStudent[] {
  const population = demoPopulation();
  const unique = (s: DemoStudent) =>
    population.filter((o) => o.brin === s.brin && o.geboortedatum === s.geboortedatum && o.achternaam === s.achternaam).length === 1;
  const picks: DemoStudent[] = [];
  const want: ((s: DemoStudent) => boolean)[] = [
    (s) => s.brin === '99DM' && !s.tussenvoegsel && !/[^A-Za-z]/.test(s.achternaam),
    (s) => s.brin === '99DM' && s.tussenvoegsel.includes(' '),
    (s) => s.brin === '98DM' && s.leerweg === 'BBL',
    (s) => s.brin === '97DM',
  ];
  for (const w of want.slice(0, count)) {
    const s = population.find((p) => w(p) && unique(p) && !picks.includes(p));
    if (s) picks.push(s);
  }
  return picks;
}

/** A few demo students to try, the same every time. */
export function demoLogins(count = 4): DemoLogin[] {
  const names = new Map<string, string>(DEMO_INSTITUTIONS.map((i) => [i.brin, i.name]));
  return demoLoginStudents(count).map((s) => ({
    school: names.get(s.brin)!,
    surname: typed(s),
    birthDate: ddmmyyyy(s.geboortedatum),
    note: `${s.leerweg}, niveau ${s.niveau}`,
  }));
}
