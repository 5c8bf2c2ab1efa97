// The figures of a cell, per question type of the 2024-1 questionnaire: grid items as rows with % negative /
// neutral / positive and a mean, options with opt-outs apart, report grades as means, numbers, multi answers, open
// text not summarised; and tallies that add up, so a parent's figures are those of its groups together.
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, parseQuestionnaire, type AnswerValue, type Question } from '../../questionnaire/index.ts';
import { addTallies, isSummarised, questionStats, tallyAnswers } from '../../server/services/reporting/cell-stats.ts';

const def = loadQuestionnaires().get('2024-1')!;
const question = (id: string): Question => def.pages.flatMap((p) => p.questions).find((q) => q.id === id)!;
const stats = (id: string, values: (AnswerValue | null | undefined)[]) => questionStats(question(id), tallyAnswers(question(id), values));

describe('a grid: one row per item', () => {
  // lessen_vakken: items nederlands, rekenen, engels, praktijk, beroep; heel slecht (1) .. heel goed (5); n.v.t.
  const s = stats('lessen_vakken', [
    { nederlands: 1, rekenen: 'nvt', engels: 5 },
    { nederlands: 2, rekenen: 'nvt', engels: 4 },
    { nederlands: 3, rekenen: 3 },
    { nederlands: 4, rekenen: 5 },
    { nederlands: 5 },
    { nederlands: 4, praktijk: 'nvt' },
    null,
    undefined,
  ]);

  it('lists the items in order', () => {
    expect(s.rows.map((r) => r.itemId)).toEqual(['nederlands', 'rekenen', 'engels', 'praktijk', 'beroep']);
    expect(s).toMatchObject({ questionId: 'lessen_vakken', type: 'grid', summarised: true });
  });

  it('gives n, the distribution, the bands 1-2 / 3 / 4-5 and the mean', () => {
    const nl = s.rows[0]!;
    expect(nl).toMatchObject({ kind: 'scale', n: 6, respondents: 6, optOuts: { nvt: 0 }, median: null });
    expect(nl.distribution).toEqual([1, 1, 1, 2, 1].map((count, i) => ({ value: i + 1, count, percent: (100 * count) / 6 })));
    expect(nl.bands).toEqual({ negative: (100 * 2) / 6, neutral: 100 / 6, positive: (100 * 3) / 6 });
    expect(nl.mean).toBeCloseTo((1 + 2 + 3 + 4 + 5 + 4) / 6, 12);
  });

  it('counts opt-outs apart: not in n, the percentages or the mean, but among the respondents', () => {
    const rekenen = s.rows[1]!;
    expect(rekenen).toMatchObject({ n: 2, respondents: 4, optOuts: { nvt: 2 }, mean: 4, bands: { negative: 0, neutral: 50, positive: 50 } });
  });

  it('gives nothing to divide by for an item without answers on the scale', () => {
    expect(s.rows[3]).toMatchObject({ n: 0, respondents: 1, optOuts: { nvt: 1 }, mean: null, bands: null });
    expect(s.rows[3]!.distribution.every((c) => c.percent === null)).toBe(true);
    expect(s.rows[4]).toMatchObject({ n: 0, respondents: 0 });
  });
});

describe('a single choice', () => {
  // na_diploma: werken, mbo, hbo, anders, and the opt-out weet_niet
  const s = stats('na_diploma', ['werken', 'werken', 'hbo', 'weet_niet', 'anders', null]);

  it('gives the distribution over the options, opt-outs apart, and no mean', () => {
    expect(s.rows).toEqual([
      {
        kind: 'choice',
        n: 4,
        respondents: 5,
        optOuts: { weet_niet: 1 },
        distribution: [
          { value: 'werken', count: 2, percent: 50 },
          { value: 'mbo', count: 0, percent: 0 },
          { value: 'hbo', count: 1, percent: 25 },
          { value: 'anders', count: 1, percent: 25 },
        ],
        bands: null,
        mean: null,
        median: null,
      },
    ]);
  });
});

describe('a report grade', () => {
  it('gives the mean of 1-10 and the distribution, opt-outs apart', () => {
    const s = stats('cijfer_school', [7, 8, 6, 'weet_niet', 10, 4]);
    const row = s.rows[0]!;
    expect(row).toMatchObject({ kind: 'grade', n: 5, respondents: 6, optOuts: { weet_niet: 1 }, mean: 7, bands: null });
    expect(row.distribution.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(row.distribution.find((c) => c.value === 8)).toEqual({ value: 8, count: 1, percent: 20 });
  });
});

describe('a number', () => {
  it('gives n, the mean and the median', () => {
    expect(stats('lesuren', [20, 0, 32, 24, 24, null]).rows[0]).toMatchObject({ kind: 'number', n: 5, mean: 20, median: 24, distribution: [], optOuts: {} });
    expect(stats('lesuren', [20, 10, 32, 24]).rows[0]).toMatchObject({ n: 4, mean: 21.5, median: 22 });
  });
});

describe('open text', () => {
  it('is not summarised', () => {
    expect(isSummarised(question('opmerkingen'))).toBe(false);
    expect(stats('opmerkingen', ['prima', 'slecht'])).toEqual({ questionId: 'opmerkingen', type: 'open', summarised: false, rows: [] });
  });
});

describe('a multiple choice', () => {
  const parsed = parseQuestionnaire({
    id: '2099-1',
    title: { nl: 't', en: 't' },
    pages: [
      {
        id: 'p',
        title: { nl: 'p', en: 'p' },
        questions: [
          {
            id: 'm',
            type: 'multi',
            text: { nl: 'm', en: 'm' },
            options: [
              ...['a', 'b', 'c'].map((code) => ({ code, text: { nl: code, en: code } })),
              { code: 'zeg_niet', text: { nl: 'zeg ik niet', en: "I'd rather not say" }, optOut: true },
            ],
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const m = parsed.value.pages[0]!.questions[0]!;

  it('counts per option the respondents who chose it; an answer of only opt-outs is an opt-out', () => {
    const row = questionStats(m, tallyAnswers(m, [['a', 'b'], ['a'], ['c', 'zeg_niet'], ['zeg_niet'], [], null])).rows[0]!;
    expect(row).toMatchObject({ kind: 'multi', n: 3, respondents: 4, optOuts: { zeg_niet: 1 }, mean: null });
    expect(row.distribution).toEqual([
      { value: 'a', count: 2, percent: (100 * 2) / 3 },
      { value: 'b', count: 1, percent: 100 / 3 },
      { value: 'c', count: 1, percent: 100 / 3 },
    ]);
  });
});

describe('tallies add up', () => {
  it('the figures of two groups together are those of all their answers', () => {
    const q = question('docenten');
    const a: AnswerValue[] = [{ vakkennis: 4, uitleg: 'weet_niet' }, { vakkennis: 5 }];
    const b: AnswerValue[] = [{ vakkennis: 1, uitleg: 3 }, { uitleg: 2 }, { vakkennis: 3, op_tijd: 4 }];
    const together = addTallies(q, [tallyAnswers(q, a), tallyAnswers(q, b)]);
    expect(together).toEqual(tallyAnswers(q, [...a, ...b]));
    expect(questionStats(q, together).rows[0]).toMatchObject({ n: 4, mean: 13 / 4 });
  });

  it('refuses a tally of another question', () => {
    expect(() => addTallies(question('docenten'), [tallyAnswers(question('sfeer'), [])])).toThrow(/cannot be added/);
  });
});
