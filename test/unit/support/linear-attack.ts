// An attacker on published results: every shown cell is a known number, every suppressed one an unknown, and every
// equation (total = sum of parts) holds. Gaussian elimination over the rationals (fraction.js) tells which unknowns,
// and which sums of unknowns, are fixed by what is published.
import Fraction from 'fraction.js';
import type { SuppressionProblem } from '../../../server/services/reporting/suppression.ts';

export interface Attack {
  /** Unknown cells whose count follows from what is printed, with the count worked out. */
  derived: Map<string, number>;
  /** Sets of two or more unknown cells whose sum follows and is below the minimum: the union is disclosed. */
  smallUnions: string[][];
}

const ZERO = new Fraction(0);
const isZero = (f: Fraction) => f.n === 0n;

/** Reduced row echelon form of an augmented matrix (last column the known side), in place; returns the pivot columns. */
function rref(rows: Fraction[][], unknowns: number): number[] {
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && !isZero(row[c]!));
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivotRow = rows[r]!;
    const inv = pivotRow[c]!.inverse();
    for (let j = c; j < pivotRow.length; j++) pivotRow[j] = pivotRow[j]!.mul(inv);
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]![c]!;
      if (i === r || isZero(f)) continue;
      const row = rows[i]!;
      for (let j = c; j < row.length; j++) if (!isZero(pivotRow[j]!)) row[j] = row[j]!.sub(f.mul(pivotRow[j]!));
    }
    pivots.push(c);
    r++;
  }
  return pivots;
}

/** What the printed cells (all but the suppressed and the unpublished ones) give away. */
export function attack({ cells, equations }: SuppressionProblem, suppressed: ReadonlySet<string>, unpublished: ReadonlySet<string> = new Set(), minimum = 5): Attack {
  const count = new Map(cells.map((c) => [c.id, c.count]));
  const unknown = cells.map((c) => c.id).filter((id) => suppressed.has(id) || unpublished.has(id));
  const col = new Map(unknown.map((id, i) => [id, i]));
  const rows = equations.map((eq) => {
    const row: Fraction[] = Array.from({ length: unknown.length + 1 }, () => ZERO);
    let known = 0;
    for (const [id, sign] of [[eq.total, 1], ...eq.parts.map((p) => [p, -1] as const)] as const) {
      const c = col.get(id);
      if (c === undefined) known += sign * count.get(id)!;
      else row[c] = row[c]!.add(sign);
    }
    row[unknown.length] = new Fraction(-known);
    return row;
  });
  const pivots = rref(rows, unknown.length);
  const isPivot = new Set(pivots);

  const derived = new Map<string, number>();
  pivots.forEach((c, r) => {
    const row = rows[r]!;
    if (row.every((f, j) => j === c || j === unknown.length || isZero(f))) derived.set(unknown[c]!, row[unknown.length]!.valueOf());
  });

  // A sum of unknowns is fixed exactly when it is orthogonal to every solution of the homogeneous system. Each cell
  // gets its "signature" over a basis of those solutions (integers after scaling); a set is disclosed when its
  // signatures add up to zero.
  const free = unknown.map((_, c) => c).filter((c) => !isPivot.has(c));
  const basis = free.map((f) => {
    const v = unknown.map(() => ZERO);
    v[f] = new Fraction(1);
    pivots.forEach((c, r) => (v[c] = rows[r]![f]!.neg()));
    const scale = v.reduce((l, x) => l.lcm(new Fraction(x.d)), new Fraction(1)); // the denominators' lcm
    return v.map((x) => x.mul(scale).valueOf());
  });
  const signature = (c: number) => basis.map((v) => v[c]!);
  const small = unknown.map((id, c) => ({ id, n: count.get(id)!, sig: signature(c) })).filter((x) => x.n < minimum);

  const smallUnions: string[][] = [];
  const dfs = (start: number, chosen: typeof small, total: number, sum: number[]) => {
    if (chosen.length >= 2 && sum.every((x) => x === 0)) smallUnions.push(chosen.map((x) => x.id));
    for (let i = start; i < small.length; i++) {
      const x = small[i]!;
      if (total + x.n >= minimum) continue;
      dfs(i + 1, [...chosen, x], total + x.n, sum.map((s, j) => s + x.sig[j]!));
    }
  };
  dfs(0, [], 0, basis.map(() => 0));
  return { derived, smallUnions };
}
