// Progress counts grid rows as items over the route as far as it is known: walking forward, answering or
// skipping, the total never grows, and at the end it is exactly the items of the pages shown.
import { describe, expect, it } from 'vitest';
import { FINISH, loadQuestionnaires, openItems, progressOf, visiblePages, type Answers, type Question, type RoutingContext } from '../../questionnaire/index.ts';

const def = loadQuestionnaires().get('2024-3')!;
const question = (id: string) => def.pages.flatMap((p) => p.questions).find((q) => q.id === id)!;
const bol: RoutingContext = { leerweg: 'BOL', niveau: 4 };

/** An answer that opens every branch it can (yes to an internship, online lessons, being bullied...). */
function answerFor(q: Question): Answers[string] {
  switch (q.type) {
    case 'grid':
      return Object.fromEntries(q.items.map((it) => [it.id, 4]));
    case 'single':
      return (q.options.find((o) => ['ja_nu', 'vaak', 'ja'].includes(o.code)) ?? q.options[0]!).code;
    case 'multi':
      return [q.options[0]!.code];
    case 'grade':
      return 7;
    case 'number':
      return q.min;
    case 'open':
      return 'Prima.';
  }
}

/** Walks the visible route page by page, answering (or not), and records the progress on every page. */
function walk(answer: (q: Question) => boolean, context: RoutingContext = bol) {
  const answers: Answers = {};
  const seen: { page: string; answered: number; total: number; pages: number }[] = [];
  let furthest: string | null = null;
  for (let i = 0; ; i++) {
    const pages = visiblePages(def, answers, context);
    if (i >= pages.length) break;
    const { page, questions } = pages[i]!;
    furthest = page.id;
    const before = progressOf(def, answers, context, { pageId: page.id, furthest });
    seen.push({ ...before, page: page.id });
    for (const q of questions) if (answer(q)) answers[q.id] = answerFor(q);
    // Routing can show a question further down the same page once one above it is answered.
    for (const q of visiblePages(def, answers, context)[i]!.questions) if (answer(q) && answers[q.id] === undefined) answers[q.id] = answerFor(q);
  }
  return { answers, seen, end: progressOf(def, answers, context, { pageId: null, furthest: FINISH }) };
}

const items = (pages: ReturnType<typeof visiblePages>) => pages.flatMap((p) => p.questions).reduce((n, q) => n + (q.type === 'grid' ? q.items.length : 1), 0);

describe('progress', () => {
  it('counts each grid row as an item', () => {
    const p = progressOf(def, { docenten: { uitleg: 4, respect: 'weet_niet' }, leerjaar: 'j2' }, bol, { pageId: 'docenten', furthest: 'docenten' });
    expect(p.answered).toBe(3);
    expect(openItems(question('docenten'), { uitleg: 4 }).map((it) => it.id)).toEqual(['vakkennis', 'praktijk', 'respect', 'bereikbaar', 'feedback', 'op_tijd']);
    expect(openItems(question('leerjaar'), 'j1')).toEqual([]);
    expect(openItems(question('leerjaar'), null).map((it) => it.id)).toEqual(['leerjaar']);
  });

  it('never grows while a student answers everything and opens every branch', () => {
    const { seen, end, answers } = walk(() => true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.total, `total on ${seen[i]!.page}`).toBeLessThanOrEqual(seen[i - 1]!.total);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.pages, `pages on ${seen[i]!.page}`).toBeLessThanOrEqual(seen[i - 1]!.pages);
    expect(seen.map((s) => s.page)).toContain('bpv');
    expect(end.total).toBe(items(visiblePages(def, answers, bol)));
    expect(end.answered).toBe(end.total);
  });

  it('never grows while a student skips everything, and then counts only what was shown', () => {
    const { seen, end } = walk(() => false);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.total, `total on ${seen[i]!.page}`).toBeLessThanOrEqual(seen[i - 1]!.total);
    // On the first page the internship and online pages may still come; once passed unanswered, they will not.
    expect(seen[0]!.total).toBeGreaterThan(end.total);
    expect(end.total).toBe(items(visiblePages(def, {}, bol)));
    expect(end.answered).toBe(0);
  });

  it('takes a branch off the total as soon as it is answered away, even on the same page', () => {
    const onFirst = (a: Answers) => progressOf(def, a, bol, { pageId: 'opleiding', furthest: 'opleiding' }).total;
    const bpvItems = def.pages.find((p) => p.id === 'bpv')!.questions.reduce((n, q) => n + (q.type === 'grid' ? q.items.length : 1), 0);
    expect(onFirst({ bpv_gedaan: 'nee' })).toBe(onFirst({}) - bpvItems);
    expect(onFirst({ bpv_gedaan: 'ja_nu' })).toBe(onFirst({}));
  });

  it('keeps a passed skip settled when the student goes back', () => {
    const later = progressOf(def, {}, bol, { pageId: 'docenten', furthest: 'docenten' });
    const back = progressOf(def, {}, bol, { pageId: 'opleiding', furthest: 'docenten' });
    expect(back.total).toBe(later.total);
    expect(back.page).toBe(0);
  });
});
