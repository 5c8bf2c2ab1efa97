// Records the timing the cleaning rules judge: which step is on screen (page_shown / page_left) and
// when the page is hidden or visible again (a hidden tab or a locked phone is not active time).
import { useEffect } from 'react';
import { useSurveyStore } from './stores/survey-store.ts';
import { scheduleFlush } from './stores/sync.ts';

/** Install before the sync triggers: a hide records its event first, and the flush on hide sends it. */
export function installTimingTriggers(): () => void {
  const onVisibility = () => {
    const visible = document.visibilityState === 'visible';
    useSurveyStore.getState().eventRecorded(visible ? 'visible' : 'hidden');
    if (visible) scheduleFlush(); // hiding flushes at once (sync.ts)
  };
  document.addEventListener('visibilitychange', onVisibility);
  return () => document.removeEventListener('visibilitychange', onVisibility);
}

/** Marks a step as shown while mounted; target is a page id, or #intro / #finish. */
export function usePageTiming(target: string): void {
  useEffect(() => {
    const record = useSurveyStore.getState().eventRecorded;
    record('page_shown', target);
    if (document.visibilityState === 'hidden') record('hidden');
    scheduleFlush();
    return () => record('page_left', target);
  }, [target]);
}

export function PageTiming({ target }: { target: string }): null {
  usePageTiming(target);
  return null;
}
