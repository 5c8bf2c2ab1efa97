// Checks added for the full questionnaire (opt-outs well-formed, start-up refusal) and institution modules.
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, parseQuestionnaire, sources, type QuestionnaireInput } from '../../questionnaire/index.ts';
import { parseModule } from '../../questionnaire/module.ts';
import { demoModule } from '../../server/demo/demo-module.ts';

const cores = [...loadQuestionnaires().values()];
const errorsOf = (def: unknown) => {
  const r = parseQuestionnaire(def);
  return r.ok ? [] : r.errors;
};
const single = (options: { code: string; optOut?: true }[]) => ({
  id: '2099-1',
  title: { nl: 't', en: 't' },
  pages: [{ id: 'p', title: { nl: 'p', en: 'p' }, questions: [{ id: 'q', type: 'single', text: { nl: 'q', en: 'q' }, options: options.map((o) => ({ ...o, text: { nl: o.code, en: o.code } })) }] }],
});

describe('opt-out checks', () => {
  it('accepts opt-out options after the other options', () => {
    expect(errorsOf(single([{ code: 'ja' }, { code: 'nee' }, { code: 'weet_niet', optOut: true }]))).toEqual([]);
  });
  it('rejects an opt-out before a substantive option, and all-opt-out questions', () => {
    expect(errorsOf(single([{ code: 'ja' }, { code: 'weet_niet', optOut: true }, { code: 'nee' }]))).toEqual([
      expect.stringContaining('question "q": opt-out options come after the other options'),
    ]);
    expect(errorsOf(single([{ code: 'nvt', optOut: true }, { code: 'weet_niet', optOut: true }]))).toEqual([expect.stringContaining('every option is an opt-out')]);
  });
  it('rejects a numeric opt-out code on a grade, which results could mistake for a grade', () => {
    const def = single([{ code: 'ja' }, { code: 'nee' }]) as { pages: { questions: unknown[] }[] };
    def.pages[0]!.questions.push({ id: 'cijfer', type: 'grade', text: { nl: 'c', en: 'c' }, optOuts: [{ code: '0', text: { nl: 'geen', en: 'none' } }] });
    expect(errorsOf(def)).toEqual([expect.stringContaining('question "cijfer": opt-out code "0" must contain a letter')]);
  });
  it('stops start-up on an invalid definition with the version, question and problem', () => {
    const broken = structuredClone(sources) as QuestionnaireInput[];
    broken[1]!.pages[2]!.questions[0]!.text = { nl: 'Docenten', en: ' ' };
    expect(() => loadQuestionnaires(broken)).toThrow(/Questionnaire 2024-2 is invalid:\n {2}pages\[2\]\(docenten\)\.questions\[0\]\(docenten\)\.text\.en: English text is empty/);
  });
});

describe('institution modules', () => {
  it('accepts the demo module, against every core version', () => {
    const r = parseModule(demoModule, '99DM', cores);
    expect(r.ok && [r.value.id, r.version, r.value.pages.length]).toEqual(['99DM-1', 1, 1]);
  });

  it('may route on core questions and on the leerweg', () => {
    const mod = structuredClone(demoModule) as { pages: { questions: Record<string, unknown>[] }[] };
    mod.pages[0]!.questions[0]!.showIf = { all: [{ question: 'bpv_gedaan', in: ['ja_nu'] }, { context: 'leerweg', in: ['BBL'] }] };
    expect(parseModule(mod, '99DM', cores).ok).toBe(true);
  });

  it('rejects a module for another BRIN, core id collisions and more than 10 questions, each precisely', () => {
    const mod = structuredClone(demoModule) as { id: string; pages: { id: string; questions: Record<string, unknown>[] }[] };
    mod.id = '98DM-1';
    mod.pages[0]!.questions[1]!.id = 'leerjaar';
    for (let i = 0; i < 8; i++) mod.pages[0]!.questions.push({ id: `i_extra${i}`, type: 'open', text: { nl: 'x', en: 'x' }, maxLength: 10 });
    const r = parseModule(mod, '99DM', cores);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'id: "98DM-1" must be the BRIN and a version number, like "99DM-1"',
      'a module has at most 10 questions; this one has 11',
      'pages[0](i_noordwaarts).questions[1](leerjaar).id: module question ids start with "i_"',
      'pages[0](i_noordwaarts).questions[1](leerjaar).id: question id "leerjaar" is used twice',
      // i_app_tip routes on i_app, which is now called leerjaar, so that reference is dangling as well.
      'pages[0](i_noordwaarts).questions[2](i_app_tip).showIf: question "i_app_tip": showIf refers to "i_app", which is not an earlier question',
    ]);
  });

  it('rejects a file that is not a module at all', () => {
    const r = parseModule({ questions: [] }, '99DM', cores);
    expect(!r.ok && r.errors.join('\n')).toMatch(/^id: .*\npages: /s);
  });
});
