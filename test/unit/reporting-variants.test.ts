// Which versions of a question results combine: only where the questionnaire diff finds no change to the question
// (its wording, options, type, routing, or its page's routing); a move to another page is no change. Keys are stable.
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, type Questionnaire } from '../../questionnaire/index.ts';
import { questionVariants } from '../../server/services/reporting/variants.ts';

const [v1, v2] = [...loadQuestionnaires().values()] as [Questionnaire, Questionnaire];

/** A third version derived from 2024-2 by `change`. */
function v3(change: (def: Questionnaire) => void): Questionnaire {
  const def = structuredClone(v2);
  def.id = '2024-3';
  change(def);
  return def;
}

describe('question variants', () => {
  it('keeps the two 2024 wordings of the corona question and the electives apart, and combines the rest', () => {
    const v = questionVariants([v1, v2]);
    const split = v.list.filter((x) => x.versions.length === 1).map((x) => [x.key, x.versions]);
    expect(split).toEqual([
      ['keuzedelen', ['2024-1']],
      ['keuzedelen@2024-2', ['2024-2']],
      ['corona_cijfer', ['2024-1']],
      ['corona_cijfer@2024-2', ['2024-2']],
    ]);
    expect(v.of('2024-1', 'opleiding_aanraden')).toBe(v.of('2024-2', 'opleiding_aanraden'));
    expect(v.of('2024-2', 'corona_cijfer')!.question.text.nl).toMatch(/lager of hoger/);
  });

  it('splits a question whose page is shown to other students, not one moved to another page', () => {
    const routed = questionVariants([v1, v2, v3((d) => (d.pages.find((p) => p.id === 'online')!.showIf = { context: 'leerweg', in: ['BOL'] }))]);
    expect(routed.of('2024-3', 'online_oordeel')!.key).toBe('online_oordeel@2024-3');
    const moved = questionVariants([v1, v2, v3((d) => {
      const from = d.pages.find((p) => p.id === 'opleiding')!;
      const q = from.questions.splice(from.questions.findIndex((x) => x.id === 'opleiding_aanraden'), 1)[0]!;
      d.pages.find((p) => p.id === 'lessen')!.questions.push(q);
    })]);
    expect(moved.of('2024-3', 'opleiding_aanraden')!.versions).toEqual(['2024-1', '2024-2', '2024-3']);
  });

  it('keeps the keys of earlier versions when a version is added', () => {
    const before = questionVariants([v1, v2]);
    const after = questionVariants([v1, v2, v3((d) => (d.pages[0]!.questions[0]!.text = { nl: 'Welk leerjaar?', en: 'Which year?' }))]);
    for (const x of before.list) expect(after.of(x.versions[0]!, x.questionId)!.key).toBe(x.key);
    expect(after.of('2024-3', 'leerjaar')!.key).toBe('leerjaar@2024-3');
  });
});
