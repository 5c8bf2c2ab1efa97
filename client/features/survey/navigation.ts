// Moving between steps: saves what is pending, records the position on the server (later, when offline),
// moves focus to the new page's heading (so screen readers announce it) and scrolls to the top.
import { flush } from './stores/sync.ts';
import { useSurveyStore, type Step } from './stores/survey-store.ts';

export function goTo(step: Step): void {
  useSurveyStore.getState().stepChanged(step); // a page step is queued for the server like an answer
  void flush();
  requestAnimationFrame(() => {
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus();
  });
}
