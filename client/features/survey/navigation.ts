// Moving between steps: saves what is pending, records the position on the server (later, when offline), gives every
// step a browser history entry (the back and forward buttons move between survey pages, never out of the survey),
// moves focus to the new page's heading or to the question asked for, and ignores taps on a new page for a moment,
// so the second tap of a double tap on "Volgende" never answers the next page's first question.
import { flush } from './stores/sync.ts';
import { useSurveyStore, type Step } from './stores/survey-store.ts';

/** Longer than the gap in a quick double tap, shorter than it takes to read a question. */
export const SETTLE_MS = 500;

/** A history entry of the survey: the step, for the response it belongs to (one tab may see two students). */
interface Entry {
  jmStep: Step;
  jmRef: string;
}

const entryOf = (state: unknown): Entry | null => {
  const e = state as Partial<Entry> | null;
  return e && e.jmStep && typeof e.jmRef === 'string' ? (e as Entry) : null;
};
const currentRef = () => useSurveyStore.getState().ref ?? '';

/** Goes to a step with a history entry of its own; `focusId` names a question or grid row to put focus on. */
export function goTo(step: Step, focusId?: string): void {
  history.pushState({ jmStep: step, jmRef: currentRef() } satisfies Entry, '');
  show(step, focusId);
}

function show(step: Step, focusId?: string): void {
  settle();
  useSurveyStore.getState().stepChanged(step); // a page step is queued for the server like an answer
  void flush();
  requestAnimationFrame(() => {
    const target = focusId ? document.getElementById(focusId) : null;
    if (target) return focusQuestion(target);
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus();
  });
}

/** Focus on the chosen answer of a question or row, else its first control, centred on screen. */
export function focusQuestion(el: HTMLElement): void {
  const control = el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, textarea, select');
  el.scrollIntoView({ block: 'center' });
  (control ?? el).focus({ preventScroll: true });
}

let settleTimer: ReturnType<typeof setTimeout> | undefined;
/** Pointer input on the page is ignored (CSS: [data-settling]) until SETTLE_MS after the new step's first frame. */
function settle(): void {
  const root = document.documentElement;
  root.dataset.settling = '';
  clearTimeout(settleTimer);
  requestAnimationFrame(() => {
    settleTimer = setTimeout(() => delete root.dataset.settling, SETTLE_MS);
  });
}

/**
 * Ties the browser history to the survey while it is shown. A fresh start makes the intro the survey's first entry
 * and the step the student resumes on the next one; a reload keeps the entries it had.
 */
export function installHistory(): () => void {
  const ref = currentRef();
  const here = entryOf(history.state);
  const step = useSurveyStore.getState().step;
  if (here?.jmRef === ref) {
    if (JSON.stringify(here.jmStep) !== JSON.stringify(step)) useSurveyStore.getState().stepChanged(here.jmStep);
  } else {
    history.replaceState({ jmStep: { kind: 'intro' }, jmRef: ref } satisfies Entry, '');
    if (step.kind !== 'intro') history.pushState({ jmStep: step, jmRef: ref } satisfies Entry, '');
  }
  const onPop = (e: PopStateEvent) => {
    const entry = entryOf(e.state);
    if (entry?.jmRef === currentRef()) show(entry.jmStep); // an entry of an earlier student in this tab is passed over
  };
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}
