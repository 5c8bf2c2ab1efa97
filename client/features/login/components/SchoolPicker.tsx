// A searchable school picker: an ARIA 1.2 combobox over the institutions of the population.
// Typing filters by any part of the name or the BRIN; arrows move, Enter picks, Escape closes. A name (or BRIN)
// typed in full picks that school too, without choosing it from the list.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionOption } from '../../../../server/api/student.ts';

interface Props {
  institutions: InstitutionOption[];
  value: string | null;
  onChange: (brin: string | null) => void;
  error?: string;
  inputId: string;
  /** The form's handle on the input, so a refused submit can put focus on it. */
  inputRef?: Ref<HTMLInputElement>;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The one school whose whole name or BRIN is what was typed (case, accents and spacing aside). */
function exactMatch(institutions: InstitutionOption[], typed: string): InstitutionOption | undefined {
  const t = fold(typed);
  const found = institutions.filter((i) => fold(i.name) === t || i.brin.toLowerCase() === t);
  return found.length === 1 ? found[0] : undefined;
}

export function SchoolPicker({ institutions, value, onChange, error, inputId, inputRef }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const selected = institutions.find((i) => i.brin === value);
  const [query, setQuery] = useState(selected?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Leaving the field closes the list a moment later; coming back (or typing) before that keeps it open.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keepOpen = () => clearTimeout(closing.current);
  useEffect(() => keepOpen, []);
  // A school set from outside (the classroom link) shows its name, also when the list arrives later.
  const [shown, setShown] = useState(selected?.brin);
  if (selected && selected.brin !== shown) {
    setShown(selected.brin);
    setQuery(selected.name);
  }

  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (selected && query === selected.name) return institutions;
    return institutions.filter((i) => {
      const hay = fold(`${i.name} ${i.brin}`);
      return words.every((w) => hay.includes(w));
    });
  }, [query, institutions, selected]);

  function pick(i: InstitutionOption) {
    onChange(i.brin);
    setQuery(i.name);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && matches[active]) {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const activeId = open && matches[active] ? `${listId}-${matches[active].brin}` : undefined;
  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        placeholder={t('login.schoolPlaceholder')}
        value={query}
        onChange={(e) => {
          keepOpen();
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          const exact = exactMatch(institutions, e.target.value);
          if (exact) {
            if (exact.brin !== value) onChange(exact.brin);
          } else if (value !== null) onChange(null);
        }}
        onFocus={() => {
          keepOpen();
          setOpen(true);
        }}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('login.schoolList')} className="combobox-list" hidden={!open}>
        {matches.map((i, n) => (
          <li
            key={i.brin}
            id={`${listId}-${i.brin}`}
            role="option"
            aria-selected={n === active}
            className={n === active ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(i)}
          >
            {i.name}
          </li>
        ))}
      </ul>
      <p className="sr-only" role="status" aria-live="polite">
        {open ? (matches.length ? t('login.schoolCount', { count: matches.length }) : t('login.schoolNoMatch')) : ''}
      </p>
      {open && matches.length === 0 && <p className="field-hint">{t('login.schoolNoMatch')}</p>}
    </div>
  );
}
