// A whole number within bounds. What the student types is kept as typed until it is a number.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../../questionnaire/schema.ts';
import { useText } from '../../../../lib/text.ts';
import type { QuestionProps } from './types.ts';

export function NumberQuestion({ question: q, value, onChange, onBlur, error }: QuestionProps<Extract<Question, { type: 'number' }>>) {
  const text = useText();
  const { t } = useTranslation();
  const [raw, setRaw] = useState(typeof value === 'number' ? String(value) : '');
  const id = `q-${q.id}`;
  const hintId = `${id}-hint`;
  return (
    <div className="question">
      <label htmlFor={id} className="question-text">{text(q.text)}</label>
      <p id={hintId} className="question-help">
        {q.help && <>{text(q.help)} </>}
        {t('survey.numberRange', { min: q.min, max: q.max })}
      </p>
      <div className="number-field">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={raw}
          aria-describedby={error ? `${hintId} ${id}-error` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const v = e.target.value.trim();
            setRaw(e.target.value);
            if (v === '') onChange(null);
            else if (/^-?\d+$/.test(v)) onChange(Number(v));
            else onChange(v); // kept so validation can say what is wrong
          }}
          onBlur={onBlur}
        />
        {q.unit && <span className="number-unit">{text(q.unit)}</span>}
      </div>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
