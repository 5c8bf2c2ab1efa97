// The student app shell: header, then the screen the app store says.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './Header.tsx';
import { useAppStore, useView } from './app-store.ts';
import { LoginPage } from '../features/login/components/LoginPage.tsx';
import { SurveyView } from '../features/survey/components/SurveyView.tsx';
import { CompletedPage } from '../features/completed/CompletedPage.tsx';
import { enterSurvey } from '../features/survey/enter.ts';
import { logOut } from '../features/survey/leave.ts';
import { tabIsLoggedIn } from '../features/login/tab-login.ts';

export function App() {
  const { t } = useTranslation();
  const view = useView();

  useEffect(() => {
    // A reload of this tab continues where it stopped; a new tab or a reopened browser starts at the login,
    // whatever session the browser still carries (a shared laptop's next student).
    if (tabIsLoggedIn()) enterSurvey().catch(() => useAppStore.getState().loggedOut());
    else void logOut();
  }, []);

  useEffect(() => {
    document.title = `${t('app.title')}`;
  }, [t]);

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Header />
      <main id="main" tabIndex={-1}>
        {view.name === 'loading' && <p>{t('app.loading')}</p>}
        {view.name === 'login' && <LoginPage notice={view.notice} />}
        {view.name === 'survey' && <SurveyView />}
        {view.name === 'completed' && <CompletedPage completedAt={view.completedAt} justNow={view.justNow} />}
      </main>
    </>
  );
}
