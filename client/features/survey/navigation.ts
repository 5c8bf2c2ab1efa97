// Moving between steps: saves what is pending, records the position on the server, moves focus to the
// new page's heading (so screen readers announce it) and scrolls to the top.
import i18next from 'i18next';
import { savePage } from './api/survey.ts';
import { flush } from './stores/sync.ts';
import { useSurveyStore, type Step } from './stores/survey-store.ts';

export function goTo(step: Step): void {
  useSurveyStore.getState().stepChanged(step);
  void flush();
  if (step.kind === 'page') savePage(step.pageId, i18next.language).catch(() => undefined); // position is a convenience
  requestAnimationFrame(() => {
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus();
  });
}
