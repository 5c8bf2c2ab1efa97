// Every routing rule of the shipped questionnaire, shown and hidden, and the classification of answers into
// answered / opt-out / skipped / not shown that results rely on.
import { describe, expect, it } from 'vitest';
import { classifyAnswers, loadQuestionnaires, visiblePages, type Answers, type RoutingContext } from '../../questionnaire/index.ts';

const defs = loadQuestionnaires();

interface Scenario {
  name: string;
  context: RoutingContext;
  answers: Answers;
  shows: string[];
  hides: string[];
}

const bol: RoutingContext = { leerweg: 'BOL', niveau: 4 };
const bbl: RoutingContext = { leerweg: 'BBL', niveau: 2 };

const scenarios: Scenario[] = [
  { name: 'BOL student in an internship now', context: bol, answers: { bpv_gedaan: 'ja_nu' }, shows: ['bpv', 'bpv_oordeel'], hides: ['leerbedrijf', 'bbl_oordeel'] },
  { name: 'BOL student with an internship earlier this year', context: bol, answers: { bpv_gedaan: 'ja_eerder' }, shows: ['bpv'], hides: ['leerbedrijf'] },
  { name: 'BOL student without internship', context: bol, answers: { bpv_gedaan: 'nee' }, shows: [], hides: ['bpv', 'leerbedrijf'] },
  { name: 'student who skipped the internship question', context: bol, answers: {}, shows: [], hides: ['bpv', 'leerbedrijf', 'online', 'corona_cijfer'] },
  { name: 'BBL student at a workplace: workplace wording', context: bbl, answers: { bpv_gedaan: 'ja_nu' }, shows: ['leerbedrijf', 'bbl_oordeel'], hides: ['bpv'] },
  { name: 'BBL student without workplace this year', context: bbl, answers: { bpv_gedaan: 'nee' }, shows: [], hides: ['bpv', 'leerbedrijf'] },
  { name: 'unknown leerweg is treated as not BBL', context: {}, answers: { bpv_gedaan: 'ja_nu' }, shows: ['bpv'], hides: ['leerbedrijf'] },
  {
    name: 'BOL discrimination at the internship: follow-up questions',
    context: bol,
    answers: { bpv_gedaan: 'ja_nu', bpv_discriminatie: 'ja' },
    shows: ['bpv_discriminatie_grond', 'bpv_discriminatie_melding'],
    hides: [],
  },
  { name: 'BOL no discrimination', context: bol, answers: { bpv_gedaan: 'ja_nu', bpv_discriminatie: 'nee' }, shows: [], hides: ['bpv_discriminatie_grond', 'bpv_discriminatie_melding'] },
  { name: 'BOL rather not say', context: bol, answers: { bpv_gedaan: 'ja_nu', bpv_discriminatie: 'zeg_niet' }, shows: [], hides: ['bpv_discriminatie_grond'] },
  {
    name: 'BBL discrimination at the workplace',
    context: bbl,
    answers: { bpv_gedaan: 'ja_eerder', bbl_discriminatie: 'ja' },
    shows: ['bbl_discriminatie_grond', 'bbl_discriminatie_melding'],
    hides: [],
  },
  { name: 'BBL no discrimination', context: bbl, answers: { bpv_gedaan: 'ja_eerder', bbl_discriminatie: 'nee' }, shows: [], hides: ['bbl_discriminatie_grond', 'bbl_discriminatie_melding'] },
  { name: 'often online lessons', context: bol, answers: { online_gehad: 'vaak' }, shows: ['online', 'online_oordeel', 'online_voorkeur'], hides: [] },
  { name: 'sometimes online lessons', context: bol, answers: { online_gehad: 'soms' }, shows: ['online'], hides: [] },
  { name: 'no online lessons', context: bol, answers: { online_gehad: 'nee' }, shows: [], hides: ['online'] },
  { name: 'bullied: asked whether reported', context: bol, answers: { gepest: 'ja' }, shows: ['gepest_gemeld'], hides: [] },
  { name: 'not bullied', context: bol, answers: { gepest: 'nee' }, shows: [], hides: ['gepest_gemeld'] },
  { name: 'programme graded: corona check', context: bol, answers: { cijfer_opleiding: 7 }, shows: ['corona_cijfer'], hides: [] },
  { name: 'only the school graded: corona check', context: bol, answers: { cijfer_opleiding: 'weet_niet', cijfer_school: 1 }, shows: ['corona_cijfer'], hides: [] },
  { name: '"weet ik niet" for both grades: no corona check', context: bol, answers: { cijfer_opleiding: 'weet_niet', cijfer_school: 'weet_niet' }, shows: [], hides: ['corona_cijfer'] },
];

