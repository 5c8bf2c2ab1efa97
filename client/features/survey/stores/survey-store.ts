// The survey as the student fills it in: the server snapshot, the merged answers, the step they are on,
// answers not yet acknowledged by the server and timing events not yet sent. Everything but the live
// save status survives a reload, bound to one response (`ref`), so the survey also reopens offline.
// On a shared device the queue of a student who left with unsent answers is parked under their `ref` when
// another student logs in, and taken up again when they log in: never sent under another student's session.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AnswerValue, Answers } from '../../../../questionnaire/answers.ts';
import type { SurveyState, TimingEvent } from '../../../../server/api/student.ts';
import { FINISH } from '../../../../questionnaire/progress.ts';
import { dropSnapshot, loadSnapshot, storeSnapshot } from './snapshot-cache.ts';

export interface PendingAnswer {
  value: AnswerValue | null;
  seq: number;
  changedAt: string;
}

export type Step = { kind: 'intro' } | { kind: 'page'; pageId: string } | { kind: 'finish' };
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/** Unsent events kept at most; beyond it the oldest go (timing is evidence, answers are the work). */
export const MAX_QUEUED_EVENTS = 2000;
/** Queues of other students kept on one device at most; beyond it the oldest go. */
export const MAX_PARKED = 100;

/** What waits for the server, per response. */
export interface Queue {
  pending: Record<string, PendingAnswer>;
  events: TimingEvent[];
  pageUnsent: string | null;
}
const emptyQueue: Queue = { pending: {}, events: [], pageUnsent: null };
/** This page load's id in event ids: events of one tab are ordered by their own counter. */
const TAB = Math.random().toString(36).slice(2, 12);
let eventCounter = 0;

interface SurveyStore {
  snapshot: SurveyState | null;
  answers: Answers;
  step: Step;
  saveStatus: SaveStatus;
  /** Which response the persisted answers, pending answers and events belong to. */
  ref: string | null;
  pending: Record<string, PendingAnswer>;
  lastSeq: number;
  events: TimingEvent[];
  /** A page moved to that the server has not heard of yet (moved while offline). */
  pageUnsent: string | null;
  /** Unsent queues of other responses on this device, by their ref. */
  parked: Record<string, Queue>;
  /** The furthest page this student has been on (FINISH once they reached the end): what progress counts as passed. */
  furthest: string | null;

  surveyLoaded: (s: SurveyState) => void;
  /** Reopens the survey from what this device kept, when the server cannot be reached. */
  resumedOffline: () => boolean;
  answerChanged: (questionId: string, value: AnswerValue | null) => void;
  answersAcknowledged: (acks: { questionId: string; seq: number }[]) => void;
  eventRecorded: (type: TimingEvent['type'], target?: string) => void;
  eventsAcknowledged: (ids: string[]) => void;
  stepChanged: (step: Step) => void;
  pageSent: (pageId: string) => void;
  saveStatusChanged: (s: SaveStatus) => void;
  /** The session ended (or the student logged out): forget the survey shown, keep unsent answers and events
   *  for this response's next login. */
  sessionEnded: () => void;
  /** The response is completed: nothing of it is kept. */
  surveyClosed: () => void;
}

/** Sequence numbers grow with time, so across two devices the later change wins; on one device they
 *  always grow, even when the clock is set back. */
export function nextSeq(last: number, nowMs = Date.now()): number {
  return Math.max(nowMs * 1000, last + 1);
}

/** Server answers merged with this device's unsent ones: the higher sequence number wins per question. */
export function mergeAnswers(server: SurveyState['answers'], pending: Record<string, PendingAnswer>): Answers {
  const answers: Answers = {};
  for (const [id, a] of Object.entries(server)) answers[id] = a.value;
  for (const [id, p] of Object.entries(pending)) {
    const s = server[id];
    if (!s || s.seq < p.seq) answers[id] = p.value;
  }
  return answers;
}

/** Acknowledged answers leave the queue only when the acknowledged seq is the one still queued. */
export function withoutAcknowledged(pending: Record<string, PendingAnswer>, acks: { questionId: string; seq: number }[]) {
  const out = { ...pending };
  for (const a of acks) if (out[a.questionId]?.seq === a.seq) delete out[a.questionId];
  return out;
}

const closed = { snapshot: null, answers: {}, step: { kind: 'intro' } as Step, saveStatus: 'idle' as SaveStatus };

const hasQueue = (q: Queue) => Object.keys(q.pending).length > 0 || q.events.length > 0 || q.pageUnsent !== null;

/** The later of two positions in the questionnaire's page order (FINISH is last). */
function later(s: SurveyState, a: string | null, b: string | null): string | null {
  const at = (p: string | null) => (p === FINISH ? Infinity : p === null ? -1 : s.questionnaire.pages.findIndex((x) => x.id === p));
  return at(a) >= at(b) ? a : b;
}

