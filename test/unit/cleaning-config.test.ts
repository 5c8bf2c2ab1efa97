// The cleaning rules as versioned data (validated, hash-locked), the median page times the speed index compares
// with, and the report of what moved when the rules change, run on the real 2024-1 questionnaire.
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, type Answers, type Questionnaire } from '../../questionnaire/index.ts';
import { CURRENT_CLEANING_RULES_VERSION, cleaningRuleSources, cleaningRulesHash, loadCleaningRules, PUBLISHED_CLEANING_RULES, type CleaningRules, type CleaningRulesInput } from '../../questionnaire/cleaning/index.ts';
import { pageMedians } from '../../server/services/cleaning/page-medians.ts';
import { evaluateResponse } from '../../server/services/cleaning/evaluate.ts';
import { compareVerdicts } from '../../server/services/cleaning/compare.ts';
import type { Verdict } from '../../server/services/cleaning/verdict.ts';

describe('the cleaning rules configuration', () => {
  it('version 1 holds the defaults, is current and is locked', () => {
    const rules = loadCleaningRules();
    expect(CURRENT_CLEANING_RULES_VERSION).toBe(1);
    expect(rules.get(1)).toMatchObject({
      tooFewAnswered: { minAnsweredShare: 0.5 },
      tooFast: { minSecondsPerAnswered: 2, maxSpeedIndex: 2, speedIndexMinResponses: 30 },
      straightlining: { gridMinItems: 6, minSameGrids: 2, allGridsMinAnswers: 20, allGridsMaxShare: 0.9 },
    });
    // A new version is published by adding its hash to questionnaire/cleaning/published.json.
    const unlocked = [...rules.values()].filter((r) => !(String(r.version) in PUBLISHED_CLEANING_RULES)).map((r) => `"${r.version}": "${cleaningRulesHash(r)}"`);
    expect(unlocked).toEqual([]);
  });

  const v1 = cleaningRuleSources[0]!;
  it.each<[string, CleaningRulesInput[], RegExp]>([
    ['a share above 1', [{ ...v1, version: 2, tooFewAnswered: { minAnsweredShare: 1.5 } }], /version 2 are invalid:\n {2}tooFewAnswered.minAnsweredShare: /],
    ['a speed index of 1 or less', [{ ...v1, version: 2, tooFast: { ...v1.tooFast, maxSpeedIndex: 1 } }], /tooFast.maxSpeedIndex/],
    ['an unknown setting', [{ ...v1, version: 2, extra: true } as CleaningRulesInput], /Unrecognized key/],
    ['a missing text', [{ ...v1, version: 2, description: { nl: 'x', en: ' ' } }], /description.en: English text is empty/],
    ['a version shipped twice', [v1, v1], /version 1 is shipped twice/],
    ['an edited published version', [{ ...v1, straightlining: { ...v1.straightlining, gridMinItems: 5 } }], /version 1 is published and may not change/],
    ['a published version missing', [{ ...v1, version: 2 }], /version 1 is published .* but missing/],
  ])('refuses %s at start-up', (_name, sources, message) => {
    expect(() => loadCleaningRules(sources)).toThrow(message);
  });
});

describe('pageMedians', () => {
  it('takes each page\'s median over the responses that have a time for it', () => {
    const m = pageMedians([{ p1: 10, p2: 5 }, { p1: 30 }, { p1: 20, p2: 7 }, { p1: 40, p3: 1 }]);
    expect(m).toEqual({ responses: 4, pages: { p1: { median: 25, n: 4 }, p2: { median: 6, n: 2 }, p3: { median: 1, n: 1 } } });
    expect(pageMedians([{ p1: 3 }, { p1: 1 }, { p1: 2 }]).pages.p1).toEqual({ median: 2, n: 3 });
    expect(pageMedians([])).toEqual({ responses: 0, pages: {} });
  });
});

