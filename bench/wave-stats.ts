// What the classroom wave counts: latency per request type, outcomes, errors, and acknowledged saves per second.
// Latencies are kept whole (a wave makes a few hundred thousand requests) and sorted once at the end.

/** `baseline`: an Express hello world on the same machine, asked a few times a second during the wave. */
export const REQUEST_TYPES = ['page load', 'institutions', 'login', 'survey', 'save', 'page', 'submit', 'check', 'baseline'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface TypeSummary {
  type: RequestType;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers by HTTP status ('network' when none came). */
  statuses: Record<string, number>;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** The highest mean over `window` consecutive one-second buckets (all of them when fewer). */
export function bestWindow(perSecond: number[], window: number): number {
  if (perSecond.length === 0) return 0;
  const w = Math.min(window, perSecond.length);
  let sum = perSecond.slice(0, w).reduce((a, b) => a + b, 0);
  let best = sum;
  for (let i = w; i < perSecond.length; i++) {
    sum += perSecond[i]! - perSecond[i - w]!;
    best = Math.max(best, sum);
  }
  return best / w;
}

export class WaveStats {
  private latencies = new Map<RequestType, number[]>();
  private statuses = new Map<RequestType, Map<string, number>>();
  /** Successful answer saves per second since `t0`; index = second. */
  readonly savesPerSecond: number[] = [];
  readonly answersPerSecond: number[] = [];
  readonly errors: { type: RequestType | 'flow'; detail: string; at: number }[] = [];
  readonly outcomes = new Map<string, number>();
  bytesReceived = 0;

  constructor(private readonly t0 = performance.now()) {}

  request(type: RequestType, ms: number, status: number | 'network', bytes = 0): void {
    let l = this.latencies.get(type);
    if (!l) this.latencies.set(type, (l = []));
    l.push(ms);
    let s = this.statuses.get(type);
    if (!s) this.statuses.set(type, (s = new Map()));
    s.set(String(status), (s.get(String(status)) ?? 0) + 1);
    this.bytesReceived += bytes;
  }

  saved(answers: number): void {
    const second = Math.floor((performance.now() - this.t0) / 1000);
    while (this.savesPerSecond.length <= second) {
      this.savesPerSecond.push(0);
      this.answersPerSecond.push(0);
    }
    this.savesPerSecond[second]!++;
    this.answersPerSecond[second]! += answers;
  }

  /** Something a real student would have noticed or the server should not have answered: counted, with its first lines kept. */
  error(type: RequestType | 'flow', detail: string): void {
    this.errors.push({ type, detail, at: Math.round(performance.now() - this.t0) });
  }

  /** Counts of expected events that are not errors: mistyped logins, twin questions, retries. */
  count(outcome: string, n = 1): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + n);
  }

  summary(): TypeSummary[] {
    return REQUEST_TYPES.filter((t) => this.latencies.has(t)).map((type) => {
      const sorted = Float64Array.from(this.latencies.get(type)!).sort();
      const round = (x: number) => Math.round(x * 10) / 10;
      return {
        type,
        requests: sorted.length,
        p50: round(percentile(sorted, 50)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1]!),
        statuses: Object.fromEntries(this.statuses.get(type)!),
      };
    });
  }
}
