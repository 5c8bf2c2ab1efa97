// The cleaning rules as data: which completed responses count in results. Versioned like the questionnaire, so every
// verdict names the rules it was judged by; the evaluator lives in server/services/cleaning.
import { z } from 'zod';
import { textSchema } from '../schema.ts';

/** A share of a whole: above 0, at most 1. */
const share = z.number().gt(0).max(1);
const count = (min: number) => z.number().int().min(min);

export const cleaningRulesSchema = z.strictObject({
  version: count(1),
  /** What these rules are and, from version 2 on, what changed. */
  description: textSchema,
  /** `too_few_answered`: fewer than this share of the core questions shown was answered (opt-outs count as answers). */
  tooFewAnswered: z.strictObject({ minAnsweredShare: share }),
  /** `too_fast`: a time floor per answered question, and the relative speed index against the version's median page times. */
  tooFast: z.strictObject({
    minSecondsPerAnswered: z.number().positive(),
    /** Above this index a response is too fast; 2.0 is twice as fast as the typical student. */
    maxSpeedIndex: z.number().gt(1),
    /** The index is used only once the version has this many completed responses, and per page only where that many saw it. */
    speedIndexMinResponses: count(1),
  }),
  /** `straightlining`: the same scale point throughout grids, or one point for nearly all grid answers. */
  straightlining: z.strictObject({
    /** A grid counts as straight when at least this many of its items were answered on the scale, all with one point. */
    gridMinItems: count(2),
    /** ... and a response fails when at least this many grids are straight. */
    minSameGrids: count(1),
    /** Over all grid answers on the scale, when there are at least this many ... */
    allGridsMinAnswers: count(1),
    /** ... a response fails when one scale point has this share or more. */
    allGridsMaxShare: share,
  }),
});
export type CleaningRules = z.infer<typeof cleaningRulesSchema>;
export type CleaningRulesInput = z.input<typeof cleaningRulesSchema>;

/** Parses one version of the rules into one readable message per problem. */
export function parseCleaningRules(input: unknown): { ok: true; value: CleaningRules } | { ok: false; errors: string[] } {
  const result = cleaningRulesSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
