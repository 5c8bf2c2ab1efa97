// For an admin: choose an institution and open its page (a button, so choosing alone never moves the page).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { fetchInstitutions } from '../api/staff.ts';
import { useLoad } from './use-load.ts';
import { LoadProblem } from './LoadProblem.tsx';

export function InstitutionPicker({ id, to, current }: { id: string; to: (brin: string) => string; current?: string }) {
  const { t } = useTranslation('staff');
  const [, navigate] = useLocation();
  const [institutions] = useLoad(fetchInstitutions);
  const [chosen, setChosen] = useState(current ?? '');
  const [error, setError] = useState(false);
  if (institutions.state !== 'ok') return <LoadProblem load={institutions} />;
  return (
    <form
      className="picker"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) navigate(to(chosen));
        else setError(true);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('sessions.institution')}</label>
        <select
          id={id}
          value={chosen}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setChosen(e.target.value);
            setError(false);
          }}
        >
          <option value="">{t('sessions.chooseInstitution')}</option>
          {institutions.value.map((i) => (
            <option key={i.brin} value={i.brin}>
              {i.name} ({i.brin})
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {t('sessions.errors.institutionRequired')}
          </p>
        )}
      </div>
      <button type="submit" className="button">
        {t('picker.open')}
      </button>
    </form>
  );
}
