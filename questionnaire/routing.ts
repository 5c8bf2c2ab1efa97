// Routing: which pages and questions apply to a student, given their earlier answers and DUO background.
import type { Condition, ContextKey, Page, Question, Questionnaire } from './schema.ts';
import type { AnswerValue, Answers } from './answers.ts';

export type RoutingContext = Partial<Record<ContextKey, string | number | null>>;

export function conditionHolds(cond: Condition | undefined, answers: Answers, context: RoutingContext): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => conditionHolds(c, answers, context));
  if ('any' in cond) return cond.any.some((c) => conditionHolds(c, answers, context));
  if ('not' in cond) return !conditionHolds(cond.not, answers, context);
  if ('context' in cond) {
    const v = context[cond.context];
    return v !== undefined && v !== null && cond.in.some((x) => String(x) === String(v));
  }
  const raw = answers[cond.question];
  const value = cond.item !== undefined && raw && typeof raw === 'object' && !Array.isArray(raw) ? raw[cond.item] : raw;
  if ('answered' in cond) return isAnswered(value) === cond.answered;
  if (Array.isArray(value)) return value.some((v) => cond.in.includes(v));
  return value !== undefined && value !== null && cond.in.includes(value as string | number);
}

export function isAnswered(value: AnswerValue | undefined | null | string | number): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The pages shown to this student, each with only the questions that apply. Pages left empty are dropped. */
export function visiblePages(def: Questionnaire, answers: Answers, context: RoutingContext): { page: Page; questions: Question[] }[] {
  const out: { page: Page; questions: Question[] }[] = [];
  for (const page of def.pages) {
    if (!conditionHolds(page.showIf, answers, context)) continue;
    const questions = page.questions.filter((q) => conditionHolds(q.showIf, answers, context));
    if (questions.length > 0) out.push({ page, questions });
  }
  return out;
}

export function visibleQuestions(def: Questionnaire, answers: Answers, context: RoutingContext): Question[] {
  return visiblePages(def, answers, context).flatMap((p) => p.questions);
}
