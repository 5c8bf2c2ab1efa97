// "Already completed" with the date: the student's proof of participation. Never a second questionnaire.
// Logging out here ends the session, so the next student on a shared device starts at the login.
import { useTranslation } from 'react-i18next';
import { logOut } from '../survey/leave.ts';

export function CompletedPage({ completedAt, justNow }: { completedAt: string; justNow: boolean }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(completedAt));
  return (
    <section className="card">
      <h1 tabIndex={-1}>{justNow ? t('completed.thanksHeading') : t('completed.heading')}</h1>
      <p className="completed-date">{t('completed.text', { date })}</p>
      <p>{t('completed.proof')}</p>
      {!justNow && <p>{t('completed.again')}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => void logOut()}>
          {t('completed.logout')}
        </button>
      </div>
    </section>
  );
}
