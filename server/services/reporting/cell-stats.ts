// The figures of one question for one group (a cell): n, the distribution, % negative/neutral/positive, the mean,
// opt-outs apart. Answers are first tallied (counts add up, so a parent's tally is the sum of its groups'), then
// summarised per row: one row per question, or one per grid item. Pure.
//
// How each question type is summarised:
// - grid: a row per item; distribution over the scale points; % negative / neutral / positive on an odd scale (on the
//   5-point scales 1-2 / 3 / 4-5); mean on the scale; opt-outs ("n.v.t.") apart.
// - single: distribution over the options; opt-out options ("weet ik niet") apart. No mean: options are not a scale.
// - multi: per option, the respondents who chose it (percentages can add up to more than 100); an answer of only
//   opt-outs counts as that opt-out, an opt-out chosen beside real options is ignored.
// - grade (rapportcijfer 1-10): the mean, and the distribution over 1-10; opt-outs apart.
// - number: n, mean and median.
// - open: not summarised (free text is read, not counted): `summarised` is false.
import { optOutCodes, type AnswerValue, type Question, type QuestionType } from '../../../questionnaire/index.ts';

export type RowKind = 'scale' | 'choice' | 'multi' | 'grade' | 'number';

/** Counts of one row. Keys are scale points, grades, numbers or codes as text (opt-out codes always hold a letter). */
export interface RowTally {
  itemId?: string;
  counts: Record<string, number>;
  /** Respondents with an answer on this row, opt-outs included. */
  respondents: number;
}

export interface QuestionTally {
  questionId: string;
  rows: RowTally[];
}

export interface Category {
  /** Scale point, grade or option code. */
  value: string | number;
  count: number;
  /** Of n; null when n is 0. */
  percent: number | null;
}

export interface Bands {
  negative: number;
  neutral: number;
  positive: number;
}

export interface RowStats {
  itemId?: string;
  kind: RowKind;
  /** Respondents with an answer on the substance: the base of every percentage and of the mean. */
  n: number;
  /** Respondents per opt-out code (every code of the question, 0 included); apart from n. */
  optOuts: Record<string, number>;
  /** n plus the opt-outs: the respondents this row rests on, the count the privacy rule judges. */
  respondents: number;
  /** Every scale point, grade or substantive option, in the questionnaire's order; empty for numbers. */
  distribution: Category[];
  /** Percentages of n; only on a scale with an odd number of points, null otherwise or when n is 0. */
  bands: Bands | null;
  /** On the scale, the grade or the number; null for options or when n is 0. */
  mean: number | null;
  /** Numbers only. */
  median: number | null;
}

export interface QuestionStats {
  questionId: string;
  type: QuestionType;
  summarised: boolean;
  rows: RowStats[];
}

/** Whether results show figures for this type of question at all. */
export const isSummarised = (q: Question): boolean => q.type !== 'open';

/**
 * Tallies the answers of one group to one question. Pass only the answers of respondents to whom the question was shown
 * (classifyAnswers tells); null and undefined are skipped, as unanswered.
 */
export function tallyAnswers(q: Question, values: Iterable<AnswerValue | null | undefined>): QuestionTally {
  const rows: RowTally[] = q.type === 'grid' ? q.items.map((it) => ({ itemId: it.id, counts: {}, respondents: 0 })) : [{ counts: {}, respondents: 0 }];
  const optOuts = optOutCodes(q);
  const add = (row: RowTally, key: string | number) => {
    row.counts[key] = (row.counts[key] ?? 0) + 1;
  };
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    if (q.type === 'grid') {
      if (typeof v !== 'object' || Array.isArray(v)) continue;
      for (const row of rows) {
        const point = v[row.itemId!];
        if (point === undefined || point === null || point === '') continue;
        add(row, point);
        row.respondents++;
      }
    } else if (q.type === 'multi') {
      if (!Array.isArray(v) || v.length === 0) continue;
      const real = v.filter((c) => !optOuts.has(c));
      if (real.length) real.forEach((c) => add(rows[0]!, c));
      else add(rows[0]!, [...optOuts].find((c) => v.includes(c))!);
      rows[0]!.respondents++;
    } else if (q.type !== 'open' && (typeof v === 'string' || typeof v === 'number')) {
      add(rows[0]!, v);
      rows[0]!.respondents++;
    }
  }
  return { questionId: q.id, rows };
}

