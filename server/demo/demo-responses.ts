// The demo's responses: four weeks of clearly fake fieldwork in January 2024, so the response overview, the
// cleaning and the results show figures after `npm start`. Classes fill in together in one lesson; some classes
// have not yet, one team hardly did (its results are suppressed), and a few respondents answer too fast, in straight
// lines or hardly at all. Deterministic. The first students of each school, and the printed demo logins, are left
// without a response so they can still log in (the browser tests take students from the front too).
import type { Repos } from '../db/index.ts';
import type { Keyer } from '../services/common/keys.ts';
import { dayOf } from '../services/common/clock.ts';
import type { Definitions } from '../services/survey/definitions.ts';
import { startResponse } from '../services/survey/responses.ts';
import { rng, type DemoStudent } from './demo-data.ts';
import { fillIn, type Behaviour } from './demo-answers.ts';

/** Students at the front of each school's list that never get a demo response. */
export const FREE_STUDENTS_PER_SCHOOL = 300;

/** The fieldwork days: weekdays from Monday 8 January 2024 for four weeks. */
const DAYS = Array.from({ length: 26 }, (_, i) => new Date(Date.UTC(2024, 0, 8 + i))).filter((d) => d.getUTCDay() % 6 !== 0);
/** Version 2024-2 (the reworded corona question, "(nog)" for electives) from the third week. */
const SECOND_VERSION_FROM = Date.UTC(2024, 0, 22);

export interface DemoResponseCounts {
  started: number;
  completed: number;
}

/** Writes the demo responses in the caller's transaction; `keepFree` holds PGNs that get none. */
export function seedDemoResponses(repos: Repos, keyer: Keyer, definitions: Definitions, population: DemoStudent[], keepFree: ReadonlySet<string>): DemoResponseCounts {
  const rand = rng(20240108);
  const seen = new Map<string, number>();
  const sessions = new Map<string, { day: Date; hour: number; rate: number }>();
  const counts: DemoResponseCounts = { started: 0, completed: 0 };
  for (const s of population) {
    const index = seen.get(s.brin) ?? 0;
    seen.set(s.brin, index + 1);
    if (index < FREE_STUDENTS_PER_SCHOOL || keepFree.has(s.pgn)) continue;
    const student = repos.population.findCurrentByPgnKey(s.brin, keyer.pgn(s.pgn));
    if (!student) continue;
    const labels = repos.labels.currentFile(s.brin);
    const tags = labels ? repos.labels.labelsFor(labels.id, student.pgnKey) : undefined;
    // A class fills in together: one lesson per class (or per programme where the school has no labels).
    const classKey = `${s.brin}|${tags?.respons.join('|') ?? s.crebo}`;
    let session = sessions.get(classKey);
    if (!session) {
      const rates = [0, 0.3, 0.5, 0.65, 0.75, 0.85, 0.9];
      sessions.set(classKey, (session = { day: DAYS[Math.floor(rand() * DAYS.length)]!, hour: 7 + Math.floor(rand() * 7), rate: rates[Math.floor(rand() * rates.length)]! }));
    }
    const quietTeam = tags?.analyse[1] === 'Sector Zorg' && tags.analyse[2] === 'Team 5';
    const rate = quietTeam ? 0.04 : session.rate;
    const u = rand();
    const completes = u < rate;
    if (!completes && u > rate + 0.07) continue;

    const start = new Date(session.day.getTime() + session.hour * 3_600_000 + Math.floor(rand() * 20) * 60_000);
    const version = start.getTime() >= SECOND_VERSION_FROM ? '2024-2' : '2024-1';
    const b = rand();
    const behaviour: Behaviour = b < 0.05 ? 'too_fast' : b < 0.09 ? 'straight' : b < 0.13 ? 'sparse' : 'normal';
    const tendency = 2.6 + (tags?.analyse[0] === 'Locatie Haven' ? 0.5 : 0) + (s.brin === '97DM' ? 0.3 : 0) + rand() * 1.6;
    const id = startResponse(repos, definitions, version, student, start.toISOString());
    const def = definitions.withModule(version, repos.responses.get(id)!.moduleVersion);
    const pages = fillIn(def, { leerweg: s.leerweg, niveau: s.niveau }, rand, behaviour, tendency, completes ? Infinity : 1 + Math.floor(rand() * 4));

    // One save of everything at the end: the stored answers and timing are what page-by-page saves leave behind.
    let t = start.getTime();
    let n = 0;
    const tab = `demo${id}`;
    const answers: { questionId: string; value: unknown; seq: number; changedAt: string }[] = [];
    const events: { id: string; type: 'page_shown' | 'page_left'; target: string; clientAt: string }[] = [];
    for (const page of pages) {
      events.push({ id: `${tab}:${++n}`, type: 'page_shown', target: page.pageId, clientAt: new Date(t).toISOString() });
      t += page.seconds * 1000;
      const at = new Date(t).toISOString();
      for (const a of page.answers) answers.push({ questionId: a.questionId, value: a.value, seq: answers.length + 1, changedAt: at });
      events.push({ id: `${tab}:${++n}`, type: 'page_left', target: page.pageId, clientAt: at });
    }
    const end = new Date(t).toISOString();
    repos.responses.saveAnswers(id, answers, end);
    repos.timing.add(id, events, 0, end);
    if (pages.length) repos.responses.setPage(id, pages[pages.length - 1]!.pageId, end);
    repos.loginOutcomes.record(s.brin, dayOf(start), 'success');
    counts.started++;
    if (completes) {
      repos.responses.complete(id, new Date(t + 2000).toISOString());
      counts.completed++;
    }
  }
  seedLoginTrouble(repos, rand);
  return counts;
}

/** Failed logins beside the successful ones: mistyped names, twins asked to choose, a lock now and then, retries after completing. */
function seedLoginTrouble(repos: Repos, rand: () => number): void {
  for (const brin of ['99DM', '98DM', '97DM']) {
    for (const d of DAYS) {
      const day = dayOf(new Date(d.getTime() + 12 * 3_600_000));
      const outcomes = [
        ['not_found', Math.floor(rand() * 6)],
        ['ambiguous', Math.floor(rand() * 2)],
        ['locked', rand() < 0.15 ? 1 : 0],
        ['completed', Math.floor(rand() * 3)],
      ] as const;
      for (const [outcome, times] of outcomes) for (let i = 0; i < times; i++) repos.loginOutcomes.record(brin, day, outcome);
    }
  }
}
