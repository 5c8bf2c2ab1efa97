// What changed between two questionnaire versions, question by question (ids are stable across versions), so
// reporting knows which items can be combined and institutions can read what changed.
import type { Condition, Locale, Page, Question, Questionnaire, Text } from './schema.ts';
import { LOCALES } from './schema.ts';

export type ChangeKind = 'added' | 'removed' | 'reworded' | 'options' | 'routing' | 'type' | 'moved';

export interface Change {
  kind: ChangeKind;
  /** The question id, or the page id for a page-level change. */
  question?: string;
  page?: string;
  /** Human-readable details, one per changed part, e.g. "text (nl): ... -> ...". */
  details: string[];
  /** Languages whose wording changed (reworded, options). */
  languages?: Locale[];
}

export interface QuestionnaireDiff {
  from: string;
  to: string;
  changes: Change[];
}

type Labeled = { key: string; text: Text };

const sameText = (a: Text | undefined, b: Text | undefined, lang: Locale) => (a?.[lang] ?? '') === (b?.[lang] ?? '');
const show = (s: string | undefined) => (s === undefined || s === '' ? '(none)' : JSON.stringify(s));

/** Compares texts per language; pushes a detail per changed language and records the language. */
function compareText(label: string, a: Text | undefined, b: Text | undefined, details: string[], langs: Set<Locale>): void {
  for (const lang of LOCALES) {
    if (sameText(a, b, lang)) continue;
    details.push(`${label} (${lang}): ${show(a?.[lang])} -> ${show(b?.[lang])}`);
    langs.add(lang);
  }
}

/** The answer options of a question as one list: scale points, options and opt-outs. */
function answerList(q: Question): { scale: Labeled[]; choices: Labeled[] } {
  switch (q.type) {
    case 'grid':
      return { scale: q.scale.map((s) => ({ key: String(s.value), text: s.text })), choices: q.optOuts.map((o) => ({ key: o.code, text: o.text })) };
    case 'grade':
      return { scale: [], choices: q.optOuts.map((o) => ({ key: o.code, text: o.text })) };
    case 'single':
    case 'multi':
      return { scale: [], choices: q.options.map((o) => ({ key: `${o.code}${o.optOut ? ' (opt-out)' : ''}`, text: o.text })) };
    case 'number':
      return { scale: [{ key: 'range', text: { nl: `${q.min}-${q.max}`, en: `${q.min}-${q.max}` } }], choices: [] };
    case 'open':
      return { scale: [{ key: 'maxLength', text: { nl: String(q.maxLength), en: String(q.maxLength) } }], choices: [] };
  }
}

function compareLists(what: string, a: Labeled[], b: Labeled[], details: string[], langs: Set<Locale>): void {
  const before = new Map(a.map((x) => [x.key, x.text]));
  const after = new Map(b.map((x) => [x.key, x.text]));
  for (const [key] of before) if (!after.has(key)) details.push(`${what} removed: ${key}`);
  for (const [key] of after) if (!before.has(key)) details.push(`${what} added: ${key}`);
  for (const [key, text] of after) if (before.has(key)) compareText(`${what} ${key}`, before.get(key), text, details, langs);
  const common = a.map((x) => x.key).filter((k) => after.has(k));
  const commonAfter = b.map((x) => x.key).filter((k) => before.has(k));
  if (common.join('|') !== commonAfter.join('|')) details.push(`${what} order: ${common.join(', ')} -> ${commonAfter.join(', ')}`);
}

const routing = (c: Condition | undefined) => (c ? JSON.stringify(c) : '(always shown)');

