// The national median of active seconds per page, over every completed questionnaire: each completed response's
// page times are derived once from its timing events and added to per-second counts (page_time_counts); medians
// are read from those counts. Kept fresh in small steps while someone watches a live view.
import type { Repos } from '../../db/index.ts';
import { deriveTiming } from '../survey/timing.ts';
import { medianOfCounts } from './page-clock.ts';

/** Page times of an hour or more count as an hour: the median is about the middle, not the tail. */
export const PAGE_TIME_CAP_S = 3600;
/** Responses derived per transaction, and at most per refresh; the event loop gets a turn between steps. */
const STEP = 50;
const MAX_PER_REFRESH = 2000;

export function createNationalPageTimes({ repos }: { repos: Repos }) {
  let medians = new Map<string, number | null>();
  let refreshing: Promise<number> | null = null;

  /** Counts up to `max` completed responses not counted yet; returns how many. */
  async function countPending(max = MAX_PER_REFRESH): Promise<number> {
    let counted = 0;
    while (counted < max) {
      const ids = repos.pageTimes.pending(Math.min(STEP, max - counted));
      if (ids.length === 0) break;
      const derived = ids.map((id) => {
        const seconds: Record<string, number> = {};
        for (const [page, s] of Object.entries(deriveTiming(repos.timing.events(id)).pageSeconds)) seconds[page] = Math.min(Math.floor(s), PAGE_TIME_CAP_S);
        return [id, seconds] as const;
      });
      await repos.commit(() => {
        for (const [id, seconds] of derived) repos.pageTimes.add(id, seconds);
      });
      counted += ids.length;
      if (ids.length < STEP) break;
    }
    return counted;
  }

  return {
    countPending,
    /** Counts what is pending, then reads the medians of these pages anew. One refresh at a time. */
    refresh(pageIds: Iterable<string>): Promise<number> {
      refreshing ??= (async () => {
        try {
          const n = await countPending();
          const next = new Map<string, number | null>();
          for (const id of pageIds) next.set(id, medianOfCounts(repos.pageTimes.counts(id)));
          medians = next;
          return n;
        } finally {
          refreshing = null;
        }
      })();
      return refreshing;
    },
    /** The last refreshed median of a page; null when no completed questionnaire has time on it (or none read yet). */
    median: (pageId: string): number | null => medians.get(pageId) ?? null,
  };
}
export type NationalPageTimes = ReturnType<typeof createNationalPageTimes>;
