// Seeds an empty database with the demo population and label files.
import type { Repos } from '../db/index.ts';
import type { Keyer } from '../services/common/keys.ts';
import { replacePopulation } from '../services/population/records.ts';
import { importModule } from '../services/survey/definitions.ts';
import { loadQuestionnaires } from '../../questionnaire/index.ts';
import { DEMO_MODULE_BRIN, demoModule } from './demo-module.ts';
import { DEMO_INSTITUTIONS, DEMO_PEILDATUM, demoLabels, demoPopulation, type DemoStudent } from './demo-data.ts';

export interface DemoLogin {
  school: string;
  surname: string;
  birthDate: string; // dd-mm-jjjj
  note: string;
}

export function seedDemo(repos: Repos, keyer: Keyer, now = new Date()): { students: number; labelRows: number } {
  if (repos.population.count() > 0) throw new Error('the database already holds a population; seed-demo only fills an empty database');
  const population = demoPopulation();
  const labels = demoLabels(population);
  let labelRows = 0;
  repos.transaction(() => {
    replacePopulation(repos, keyer, DEMO_PEILDATUM, population, now);
    const fileDate = '20240115';
    for (const [brin, rows] of labels) {
      repos.labels.addFile(
        { brin, fileName: `${brin}_Jobmonitor_${fileDate}.xlsx`, fileDate, receivedAt: now.toISOString() },
        rows.map((r) => ({ pgnKey: keyer.pgn(r.pgn), bedrijfsgroep: r.bedrijfsgroep, respons: r.respons, analyse: r.analyse })),
      );
      labelRows += rows.length;
    }
    const text = JSON.stringify(demoModule);
    importModule(repos, loadQuestionnaires(), { brin: DEMO_MODULE_BRIN, text, fileName: 'demo-module.json', now });
  });
  return { students: population.length, labelRows };
}

/** Seeds the demo when the database holds no population yet; null when it does. */
export const seedDemoIfEmpty = (repos: Repos, keyer: Keyer, now = new Date()) => (repos.population.count() === 0 ? seedDemo(repos, keyer, now) : null);

const typed = (s: DemoStudent) => (s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');

/** A few demo students to try, the same every time. */
export function demoLogins(count = 4): DemoLogin[] {
  const population = demoPopulation();
  const names = new Map<string, string>(DEMO_INSTITUTIONS.map((i) => [i.brin, i.name]));
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
  return picks.map((s) => ({
    school: names.get(s.brin)!,
    surname: typed(s),
    birthDate: ddmmyyyy(s.geboortedatum),
    note: `${s.leerweg}, niveau ${s.niveau}`,
  }));
}