/** Parks `queue` under `ref`, the oldest parked queues going first beyond MAX_PARKED. */
function park(parked: Record<string, Queue>, ref: string, queue: Queue): Record<string, Queue> {
  const out = { ...parked };
  delete out[ref];
  out[ref] = queue;
  const refs = Object.keys(out);
  for (const old of refs.slice(0, Math.max(0, refs.length - MAX_PARKED))) delete out[old];
  return out;
}

export const useSurveyStore = create<SurveyStore>()(
  persist(
    (set, get) => ({
      ...closed,
      ref: null,
      pending: {},
      lastSeq: 0,
      events: [],
      pageUnsent: null,
      parked: {},
      furthest: null,

      surveyLoaded: (s) => {
        const st = get();
        const current: Queue = { pending: st.pending, events: st.events, pageUnsent: st.pageUnsent };
        const same = st.ref === s.ref;
        let parked = st.parked;
        // Another student's unsent work stays on this device, parked under their response, until they log in again.
        if (!same && st.ref !== null && hasQueue(current)) parked = park(parked, st.ref, current);
        const mine = same ? current : (parked[s.ref] ?? emptyQueue);
        if (s.ref in parked) {
          parked = { ...parked };
          delete parked[s.ref];
        }
        // A position this device moved to offline is newer than the server's.
        const unsent = s.questionnaire.pages.some((p) => p.id === mine.pageUnsent) ? mine.pageUnsent : null;
        const page = unsent ?? s.currentPage;
        const step: Step = page ? { kind: 'page', pageId: page } : { kind: 'intro' };
        storeSnapshot(s);
        set({
          snapshot: s,
          answers: mergeAnswers(s.answers, mine.pending),
          pending: mine.pending,
          events: mine.events,
          pageUnsent: unsent,
          ref: s.ref,
          step,
          parked,
          furthest: later(s, same ? st.furthest : null, page),
        });
      },
      resumedOffline: () => {
        const { ref } = get();
        const snapshot = ref ? loadSnapshot(ref) : null;
        if (!snapshot) return false;
        set({ snapshot, saveStatus: 'offline' });
        return true;
      },
      answerChanged: (questionId, value) => {
        const seq = nextSeq(get().lastSeq);
        set((st) => ({
          answers: { ...st.answers, [questionId]: value },
          pending: { ...st.pending, [questionId]: { value, seq, changedAt: new Date().toISOString() } },
          lastSeq: seq,
        }));
        get().eventRecorded('answer', questionId);
      },
      answersAcknowledged: (acks) => set((st) => ({ pending: withoutAcknowledged(st.pending, acks) })),
      eventRecorded: (type, target) => {
        if (!get().snapshot) return;
        const e: TimingEvent = { id: `${TAB}:${++eventCounter}`, type, at: new Date().toISOString(), ...(target ? { target } : {}) };
        set((st) => ({ events: [...st.events, e].slice(-MAX_QUEUED_EVENTS) }));
      },
      eventsAcknowledged: (ids) => {
        const sent = new Set(ids);
        set((st) => ({ events: st.events.filter((e) => !sent.has(e.id)) }));
      },
      stepChanged: (step) =>
        set((st) => {
          const at = step.kind === 'page' ? step.pageId : step.kind === 'finish' ? FINISH : null;
          const furthest = st.snapshot ? later(st.snapshot, st.furthest, at) : st.furthest;
          return step.kind === 'page' ? { step, pageUnsent: step.pageId, furthest } : { step, furthest };
        }),
      pageSent: (pageId) => set((st) => (st.pageUnsent === pageId ? { pageUnsent: null } : {})),
      saveStatusChanged: (saveStatus) => set({ saveStatus }),
      sessionEnded: () => {
        dropSnapshot();
        set({ ...closed });
      },
      surveyClosed: () => {
        dropSnapshot();
        set({ ...closed, pending: {}, ref: null, events: [], pageUnsent: null, furthest: null });
      },
    }),
    {
      name: 'jm.survey',
      version: 3,
      // The snapshot (with the questionnaire) is kept apart, written once per load, not on every change.
      partialize: (s) => ({
        ref: s.ref,
        pending: s.pending,
        lastSeq: s.lastSeq,
        answers: s.answers,
        step: s.step,
        events: s.events,
        pageUnsent: s.pageUnsent,
        parked: s.parked,
        furthest: s.furthest,
      }),
      // Version 1 kept only ref, pending and lastSeq: the rest starts empty. Version 2 had no parked queues.
      migrate: (old, version) => {
        const o = old as Partial<Pick<SurveyStore, 'ref' | 'pending' | 'lastSeq' | 'answers' | 'step' | 'events' | 'pageUnsent'>>;
        const base = { ref: o.ref ?? null, pending: o.pending ?? {}, lastSeq: o.lastSeq ?? 0, parked: {}, furthest: null };
        if (version < 2) return { ...base, answers: {}, step: { kind: 'intro' } as Step, events: [], pageUnsent: null };
        return { ...base, answers: o.answers ?? {}, step: o.step ?? ({ kind: 'intro' } as Step), events: o.events ?? [], pageUnsent: o.pageUnsent ?? null };
      },
    },
  ),
);

export const usePendingCount = () => useSurveyStore((s) => Object.keys(s.pending).length);
