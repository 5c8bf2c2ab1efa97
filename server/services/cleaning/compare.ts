// What moved between two cleaning runs (say, version 1 and version 2 of the rules): which responses became clean or
// excluded, which kept being excluded for other reasons, and the counts per rule before and after. Pure.
import { REASON_CODES, type ReasonCode, type Verdict } from './verdict.ts';

export interface ReasonMove {
  before: number;
  after: number;
  /** Responses failing this rule now and not before, and the other way round. */
  added: number;
  removed: number;
}

export interface VerdictMoves<K> {
  /** The rules versions found in each set (one each for a normal run). */
  versionsBefore: number[];
  versionsAfter: number[];
  /** Responses with a verdict in both sets. */
  compared: number;
  clean: { before: number; after: number };
  becameExcluded: K[];
  becameClean: K[];
  /** Excluded in both runs, but not for the same set of rules. */
  reasonsChanged: K[];
  /** Responses judged in one run only (completed in between, say). */
  onlyBefore: K[];
  onlyAfter: K[];
  byReason: Record<ReasonCode, ReasonMove>;
}

const codes = (v: Verdict) => new Set(v.failures.map((f) => f.code));

/** Compares two verdict sets keyed by response; lists keep the order of the maps. */
export function compareVerdicts<K>(before: ReadonlyMap<K, Verdict>, after: ReadonlyMap<K, Verdict>): VerdictMoves<K> {
  const zero = (): ReasonMove => ({ before: 0, after: 0, added: 0, removed: 0 });
  const byReason: Record<ReasonCode, ReasonMove> = { too_few_answered: zero(), too_fast: zero(), straightlining: zero() };
  const moves: VerdictMoves<K> = {
    versionsBefore: versions(before),
    versionsAfter: versions(after),
    compared: 0,
    clean: { before: 0, after: 0 },
    becameExcluded: [],
    becameClean: [],
    reasonsChanged: [],
    onlyBefore: [],
    onlyAfter: [],
    byReason,
  };
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) {
      moves.onlyBefore.push(key);
      continue;
    }
    moves.compared++;
    if (was.clean) moves.clean.before++;
    if (now.clean) moves.clean.after++;
    const [a, b] = [codes(was), codes(now)];
    for (const code of REASON_CODES) {
      if (a.has(code)) byReason[code].before++;
      if (b.has(code)) byReason[code].after++;
      if (b.has(code) && !a.has(code)) byReason[code].added++;
      if (a.has(code) && !b.has(code)) byReason[code].removed++;
    }
    if (was.clean && !now.clean) moves.becameExcluded.push(key);
    else if (!was.clean && now.clean) moves.becameClean.push(key);
    else if (!was.clean && (a.size !== b.size || [...a].some((c) => !b.has(c)))) moves.reasonsChanged.push(key);
  }
  for (const key of after.keys()) if (!before.has(key)) moves.onlyAfter.push(key);
  return moves;
}

function versions(set: ReadonlyMap<unknown, Verdict>): number[] {
  return [...new Set([...set.values()].map((v) => v.rulesVersion))].sort((a, b) => a - b);
}
