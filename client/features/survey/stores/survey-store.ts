// The survey as the student fills it in: the server snapshot, the merged answers, the step they are on,
// answers not yet acknowledged by the server and timing events not yet sent. Everything but the live
// save status survives a reload, bound to one response (`ref`), so the survey also reopens offline.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AnswerValue, Answers } from '../../../../questionnaire/answers.ts';
import type { SurveyState, TimingEvent } from '../../../../server/api/student.ts';
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
  /** The session ended: forget the survey shown, keep unsent answers for this response's next login. */
  sessionEnded: () => void;
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

export const useSurveyStore = create<SurveyStore>()(
  persist(
    (set, get) => ({
      ...closed,
      ref: null,
      pending: {},
      lastSeq: 0,
      events: [],
      pageUnsent: null,

      surveyLoaded: (s) => {
        const same = get().ref === s.ref;
        const pending = same ? get().pending : {};
        // A position this device moved to offline is newer than the server's.
        const unsent = same && s.questionnaire.pages.some((p) => p.id === get().pageUnsent) ? get().pageUnsent : null;
        const page = unsent ?? s.currentPage;
        const step: Step = page ? { kind: 'page', pageId: page } : { kind: 'intro' };
        storeSnapshot(s);
        set({ snapshot: s, answers: mergeAnswers(s.answers, pending), pending, ref: s.ref, step, events: same ? get().events : [], pageUnsent: unsent });
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
      stepChanged: (step) => set(step.kind === 'page' ? { step, pageUnsent: step.pageId } : { step }),
      pageSent: (pageId) => set((st) => (st.pageUnsent === pageId ? { pageUnsent: null } : {})),
      saveStatusChanged: (saveStatus) => set({ saveStatus }),
      sessionEnded: () => {
        dropSnapshot();
        set({ ...closed, events: [] });
      },
      surveyClosed: () => {
        dropSnapshot();
        set({ ...closed, pending: {}, ref: null, events: [], pageUnsent: null });
      },
    }),
    {
      name: 'jm.survey',
      version: 2,
      // The snapshot (with the questionnaire) is kept apart, written once per load, not on every change.
      partialize: (s) => ({ ref: s.ref, pending: s.pending, lastSeq: s.lastSeq, answers: s.answers, step: s.step, events: s.events, pageUnsent: s.pageUnsent }),
      // Version 1 kept only ref, pending and lastSeq: the rest starts empty.
      migrate: (old) => {
        const v1 = old as { ref?: string | null; pending?: Record<string, PendingAnswer>; lastSeq?: number };
        return { ref: v1.ref ?? null, pending: v1.pending ?? {}, lastSeq: v1.lastSeq ?? 0, answers: {}, step: { kind: 'intro' } as Step, events: [], pageUnsent: null };
      },
    },
  ),
);

export const usePendingCount = () => useSurveyStore((s) => Object.keys(s.pending).length);
