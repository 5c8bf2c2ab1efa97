// Items sharing one scale, one radiogroup per item (named by the question and the item). On a phone each item is a
// compact row of answer points under the scale's end labels, which stand once in a header that stays in view with
// the question while the rows scroll; opt-outs ("n.v.t.") stand apart after the scale. On a wide screen the same
// markup is a table whose column headers carry every scale text.
import type { CSSProperties } from 'react';
import type { GridQuestion as GridQ } from '../../../../../questionnaire/schema.ts';
import type { GridAnswer } from '../../../../../questionnaire/answers.ts';
import { useText } from '../../../../lib/text.ts';
import { Choice } from './Choice.tsx';
import type { QuestionProps } from './types.ts';

export function GridQuestion({ question: q, value, onChange, error }: QuestionProps<GridQ>) {
  const text = useText();
  const current = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as GridAnswer;
  const set = (itemId: string, v: number | string) => onChange({ ...current, [itemId]: v });
  const id = `q-${q.id}`;
  const columns = { '--grid-points': q.scale.length, '--grid-optouts': q.optOuts.length } as CSSProperties;
  return (
    <div id={id} role="group" aria-labelledby={`${id}-text`} aria-describedby={error ? `${id}-error` : undefined} className="question question-grid" style={columns}>
      <div className="grid-sticky">
        <p id={`${id}-text`} className="question-text">{text(q.text)}</p>
        <div className="grid-scale" aria-hidden="true">
          <span className="grid-corner" />
          {q.scale.map((s, i) => (
            <span key={s.value} className={i === 0 ? 'scale-first' : i === q.scale.length - 1 ? 'scale-last' : 'scale-mid'}>
              {text(s.text)}
            </span>
          ))}
          {q.optOuts.map((o) => (
            <span key={o.code} className="scale-optout">{text(o.text)}</span>
          ))}
        </div>
      </div>
      {q.help && <p className="question-help">{text(q.help)}</p>}
      <div className="grid-rows">
        {q.items.map((item) => {
          const rowId = `${id}-${item.id}`;
          const name = `${q.id}.${item.id}`;
          return (
            <div key={item.id} id={rowId} role="radiogroup" aria-labelledby={`${id}-text ${rowId}-label`} className="grid-row">
              <span id={`${rowId}-label`} className="grid-item">{text(item.text)}</span>
              <span className="grid-points">
                {q.scale.map((s) => (
                  <Choice key={s.value} type="radio" name={name} label={text(s.text)} hideLabel="always" checked={current[item.id] === s.value} onChange={() => set(item.id, s.value)} />
                ))}
              </span>
              {q.optOuts.length > 0 && (
                <span className="grid-optouts">
                  {q.optOuts.map((o) => (
                    <Choice key={o.code} type="radio" name={name} label={text(o.text)} optOut hideLabel="wide" checked={current[item.id] === o.code} onChange={() => set(item.id, o.code)} />
                  ))}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
