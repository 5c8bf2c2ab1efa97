// One radio or checkbox with its label; the label is the whole touch target (at least 44 px).
import type { ChangeEvent } from 'react';

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  optOut?: boolean;
  /** A label only screen readers read: always (a grid's scale point, whose end labels stand above the row), or
   *  on wide screens only (a grid's opt-out, whose column header shows the text). */
  hideLabel?: 'always' | 'wide';
}

export function Choice({ type, name, label, checked, onChange, optOut, hideLabel }: ChoiceProps) {
  const textClass = hideLabel === 'always' ? 'choice-text sr-only' : hideLabel === 'wide' ? 'choice-text hide-wide' : 'choice-text';
  return (
    <label className={`choice${optOut ? ' choice-optout' : ''}${checked ? ' is-checked' : ''}`}>
      <input type={type} name={name} checked={checked} onChange={onChange} />
      <span className={textClass}>{label}</span>
    </label>
  );
}
