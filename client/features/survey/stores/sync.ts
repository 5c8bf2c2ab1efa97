// Sends pending answers and timing events to the server: debounced after a change, at once when a page
// is left or hidden, and again when the connection returns. One request at a time, so acknowledgements
// arrive in order; a failed request is retried with backoff and never loses the queue.
import i18next from 'i18next';
import { ApiError, NetworkError } from '../../../lib/api.ts';
import { useAppStore } from '../../../app/app-store.ts';
import { saveAnswers, savePage } from '../api/survey.ts';
import { useSurveyStore } from './survey-store.ts';

const DEBOUNCE_MS = 600;
const RETRY_MS = [1000, 2000, 5000, 10000, 20000];
// Well under the server's 64 KB body limit (and the browser's keepalive limit).
const ANSWERS_PER_REQUEST = 100;
const EVENTS_PER_REQUEST = 200;

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;
let failures = 0;

export function scheduleFlush(delay = DEBOUNCE_MS): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), delay);
}

const queued = () => {
  const s = useSurveyStore.getState();
  return Object.keys(s.pending).length > 0 || s.events.length > 0 || s.pageUnsent !== null;
};

/** Sends everything pending; resolves when the queue is empty or the network failed. */
export function flush(keepalive = false): Promise<void> {
  clearTimeout(timer);
  if (inFlight) return inFlight.then(() => (queued() ? flush(keepalive) : undefined));
  inFlight = send(keepalive).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function send(keepalive: boolean): Promise<void> {
  const store = useSurveyStore.getState();
  if (!store.snapshot || !queued()) return;
  const hasAnswers = Object.keys(store.pending).length > 0;
  if (hasAnswers) store.saveStatusChanged('saving');
  try {
    for (;;) {
      const st = useSurveyStore.getState();
      const answers = Object.entries(st.pending)
        .slice(0, ANSWERS_PER_REQUEST)
        .map(([questionId, p]) => ({ questionId, value: p.value, seq: p.seq, changedAt: p.changedAt }));
      const events = st.events.slice(0, EVENTS_PER_REQUEST);
      if (answers.length === 0 && events.length === 0) break;
      const res = await saveAnswers({ answers, events, sentAt: new Date().toISOString() }, i18next.language, keepalive);
      useSurveyStore.getState().answersAcknowledged(res.acknowledged);
      useSurveyStore.getState().eventsAcknowledged(events.map((e) => e.id));
      // An answer changed again while its save was under way stays pending with its newer seq: loop.
      if (answers.length < ANSWERS_PER_REQUEST && events.length < EVENTS_PER_REQUEST && !Object.keys(useSurveyStore.getState().pending).length) break;
    }
    const page = useSurveyStore.getState().pageUnsent;
    if (page !== null) {
      await savePage(page, i18next.language);
      useSurveyStore.getState().pageSent(page);
    }
    failures = 0;
    const was = useSurveyStore.getState().saveStatus;
    if (hasAnswers || was === 'offline' || was === 'error') useSurveyStore.getState().saveStatusChanged('saved');
  } catch (err) {
    if (err instanceof ApiError && err.is('already_completed')) {
      const at = err.details?.completedAt ?? new Date().toISOString();
      useSurveyStore.getState().surveyClosed();
      useAppStore.getState().completed(at, false);
      return;
    }
    if (err instanceof ApiError && err.is('no_session')) {
      useSurveyStore.getState().sessionEnded();
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
    if (document.visibilityState === 'hidden') void flush(true);
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onHide);
  };
}