describe('compareVerdicts', () => {
  const clean = (v: number): Verdict => ({ rulesVersion: v, clean: true, failures: [] });
  const fail = (v: number, ...codes: ('too_few_answered' | 'too_fast' | 'straightlining')[]): Verdict => ({
    rulesVersion: v,
    clean: false,
    // Only the codes matter to the comparison; the figures are those of a minimal failure.
    failures: codes.map((code) => ({ code, shown: 1, answered: 0, share: 0, minimumShare: 0.5 }) as unknown as Verdict['failures'][number]),
  });

  it('reports who moved and the counts per rule', () => {
    const before = new Map([[1, clean(1)], [2, fail(1, 'too_fast')], [3, fail(1, 'too_fast')], [4, fail(1, 'straightlining')], [5, clean(1)], [6, clean(1)]]);
    const after = new Map([[1, fail(2, 'too_fast')], [2, clean(2)], [3, fail(2, 'too_fast', 'straightlining')], [4, fail(2, 'straightlining')], [5, clean(2)], [7, clean(2)]]);
    expect(compareVerdicts(before, after)).toEqual({
      versionsBefore: [1],
      versionsAfter: [2],
      compared: 5,
      clean: { before: 2, after: 2 },
      becameExcluded: [1],
      becameClean: [2],
      reasonsChanged: [3],
      onlyBefore: [6],
      onlyAfter: [7],
      byReason: {
        too_few_answered: { before: 0, after: 0, added: 0, removed: 0 },
        too_fast: { before: 2, after: 2, added: 1, removed: 1 },
        straightlining: { before: 1, after: 2, added: 1, removed: 0 },
      },
    });
  });

  it('finds nothing moved between a run and itself', () => {
    const set = new Map([[1, clean(1)], [2, fail(1, 'too_fast')]]);
    expect(compareVerdicts(set, set)).toMatchObject({ becameClean: [], becameExcluded: [], reasonsChanged: [], onlyBefore: [], onlyAfter: [] });
  });
});

describe('a re-run with changed rules on the 2024-1 questionnaire', () => {
  const def: Questionnaire = loadQuestionnaires().get('2024-1')!;
  const v1: CleaningRules = loadCleaningRules().get(1)!;
  const v2: CleaningRules = { ...v1, version: 2, tooFast: { ...v1.tooFast, minSecondsPerAnswered: 3 } };

  /** Answers every shown question, grid items on `point` (a straight-liner) or varied; `seconds` of active time. */
  function response(seconds: number, point?: number) {
    const answers: Answers = {};
    let k = 0;
    for (const page of def.pages) {
      for (const q of page.questions) {
        k++;
        if (q.type === 'grid') answers[q.id] = Object.fromEntries(q.items.map((it, i) => [it.id, point ?? 1 + ((i + k) % 5)]));
        else if (q.type === 'single') answers[q.id] = q.options[0]!.code;
        else if (q.type === 'grade') answers[q.id] = 7;
        else if (q.type === 'number') answers[q.id] = q.min;
        else if (q.type === 'open') answers[q.id] = 'prima';
        else answers[q.id] = [q.options[0]!.code];
      }
    }
    const pageSeconds = Object.fromEntries(def.pages.map((p) => [p.id, seconds / def.pages.length]));
    return { definition: def, answers, context: { leerweg: 'BOL', niveau: 4 }, timing: { activeSeconds: seconds, pageSeconds } };
  }

  it('moves the responses between 2 and 3 seconds per answer, and only those', () => {
    const responses = new Map([
      ['slow', response(900)],
      ['brisk', response(250)],
      ['rushed', response(100)],
      ['straight', response(900, 4)],
    ]);
    const judge = (rules: CleaningRules) => new Map([...responses].map(([k, r]) => [k, evaluateResponse(r, rules, null)]));
    const moves = compareVerdicts(judge(v1), judge(v2));
    // 250 s is 2-3 s per answered question or grid item, 100 s under 2.
    const rushed = evaluateResponse(responses.get('rushed')!, v1, null).failures[0]!;
    expect(rushed).toMatchObject({ code: 'too_fast', failed: ['seconds_per_answered'] });
    expect(rushed.code === 'too_fast' && rushed.answered).toBeGreaterThan(250 / 3);
    expect(rushed.code === 'too_fast' && rushed.answered).toBeLessThan(250 / 2);
    expect(moves.becameExcluded).toEqual(['brisk']);
    expect(moves).toMatchObject({ becameClean: [], reasonsChanged: [], versionsBefore: [1], versionsAfter: [2], clean: { before: 2, after: 1 } });
    expect(moves.byReason.too_fast).toEqual({ before: 1, after: 2, added: 1, removed: 0 });
    expect(moves.byReason.straightlining).toEqual({ before: 1, after: 1, added: 0, removed: 0 });
  });
});
