// Timing for the cleaning rules: storing the browser's raw events with a clock correction, and deriving
// per response the active seconds (only while the page was visible), seconds per page, and how many
// questions were shown (routing included) and answered. deriveTiming is pure; timingSummary reads the db.
import type { Repos } from '../../db/index.ts';
import type { TimingEventRow, TimingEventWrite } from '../../db/timing.ts';
import type { TimingEvent } from '../../api/student.ts';
import { isAnswered, visibleQuestions, type AnswerValue, type Answers, type Questionnaire } from '../../../questionnaire/index.ts';

/** Server clock minus the browser's clock, measured on the request that carried the events. */
export function clockOffsetMs(sentAt: string | undefined, receivedAt: Date): number {
  if (!sentAt) return 0;
  const sent = Date.parse(sentAt);
  return Number.isFinite(sent) ? Math.round(receivedAt.getTime() - sent) : 0;
}

export function toEventWrites(events: TimingEvent[]): TimingEventWrite[] {
  return events.map((e) => ({ id: e.id, type: e.type, target: e.target ?? null, clientAt: e.at }));
}

/** Leeway on both ends of the event window, for clocks that drift between two requests. */
export const EVENT_LEEWAY_MS = 60_000;

/** What an event may refer to and when it may have happened (on the server's clock). */
export interface EventBounds {
  /** The response's start: no event of this survey happened before it. */
  fromMs: number;
  /** The request's receipt: no event happened after it. */
  toMs: number;
  /** Server clock minus the browser's, measured on this request. */
  offsetMs: number;
  pages: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

/** The steps of the survey the browser reports besides its pages: the intro and the finish screen. */
const STEP = /^#[a-z]{1,20}$/;

/** The ids a response's timing events may refer to: its definition's pages and questions. */
export function eventTargets(def: Questionnaire): Pick<EventBounds, 'pages' | 'questions'> {
  return { pages: new Set(def.pages.map((p) => p.id)), questions: new Set(def.pages.flatMap((p) => p.questions.map((q) => q.id))) };
}

/** Whether a time the browser sent, corrected by the offset, falls in the window. */
export function inWindow(at: string, b: Pick<EventBounds, 'fromMs' | 'toMs' | 'offsetMs'>): boolean {
  const t = Date.parse(at) + b.offsetMs;
  return Number.isFinite(t) && t >= b.fromMs - EVENT_LEEWAY_MS && t <= b.toMs + EVENT_LEEWAY_MS;
}

/**
 * The events that can be true: within the response's lifetime (start to receipt, clock offset included) and about
 * its own pages and questions. The others are left out rather than refused: a browser whose clock jumped between
 * recording and sending must still get its answers saved, and leaving an event out never adds time.
 */
export function boundEvents(events: TimingEvent[], b: EventBounds): { kept: TimingEventWrite[]; ignored: number } {
  const kept: TimingEventWrite[] = [];
  for (const e of events) {
    if (!inWindow(e.at, b)) continue;
    const target = e.target ?? null;
    if (e.type === 'page_shown' || e.type === 'page_left') {
      if (target === null || !(b.pages.has(target) || STEP.test(target))) continue;
    } else if (e.type === 'answer') {
      if (target === null || !b.questions.has(target)) continue;
    }
    kept.push({ id: e.id, type: e.type, target: e.type === 'hidden' || e.type === 'visible' ? null : target, clientAt: e.at });
  }
  return { kept, ignored: events.length - kept.length };
}

export interface TimingDerived {
  /** Seconds during which some page of the survey was on screen and visible; two tabs at once count once. */
  activeSeconds: number;
  /** Active seconds per page id. */
  pageSeconds: Record<string, number>;
  /** Per page, when it was first shown (server clock). */
  pageFirstShownAt: Record<string, string>;
  /** Per question, the last change (server clock). */
  lastChangeAt: Record<string, string>;
}

type Interval = [number, number];

/**
 * Replays each tab's events in the order the tab recorded them (the number after the colon). A page
 * counts from page_shown until page_left, another page_shown, or the tab's last event; time between
 * `hidden` and `visible` does not count. Times are corrected by each event's offset.
 */
export function deriveTiming(events: Pick<TimingEventRow, 'eventId' | 'type' | 'target' | 'clientAt' | 'offsetMs'>[]): TimingDerived {
  const tabs = new Map<string, { n: number; t: number; type: TimingEventRow['type']; target: string | null }[]>();
  for (const e of events) {
    const cut = e.eventId.lastIndexOf(':');
    const t = Date.parse(e.clientAt) + e.offsetMs;
    if (cut < 0 || !Number.isFinite(t)) continue;
    const tab = e.eventId.slice(0, cut);
    const list = tabs.get(tab) ?? [];
    list.push({ n: Number(e.eventId.slice(cut + 1)), t, type: e.type, target: e.target });
    tabs.set(tab, list);
  }

  const perPage = new Map<string, Interval[]>();
  const firstShown = new Map<string, number>();
  const lastChange = new Map<string, number>();
  for (const list of tabs.values()) {
    list.sort((a, b) => a.n - b.n);
    let page: string | null = null;
    let visible = true;
    let since = 0;
    for (const e of list) {
      if (page !== null && visible && e.t > since) {
        const spans = perPage.get(page) ?? [];
        spans.push([since, e.t]);
        perPage.set(page, spans);
      }
      if (e.type === 'page_shown' && e.target) {
        page = e.target;
        const first = firstShown.get(page);
        if (first === undefined || e.t < first) firstShown.set(page, e.t);
      } else if (e.type === 'page_left') page = null;
      else if (e.type === 'hidden') visible = false;
      else if (e.type === 'visible') visible = true;
      else if (e.type === 'answer' && e.target && e.t > (lastChange.get(e.target) ?? -Infinity)) lastChange.set(e.target, e.t);
      since = e.t;
    }
  }

  const pageSeconds: Record<string, number> = {};
  for (const [page, spans] of perPage) pageSeconds[page] = round(unionLength(spans) / 1000);
  const iso = (m: Map<string, number>) => Object.fromEntries([...m].map(([k, t]) => [k, new Date(t).toISOString()]));
  return {
    activeSeconds: round(unionLength([...perPage.values()].flat()) / 1000),
    pageSeconds,
    pageFirstShownAt: iso(firstShown),
    lastChangeAt: iso(lastChange),
  };
}

function unionLength(spans: Interval[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = [-Infinity, -Infinity];
  for (const [s, e] of sorted) {
    if (s > end) {
      if (end > start) total += end - start;
      [start, end] = [s, e];
    } else if (e > end) end = e;
  }
  if (end > start) total += end - start;
  return total;
}

const round = (x: number) => Math.round(x * 10) / 10;

export interface TimingSummary extends TimingDerived {
  responseId: number;
  questionsShown: number;
  questionsAnswered: number;
  events: number;
}

/** Counts over the questions routing shows this student, given their stored answers and background. */
export function countQuestions(def: Questionnaire, answers: Answers, context: { leerweg: string | null; niveau: number | null }) {
  const shown = visibleQuestions(def, answers, context);
  return { questionsShown: shown.length, questionsAnswered: shown.filter((q) => isAnswered(answers[q.id])).length };
}

export function createTimingService({ repos, questionnaires }: { repos: Repos; questionnaires: Map<string, Questionnaire> }) {
  return {
    /** The timing summary the cleaning rules judge; undefined for an unknown response. */
    timingSummary(responseId: number): TimingSummary | undefined {
      const r = repos.responses.get(responseId);
      const def = r && questionnaires.get(r.questionnaireVersion);
      if (!r || !def) return undefined;
      const answers: Answers = {};
      for (const a of repos.responses.answers(r.id)) answers[a.questionId] = a.value as AnswerValue | null;
      const events = repos.timing.events(r.id);
      return { responseId: r.id, ...deriveTiming(events), ...countQuestions(def, answers, r), events: events.length };
    },
  };
}
export type TimingService = ReturnType<typeof createTimingService>;
