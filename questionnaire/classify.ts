// What an answer means for results: routing decides whether a question was shown; a shown question without an
// answer was skipped; opt-out codes ("n.v.t.", "weet ik niet") are kept apart from answers on the scale.
import type { Question, Questionnaire } from './schema.ts';
import type { AnswerValue, Answers } from './answers.ts';
import { isAnswered, visibleQuestions, type RoutingContext } from './routing.ts';

export type AnswerStatus = 'not_shown' | 'skipped' | 'opt_out' | 'answered';

/** One cell of a response: a question, or one item of a grid. */
export interface ClassifiedAnswer {
  questionId: string;
  itemId?: string;
  status: AnswerStatus;
  /** The stored value for 'answered' and 'opt_out' (the opt-out code); null otherwise. */
  value: AnswerValue | null;
}

const optOutCache = new WeakMap<Question, Set<string>>();

/** The opt-out codes of a question: grid and grade opt-outs, and options marked optOut. The set is shared: do not change it. */
export function optOutCodes(q: Question): Set<string> {
  let codes = optOutCache.get(q);
  if (!codes) optOutCache.set(q, (codes = collectOptOuts(q)));
  return codes;
}

function collectOptOuts(q: Question): Set<string> {
  switch (q.type) {
    case 'grid':
    case 'grade':
      return new Set(q.optOuts.map((o) => o.code));
    case 'single':
    case 'multi':
      return new Set(q.options.filter((o) => o.optOut).map((o) => o.code));
    default:
      return new Set();
  }
}

function statusOf(value: AnswerValue | null | undefined, optOuts: Set<string>): AnswerStatus {
  if (!isAnswered(value)) return 'skipped';
  if (typeof value === 'string' && optOuts.has(value)) return 'opt_out';
  // A multi answer is an opt-out only when nothing else was chosen.
  if (Array.isArray(value) && value.every((v) => optOuts.has(v))) return 'opt_out';
  return 'answered';
}

/** Classifies every question (and every grid item) of a definition for one response. */
export function classifyAnswers(def: Questionnaire, answers: Answers, context: RoutingContext): ClassifiedAnswer[] {
  const shown = new Set(visibleQuestions(def, answers, context).map((q) => q.id));
  const out: ClassifiedAnswer[] = [];
  for (const page of def.pages) {
    for (const q of page.questions) {
      const raw = answers[q.id];
      const optOuts = optOutCodes(q);
      if (q.type === 'grid') {
        const grid = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
        for (const item of q.items) {
          const v = grid[item.id];
          const status = shown.has(q.id) ? statusOf(v, optOuts) : 'not_shown';
          out.push({ questionId: q.id, itemId: item.id, status, value: status === 'answered' || status === 'opt_out' ? v! : null });
        }
        continue;
      }
      const status = shown.has(q.id) ? statusOf(raw, optOuts) : 'not_shown';
      out.push({ questionId: q.id, status, value: status === 'answered' || status === 'opt_out' ? raw! : null });
    }
  }
  return out;
}
