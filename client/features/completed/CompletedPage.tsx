// "Already completed" with the date: the student's proof of participation. Never a second questionnaire.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/app-store.ts';

export function CompletedPage({ completedAt, justNow }: { completedAt: string; justNow: boolean }) {
  const { t, i18n } = useTranslation();
  const loggedOut = useAppStore((s) => s.loggedOut);
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(completedAt));
  return (
    <section className="card">
      <h1 tabIndex={-1}>{justNow ? t('completed.thanksHeading') : t('completed.heading')}</h1>
      <p className="completed-date">{t('completed.text', { date })}</p>
      <p>{t('completed.proof')}</p>
      {!justNow && <p>{t('completed.again')}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => loggedOut()}>
          {t('completed.toLogin')}
        </button>
      </div>
    </section>
  );
}
