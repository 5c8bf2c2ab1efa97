// One answer from a list.
import type { Question } from '../../../../../questionnaire/schema.ts';
import { useText } from '../../../../lib/text.ts';
import { Choice } from './Choice.tsx';
import type { QuestionProps } from './types.ts';

export function SingleQuestion({ question: q, value, onChange, error }: QuestionProps<Extract<Question, { type: 'single' }>>) {
  const text = useText();
  return (
    <fieldset className="question" aria-describedby={error ? `q-${q.id}-error` : undefined}>
      <legend className="question-text">{text(q.text)}</legend>
      {q.help && <p className="question-help">{text(q.help)}</p>}
      <div className="choices">
        {q.options.map((o) => (
          <Choice key={o.code} type="radio" name={q.id} label={text(o.text)} optOut={o.optOut} checked={value === o.code} onChange={() => onChange(o.code)} />
        ))}
      </div>
      {error && <p id={`q-${q.id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
