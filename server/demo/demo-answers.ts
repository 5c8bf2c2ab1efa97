// Clearly fake, deterministic answers and page times for the demo responses: a respondent walks the questionnaire as
// routing shows it and answers around a personal tendency; a few answer too fast, in straight lines or hardly at all,
// so the cleaning has something to exclude. Pure.
import { conditionHolds, visiblePages, type AnswerValue, type Answers, type Question, type Questionnaire, type RoutingContext } from '../../questionnaire/index.ts';

/** How a demo respondent fills in the questionnaire. */
export type Behaviour = 'normal' | 'too_fast' | 'straight' | 'sparse';

export interface FilledPage {
  pageId: string;
  seconds: number;
  answers: { questionId: string; value: AnswerValue }[];
}

const OPEN_TEXTS = ['Meer werkplekken in de mediatheek.', 'Het rooster mag eerder bekend zijn.', 'Fijne docenten!', 'De kantine is te klein.'];

/**
 * Fills in a definition page by page. `tendency` (1-5) sets where on the scales answers fall; `pages` limits how many
 * pages are filled (a response that stopped halfway).
 */
export function fillIn(def: Questionnaire, context: RoutingContext, rand: () => number, behaviour: Behaviour, tendency: number, pages = Infinity): FilledPage[] {
  const answers: Answers = {};
  const out: FilledPage[] = [];
  const straightPoint = Math.round(tendency);
  for (let p = 0; p < pages; p++) {
    // Routing depends on earlier answers: find the next page not yet filled that applies now.
    const next = visiblePages(def, answers, context).find((v) => !out.some((o) => o.pageId === v.page.id));
    if (!next) break;
    const filled: FilledPage = { pageId: next.page.id, seconds: 0, answers: [] };
    let items = 0;
    // Routing within a page looks at the answers given above it on the same page.
    for (const q of next.page.questions) {
      if (!conditionHolds(q.showIf, answers, context)) continue;
      items += q.type === 'grid' ? q.items.length : 1;
      if (behaviour === 'sparse' && rand() < 0.8) continue;
      const value = answer(q, rand, behaviour === 'straight' ? straightPoint : tendency, behaviour === 'straight');
      if (value === null) continue;
      answers[q.id] = value;
      filled.answers.push({ questionId: q.id, value });
    }
    const perItem = behaviour === 'too_fast' ? 0.6 + rand() * 0.5 : behaviour === 'straight' ? 2.5 + rand() : 3 + rand() * 5;
    filled.seconds = Math.round((4 + items * perItem) * 10) / 10;
    out.push(filled);
  }
  return out;
}

function answer(q: Question, rand: () => number, tendency: number, straight: boolean): AnswerValue | null {
  const point = (max: number) => Math.max(1, Math.min(max, Math.round(tendency + (rand() - 0.5) * 2.6)));
  switch (q.type) {
    case 'grid': {
      const out: Record<string, number | string> = {};
      for (const item of q.items) {
        if (!straight && q.optOuts.length && rand() < 0.06) out[item.id] = q.optOuts[0]!.code;
        else out[item.id] = straight ? Math.min(q.scale.length, Math.round(tendency)) : point(q.scale.length);
      }
      return out;
    }
    case 'single': {
      const i = Math.min(q.options.length - 1, Math.floor(rand() * rand() * q.options.length * 1.3));
      return q.options[i]!.code;
    }
    case 'multi': {
      const real = q.options.filter((o) => !o.optOut);
      const picked = real.filter(() => rand() < 0.3).slice(0, q.maxChoices ?? real.length);
      return picked.length ? picked.map((o) => o.code) : [real[0]!.code];
    }
    case 'grade':
      return Math.max(1, Math.min(10, Math.round(tendency * 1.5 + 0.5 + (rand() - 0.5) * 3)));
    case 'number':
      return Math.max(q.min, Math.min(q.max, Math.round(q.min + (q.max - q.min) * (0.2 + rand() * 0.35))));
    case 'open':
      return rand() < 0.15 ? OPEN_TEXTS[Math.floor(rand() * OPEN_TEXTS.length)]!.slice(0, q.maxLength) : null;
  }
}
