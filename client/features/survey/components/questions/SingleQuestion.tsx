// One answer from a list; short answers ("Ja", "Nee") stand two by two, so the page stays short on a phone.
import type { Question } from '../../../../../questionnaire/schema.ts';
import { useText } from '../../../../lib/text.ts';
import { Choice } from './Choice.tsx';
import type { QuestionProps } from './types.ts';

/** Answers up to this many characters fit two to a row at 320 px. */
const SHORT = 16;

export function SingleQuestion({ question: q, value, onChange, error }: QuestionProps<Extract<Question, { type: 'single' }>>) {
  const text = useText();
  const short = q.options.every((o) => text(o.text).length <= SHORT);
  return (
    <fieldset id={`q-${q.id}`} className="question" aria-describedby={error ? `q-${q.id}-error` : undefined}>
      <legend className="question-text">{text(q.text)}</legend>
      {q.help && <p className="question-help">{text(q.help)}</p>}
      <div className={short ? 'choices choices-short' : 'choices'}>
        {q.options.map((o) => (
          <Choice key={o.code} type="radio" name={q.id} label={text(o.text)} optOut={o.optOut} checked={value === o.code} onChange={() => onChange(o.code)} />
        ))}
      </div>
      {error && <p id={`q-${q.id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
