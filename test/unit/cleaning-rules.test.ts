// The cleaning rules at and around each threshold: 50% of the core questions answered (opt-outs count, routing
// decides what was shown), 2 s per answered question, the relative speed index (2.0, from 30 responses), and
// straightlining (2 grids of 6+ items on one point; 90% of 20+ grid answers on one point).
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire, type Answers, type Questionnaire } from '../../questionnaire/index.ts';
import { loadCleaningRules, type CleaningRules } from '../../questionnaire/cleaning/index.ts';
import { evaluateResponse, type CleaningInput } from '../../server/services/cleaning/evaluate.ts';
import type { PageMedians } from '../../server/services/cleaning/page-medians.ts';

const RULES: CleaningRules = loadCleaningRules().get(1)!;
const t = (s: string) => ({ nl: s, en: s });
const scale = [1, 2, 3, 4, 5].map((value) => ({ value, text: t(`p${value}`) }));
const grid = (id: string, n: number, showIf?: object) => ({
  id,
  type: 'grid',
  text: t(id),
  items: Array.from({ length: n }, (_, i) => ({ id: `i${i + 1}`, text: t(`item ${i + 1}`) })),
  scale,
  optOuts: [{ code: 'nvt', text: t('n.v.t.') }],
  ...(showIf ? { showIf } : {}),
});

// Core questions shown when s1 = 'a': s1, g1 (6 items), g2 (6), s2, n1, o1 = 16. When s1 = 'b': s2 is not shown but
// page p3 with g3 (8 items) is: 23. The module page (i_) is never core.
const parsed = parseQuestionnaire({
  id: '2099-1',
  title: t('test'),
  pages: [
    {
      id: 'p1',
      title: t('p1'),
      questions: [
        { id: 's1', type: 'single', text: t('s1'), options: [{ code: 'a', text: t('a') }, { code: 'b', text: t('b') }, { code: 'weet_niet', text: t('?'), optOut: true }] },
        grid('g1', 6),
      ],
    },
    {
      id: 'p2',
      title: t('p2'),
      questions: [
        grid('g2', 6),
        { id: 's2', type: 'single', text: t('s2'), showIf: { question: 's1', in: ['a'] }, options: [{ code: 'x', text: t('x') }, { code: 'y', text: t('y') }] },
        { id: 'n1', type: 'number', text: t('n1'), min: 0, max: 60 },
        { id: 'o1', type: 'open', text: t('o1'), maxLength: 100 },
      ],
    },
    { id: 'p3', title: t('p3'), showIf: { question: 's1', in: ['b'] }, questions: [grid('g3', 8)] },
    { id: 'i_p', title: t('module'), questions: [{ id: 'i_q', type: 'single', text: t('i_q'), options: [{ code: 'ja', text: t('ja') }, { code: 'nee', text: t('nee') }] }] },
  ],
});
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const DEF: Questionnaire = parsed.value;

const points = (...values: (number | string)[]) => Object.fromEntries(values.map((v, i) => [`i${i + 1}`, v]));
/** A careful student on route 'a': 16 core questions answered, varied points. */
const careful = (): Answers => ({ s1: 'a', g1: points(4, 3, 5, 4, 2, 4), g2: points(3, 4, 4, 5, 2, 3), s2: 'x', n1: 20, o1: 'prima', i_q: 'ja' });
const input = (answers: Answers, activeSeconds = 600, pageSeconds: Record<string, number> = { p1: 60, p2: 40, p3: 50, i_p: 10 }): CleaningInput => ({
  definition: DEF,
  answers,
  context: { leerweg: 'BOL', niveau: 4 },
  timing: { activeSeconds, pageSeconds },
});
const judge = (i: CleaningInput, medians: PageMedians | null = null, rules = RULES) => evaluateResponse(i, rules, medians);
const failure = (i: CleaningInput, code: string, medians: PageMedians | null = null) => judge(i, medians).failures.find((f) => f.code === code);

describe('a careful response', () => {
  it('is clean, stamped with the rules version', () => {
    expect(judge(input(careful()))).toEqual({ rulesVersion: 1, clean: true, failures: [] });
  });
});

