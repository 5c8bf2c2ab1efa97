// The survey as the student fills it in: the server snapshot, the merged answers, the step they are on,
// and answers not yet acknowledged by the server (kept across reloads, bound to one response).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AnswerValue, Answers } from '../../../../questionnaire/answers.ts';
import type { SurveyState } from '../../../../server/api/contract.ts';

export interface PendingAnswer {
  value: AnswerValue | null;
  seq: number;
  changedAt: string;
}

export type Step = { kind: 'intro' } | { kind: 'page'; pageId: string } | { kind: 'finish' };
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

interface SurveyStore {
  snapshot: SurveyState | null;
  answers: Answers;
  step: Step;
  saveStatus: SaveStatus;
  /** Persisted: which response the pending answers belong to. */
  ref: string | null;
  pending: Record<string, PendingAnswer>;
  lastSeq: number;

  surveyLoaded: (s: SurveyState) => void;
  answerChanged: (questionId: string, value: AnswerValue | null) => void;
  answersAcknowledged: (acks: { questionId: string; seq: number }[]) => void;
  stepChanged: (step: Step) => void;
  saveStatusChanged: (s: SaveStatus) => void;
  surveyClosed: () => void;
}

/** Sequence numbers grow with time, so across two devices the later change wins. */
function nextSeq(last: number): number {
  return Math.max(Date.now() * 1000, last + 1);
}

export const useSurveyStore = create<SurveyStore>()(
  persist(
    (set, get) => ({
      snapshot: null,
      answers: {},
      step: { kind: 'intro' },
      saveStatus: 'idle',
      ref: null,
      pending: {},
      lastSeq: 0,

      surveyLoaded: (s) => {
        const pending = get().ref === s.ref ? get().pending : {};
        const answers: Answers = {};
        for (const [id, a] of Object.entries(s.answers)) answers[id] = a.value;
        // Unsent local answers are newer than what the server has, unless the server holds a later one.
        for (const [id, p] of Object.entries(pending)) {
          const server = s.answers[id];
          if (!server || server.seq < p.seq) answers[id] = p.value;
        }
        const step: Step = s.currentPage ? { kind: 'page', pageId: s.currentPage } : { kind: 'intro' };
        set({ snapshot: s, answers, pending, ref: s.ref, step });
      },
      answerChanged: (questionId, value) => {
        const seq = nextSeq(get().lastSeq);
        set((st) => ({
          answers: { ...st.answers, [questionId]: value },
          pending: { ...st.pending, [questionId]: { value, seq, changedAt: new Date().toISOString() } },
          lastSeq: seq,
        }));
      },
      answersAcknowledged: (acks) =>
        set((st) => {
          const pending = { ...st.pending };
          for (const a of acks) if (pending[a.questionId]?.seq === a.seq) delete pending[a.questionId];
          return { pending };
        }),
      stepChanged: (step) => set({ step }),
      saveStatusChanged: (saveStatus) => set({ saveStatus }),
      surveyClosed: () => set({ snapshot: null, answers: {}, pending: {}, ref: null, step: { kind: 'intro' }, saveStatus: 'idle' }),
    }),
    {
      name: 'jm.survey',
      version: 1,
      partialize: (s) => ({ ref: s.ref, pending: s.pending, lastSeq: s.lastSeq }),
    },
  ),
);

export const usePendingCount = () => useSurveyStore((s) => Object.keys(s.pending).length);
