// Top bar: the survey's name, the language switch (on every page) and, in the survey, logout (the thank-you
// page has its own).
import { useTranslation } from 'react-i18next';
import { logOut } from '../features/survey/leave.ts';
import { useView } from './app-store.ts';

export function Header() {
  const { t, i18n } = useTranslation();
  const view = useView();
  const other = i18n.language === 'en' ? 'nl' : 'en';

  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <nav className="topbar-actions" aria-label={t('app.language')}>
        <button type="button" className="button small" lang={other} aria-label={t('app.switchToLabel')} onClick={() => void i18n.changeLanguage(other)}>
          {t('app.switchTo')}
        </button>
        {view.name === 'survey' && (
          <button type="button" className="button small" onClick={() => void logOut()}>
            {t('app.logout')}
          </button>
        )}
      </nav>
    </header>
  );
}