describe('too_few_answered: 50% of the core questions shown', () => {
  /** Route 'a' with the first k of the 16 core questions answered (s1 always). */
  const firstAnswered = (k: number): Answers => {
    const a = careful();
    const cells: [string, string?][] = [['s1'], ...[1, 2, 3, 4, 5, 6].map((i): [string, string] => ['g1', `i${i}`]), ...[1, 2, 3, 4, 5, 6].map((i): [string, string] => ['g2', `i${i}`]), ['s2'], ['n1'], ['o1']];
    for (const [q, item] of cells.slice(k)) {
      if (item) delete (a[q] as Record<string, unknown>)[item];
      else delete a[q];
    }
    return a;
  };

  it('8 of 16 (50%) passes, 7 of 16 fails with its figures', () => {
    expect(failure(input(firstAnswered(8), 1000), 'too_few_answered')).toBeUndefined();
    expect(failure(input(firstAnswered(7), 1000), 'too_few_answered')).toEqual({ code: 'too_few_answered', shown: 16, answered: 7, share: 7 / 16, minimumShare: 0.5 });
  });

  it('counts opt-outs as answers', () => {
    const a: Answers = { s1: 'a', g1: points('nvt', 'nvt', 'nvt', 'nvt', 'nvt', 'nvt'), o1: 'x' }; // 8 of 16
    expect(failure(input(a, 1000), 'too_few_answered')).toBeUndefined();
    const b: Answers = { s1: 'weet_niet', g1: points('nvt', 'nvt', 'nvt', 'nvt', 'nvt', 'nvt') }; // 7 of 15: s2 not shown
    expect(failure(input(b, 1000), 'too_few_answered')).toMatchObject({ shown: 15, answered: 7 });
  });

  it('does not count questions routing did not show, nor answers left on them', () => {
    // Route 'a' hides page p3; answers stored for g3 (from an earlier route) neither count as shown nor as answered.
    const a = { ...firstAnswered(7), g3: points(1, 2, 3, 4, 5, 1, 2, 3) };
    expect(failure(input(a, 1000), 'too_few_answered')).toMatchObject({ shown: 16, answered: 7 });
    // Route 'b' shows p3 and hides s2: 23 shown, of which s1, g3 and two items of g1 answered.
    const b: Answers = { s1: 'b', g3: points(1, 2, 3, 4, 5, 1, 2, 3), g1: points(4, 3), s2: 'x' };
    expect(failure(input(b, 1000), 'too_few_answered')).toMatchObject({ shown: 23, answered: 11 });
  });

  it('leaves the institution\'s own questions out', () => {
    const a = { ...firstAnswered(7), i_q: 'ja' };
    expect(failure(input(a, 1000), 'too_few_answered')).toMatchObject({ shown: 16, answered: 7 });
  });
});

describe('too_fast: 2 seconds per answered question', () => {
  // careful() answers 17 questions: 16 core and the module question.
  it('34 s for 17 answers passes, 33.9 s fails', () => {
    expect(failure(input(careful(), 34), 'too_fast')).toBeUndefined();
    expect(failure(input(careful(), 33.9), 'too_fast')).toEqual({
      code: 'too_fast',
      failed: ['seconds_per_answered'],
      activeSeconds: 33.9,
      answered: 17,
      secondsPerAnswered: 33.9 / 17,
      minimumSecondsPerAnswered: 2,
      speedIndex: null,
      speedIndexPages: 0,
      maximumSpeedIndex: 2,
    });
  });

  it('counts opt-outs as answered: more answers, more time needed', () => {
    const a = { ...careful(), g1: points('nvt', 'nvt', 'nvt', 'nvt', 'nvt', 'nvt') };
    expect(failure(input(a, 33.9), 'too_fast')).toMatchObject({ answered: 17 });
  });
});

describe('too_fast: the relative speed index', () => {
  const medians = (responses: number, n = responses): PageMedians => ({ responses, pages: { p1: { median: 60, n }, p2: { median: 40, n }, p3: { median: 80, n }, i_p: { median: 10, n } } });

  it('exactly twice as fast as the median passes, a little more fails', () => {
    // Pages shown on route 'a': p1, p2, i_p. Index = mean of 60/30, 40/20, 10/5 = 2.0.
    expect(failure(input(careful(), 600, { p1: 30, p2: 20, i_p: 5 }), 'too_fast', medians(30))).toBeUndefined();
    const f = failure(input(careful(), 600, { p1: 30, p2: 19, i_p: 5 }), 'too_fast', medians(30));
    expect(f).toMatchObject({ failed: ['speed_index'], speedIndexPages: 3, maximumSpeedIndex: 2 });
    expect(f).toHaveProperty('speedIndex', (2 + 40 / 19 + 2) / 3);
  });

  it('is not computed before the version has 30 completed responses', () => {
    expect(failure(input(careful(), 600, { p1: 1, p2: 1, i_p: 1 }), 'too_fast', medians(29))).toBeUndefined();
    expect(failure(input(careful(), 600, { p1: 1, p2: 1, i_p: 1 }), 'too_fast', medians(30))).toMatchObject({ failed: ['speed_index'] });
  });

  it('leaves out pages fewer than 30 saw, pages routing did not show, and pages without a time', () => {
    const m = medians(100);
    m.pages.p1!.n = 29;
    // p1 left out (29 saw it), p3 not shown on route 'a', i_p has no time: only p2 counts, 40/10 = 4.
    const f = failure(input(careful(), 600, { p1: 1, p2: 10, p3: 1 }), 'too_fast', m);
    expect(f).toMatchObject({ speedIndex: 4, speedIndexPages: 1 });
  });

  it('counts a page left within a tenth of a second as a tenth, not as infinitely fast', () => {
    const f = failure(input(careful(), 600, { p1: 0, p2: 40, i_p: 10 }), 'too_fast', medians(30));
    expect(f).toHaveProperty('speedIndex', (600 + 1 + 1) / 3);
  });

  it('reports both checks when both fail', () => {
    expect(failure(input(careful(), 10, { p1: 3, p2: 3, i_p: 4 }), 'too_fast', medians(30))).toMatchObject({ failed: ['seconds_per_answered', 'speed_index'] });
  });
});

