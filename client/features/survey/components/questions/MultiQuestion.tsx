// Any number of answers from a list (up to maxChoices).
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../../questionnaire/schema.ts';
import { useText } from '../../../../lib/text.ts';
import { Choice } from './Choice.tsx';
import type { QuestionProps } from './types.ts';

export function MultiQuestion({ question: q, value, onChange, error }: QuestionProps<Extract<Question, { type: 'multi' }>>) {
  const text = useText();
  const { t } = useTranslation();
  const chosen = Array.isArray(value) ? value : [];
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...chosen, code] : chosen.filter((c) => c !== code);
    onChange(next.length ? q.options.map((o) => o.code).filter((c) => next.includes(c)) : null);
  };
  return (
    <fieldset id={`q-${q.id}`} className="question" aria-describedby={error ? `q-${q.id}-error` : undefined}>
      <legend className="question-text">{text(q.text)}</legend>
      {q.maxChoices && <p className="question-help">{t('survey.chooseAtMost', { count: q.maxChoices })}</p>}
      <div className="choices">
        {q.options.map((o) => (
          <Choice key={o.code} type="checkbox" name={q.id} label={text(o.text)} checked={chosen.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} />
        ))}
      </div>
      {error && <p id={`q-${q.id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
