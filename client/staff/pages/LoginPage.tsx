// Staff sign-in: email and password. Failures say what to do; a lock says how long to wait.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../lib/api.ts';
import { HintedTextField } from '../../ui/HintedTextField.tsx';
import { staffLogin } from '../api/staff.ts';
import { useAuthStore } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';

interface Form {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation('staff');
  const heading = usePageHeading(t('login.heading'));
  const notice = useAuthStore((s) => s.notice);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Form>({ defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = formState;

  async function onSubmit(f: Form) {
    setFailure(null);
    try {
      useAuthStore.getState().signedIn(await staffLogin({ email: f.email, password: f.password }));
    } catch (err) {
      if (err instanceof ApiError && (err.is('staff_login_failed') || err.is('staff_login_locked'))) setFailure(err.message);
      else if (err instanceof NetworkError) setFailure(t('errors.network'));
      else setFailure(t('errors.unknown'));
    }
  }

  return (
    <form className="card narrow" noValidate onSubmit={handleSubmit(onSubmit)}>
      <h1 ref={heading} tabIndex={-1}>
        {t('login.heading')}
      </h1>
      <p>{t('login.intro')}</p>
      {notice === 'sessionEnded' && (
        <p className="notice" role="status">
          {t('login.sessionEnded')}
        </p>
      )}
      <HintedTextField
        id="staff-email"
        label={t('login.email')}
        hint={t('login.emailHint')}
        error={errors.email?.message}
        type="email"
        autoComplete="username"
        {...register('email', { required: t('login.errors.emailRequired') })}
      />
      <HintedTextField
        id="staff-password"
        label={t('login.password')}
        hint={t('login.passwordHint')}
        error={errors.password?.message}
        type="password"
        autoComplete="current-password"
        {...register('password', { required: t('login.errors.passwordRequired') })}
      />
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>{failure}</p>
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