describe('straightlining: the same point throughout two grids of 6 or more', () => {
  it('two grids of 6 on one point fail; one such grid passes', () => {
    const two = { ...careful(), g1: points(4, 4, 4, 4, 4, 4), g2: points(2, 2, 2, 2, 2, 2) };
    expect(failure(input(two), 'straightlining')).toEqual({
      code: 'straightlining',
      failed: ['same_point_grids'],
      sameGrids: [
        { questionId: 'g1', point: 4, items: 6 },
        { questionId: 'g2', point: 2, items: 6 },
      ],
      minimumSameGrids: 2,
      gridAnswers: 12,
      topPoint: 2,
      topPointShare: 0.5,
      maximumShare: 0.9,
    });
    expect(failure(input({ ...careful(), g1: points(4, 4, 4, 4, 4, 4) }), 'straightlining')).toBeUndefined();
  });

  it('a grid with only 5 items on the scale (one opt-out or skipped) is not counted as straight', () => {
    expect(failure(input({ ...careful(), g1: points(4, 4, 4, 4, 4, 'nvt'), g2: points(4, 4, 4, 4, 4, 4) }), 'straightlining')).toBeUndefined();
    expect(failure(input({ ...careful(), g1: points(4, 4, 4, 4, 4), g2: points(4, 4, 4, 4, 4, 4) }), 'straightlining')).toBeUndefined();
  });
});

describe('straightlining: one point for 90% or more of at least 20 grid answers', () => {
  // Route 'b' shows g1, g2 and g3: 20 grid items.
  const routeB = (g1: ReturnType<typeof points>, g2: ReturnType<typeof points>, g3: ReturnType<typeof points>): Answers => ({ s1: 'b', g1, g2, g3, n1: 3, o1: 'x' });

  it('18 of 20 on one point (90%) fails; 17 of 20 passes', () => {
    const f = failure(input(routeB(points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 4, 4, 4, 4))), 'straightlining');
    expect(f).toMatchObject({ failed: ['one_point_share'], gridAnswers: 20, topPoint: 4, topPointShare: 0.9 });
    expect(f).toMatchObject({ sameGrids: [{ questionId: 'g3', point: 4, items: 8 }] });
    expect(failure(input(routeB(points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 3, 5), points(4, 4, 4, 4, 4, 4, 4, 4))), 'straightlining')).toBeUndefined();
  });

  it('is not judged under 20 grid answers on the scale; opt-outs are not on the scale', () => {
    // 19 answers on the scale, 17 on point 4 (89%): below both thresholds.
    const nineteen = routeB(points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 4, 4, 4));
    expect(failure(input(nineteen), 'straightlining')).toBeUndefined();
    // 19 on the scale, all but one on 4 (95%), and one n.v.t.: still not judged.
    const withOptOut = routeB(points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 4, 'nvt'), points(4, 4, 4, 4, 4, 4, 4, 3));
    expect(failure(input(withOptOut), 'straightlining')).toBeUndefined();
    // The same with the opt-out answered on the scale: 20 answers, 18 on point 4.
    const twenty = routeB(points(4, 4, 4, 4, 4, 5), points(4, 4, 4, 4, 4, 4), points(4, 4, 4, 4, 4, 4, 4, 3));
    expect(failure(input(twenty), 'straightlining')).toMatchObject({ failed: ['one_point_share'], gridAnswers: 20 });
  });

  it('ignores grid answers routing did not show', () => {
    // Route 'a' hides g3: its stored answers are not counted, leaving 12 grid answers.
    const a = { ...careful(), g1: points(4, 4, 4, 4, 4, 5), g3: points(4, 4, 4, 4, 4, 4, 4, 4) };
    expect(failure(input(a), 'straightlining')).toBeUndefined();
  });
});

describe('a response failing several rules', () => {
  it('lists every failed rule in a fixed order', () => {
    // 13 of 16 answered: too few only under stricter rules, as two full grids are more than half of this questionnaire.
    const rules: CleaningRules = { ...RULES, tooFewAnswered: { minAnsweredShare: 0.9 } };
    const v = judge(input({ s1: 'a', g1: points(3, 3, 3, 3, 3, 3), g2: points(3, 3, 3, 3, 3, 3) }, 5), null, rules);
    expect(v.clean).toBe(false);
    expect(v.failures.map((f) => f.code)).toEqual(['too_few_answered', 'too_fast', 'straightlining']);
  });

  it('is judged by the rules it is given, stamped with their version', () => {
    const strict: CleaningRules = { ...RULES, version: 2, tooFewAnswered: { minAnsweredShare: 0.95 } };
    const a = { ...careful() };
    delete a.o1;
    expect(judge(input(a), null, strict)).toMatchObject({ rulesVersion: 2, clean: false, failures: [{ code: 'too_few_answered', share: 15 / 16 }] });
  });
});
