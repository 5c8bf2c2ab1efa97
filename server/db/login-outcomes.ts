// Counts of login outcomes per institution per day. No personal data: brin, day, outcome, count.
import type { Db } from './database.ts';

export const LOGIN_OUTCOMES = ['success', 'not_found', 'ambiguous', 'locked', 'completed'] as const;
export type LoginOutcomeKind = (typeof LOGIN_OUTCOMES)[number];

export interface LoginOutcomeRow {
  brin: string;
  day: string;
  outcome: LoginOutcomeKind;
  n: number;
}

export type DayCounts = { day: string } & Record<LoginOutcomeKind, number>;

export function loginOutcomesRepo(db: Db) {
  // Attempts for a BRIN that is not in the population are not counted: there is no institution to report them to.
  // Positional parameters: every login runs this, and binding by name costs more.
  const record = db.prepare<[string, LoginOutcomeKind, string]>(
    `INSERT INTO login_outcomes (brin, day, outcome, n) SELECT brin, ?, ?, 1 FROM institutions WHERE brin = ?
     ON CONFLICT (brin, day, outcome) DO UPDATE SET n = n + 1`,
  );
  const list = db.prepare<[string, string, string], LoginOutcomeRow>(
    'SELECT brin, day, outcome, n FROM login_outcomes WHERE brin = ? AND day BETWEEN ? AND ? ORDER BY day, outcome',
  );
  return {
    record: (brin: string, day: string, outcome: LoginOutcomeKind): void => void record.run(day, outcome, brin),
    list: (brin: string, fromDay: string, toDay: string): LoginOutcomeRow[] => list.all(brin, fromDay, toDay),
    /** One row per day with every outcome (0 when none): what the response overview and classroom view show. */
    perDay(brin: string, fromDay: string, toDay: string): DayCounts[] {
      const days = new Map<string, DayCounts>();
      for (const r of list.all(brin, fromDay, toDay)) {
        let d = days.get(r.day);
        if (!d) days.set(r.day, (d = { day: r.day, success: 0, not_found: 0, ambiguous: 0, locked: 0, completed: 0 }));
        d[r.outcome] = r.n;
      }
      return [...days.values()];
    },
  };
}
export type LoginOutcomesRepo = ReturnType<typeof loginOutcomesRepo>;
