// The shipped questionnaire: it validates, it has the size and themes the survey needs, published versions are
// hash-locked, 2024-2 differs from 2024-1 by exactly the two fieldwork changes and 2024-3 from 2024-2 by the
// answers of the corona check.
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, PUBLISHED, loadQuestionnaires, sources, type Questionnaire } from '../../questionnaire/index.ts';
import { canonicalJson, checkLock, contentHash } from '../../questionnaire/lock.ts';
import { diffQuestionnaires, formatDiff } from '../../questionnaire/diff.ts';

const defs = loadQuestionnaires();
const v1 = defs.get('2024-1')!;
const v2 = defs.get('2024-2')!;
const v3 = defs.get('2024-3')!;
const itemCount = (def: Questionnaire, pageId: string) =>
  def.pages.find((p) => p.id === pageId)!.questions.reduce((n, q) => n + (q.type === 'grid' ? q.items.length : 1), 0);

describe('the shipped questionnaire', () => {
  it('validates and serves 2024-3 to new respondents', () => {
    expect([...defs.keys()]).toEqual(['2024-1', '2024-2', '2024-3']);
    expect(CURRENT_VERSION).toBe('2024-3');
  });

  it('answers the corona check ("lower or higher?") with lower, no difference or higher, under the codes of 2024-2', () => {
    const corona = (d: Questionnaire) => d.pages.flatMap((p) => p.questions).find((q) => q.id === 'corona_cijfer')!;
    const q3 = corona(v3);
    const q2 = corona(v2);
    expect(q3.text).toEqual(q2.text);
    expect(q3.type === 'single' && q3.options.map((o) => [o.code, o.text.nl, o.text.en])).toEqual([
      ['lager', 'Lager', 'Lower'],
      ['geen_verschil', 'Geen verschil', 'No difference'],
      ['hoger', 'Hoger', 'Higher'],
      ['weet_niet', 'Weet ik niet', "Don't know"],
    ]);
    expect(q2.type === 'single' && q2.options.map((o) => o.code)).toEqual(q3.type === 'single' && q3.options.map((o) => o.code));
  });

  it('has one page per theme, about 15 minutes of items for any one student', () => {
    expect(v1.pages.map((p) => p.id)).toEqual([
      'opleiding', 'lessen', 'docenten', 'materiaal', 'informatie', 'begeleiding', 'bpv', 'leerbedrijf',
      'keuzedelen', 'online', 'sfeer', 'voorzieningen', 'rapportcijfer',
    ]);
    const all = v1.pages.reduce((n, p) => n + itemCount(v1, p.id), 0);
    // A student sees at most one of the two internship wordings.
    const most = all - itemCount(v1, 'leerbedrijf');
    expect(most).toBeGreaterThanOrEqual(70);
    expect(most).toBeLessThanOrEqual(90);
  });

  it('asks the year of study and rates electives on 5 points plus the opt-out', () => {
    const q = v2.pages.flatMap((p) => p.questions);
    expect(q.find((x) => x.id === 'leerjaar')?.type).toBe('single');
    const keuze = q.find((x) => x.id === 'keuzedelen');
    expect(keuze?.type === 'grid' && keuze.scale.length + keuze.optOuts.length).toBe(6);
    expect(keuze?.type === 'grid' && keuze.optOuts[0]!.text.nl).toBe('Ik kan (nog) geen keuzedelen kiezen');
  });

  it('keeps question ids stable across versions', () => {
    const ids = (d: Questionnaire) => d.pages.flatMap((p) => p.questions.map((q) => q.id));
    expect(ids(v2)).toEqual(ids(v1));
    expect(ids(v3)).toEqual(ids(v1));
  });
});

describe('the hash lock of published versions', () => {
  it('locks every shipped version, and the lock matches', () => {
    // A new version is published by adding the line this message prints to questionnaire/published.json.
    const unlocked = [...defs.values()].filter((d) => !(d.id in PUBLISHED)).map((d) => `"${d.id}": "${contentHash(d)}"`);
    expect(unlocked, 'versions missing from questionnaire/published.json').toEqual([]);
    expect(Object.keys(PUBLISHED).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(checkLock(defs, PUBLISHED)).toEqual([]);
  });

  it('fails when a published version is edited, naming the version', () => {
    const tampered = structuredClone(sources);
    tampered[0]!.pages[0]!.questions[0]!.text = { nl: 'In welk jaar zit je?', en: 'Which year are you in?' };
    expect(() => loadQuestionnaires(tampered)).toThrow(/version 2024-1 is published and may not change/);
  });

  it('fails when a published version disappears', () => {
    expect(() => loadQuestionnaires(sources.slice(1))).toThrow(/version 2024-1 is published \(questionnaire\/published.json\) but its definition is missing/);
  });

  it('hashes content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(v1) as Questionnaire;
    expect(Object.keys(reordered)).toEqual(Object.keys(v1).reverse());
    expect(contentHash(reordered)).toBe(contentHash(v1));
  });
});

describe('questionnaire-diff', () => {
  it('lists exactly the two changes from 2024-1 to 2024-2', () => {
    const d = diffQuestionnaires(v1, v2);
    expect(d.changes.map((c) => [c.kind, c.question, c.languages])).toEqual([
      ['options', 'keuzedelen', ['nl', 'en']],
      ['reworded', 'corona_cijfer', ['nl', 'en']],
    ]);
    expect(formatDiff(d)).toContain('"Ik kan geen keuzedelen kiezen" -> "Ik kan (nog) geen keuzedelen kiezen"');
  });

  it('lists exactly the corona check answers from 2024-2 to 2024-3', () => {
    const d = diffQuestionnaires(v2, v3);
    expect(d.changes.map((c) => [c.kind, c.question, c.languages])).toEqual([['options', 'corona_cijfer', ['nl', 'en']]]);
  });

  it('finds added, removed, routing and option changes', () => {
    const next = structuredClone(v2);
    const page = next.pages[0]!;
    page.questions = page.questions.filter((q) => q.id !== 'opleiding_aanraden');
    page.questions.push({ id: 'nieuw', type: 'open', text: { nl: 'Nieuw?', en: 'New?' }, maxLength: 100, multiline: true });
    const corona = next.pages.at(-1)!.questions.find((q) => q.id === 'corona_cijfer')!;
    corona.showIf = { question: 'cijfer_opleiding', answered: true };
    if (corona.type === 'single') corona.options.pop();
    const kinds = diffQuestionnaires(v2, next).changes.map((c) => `${c.kind}:${c.question}`);
    expect(kinds.sort()).toEqual(['added:nieuw', 'options:corona_cijfer', 'removed:opleiding_aanraden', 'routing:corona_cijfer']);
    expect(diffQuestionnaires(v2, v2).changes).toEqual([]);
  });
});
