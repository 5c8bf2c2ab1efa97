// Sends pending answers to the server: debounced after a change, at once when a page is left, and again
// when the connection returns. One request at a time, so acknowledgements arrive in order.
import i18next from 'i18next';
import { ApiError, NetworkError } from '../../../lib/api.ts';
import { useAppStore } from '../../../app/app-store.ts';
import { saveAnswers } from '../api/survey.ts';
import { useSurveyStore } from './survey-store.ts';

const DEBOUNCE_MS = 600;
const RETRY_MS = [1000, 2000, 5000, 10000, 20000];

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;
let failures = 0;

export function scheduleFlush(delay = DEBOUNCE_MS): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), delay);
}

/** Sends everything pending; resolves when the queue is empty or the network failed. */
export function flush(): Promise<void> {
  clearTimeout(timer);
  if (inFlight) return inFlight.then(() => (Object.keys(useSurveyStore.getState().pending).length ? flush() : undefined));
  inFlight = send().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function send(): Promise<void> {
  const store = useSurveyStore.getState();
  const entries = Object.entries(store.pending);
  if (entries.length === 0 || !store.snapshot) return;
  store.saveStatusChanged('saving');
  try {
    for (let i = 0; i < entries.length; i += 200) {
      const batch = entries.slice(i, i + 200).map(([questionId, p]) => ({ questionId, value: p.value, seq: p.seq, changedAt: p.changedAt }));
      const res = await saveAnswers({ answers: batch }, i18next.language);
      useSurveyStore.getState().answersAcknowledged(res.acknowledged);
    }
    failures = 0;
    const left = Object.keys(useSurveyStore.getState().pending).length;
    useSurveyStore.getState().saveStatusChanged(left ? 'saving' : 'saved');
    if (left) scheduleFlush(0);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'already_completed') {
      const at = (err.details as { completedAt?: string } | undefined)?.completedAt ?? new Date().toISOString();
      useSurveyStore.getState().surveyClosed();
      useAppStore.getState().completed(at, false);
      return;
    }
    if (err instanceof ApiError && err.code === 'no_session') {
      useAppStore.getState().loggedOut('sessionEnded');
      return;
    }
    const offline = err instanceof NetworkError || (err instanceof ApiError && err.status >= 500);
    useSurveyStore.getState().saveStatusChanged(offline ? 'offline' : 'error');
    scheduleFlush(RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
  }
}

export function installSyncTriggers(): () => void {
  const onOnline = () => void flush();
  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onHide);
  };
}
