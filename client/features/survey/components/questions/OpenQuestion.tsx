// Free text with a visible character budget.
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../../questionnaire/schema.ts';
import { useText } from '../../../../lib/text.ts';
import type { QuestionProps } from './types.ts';

export function OpenQuestion({ question: q, value, onChange, onBlur, error }: QuestionProps<Extract<Question, { type: 'open' }>>) {
  const text = useText();
  const { t } = useTranslation();
  const v = typeof value === 'string' ? value : '';
  const id = `q-${q.id}`;
  const common = {
    id,
    value: v,
    maxLength: q.maxLength,
    'aria-describedby': `${id}-count${error ? ` ${id}-error` : ''}`,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => onChange(e.target.value === '' ? null : e.target.value),
    onBlur,
  };
  return (
    <div className="question">
      <label htmlFor={id} className="question-text">{text(q.text)}</label>
      {q.help && <p className="question-help">{text(q.help)}</p>}
      {q.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      <p id={`${id}-count`} className="question-help" aria-live="polite">{t('survey.charactersLeft', { count: q.maxLength - v.length })}</p>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
