// The cleaning rules applied to one completed response: too few answered, too fast, straightlining. Pure: it takes
// the response's definition, answers, routing context and timing summary, and the version's median page times.
import { classifyAnswers, visiblePages, type Answers, type ClassifiedAnswer, type Questionnaire, type RoutingContext } from '../../../questionnaire/index.ts';
import { MODULE_PREFIX } from '../../../questionnaire/module.ts';
import type { CleaningRules } from '../../../questionnaire/cleaning/index.ts';
import type { PageMedians } from './page-medians.ts';
import type { Failure, StraightGrid, Straightlining, TooFast, TooFewAnswered, Verdict } from './verdict.ts';

export interface CleaningInput {
  /** The definition of the response's version, with the institution's module merged in if it had one. */
  definition: Questionnaire;
  answers: Answers;
  /** The student's DUO background that routing reads. */
  context: RoutingContext;
  /** From the timing summary: active seconds in total and per page id. */
  timing: { activeSeconds: number; pageSeconds: Readonly<Record<string, number>> };
}

// Page times are kept to a tenth of a second; a page left sooner reads 0 and counts as this, not as infinitely fast.
const PAGE_SECONDS_FLOOR = 0.1;

/** The verdict on one completed response. `medians` are the version's (null when not yet collected). */
export function evaluateResponse(input: CleaningInput, rules: CleaningRules, medians: PageMedians | null): Verdict {
  const cells = classifyAnswers(input.definition, input.answers, input.context);
  const failures = [checkAnswered(cells, rules), checkSpeed(input, cells, rules, medians), checkStraightlining(input.definition, cells, rules)].filter(
    (f): f is Failure => f !== null,
  );
  return { rulesVersion: rules.version, clean: failures.length === 0, failures };
}

const isCore = (c: ClassifiedAnswer) => !c.questionId.startsWith(MODULE_PREFIX);
const isShown = (c: ClassifiedAnswer) => c.status !== 'not_shown';
/** An opt-out ("n.v.t.", "weet ik niet") is an answer: the student read the question and chose it. */
const isAnswered = (c: ClassifiedAnswer) => c.status === 'answered' || c.status === 'opt_out';

/** `too_few_answered`: under the minimum share of the core questions shown answered. A grid item counts as a question. */
export function checkAnswered(cells: ClassifiedAnswer[], rules: CleaningRules): TooFewAnswered | null {
  const shown = cells.filter((c) => isCore(c) && isShown(c));
  const answered = shown.filter(isAnswered).length;
  const share = shown.length ? answered / shown.length : 0;
  const minimumShare = rules.tooFewAnswered.minAnsweredShare;
  return share < minimumShare ? { code: 'too_few_answered', shown: shown.length, answered, share, minimumShare } : null;
}

/**
 * `too_fast`: active time under the floor per answered question, or a relative speed index above the maximum: per page
 * shown, the version's median time divided by the student's, averaged over the pages (SoSci Survey's TIME_RSI). The index
 * is computed only when the version has enough completed responses, over pages that enough of them saw.
 */
export function checkSpeed(input: CleaningInput, cells: ClassifiedAnswer[], rules: CleaningRules, medians: PageMedians | null): TooFast | null {
  const r = rules.tooFast;
  const answered = cells.filter(isAnswered).length;
  const { activeSeconds } = input.timing;
  const secondsPerAnswered = answered ? activeSeconds / answered : null;
  const index = speedIndex(input, medians, r.speedIndexMinResponses);
  const failed: TooFast['failed'] = [];
  if (secondsPerAnswered !== null && secondsPerAnswered < r.minSecondsPerAnswered) failed.push('seconds_per_answered');
  if (index.value !== null && index.value > r.maxSpeedIndex) failed.push('speed_index');
  if (!failed.length) return null;
  return {
    code: 'too_fast',
    failed,
    activeSeconds,
    answered,
    secondsPerAnswered,
    minimumSecondsPerAnswered: r.minSecondsPerAnswered,
    speedIndex: index.value,
    speedIndexPages: index.pages,
    maximumSpeedIndex: r.maxSpeedIndex,
  };
}

/** The relative speed index over the pages routing showed the student; pages without a time of theirs are left out. */
export function speedIndex(input: CleaningInput, medians: PageMedians | null, minResponses: number): { value: number | null; pages: number } {
  if (!medians || medians.responses < minResponses) return { value: null, pages: 0 };
  let sum = 0;
  let pages = 0;
  for (const { page } of visiblePages(input.definition, input.answers, input.context)) {
    const yardstick = medians.pages[page.id];
    const own = input.timing.pageSeconds[page.id];
    if (!yardstick || yardstick.n < minResponses || yardstick.median <= 0 || own === undefined) continue;
    sum += yardstick.median / Math.max(own, PAGE_SECONDS_FLOOR);
    pages++;
  }
  return { value: pages ? sum / pages : null, pages };
}

const gridCache = new WeakMap<Questionnaire, Set<string>>();
function gridIds(def: Questionnaire): Set<string> {
  let ids = gridCache.get(def);
  if (!ids) gridCache.set(def, (ids = new Set(def.pages.flatMap((p) => p.questions).filter((q) => q.type === 'grid').map((q) => q.id))));
  return ids;
}

/**
 * `straightlining`: enough grids (with enough items answered on the scale) answered with one scale point throughout, or
 * one scale point for at least the maximum share of all grid answers on the scale. Opt-outs are not on the scale.
 */
export function checkStraightlining(definition: Questionnaire, cells: ClassifiedAnswer[], rules: CleaningRules): Straightlining | null {
  const r = rules.straightlining;
  const grids = gridIds(definition);
  const perGrid = new Map<string, number[]>();
  for (const c of cells) {
    if (c.status !== 'answered' || !grids.has(c.questionId) || typeof c.value !== 'number') continue;
    const points = perGrid.get(c.questionId);
    if (points) points.push(c.value);
    else perGrid.set(c.questionId, [c.value]);
  }

  const sameGrids: StraightGrid[] = [];
  const uses = new Map<number, number>();
  let gridAnswers = 0;
  for (const [questionId, points] of perGrid) {
    if (points.length >= r.gridMinItems && points.every((p) => p === points[0])) sameGrids.push({ questionId, point: points[0]!, items: points.length });
    for (const p of points) uses.set(p, (uses.get(p) ?? 0) + 1);
    gridAnswers += points.length;
  }
  // The most used point; on a tie the lower one, so the figures do not depend on answer order.
  const [topPoint, topCount] = [...uses].reduce<[number | null, number]>((best, [p, n]) => (n > best[1] || (n === best[1] && p < best[0]!) ? [p, n] : best), [null, 0]);
  const topPointShare = gridAnswers ? topCount / gridAnswers : null;

  const failed: Straightlining['failed'] = [];
  if (sameGrids.length >= r.minSameGrids) failed.push('same_point_grids');
  if (gridAnswers >= r.allGridsMinAnswers && topPointShare !== null && topPointShare >= r.allGridsMaxShare) failed.push('one_point_share');
  if (!failed.length) return null;
  return { code: 'straightlining', failed, sameGrids, minimumSameGrids: r.minSameGrids, gridAnswers, topPoint, topPointShare, maximumShare: r.allGridsMaxShare };
}
