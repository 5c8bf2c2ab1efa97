// The median active seconds per page of one questionnaire version, over its completed responses: the yardstick of
// the relative speed index. Pure: the caller collects each response's page seconds.

export interface PageMedians {
  /** Completed responses the medians are taken over. */
  responses: number;
  /** Per page: the median seconds, over the `n` responses that have a time for the page (those shown it). */
  pages: Record<string, { median: number; n: number }>;
}

/** Medians per page from many responses' page seconds (as `deriveTiming` gives them). */
export function pageMedians(pageSeconds: Iterable<Readonly<Record<string, number>>>): PageMedians {
  const times = new Map<string, number[]>();
  let responses = 0;
  for (const perPage of pageSeconds) {
    responses++;
    for (const [page, seconds] of Object.entries(perPage)) {
      if (!Number.isFinite(seconds)) continue;
      const list = times.get(page);
      if (list) list.push(seconds);
      else times.set(page, [seconds]);
    }
  }
  const pages: PageMedians['pages'] = {};
  for (const [page, list] of times) pages[page] = { median: median(list), n: list.length };
  return { responses, pages };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
