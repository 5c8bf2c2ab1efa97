// Login: school, surname, birth date, gender optional. Twins are asked for gender, then their first initial.
// Focus follows what the student must do next: the first field in error, the question asked, or the failure.
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { Gender, InstitutionOption } from '../../../../server/api/student.ts';
import { ApiError, NetworkError } from '../../../lib/api.ts';
import { useAppStore } from '../../../app/app-store.ts';
import { fetchInstitutions, login } from '../api/login.ts';
import { SchoolPicker } from './SchoolPicker.tsx';
import { HintedTextField } from '../../../ui/HintedTextField.tsx';
import { enterSurvey } from '../../survey/enter.ts';
import { ClassroomJoin } from '../../classroom/ClassroomJoin.tsx';
import { tabLoggedIn } from '../tab-login.ts';

interface LoginForm {
  brin: string | null;
  surname: string;
  birthDate: string;
  gender: Gender | '';
  initial: string;
}

type Failure = { kind: 'notFound'; helpdesk: string } | { kind: 'locked'; message: string } | { kind: 'network' | 'unknown' };
const GENDERS: Gender[] = ['man', 'vrouw', 'anders', 'geen'];

/** Stands in for the address in the translated sentence, which is then cut around it to put in the link. */
const MARK = '\u0000';
function withMailLink(sentence: string, email: string) {
  const [before, after] = sentence.split(MARK);
  return (
    <>
      {before}
      <a href={`mailto:${email}`}>{email}</a>
      {after}
    </>
  );
}

export function LoginPage({ notice }: { notice?: 'sessionEnded' }) {
  const { t } = useTranslation();
  const [institutions, setInstitutions] = useState<InstitutionOption[]>([]);
  const [ask, setAsk] = useState<'gender' | 'initial' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const completed = useAppStore((s) => s.completed);
  const failureRef = useRef<HTMLDivElement>(null);
  const { control, register, handleSubmit, formState, setFocus, setValue } = useForm<LoginForm>({
    defaultValues: { brin: null, surname: '', birthDate: '', gender: '', initial: '' },
  });
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    fetchInstitutions().then(setInstitutions, () => setFailure({ kind: 'network' }));
  }, []);
  useEffect(() => {
    if (ask) setFocus(ask === 'gender' ? 'gender' : 'initial');
  }, [ask, setFocus]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  async function onSubmit(f: LoginForm) {
    setFailure(null);
    try {
      const r = await login(
        {
          brin: f.brin!,
          surname: f.surname,
          birthDate: f.birthDate.replace(/[./\s]/g, '-'),
          ...(f.gender ? { gender: f.gender } : {}),
          ...(ask === 'initial' && f.initial ? { initial: f.initial } : {}),
        },
        i18next.language,
      );
      if (r.status === 'ok') {
        tabLoggedIn();
        await enterSurvey();
      }
      else if (r.status === 'completed') completed(r.completedAt, false);
      else setAsk(r.ask);
    } catch (err) {
      if (err instanceof ApiError && err.is('login_failed')) setFailure({ kind: 'notFound', helpdesk: err.details.helpdesk });
      else if (err instanceof ApiError && err.status === 429) setFailure({ kind: 'locked', message: err.is('login_locked') ? err.message : t('login.errors.locked') }); // the server's text says how long
      else if (err instanceof NetworkError) setFailure({ kind: 'network' });
      else setFailure({ kind: 'unknown' });
    }
  }

  const fieldError = (name: keyof LoginForm) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `login-${name}-error` } : {});
  return (
    <form className="card" noValidate onSubmit={handleSubmit(onSubmit)}>
      <h1 tabIndex={-1}>{t('login.heading')}</h1>
      <p>{t('login.intro')}</p>
      {notice === 'sessionEnded' && <p className="notice" role="status">{t('errors.sessionEnded')}</p>}
      <ClassroomJoin onSchool={(brin) => setValue('brin', brin, { shouldValidate: true })} />

      <div className="field">
        <label htmlFor="login-school">{t('login.school')}</label>
        <Controller
          name="brin"
          control={control}
          rules={{ required: t('login.errors.schoolRequired') }}
          render={({ field }) => (
            <SchoolPicker inputId="login-school" inputRef={field.ref} institutions={institutions} value={field.value} onChange={field.onChange} error={errors.brin?.message} />
          )}
        />
        {errors.brin && <p id="login-school-error" className="field-error">{errors.brin.message}</p>}
      </div>

      <HintedTextField
        id="login-surname"
        label={t('login.surname')}
        hint={t('login.surnameHint')}
        error={errors.surname?.message}
        autoComplete="family-name"
        {...register('surname', { validate: (v) => v.trim().length > 0 || t('login.errors.surnameRequired') })}
      />

      <HintedTextField
        id="login-birthDate"
        label={t('login.birthDate')}
        hint={t('login.birthDateHint')}
        error={errors.birthDate?.message}
        inputMode="numeric"
        autoComplete="bday"
        placeholder="dd-mm-jjjj"
        {...register('birthDate', { pattern: { value: /^\s*\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}\s*$/, message: t('login.errors.birthDateFormat') }, required: t('login.errors.birthDateFormat') })}
      />

      {ask && <p className="notice" role="status">{ask === 'gender' ? t('login.genderAsk') : t('login.initialAsk')}</p>}
      <div className="field">
        <label htmlFor="login-gender">{ask ? t('login.genderRequired') : t('login.gender')}</label>
        <select id="login-gender" {...fieldError('gender')} {...register('gender', { required: ask ? t('login.genderRequired') : false })}>
          <option value="">{t('login.genderNone')}</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {t(`login.genders.${g}`)}
            </option>
          ))}
        </select>
        {errors.gender && <p id="login-gender-error" className="field-error">{errors.gender.message}</p>}
      </div>

      {ask === 'initial' && (
        <div className="field">
          <label htmlFor="login-initial">{t('login.initial')}</label>
          <input
            id="login-initial"
            type="text"
            maxLength={1}
            autoComplete="off"
            className="input-short"
            {...fieldError('initial')}
            {...register('initial', { pattern: { value: /^\p{L}$/u, message: t('login.errors.initialRequired') }, required: t('login.errors.initialRequired') })}
          />
          {errors.initial && <p id="login-initial-error" className="field-error">{errors.initial.message}</p>}
        </div>
      )}

      {failure && (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={failureRef}>
          {failure.kind === 'notFound' ? (
            <>
              <p><strong>{t('login.errors.notFound')}</strong></p>
              <p>{t('login.errors.notFoundHelp')}</p>
              <p>{withMailLink(t('login.errors.contact', { email: MARK }), failure.helpdesk)}</p>
            </>
          ) : failure.kind === 'locked' ? (
            <p>{failure.message}</p>
          ) : (
            <p>{t(`login.errors.${failure.kind}`)}</p>
          )}
        </div>
      )}

      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('login.busy') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}
