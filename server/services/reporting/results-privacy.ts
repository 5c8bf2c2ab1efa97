// The suppression problems of results, per result row (a question, or one grid item): first the national one (the
// country and its fieldwork weeks), then one per institution holding every number that institution can get for the
// row: its label tree, its flat breakdowns, its weeks, and the national figures beside it (the rest of the country,
// as a whole and per week, is never printed but follows by subtraction, so it is a cell too). The national pattern's
// suppressed cells come in as already suppressed, so every institution's outputs agree on the national figures. Pure.
import { combineProblems, suppressionPattern, treeProblem, type GroupNode, type SuppressionPattern, type SuppressionProblem } from './suppression.ts';

/** Respondents of one result row per group id. */
export type RowCounts = ReadonlyMap<string, number>;

export const INSTITUTION = 'I';
export const NATIONAL = 'N';
const REST = 'R';
export const weekCell = (scope: 'I' | 'N' | 'R', week: string) => `${scope}@${week}`;

/** The national cells of a row: the country and its weeks. */
export function nationalProblem(weeks: RowCounts): SuppressionProblem {
  const children = [...weeks].map(([week, count]) => ({ id: weekCell('N', week), count }));
  return treeProblem({ id: NATIONAL, count: children.reduce((s, c) => s + c.count, 0), children });
}

export const nationalPattern = (weeks: RowCounts): SuppressionPattern => suppressionPattern(nationalProblem(weeks));

/** A breakdown of the institution: its groups, and their subgroups for the label tree. */
export interface Breakdown {
  groups: GroupNode[];
}

export interface InstitutionRow {
  /** Respondents of the institution for the row. */
  count: number;
  /** The label tree and the flat breakdowns; every one sums to `count`. Leave out groups of 0: nothing to protect. */
  breakdowns: Breakdown[];
  /** The institution's respondents per fieldwork week (weeks with none left out). */
  weeks: RowCounts;
  /** The national figures of the row with their pattern; absent for an institution's own questions. */
  national?: { weeks: RowCounts; pattern: SuppressionPattern };
}

/** Every cell and equation of one institution's outputs for one row. */
export function institutionProblem(row: InstitutionRow): SuppressionProblem {
  const root = (children: GroupNode[]): GroupNode => ({ id: INSTITUTION, count: row.count, children });
  const instWeeks = [...row.weeks].map(([week, count]) => ({ id: weekCell('I', week), count }));
  const parts = [...row.breakdowns.map((b) => treeProblem(root(b.groups))), treeProblem(root(instWeeks))];
  if (row.national) {
    const { weeks, pattern } = row.national;
    const known = (id: string, count: number, children?: GroupNode[]): GroupNode => ({
      id,
      count,
      ...(pattern.suppressed.has(id) ? { alreadySuppressed: true } : {}),
      ...(children ? { children } : {}),
    });
    const N = [...weeks.values()].reduce((s, n) => s + n, 0);
    const restOf = (week: string) => (weeks.get(week) ?? 0) - (row.weeks.get(week) ?? 0);
    for (const [week, n] of row.weeks) {
      if (n > (weeks.get(week) ?? 0)) throw new Error(`The institution holds more respondents in ${week} than the country: the cleaning run and the results disagree`);
    }
    parts.push(
      treeProblem(known(NATIONAL, N, [...weeks].map(([week, n]) => known(weekCell('N', week), n)))),
      // National = this institution + the rest of the country, as a whole and per week.
      treeProblem(known(NATIONAL, N, [{ id: INSTITUTION, count: row.count }, { id: REST, count: N - row.count }])),
      treeProblem({ id: REST, count: N - row.count, children: [...weeks.keys()].map((week) => ({ id: weekCell('R', week), count: restOf(week) })) }),
      // A week without respondents of the institution has no cell of its own: a cell of 0 under the minimum would
      // only drag other cells into suppression.
      ...[...weeks].map(([week, n]) => {
        const own = row.weeks.get(week) ?? 0;
        const children = own ? [{ id: weekCell('I', week), count: own }, { id: weekCell('R', week), count: restOf(week) }] : [{ id: weekCell('R', week), count: restOf(week) }];
        return treeProblem(known(weekCell('N', week), n, children));
      }),
    );
  }
  return combineProblems(...parts);
}

export const institutionPattern = (row: InstitutionRow): SuppressionPattern => suppressionPattern(institutionProblem(row));
