// A report grade from 1 to 10, plus any opt-out, set apart after the grades.
import type { Question } from '../../../../../questionnaire/schema.ts';
import { useText } from '../../../../lib/text.ts';
import { Choice } from './Choice.tsx';
import type { QuestionProps } from './types.ts';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function GradeQuestion({ question: q, value, onChange, error }: QuestionProps<Extract<Question, { type: 'grade' }>>) {
  const text = useText();
  return (
    <fieldset id={`q-${q.id}`} className="question" aria-describedby={error ? `q-${q.id}-error` : undefined}>
      <legend className="question-text">{text(q.text)}</legend>
      {q.help && <p className="question-help">{text(q.help)}</p>}
      <div className="choices choices-grade">
        {GRADES.map((g) => (
          <Choice key={g} type="radio" name={q.id} label={String(g)} checked={value === g} onChange={() => onChange(g)} />
        ))}
      </div>
      {q.optOuts.length > 0 && (
        <div className="choices choices-optouts">
          {q.optOuts.map((o) => (
            <Choice key={o.code} type="radio" name={q.id} label={text(o.text)} optOut checked={value === o.code} onChange={() => onChange(o.code)} />
          ))}
        </div>
      )}
      {error && <p id={`q-${q.id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