function visibleIds(version: string, s: Scenario): Set<string> {
  const pages = visiblePages(defs.get(version)!, s.answers, s.context);
  return new Set([...pages.map((p) => p.page.id), ...pages.flatMap((p) => p.questions.map((q) => q.id))]);
}

describe.each(['2024-1', '2024-2', '2024-3'])('routing of %s', (version) => {
  it.each(scenarios)('$name', (s) => {
    const ids = visibleIds(version, s);
    for (const id of s.shows) expect(ids, `${id} should be shown`).toContain(id);
    for (const id of s.hides) expect(ids, `${id} should be hidden`).not.toContain(id);
  });

  it('the scenarios exercise every routing rule, shown and hidden', () => {
    const def = defs.get(version)!;
    const routed = [...def.pages.filter((p) => p.showIf).map((p) => p.id), ...def.pages.flatMap((p) => p.questions.filter((q) => q.showIf).map((q) => q.id))];
    expect(routed.length).toBeGreaterThanOrEqual(9);
    const results = scenarios.map((s) => visibleIds(version, s));
    for (const id of routed) {
      expect(results.some((r) => r.has(id)), `${id} is never shown`).toBe(true);
      expect(results.some((r) => !r.has(id)), `${id} is never hidden`).toBe(true);
    }
  });
});

describe('classifying answers for results', () => {
  const def = defs.get('2024-2')!;
  const cell = (answers: Answers, questionId: string, itemId?: string, context = bol) =>
    classifyAnswers(def, answers, context).find((c) => c.questionId === questionId && c.itemId === itemId)!;

  it('tells answered, opt-out, skipped and not shown apart', () => {
    const answers: Answers = {
      bpv_gedaan: 'nee',
      lessen_vakken: { nederlands: 4, rekenen: 'nvt' },
      cijfer_opleiding: 'weet_niet',
      cijfer_school: 8,
      ongebruikt_materiaal: 'weet_niet',
      bpv_oordeel: { leren: 5 }, // stale: answered before the student changed bpv_gedaan to "nee"
    };
    expect(cell(answers, 'lessen_vakken', 'nederlands')).toMatchObject({ status: 'answered', value: 4 });
    expect(cell(answers, 'lessen_vakken', 'rekenen')).toMatchObject({ status: 'opt_out', value: 'nvt' });
    expect(cell(answers, 'lessen_vakken', 'engels')).toMatchObject({ status: 'skipped', value: null });
    expect(cell(answers, 'cijfer_opleiding')).toMatchObject({ status: 'opt_out', value: 'weet_niet' });
    expect(cell(answers, 'cijfer_school')).toMatchObject({ status: 'answered', value: 8 });
    expect(cell(answers, 'ongebruikt_materiaal')).toMatchObject({ status: 'opt_out' });
    expect(cell(answers, 'corona_cijfer')).toMatchObject({ status: 'skipped' });
    expect(cell(answers, 'bpv_oordeel', 'leren')).toMatchObject({ status: 'not_shown', value: null });
    expect(cell(answers, 'online_oordeel', 'kwaliteit')).toMatchObject({ status: 'not_shown' });
    expect(cell({}, 'opmerkingen')).toMatchObject({ status: 'skipped' });
  });

  it('keeps the code of an answer on a single question that is no opt-out', () => {
    expect(cell({ ongebruikt_materiaal: 'boeken' }, 'ongebruikt_materiaal')).toMatchObject({ status: 'answered', value: 'boeken' });
    expect(cell({ bpv_gedaan: 'ja_nu', bpv_discriminatie: 'ja', bpv_discriminatie_grond: ['afkomst'] }, 'bpv_discriminatie_grond')).toMatchObject({ status: 'answered' });
  });

  it('classifies one cell per grid item and per other question', () => {
    const cells = classifyAnswers(def, {}, bol);
    const items = def.pages.flatMap((p) => p.questions).reduce((n, q) => n + (q.type === 'grid' ? q.items.length : 1), 0);
    expect(cells).toHaveLength(items);
    expect(new Set(cells.map((c) => c.status))).toEqual(new Set(['skipped', 'not_shown']));
  });
});
