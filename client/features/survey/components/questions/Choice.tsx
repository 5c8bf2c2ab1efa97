// One radio or checkbox with its label; the label is the whole touch target (at least 44 px).
import type { ChangeEvent } from 'react';

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  optOut?: boolean;
  /** Visually hidden label, for grid cells whose column header shows the text. */
  labelHiddenWide?: boolean;
}

export function Choice({ type, name, label, checked, onChange, optOut, labelHiddenWide }: ChoiceProps) {
  return (
    <label className={`choice${optOut ? ' choice-optout' : ''}${checked ? ' is-checked' : ''}`}>
      <input type={type} name={name} checked={checked} onChange={onChange} />
      <span className={labelHiddenWide ? 'choice-text hide-wide' : 'choice-text'}>{label}</span>
    </label>
  );
}
