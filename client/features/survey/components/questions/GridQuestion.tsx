// Items sharing one scale: a table on wide screens, stacked groups of answer buttons on a phone.
// One radiogroup per item, named by the question and the item.
import type { GridQuestion as GridQ } from '../../../../../questionnaire/schema.ts';
import type { GridAnswer } from '../../../../../questionnaire/answers.ts';
import { useText } from '../../../../lib/text.ts';
import { Choice } from './Choice.tsx';
import type { QuestionProps } from './types.ts';

export function GridQuestion({ question: q, value, onChange, error }: QuestionProps<GridQ>) {
  const text = useText();
  const current = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as GridAnswer;
  const options = [
    ...q.scale.map((s) => ({ key: String(s.value), value: s.value as number | string, label: text(s.text), optOut: false })),
    ...q.optOuts.map((o) => ({ key: o.code, value: o.code as number | string, label: text(o.text), optOut: true })),
  ];
  const set = (itemId: string, v: number | string) => onChange({ ...current, [itemId]: v });
  const legendId = `q-${q.id}-legend`;
  return (
    <fieldset className="question question-grid" aria-describedby={error ? `q-${q.id}-error` : undefined}>
      <legend id={legendId} className="question-text">{text(q.text)}</legend>
      {q.help && <p className="question-help">{text(q.help)}</p>}
      <div className="grid" style={{ '--grid-cols': options.length } as React.CSSProperties}>
        <div className="grid-head" aria-hidden="true">
          <span />
          {options.map((o) => (
            <span key={o.key} className={o.optOut ? 'grid-head-optout' : undefined}>{o.label}</span>
          ))}
        </div>
        {q.items.map((item) => {
          const itemId = `q-${q.id}-${item.id}`;
          return (
            <div key={item.id} role="radiogroup" aria-labelledby={`${legendId} ${itemId}`} className="grid-row">
              <span id={itemId} className="grid-item">{text(item.text)}</span>
              {options.map((o) => (
                <Choice
                  key={o.key}
                  type="radio"
                  name={`${q.id}.${item.id}`}
                  label={o.label}
                  optOut={o.optOut}
                  labelHiddenWide
                  checked={current[item.id] === o.value}
                  onChange={() => set(item.id, o.value)}
                />
              ))}
            </div>
          );
        })}
      </div>
      {error && <p id={`q-${q.id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
