// The shipped questionnaire versions, their hash lock, and which one new respondents get.
import type { z } from 'zod';
import { parseQuestionnaire, type Questionnaire, type questionnaireSchema } from './schema.ts';
import { checkLock, type PublishedLock } from './lock.ts';
import published from './published.json' with { type: 'json' };
import v2024_1 from './versions/2024-1.ts';
import v2024_2 from './versions/2024-2.ts';
import v2024_3 from './versions/2024-3.ts';

export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

export const sources: QuestionnaireInput[] = [v2024_1, v2024_2, v2024_3];
export const PUBLISHED: PublishedLock = published;

/**
 * Validates every shipped definition and checks the published ones against their locked hash; throws with a
 * message naming the version, the question and the problem. The server calls this at start-up.
 */
export function loadQuestionnaires(input: QuestionnaireInput[] = sources, lock: PublishedLock = PUBLISHED): Map<string, Questionnaire> {
  const out = new Map<string, Questionnaire>();
  for (const src of input) {
    const r = parseQuestionnaire(src);
    if (!r.ok) throw new Error(`Questionnaire ${src.id} is invalid:\n  ${r.errors.join('\n  ')}`);
    if (out.has(r.value.id)) throw new Error(`Questionnaire version ${r.value.id} is shipped twice`);
    out.set(r.value.id, r.value);
  }
  const problems = checkLock(out, lock);
  if (problems.length) throw new Error(`Published questionnaire changed:\n  ${problems.join('\n  ')}`);
  return out;
}

/** The version new respondents start on: the last one listed. */
export const CURRENT_VERSION = sources[sources.length - 1]!.id;

export * from './schema.ts';
export * from './answers.ts';
export * from './routing.ts';
export * from './classify.ts';
export * from './progress.ts';
