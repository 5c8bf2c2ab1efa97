// Classroom sessions: start one for an institution (a name such as "AZ1-3, di 10:00") and open it on the
// classroom screen; the sessions of the last days below, newest first.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../lib/api.ts';
import { HintedTextField } from '../../ui/HintedTextField.tsx';
import { createSession, fetchInstitutions, fetchSessions } from '../api/staff.ts';
import { sessionEnded } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { useLoad } from '../components/use-load.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { dateTime } from '../components/format.ts';

interface Form {
  brin: string;
  name: string;
}

export default function SessionsPage() {
  const { t, i18n } = useTranslation('staff');
  const heading = usePageHeading(t('sessions.heading'));
  const [, navigate] = useLocation();
  const [institutions] = useLoad(fetchInstitutions);
  const [sessions] = useLoad(fetchSessions);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Form>({ defaultValues: { brin: '', name: '' } });
  const { errors, isSubmitting } = formState;

  async function onSubmit(f: Form) {
    setFailure(null);
    try {
      const s = await createSession({ brin: f.brin, name: f.name });
      navigate(`/sessies/${s.id}`);
    } catch (err) {
      if (sessionEnded(err)) return;
      setFailure(err instanceof ApiError ? err.message : t('errors.unknown'));
    }
  }

  const list = institutions.state === 'ok' ? institutions.value : [];
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('sessions.heading')}
      </h1>
      <form className="card" noValidate onSubmit={handleSubmit(onSubmit)} aria-labelledby="new-session-heading">
        <h2 id="new-session-heading">{t('sessions.new')}</h2>
        <p>{t('sessions.newIntro')}</p>
        <LoadProblem load={institutions} />
        <div className="field">
          <label htmlFor="session-brin">{t('sessions.institution')}</label>
          <select
            id="session-brin"
            aria-invalid={errors.brin ? true : undefined}
            aria-describedby={errors.brin ? 'session-brin-error' : undefined}
            {...register('brin', { required: t('sessions.errors.institutionRequired') })}
          >
            <option value="">{t('sessions.chooseInstitution')}</option>
            {list.map((i) => (
              <option key={i.brin} value={i.brin}>
                {i.name} ({i.brin})
              </option>
            ))}
          </select>
          {errors.brin && (
            <p id="session-brin-error" className="field-error">
              {errors.brin.message}
            </p>
          )}
        </div>
        <HintedTextField
          id="session-name"
          label={t('sessions.name')}
          hint={t('sessions.nameHint')}
          error={errors.name?.message}
          maxLength={60}
          autoComplete="off"
          {...register('name', { validate: (v) => v.trim().length > 0 || t('sessions.errors.nameRequired') })}
        />
        {failure && (
          <div className="notice notice-error" role="alert">
            <p>{failure}</p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {t('sessions.create')}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="sessions-list-heading">
        <h2 id="sessions-list-heading">{t('sessions.list')}</h2>
        <LoadProblem load={sessions} />
        {sessions.state === 'ok' && sessions.value.length === 0 && <p>{t('sessions.none')}</p>}
        {sessions.state === 'ok' && sessions.value.length > 0 && (
          <ul className="session-list">
            {sessions.value.map((s) => (
              <li key={s.id}>
                <Link href={`/sessies/${s.id}`}>{s.name}</Link>
                <span className="muted">
                  {' '}
                  {s.institutionName} · {dateTime(s.createdAt, i18n.language)} · {t('sessions.code')} <span className="code-inline">{s.code}</span> ·{' '}
                  {s.expired ? t('sessions.expired') : t('sessions.active')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
