// One virtual student in a classroom wave, making the requests the browser makes in the order it makes them:
// the page load (index.html, its scripts and styles, the school list), the login (a mistyped one first for some,
// the twin question when asked), the survey, every answer and page change through the client's save queue
// (wave-sync.ts), now and then the tab hidden and shown again, and the submit once the queue is empty.
import { setTimeout as sleep } from 'node:timers/promises';
import { visiblePages } from '../questionnaire/routing.ts';
import type { Answers } from '../questionnaire/answers.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { LoginRequest, LoginResult, SurveyState } from '../server/api/student.ts';
import { changesFor, PAUSES } from './wave-answers.ts';
import { errorCode, type Answer, type WaveHttp } from './wave-http.ts';
import type { WaveStats } from './wave-stats.ts';
import { StudentSync } from './wave-sync.ts';

export interface WaveStudent {
  login: LoginRequest & { birthDate: string };
  /** Asked only when the login says there is a twin. */
  gender: NonNullable<LoginRequest['gender']>;
  initial: string;
  /** A first login as a student mistypes it: a letter swapped in the surname, or the wrong year. */
  mistyped?: LoginRequest;
}

export interface StudentRun {
  http: WaveHttp;
  stats: WaveStats;
  /** How much faster than real time every pause and client timer runs. */
  speed: number;
  rand: () => number;
  /** Files the built index.html loads (scripts, styles), fetched on every cold page load; none: no page load. */
  assets: string[];
  /** Ends the student's run early (the wave's time limit). */
  signal: AbortSignal;
  /** Chance per page that the student switches away and comes back (a locked phone, another tab). */
  awayPerPage?: number;
}

export type StudentOutcome = 'completed' | 'not completed' | 'stopped';

