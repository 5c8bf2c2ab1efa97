import { describe, expect, it } from 'vitest';
import { buildPageSchema, checkAnswer, parseQuestionnaire, visibleQuestions, type QuestionnaireInput } from '../../questionnaire/index.ts';

const src: QuestionnaireInput = {
  id: '2099-1',
  title: { nl: 'T', en: 'T' },
  pages: [
    {
      id: 'p',
      title: { nl: 'P', en: 'P' },
      questions: [
        {
          id: 'grid',
          type: 'grid',
          text: { nl: 'g', en: 'g' },
          items: [
            { id: 'a', text: { nl: 'a', en: 'a' } },
            { id: 'b', text: { nl: 'b', en: 'b' } },
          ],
          scale: [1, 2, 3, 4, 5].map((v) => ({ value: v, text: { nl: String(v), en: String(v) } })),
          optOuts: [{ code: 'nvt', text: { nl: 'n.v.t.', en: 'n/a' } }],
        },
        { id: 'one', type: 'single', text: { nl: 's', en: 's' }, options: [{ code: 'x', text: { nl: 'x', en: 'x' } }, { code: 'y', text: { nl: 'y', en: 'y' } }] },
        { id: 'many', type: 'multi', maxChoices: 2, text: { nl: 'm', en: 'm' }, options: ['p', 'q', 'r'].map((c) => ({ code: c, text: { nl: c, en: c } })) },
        { id: 'grade', type: 'grade', text: { nl: 'c', en: 'c' } },
        { id: 'hours', type: 'number', min: 0, max: 60, text: { nl: 'n', en: 'n' } },
        { id: 'remark', type: 'open', maxLength: 10, text: { nl: 'o', en: 'o' } },
        { id: 'bbl_only', type: 'grade', showIf: { context: 'leerweg', in: ['BBL'] }, text: { nl: 'b', en: 'b' } },
        { id: 'after_grade', type: 'open', maxLength: 5, showIf: { all: [{ question: 'grade', answered: true }, { not: { question: 'grade', in: [1] } }] }, text: { nl: 'a', en: 'a' } },
      ],
    },
  ],
};
const r = parseQuestionnaire(src);
if (!r.ok) throw new Error(r.errors.join('\n'));
const def = r.value;

describe('answer validation derived from the definition', () => {
  it.each([
    ['grid', { a: 5, b: 'nvt' }],
    ['grid', { a: 1 }],
    ['one', 'y'],
    ['many', ['p', 'r']],
    ['grade', 10],
    ['hours', 0],
    ['remark', 'kort'],
    ['remark', null],
  ])('accepts %s = %j', (id, value) => {
    expect(checkAnswer(def, id, value).ok).toBe(true);
  });

  it.each([
    ['grid', { a: 6 }],
    ['grid', { a: 2.5 }],
    ['grid', { c: 1 }],
    ['grid', { a: 'weet_niet' }],
    ['one', 'z'],
    ['many', ['p', 'q', 'r']],
    ['many', ['p', 'p']],
    ['grade', 0],
    ['grade', 11],
    ['hours', 61],
    ['hours', '12'],
    ['remark', 'veel te lange tekst'],
    ['nope', 1],
  ])('rejects %s = %j', (id, value) => {
    expect(checkAnswer(def, id, value).ok).toBe(false);
  });

  it('builds one form schema per page with every question optional', () => {
    const schema = buildPageSchema(def, 'p');
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ grade: 7, hours: null }).success).toBe(true);
    expect(schema.safeParse({ hours: 100 }).success).toBe(false);
  });
});

describe('routing', () => {
  const ids = (answers: Record<string, unknown>, leerweg: 'BOL' | 'BBL') =>
    visibleQuestions(def, answers as never, { leerweg, niveau: 4 }).map((q) => q.id);

  it('shows a question on the leerweg from the population', () => {
    expect(ids({}, 'BBL')).toContain('bbl_only');
    expect(ids({}, 'BOL')).not.toContain('bbl_only');
  });

  it('follows combined conditions on earlier answers', () => {
    expect(ids({}, 'BOL')).not.toContain('after_grade');
    expect(ids({ grade: 7 }, 'BOL')).toContain('after_grade');
    expect(ids({ grade: 1 }, 'BOL')).not.toContain('after_grade');
  });
});
