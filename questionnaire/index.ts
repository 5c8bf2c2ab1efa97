// The published questionnaire versions and which one new respondents get.
import type { z } from 'zod';
import { parseQuestionnaire, type Questionnaire, type questionnaireSchema } from './schema.ts';
import v2024_1 from './versions/2024-1.ts';

export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

const sources: QuestionnaireInput[] = [v2024_1];

/** Validates every shipped definition; throws with a message naming the question and the problem. */
export function loadQuestionnaires(): Map<string, Questionnaire> {
  const out = new Map<string, Questionnaire>();
  for (const src of sources) {
    const r = parseQuestionnaire(src);
    if (!r.ok) throw new Error(`Questionnaire ${src.id} is invalid:\n  ${r.errors.join('\n  ')}`);
    out.set(r.value.id, r.value);
  }
  return out;
}

/** The version new respondents start on: the last one listed. */
export const CURRENT_VERSION = sources[sources.length - 1]!.id;

export * from './schema.ts';
export * from './answers.ts';
export * from './routing.ts';
