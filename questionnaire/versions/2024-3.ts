// The JOB-monitor questionnaire 2024, third version: the corona check asks "lower or higher?", so its answers
// say lower, no difference or higher instead of "yes, lower" / "no". Codes stay the same (lager, geen_verschil,
// hoger, weet_niet), so the data of all three versions reads alike. Everything else is 2024-2 unchanged.
// PUBLISHED: do not edit; a change is a new version.
import type { QuestionnaireInput } from '../index.ts';
import v2024_2 from './2024-2.ts';
import { options } from './parts.ts';

const def = structuredClone(v2024_2);
def.id = '2024-3';
for (const page of def.pages) {
  for (const q of page.questions) {
    if (q.id === 'corona_cijfer' && q.type === 'single') {
      q.options = options(
        ['lager', 'Lager', 'Lower'],
        ['geen_verschil', 'Geen verschil', 'No difference'],
        ['hoger', 'Hoger', 'Higher'],
        ['weet_niet', 'Weet ik niet', "Don't know", true],
      );
    }
  }
}

export default def satisfies QuestionnaireInput;