function compareQuestion(a: Question, b: Question, changes: Change[]): void {
  if (a.type !== b.type) {
    changes.push({ kind: 'type', question: b.id, details: [`type: ${a.type} -> ${b.type}`] });
    return;
  }
  const wording: string[] = [];
  const wordingLangs = new Set<Locale>();
  compareText('text', a.text, b.text, wording, wordingLangs);
  compareText('help', a.help, b.help, wording, wordingLangs);
  if (a.type === 'grid' && b.type === 'grid') {
    compareLists('item', a.items.map((i) => ({ key: i.id, text: i.text })), b.items.map((i) => ({ key: i.id, text: i.text })), wording, wordingLangs);
  }
  if (wording.length) changes.push({ kind: 'reworded', question: b.id, details: wording, languages: [...wordingLangs] });

  const opts: string[] = [];
  const optLangs = new Set<Locale>();
  const la = answerList(a);
  const lb = answerList(b);
  compareLists('scale point', la.scale, lb.scale, opts, optLangs);
  compareLists('option', la.choices, lb.choices, opts, optLangs);
  if (a.type === 'multi' && b.type === 'multi' && a.maxChoices !== b.maxChoices) opts.push(`maxChoices: ${a.maxChoices ?? '-'} -> ${b.maxChoices ?? '-'}`);
  if (opts.length) changes.push({ kind: 'options', question: b.id, details: opts, ...(optLangs.size ? { languages: [...optLangs] } : {}) });

  if (routing(a.showIf) !== routing(b.showIf)) changes.push({ kind: 'routing', question: b.id, details: [`showIf: ${routing(a.showIf)} -> ${routing(b.showIf)}`] });
}

function comparePage(a: Page, b: Page, changes: Change[]): void {
  const details: string[] = [];
  const langs = new Set<Locale>();
  compareText('title', a.title, b.title, details, langs);
  compareText('intro', a.intro, b.intro, details, langs);
  if (details.length) changes.push({ kind: 'reworded', page: b.id, details, languages: [...langs] });
  if (routing(a.showIf) !== routing(b.showIf)) changes.push({ kind: 'routing', page: b.id, details: [`showIf: ${routing(a.showIf)} -> ${routing(b.showIf)}`] });
}

export function diffQuestionnaires(from: Questionnaire, to: Questionnaire): QuestionnaireDiff {
  const changes: Change[] = [];
  const index = (def: Questionnaire) => new Map(def.pages.flatMap((p) => p.questions.map((q) => [q.id, { q, page: p.id }] as const)));
  const before = index(from);
  const after = index(to);
  const pagesBefore = new Map(from.pages.map((p) => [p.id, p]));
  for (const page of to.pages) {
    const old = pagesBefore.get(page.id);
    if (old) comparePage(old, page, changes);
  }
  for (const [id, { page }] of before) if (!after.has(id)) changes.push({ kind: 'removed', question: id, page, details: [`removed from page ${page}`] });
  for (const [id, { q, page }] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ kind: 'added', question: id, page, details: [`added on page ${page}`] });
      continue;
    }
    if (old.page !== page) changes.push({ kind: 'moved', question: id, page, details: [`page: ${old.page} -> ${page}`] });
    compareQuestion(old.q, q, changes);
  }
  return { from: from.id, to: to.id, changes };
}

const headings: Record<ChangeKind, string> = {
  added: 'Questions added',
  removed: 'Questions removed',
  reworded: 'Reworded',
  options: 'Options changed',
  routing: 'Routing changed',
  type: 'Question type changed',
  moved: 'Moved to another page',
};

/** The diff as text for the terminal, grouped by kind of change. */
export function formatDiff(d: QuestionnaireDiff): string {
  if (d.changes.length === 0) return `${d.from} -> ${d.to}: no changes\n`;
  const lines = [`${d.from} -> ${d.to}: ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`];
  for (const kind of Object.keys(headings) as ChangeKind[]) {
    const of = d.changes.filter((c) => c.kind === kind);
    if (!of.length) continue;
    lines.push('', `${headings[kind]}:`);
    for (const c of of) {
      const who = c.question ? `question ${c.question}` : `page ${c.page}`;
      lines.push(`  ${who}${c.languages?.length ? ` [${c.languages.join(', ')}]` : ''}`);
      for (const det of c.details) lines.push(`    ${det}`);
    }
  }
  return lines.join('\n') + '\n';
}
