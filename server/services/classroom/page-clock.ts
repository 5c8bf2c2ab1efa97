// Active time per page of one student, kept up to date from the timing events of each save as they arrive, for
// the live view (the cleaning rules' deriveTiming replays all stored events; this follows them incrementally by
// the same rules: a page counts from page_shown until page_left, another page_shown or the tab's last event, not
// while hidden). Per tab, events are taken in the order the tab numbered them; a repeated or late event is
// skipped. Two tabs on one page at once count twice here (deriveTiming counts that time once). Pure.
import type { TimingEventWrite } from '../../db/timing.ts';

/** How long a page still counts as being read after the tab's last event (a closed laptop sends nothing). */
export const RUNNING_CAP_MS = 10 * 60_000;

interface Tab {
  n: number;
  page: string | null;
  visible: boolean;
  since: number;
}

export class PageClock {
  private readonly tabs = new Map<string, Tab>();
  private readonly ms = new Map<string, number>();

  add(events: readonly Pick<TimingEventWrite, 'id' | 'type' | 'target' | 'clientAt'>[], offsetMs: number): void {
    for (const e of events) {
      const cut = e.id.lastIndexOf(':');
      const t = Date.parse(e.clientAt) + offsetMs;
      if (cut < 0 || !Number.isFinite(t)) continue;
      const tabId = e.id.slice(0, cut);
      const n = Number(e.id.slice(cut + 1));
      let tab = this.tabs.get(tabId);
      if (!tab) this.tabs.set(tabId, (tab = { n: -1, page: null, visible: true, since: t }));
      if (n <= tab.n) continue;
      if (tab.page !== null && tab.visible && t > tab.since) this.ms.set(tab.page, (this.ms.get(tab.page) ?? 0) + (t - tab.since));
      if (e.type === 'page_shown' && e.target) tab.page = e.target;
      else if (e.type === 'page_left') tab.page = null;
      else if (e.type === 'hidden') tab.visible = false;
      else if (e.type === 'visible') tab.visible = true;
      tab.n = n;
      tab.since = t;
    }
  }

  /** Active seconds per page; with `now`, a page open and visible in a tab also counts up to now (capped). */
  seconds(now?: number): Map<string, number> {
    const out = new Map<string, number>();
    this.each(now, (page, s) => out.set(page, s));
    return out;
  }

  /** Calls `f` with each page's active seconds, as seconds() has them, without building a map (the live view's hot path). */
  each(now: number | undefined, f: (page: string, seconds: number) => void): void {
    const running = now === undefined ? undefined : this.running(now);
    for (const [page, ms] of this.ms) f(page, (ms + (running?.get(page) ?? 0)) / 1000);
    if (running) for (const [page, ms] of running) if (!this.ms.has(page)) f(page, ms / 1000);
  }

  /** Milliseconds on open, visible pages since their tab's last event, up to now (capped); undefined for none. */
  private running(now: number): Map<string, number> | undefined {
    let out: Map<string, number> | undefined;
    for (const tab of this.tabs.values()) {
      if (tab.page === null || !tab.visible || now <= tab.since) continue;
      out ??= new Map();
      out.set(tab.page, (out.get(tab.page) ?? 0) + Math.min(now - tab.since, RUNNING_CAP_MS));
    }
    return out;
  }
}

/** The median of a list of numbers (the mean of the middle two for an even count); null for none. */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median from counts per whole second (ascending); null when there are none. */
export function medianOfCounts(counts: { seconds: number; n: number }[]): number | null {
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const c of counts) if ((seen += c.n) > k) return c.seconds;
    return counts.at(-1)!.seconds;
  };
  return total % 2 ? at(total >> 1) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
