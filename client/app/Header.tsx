// Top bar: the survey's name, the language switch (on every page) and, in the survey, logout.
import { useTranslation } from 'react-i18next';
import { logout } from '../features/survey/api/survey.ts';
import { flush } from '../features/survey/stores/sync.ts';
import { useSurveyStore } from '../features/survey/stores/survey-store.ts';
import { useAppStore, useView } from './app-store.ts';

export function Header() {
  const { t, i18n } = useTranslation();
  const view = useView();
  const other = i18n.language === 'en' ? 'nl' : 'en';

  async function onLogout() {
    await flush();
    await logout().catch(() => undefined);
    useSurveyStore.getState().surveyClosed();
    useAppStore.getState().loggedOut();
  }

  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <nav className="topbar-actions" aria-label={t('app.language')}>
        <button type="button" className="button small" lang={other} aria-label={t('app.switchToLabel')} onClick={() => void i18n.changeLanguage(other)}>
          {t('app.switchTo')}
        </button>
        {view.name === 'survey' && (
          <button type="button" className="button small" onClick={() => void onLogout()}>
            {t('app.logout')}
          </button>
        )}
      </nav>
    </header>
  );
}