export async function runStudent(s: WaveStudent, index: number, run: StudentRun): Promise<StudentOutcome> {
  const { http, stats, speed, rand, signal } = run;
  // The time limit is checked after each pause (a listener per pause on one signal costs 2,000 students dearly).
  const think = async (meanSeconds: number) => {
    await sleep((meanSeconds * (0.5 + rand()) * 1000) / speed);
    signal.throwIfAborted();
  };
  /** A request the student repeats (clicks again) when it gets no answer or a server error, as the page lets them. */
  const retried = async (send: () => Promise<Answer>): Promise<Answer> => {
    for (let attempt = 1; ; attempt++) {
      const a = await send();
      if ((a.status !== 0 && a.status < 500) || attempt === 3) return a;
      stats.count('requests repeated by the student');
      await think(PAUSES.retypeLogin);
    }
  };
  const fail = (detail: string): StudentOutcome => {
    stats.error('flow', detail);
    return 'not completed';
  };
  let sync: StudentSync | undefined;
  try {
    // A fresh browser: the app shell, its files (as a browser, several at once) and the school list.
    if (run.assets.length > 0) {
      const load = (path: string) => http.call('page load', 'GET', path, { headers: { 'accept-encoding': 'br, gzip' }, discard: true });
      const loaded = [await retried(() => load('/')), ...(await Promise.all(run.assets.map((a) => retried(() => load(a)))))];
      if (loaded.some((a) => a.status !== 200)) return fail(`page load answered ${loaded.map((a) => a.status).join(', ')}`);
    }
    await retried(() => http.call('institutions', 'GET', '/api/institutions'));
    await think(PAUSES.typeLogin);

    if (s.mistyped) {
      const wrong = await retried(() => http.call('login', 'POST', '/api/login', { body: s.mistyped }));
      if (wrong.status === 401 && errorCode(wrong) === 'login_failed') stats.count('mistyped logins refused');
      else if (wrong.status === 200) {
        // The mistake happened to be someone else's details: the student sees another name and logs out.
        stats.count('mistyped logins that found someone else');
        await http.call('login', 'POST', '/api/logout', { cookie: cookieOf(wrong.headers) });
      } else return fail(`mistyped login answered ${wrong.status} ${errorCode(wrong) ?? ''}`);
      await think(PAUSES.retypeLogin);
    }
    let request: LoginRequest = s.login;
    let cookie: string | undefined;
    for (let attempt = 0; attempt < 3 && !cookie; attempt++) {
      const res = await retried(() => http.call('login', 'POST', '/api/login', { body: request }));
      if (res.status !== 200) return fail(`login answered ${res.status} ${errorCode(res) ?? ''}`);
      const result = JSON.parse(res.body) as LoginResult;
      if (result.status === 'ok') cookie = cookieOf(res.headers);
      else if (result.status === 'ambiguous') {
        stats.count('twin questions');
        await think(PAUSES.twinQuestion);
        request = result.ask === 'gender' ? { ...request, gender: s.gender } : { ...request, gender: s.gender, initial: s.initial };
      } else return fail(`login said ${result.status}`);
    }
    if (!cookie) return fail('login gave no session cookie');

    const res = await retried(() => http.call('survey', 'GET', '/api/survey', { cookie }));
    if (res.status !== 200) return fail(`survey answered ${res.status} ${errorCode(res) ?? ''}`);
    const state = JSON.parse(res.body) as SurveyState;
    const def = shared(state.questionnaire);
    const answers: Answers = Object.fromEntries(Object.entries(state.answers).map(([id, a]) => [id, a.value]));
    sync = new StudentSync(http, stats, cookie, speed, `w${index}`);
    const live = sync;

    /** goTo in navigation.ts, then the new step's timing (timing.ts): leave, send, show, send after the debounce. */
    const goTo = (from: string, to: string, pageId: string | null) => {
      live.stepChanged(pageId);
      void live.flush();
      live.eventRecorded('page_left', from);
      live.eventRecorded('page_shown', to);
      live.scheduleFlush();
    };

    live.eventRecorded('page_shown', '#intro');
    live.scheduleFlush();
    await think(PAUSES.intro);
    let pages = visiblePages(def, answers, state.context);
    let current = pages[0]!.page.id;
    goTo('#intro', current, current);
    for (;;) {
      await think(PAUSES.readPage);
      const done = new Set<string>();
      for (;;) {
        // Routing follows the answers live: a follow-up question can appear on the page being answered.
        const questions = visiblePages(def, answers, state.context).find((p) => p.page.id === current)?.questions ?? [];
        const q = questions.find((x) => !done.has(x.id));
        if (!q) break;
        done.add(q.id);
        for (const change of changesFor(q, rand)) {
          await think(change.pause);
          answers[q.id] = change.value;
          live.answerChanged(q.id, change.value);
          live.scheduleFlush();
        }
      }
      if (rand() < (run.awayPerPage ?? 0.03)) {
        // visibilitychange: hidden is recorded and sent at once, visible is recorded and sent after the debounce.
        live.eventRecorded('hidden');
        void live.flush();
        await think(PAUSES.away);
        live.eventRecorded('visible');
        live.scheduleFlush();
      }
      await think(PAUSES.beforeNext);
      pages = visiblePages(def, answers, state.context);
      const at = pages.findIndex((p) => p.page.id === current);
      const next = pages[at + 1]?.page.id;
      if (!next) break;
      goTo(current, next, next);
      current = next;
    }
    goTo(current, '#finish', null);
    await think(PAUSES.finish);

    // FinishPage.submit: wait until every answer is acknowledged, then submit (retried on a network failure).
    for (let tries = 0; ; tries++) {
      await live.flush();
      if (live.closedBy) return fail(`survey closed by the server: ${live.closedBy}`);
      if (live.pendingCount === 0) break;
      if (tries >= 10) return fail('answers still unacknowledged at submit');
      await think(PAUSES.beforeNext);
    }
    for (const wait of [1000, 3000, -1]) {
      const r = await http.call('submit', 'POST', '/api/survey/submit', { cookie });
      if (r.status === 200) return 'completed';
      if (r.status === 409 && errorCode(r) === 'already_completed') {
        // A submit whose answer was lost on the way already counted: the client takes this as success.
        stats.count('submit answered already_completed');
        return 'completed';
      }
      if ((r.status !== 0 && r.status < 500) || wait < 0) return fail(`submit answered ${r.status} ${errorCode(r) ?? ''}`);
      await sleep(wait / speed);
    }
    return fail('submit gave up');
  } catch (err) {
    if (signal.aborted) return 'stopped';
    throw err;
  } finally {
    sync?.stop();
  }
}

/** One copy of each questionnaire for all students: 2,000 copies would make the load generator's memory its bottleneck. */
const questionnaires = new Map<string, Questionnaire>();
function shared(q: Questionnaire): Questionnaire {
  const key = JSON.stringify(q);
  const known = questionnaires.get(key);
  if (known) return known;
  questionnaires.set(key, q);
  return q;
}

function cookieOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const set = headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  return first?.split(';')[0];
}
