// Progress as the student sees it: every grid row is an item, like a question of its own, counted over the route
// as far as it is known. A condition on a question the student has not answered and not yet passed is still open,
// and what it guards counts as possible, so answering or moving on can only take items off the total, never add.
import type { Condition, Page, Question, Questionnaire } from './schema.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { conditionHolds, isAnswered, type RoutingContext } from './routing.ts';

/** Items a question shows: each grid row counts, any other question is one. */
export const itemCount = (q: Question): number => (q.type === 'grid' ? q.items.length : 1);

const gridValue = (value: AnswerValue | null | undefined): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};

/** The grid rows without an answer, in their order; for other questions, [] when answered, else the question. */
export function openItems(q: Question, value: AnswerValue | null | undefined): { id: string; text: Question['text'] }[] {
  if (q.type !== 'grid') return isAnswered(value) ? [] : [{ id: q.id, text: q.text }];
  const v = gridValue(value);
  return q.items.filter((it) => !isAnswered(v[it.id] as AnswerValue | undefined));
}

export const answeredItems = (q: Question, value: AnswerValue | null | undefined): number => itemCount(q) - openItems(q, value).length;

/** true or false once known; null while it waits on a question not answered and not passed yet. */
function conditionKnown(cond: Condition | undefined, answers: Answers, context: RoutingContext, settled: (questionId: string) => boolean): boolean | null {
  if (!cond) return true;
  if ('all' in cond) {
    const parts = cond.all.map((c) => conditionKnown(c, answers, context, settled));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => conditionKnown(c, answers, context, settled));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  if ('not' in cond) {
    const inner = conditionKnown(cond.not, answers, context, settled);
    return inner === null ? null : !inner;
  }
  if ('question' in cond) {
    const raw = answers[cond.question];
    const value = cond.item !== undefined ? (gridValue(raw)[cond.item] as AnswerValue | undefined) : raw;
    if (!isAnswered(value) && !settled(cond.question)) return null;
  }
  return conditionHolds(cond, answers, context);
}

/**
 * The pages and questions shown now or possibly later. `settled` says which questions the student has passed
 * (an unanswered question there stays unanswered); on the finish page every question is settled.
 */
export function possibleRoute(def: Questionnaire, answers: Answers, context: RoutingContext, settled: (questionId: string) => boolean): { page: Page; questions: Question[] }[] {
  const out: { page: Page; questions: Question[] }[] = [];
  for (const page of def.pages) {
    if (conditionKnown(page.showIf, answers, context, settled) === false) continue;
    const questions = page.questions.filter((q) => conditionKnown(q.showIf, answers, context, settled) !== false);
    if (questions.length > 0) out.push({ page, questions });
  }
  return out;
}

export interface Progress {
  answered: number;
  total: number;
  /** Position of the page on screen among the possible pages (0-based), and how many there are. */
  page: number;
  pages: number;
}

/** The end of the survey, as a position (page ids never start with #). */
export const FINISH = '#finish';

export interface Position {
  /** The page on screen; null on the intro and the finish page. */
  pageId: string | null;
  /** The furthest page the student has been on, or FINISH once they reached the end. */
  furthest: string | null;
}

/** Items answered over the items possible, for a student at `at`. */
export function progressOf(def: Questionnaire, answers: Answers, context: RoutingContext, at: Position): Progress {
  const order = new Map(def.pages.map((p, i) => [p.id, i]));
  const pageOf = new Map(def.pages.flatMap((p) => p.questions.map((q) => [q.id, order.get(p.id)!] as const)));
  const index = (id: string | null) => (id === null ? -1 : (order.get(id) ?? -1));
  const furthest = at.furthest === FINISH ? Infinity : Math.max(index(at.furthest), index(at.pageId));
  const route = possibleRoute(def, answers, context, (id) => (pageOf.get(id) ?? Infinity) < furthest);
  let answered = 0;
  let total = 0;
  for (const { questions } of route) {
    for (const q of questions) {
      total += itemCount(q);
      answered += answeredItems(q, answers[q.id]);
    }
  }
  return { answered, total, page: Math.max(0, route.findIndex((p) => p.page.id === at.pageId)), pages: route.length };
}
