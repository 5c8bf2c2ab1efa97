import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, parseQuestionnaire, type QuestionnaireInput } from '../../questionnaire/index.ts';

const valid = (): QuestionnaireInput => ({
  id: '2099-1',
  title: { nl: 'Test', en: 'Test' },
  pages: [
    {
      id: 'p1',
      title: { nl: 'Pagina', en: 'Page' },
      questions: [
        { id: 'cijfer', type: 'grade', text: { nl: 'Cijfer?', en: 'Grade?' } },
        {
          id: 'corona',
          type: 'single',
          showIf: { question: 'cijfer', answered: true },
          text: { nl: 'Corona?', en: 'Corona?' },
          options: [
            { code: 'lager', text: { nl: 'Lager', en: 'Lower' } },
            { code: 'hoger', text: { nl: 'Hoger', en: 'Higher' } },
          ],
        },
      ],
    },
  ],
});

function errorsOf(def: unknown): string[] {
  const r = parseQuestionnaire(def);
  return r.ok ? [] : r.errors;
}

describe('questionnaire schema', () => {
  it('accepts the shipped definitions', () => {
    expect(() => loadQuestionnaires()).not.toThrow();
    expect(loadQuestionnaires().size).toBeGreaterThan(0);
  });

  it('accepts a small valid definition', () => {
    expect(errorsOf(valid())).toEqual([]);
  });

  it('rejects a duplicate question id, naming it', () => {
    const def = valid();
    def.pages[0]!.questions[1]!.id = 'cijfer';
    expect(errorsOf(def)).toEqual([expect.stringContaining('question id "cijfer" is used twice')]);
  });

  it('rejects a missing English text, with the path to the question', () => {
    const def = valid();
    (def.pages[0]!.questions[0]!.text as { en: string }).en = '';
    const errors = errorsOf(def);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/pages\[0\]\(p1\)\.questions\[0\]\(cijfer\)\.text\.en: English text is empty/);
  });

  it('rejects routing that looks forward or at a missing question', () => {
    const def = valid();
    def.pages[0]!.questions.reverse();
    expect(errorsOf(def)).toEqual([expect.stringContaining('question "corona": showIf refers to "cijfer", which is not an earlier question')]);
  });

  it('rejects routing on an answer the question cannot give', () => {
    const def = valid();
    def.pages[0]!.questions[1]!.showIf = { question: 'cijfer', in: [11] };
    expect(errorsOf(def)).toEqual([expect.stringContaining('showIf uses "11", which is not an answer of "cijfer"')]);
  });

  it('rejects a scale that does not run 1..n and duplicate option codes', () => {
    const def = valid();
    def.pages[0]!.questions.push({
      id: 'g',
      type: 'grid',
      text: { nl: 'x', en: 'x' },
      items: [{ id: 'a', text: { nl: 'a', en: 'a' } }],
      scale: [
        { value: 1, text: { nl: '1', en: '1' } },
        { value: 3, text: { nl: '3', en: '3' } },
      ],
      optOuts: [
        { code: 'nvt', text: { nl: 'n.v.t.', en: 'n/a' } },
        { code: 'nvt', text: { nl: 'n.v.t.', en: 'n/a' } },
      ],
    });
    const errors = errorsOf(def);
    expect(errors).toContainEqual(expect.stringContaining('scale values must run 1..2'));
    expect(errors).toContainEqual(expect.stringContaining('opt-out code "nvt" is used twice'));
  });

  it('rejects an empty page and an unknown question type', () => {
    const def = valid();
    def.pages.push({ id: 'p2', title: { nl: 'Leeg', en: 'Empty' }, questions: [] });
    expect(errorsOf(def)).toEqual([expect.stringContaining('a page needs at least one question')]);
    const bad = valid() as unknown as { pages: { questions: { type: string }[] }[] };
    bad.pages[0]!.questions[0]!.type = 'slider';
    expect(errorsOf(bad)[0]).toMatch(/questions\[0\]\(cijfer\)\.type/);
  });
});
