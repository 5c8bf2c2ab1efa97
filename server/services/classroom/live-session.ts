// The live state of one classroom session in memory (joins, login outcomes, and per member response its status,
// page, whether it answered, and its page clock) and the snapshot staff see: counts only, never a name or an
// answer, a class median only over at least MIN_FOR_MEDIAN students. Pure: built from rows and events.
import type { LiveSnapshot, LoginFailureReason } from '../../api/staff.ts';
import type { LoginOutcomeKind } from '../../db/login-outcomes.ts';
import type { Text } from '../../../questionnaire/schema.ts';
import { median, type PageClock } from './page-clock.ts';

/** Kept in step with MIN_FOR_MEDIAN of the contract (a value the service may not import). */
export const MIN_STUDENTS_FOR_MEDIAN = 3;

export interface Member {
  status: 'in_progress' | 'completed';
  page: string | null;
  answered: boolean;
  clock: PageClock;
}

export interface PageInfo {
  id: string;
  title: Text;
}

export class LiveSession {
  joined = 0;
  readonly outcomes: Record<LoginOutcomeKind, number> = { success: 0, not_found: 0, ambiguous: 0, locked: 0, completed: 0 };
  readonly members = new Map<number, Member>();
  /** The pages in questionnaire order: the institution's current questionnaire, then any others members use. */
  readonly pages: PageInfo[] = [];
  readonly viewers = new Set<(json: string) => void>();
  lastSentAt = 0;
  timer: ReturnType<typeof setTimeout> | undefined;

  private readonly expiresAtMs: number;

  constructor(
    readonly id: number,
    readonly brin: string,
    readonly expiresAt: string,
  ) {
    this.expiresAtMs = Date.parse(expiresAt);
  }

  addPages(pages: readonly PageInfo[]): void {
    for (const p of pages) if (!this.pages.some((q) => q.id === p.id)) this.pages.push(p);
  }

  expired = (now: Date): boolean => now.getTime() >= this.expiresAtMs;

  snapshot(now: Date, nationalMedian: (pageId: string) => number | null): LiveSnapshot {
    const t = now.getTime();
    let answering = 0;
    let completed = 0;
    const onPage = new Map<string, number>();
    const times = new Map<string, number[]>();
    for (const m of this.members.values()) {
      if (m.status === 'completed') completed++;
      else {
        if (m.answered) answering++;
        if (m.page) onPage.set(m.page, (onPage.get(m.page) ?? 0) + 1);
      }
      m.clock.each(m.status === 'completed' ? undefined : t, (page, s) => {
        if (s <= 0) return;
        const list = times.get(page);
        if (list) list.push(s);
        else times.set(page, [s]);
      });
    }
    const o = this.outcomes;
    const failures: Record<LoginFailureReason, number> = { not_found: o.not_found, ambiguous: o.ambiguous, locked: o.locked, completed: o.completed };
    return {
      sessionId: this.id,
      at: now.toISOString(),
      expired: this.expired(now),
      joined: this.joined,
      loggedIn: this.members.size,
      answering,
      completed,
      failures,
      pages: this.pages.map((p) => {
        const list = times.get(p.id) ?? [];
        const m = list.length >= MIN_STUDENTS_FOR_MEDIAN ? median(list) : null;
        const national = nationalMedian(p.id);
        return {
          pageId: p.id,
          title: p.title,
          studentsNow: onPage.get(p.id) ?? 0,
          classMedianSeconds: m === null ? null : Math.round(m),
          classCount: list.length,
          nationalMedianSeconds: national === null ? null : Math.round(national),
        };
      }),
    };
  }
}
