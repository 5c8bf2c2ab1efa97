// The JOB-monitor questionnaire 2024, second version, as changed during fieldwork: the corona check question is
// reworded and the electives opt-out gains "(nog)". Everything else, ids included, is 2024-1 unchanged.
// PUBLISHED: do not edit; a change is a new version.
import type { QuestionnaireInput } from '../index.ts';
import v2024_1 from './2024-1.ts';
import { t } from './parts.ts';

function derive(base: QuestionnaireInput, id: string, change: (q: QuestionnaireInput['pages'][number]['questions'][number]) => void): QuestionnaireInput {
  const def = structuredClone(base);
  def.id = id;
  for (const page of def.pages) for (const q of page.questions) change(q);
  return def;
}

export default derive(v2024_1, '2024-2', (q) => {
  if (q.id === 'corona_cijfer') {
    q.text = t(
      'Zijn de cijfers die je net gaf lager of hoger door de coronacrisis?',
      'Are the grades you just gave lower or higher because of the corona crisis?',
    );
  }
  if (q.id === 'keuzedelen' && q.type === 'grid') {
    q.optOuts = [{ code: 'geen_keuze', text: t('Ik kan (nog) geen keuzedelen kiezen', "I can't choose electives (yet)") }];
  }
});