/** The sum of tallies of one question (groups into their parent, institutions into the national figure). */
export function addTallies(q: Question, tallies: Iterable<QuestionTally>): QuestionTally {
  const sum = tallyAnswers(q, []);
  for (const t of tallies) {
    if (t.questionId !== q.id || t.rows.length !== sum.rows.length) throw new Error(`A tally of "${t.questionId}" cannot be added to "${q.id}"`);
    t.rows.forEach((row, i) => {
      const into = sum.rows[i]!;
      if (row.itemId !== into.itemId) throw new Error(`Grid item "${row.itemId}" does not match "${into.itemId}" of "${q.id}"`);
      into.respondents += row.respondents;
      for (const [k, n] of Object.entries(row.counts)) into.counts[k] = (into.counts[k] ?? 0) + n;
    });
  }
  return sum;
}

/** The figures of one question for one group, from its tally. */
export function questionStats(q: Question, tally: QuestionTally): QuestionStats {
  if (q.type === 'open') return { questionId: q.id, type: q.type, summarised: false, rows: [] };
  const optOuts = [...optOutCodes(q)];
  const substance = substanceOf(q);
  const kind: RowKind = q.type === 'grid' ? 'scale' : q.type === 'single' ? 'choice' : q.type;
  const rows = tally.rows.map((row): RowStats => {
    const optOutCounts = Object.fromEntries(optOuts.map((c) => [c, row.counts[c] ?? 0]));
    const n = row.respondents - Object.values(optOutCounts).reduce((a, b) => a + b, 0);
    const pct = (count: number) => (n ? (100 * count) / n : null);
    const numeric = kind === 'scale' || kind === 'grade' || kind === 'number' ? numericCounts(row, optOuts) : [];
    return {
      ...(row.itemId !== undefined ? { itemId: row.itemId } : {}),
      kind,
      n,
      optOuts: optOutCounts,
      respondents: row.respondents,
      distribution: substance.map((value) => ({ value, count: row.counts[value] ?? 0, percent: pct(row.counts[value] ?? 0) })),
      bands: kind === 'scale' && n ? bands(substance as number[], row, n) : null,
      mean: n && numeric.length ? numeric.reduce((s, [v, c]) => s + v * c, 0) / n : null,
      median: kind === 'number' && n ? medianOf(numeric, n) : null,
    };
  });
  return { questionId: q.id, type: q.type, summarised: true, rows };
}

/** The answers on the substance a distribution lists, in the questionnaire's order. */
function substanceOf(q: Exclude<Question, { type: 'open' }>): (string | number)[] {
  switch (q.type) {
    case 'grid':
      return q.scale.map((s) => s.value);
    case 'grade':
      return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    case 'number':
      return [];
    case 'single':
    case 'multi':
      return q.options.filter((o) => !o.optOut).map((o) => o.code);
  }
}

/** [value, count] pairs on the substance, ascending. */
function numericCounts(row: RowTally, optOuts: string[]): [number, number][] {
  return Object.entries(row.counts)
    .filter(([k]) => !optOuts.includes(k))
    .map(([k, c]): [number, number] => [Number(k), c])
    .sort((a, b) => a[0] - b[0]);
}

/** Below the middle point negative, the middle neutral, above positive; only an odd scale has a middle. */
function bands(points: number[], row: RowTally, n: number): Bands | null {
  if (points.length % 2 === 0) return null;
  const middle = points[(points.length - 1) / 2]!;
  const share = (keep: (p: number) => boolean) => (100 * points.filter(keep).reduce((s, p) => s + (row.counts[p] ?? 0), 0)) / n;
  return { negative: share((p) => p < middle), neutral: share((p) => p === middle), positive: share((p) => p > middle) };
}

function medianOf(counts: [number, number][], n: number): number {
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of counts) if ((seen += c) > rank) return v;
    return counts[counts.length - 1]![0];
  };
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}
