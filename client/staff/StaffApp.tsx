// The staff app shell: top bar (name, language, who is signed in, sign out), navigation by role, and the pages,
// each loaded when first opened. Until someone is signed in, the login page.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { staffLogout } from './api/staff.ts';
import { useAuthStore, useUser } from './auth-store.ts';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const SessionsPage = lazy(() => import('./pages/SessionsPage.tsx'));
const SessionPage = lazy(() => import('./pages/SessionPage.tsx'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export const BASE = '/staff';

function TopBar() {
  const { t, i18n } = useTranslation('staff');
  const user = useUser();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  const signedIn = user !== null && user !== 'unknown';

  async function onLogout() {
    await staffLogout().catch(() => undefined);
    useAuthStore.getState().signedOut();
  }

  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <div className="topbar-actions">
        <button type="button" className="button small" lang={other} aria-label={t('app.switchToLabel')} onClick={() => void i18n.changeLanguage(other)}>
          {t('app.switchTo')}
        </button>
        {signedIn && (
          <button type="button" className="button small" onClick={() => void onLogout()}>
            {t('app.logout')}
          </button>
        )}
      </div>
    </header>
  );
}

function Nav() {
  const { t } = useTranslation('staff');
  const user = useUser();
  const [location] = useLocation();
  if (user === null || user === 'unknown') return null;
  const items = [
    { href: '/', label: t('nav.sessions'), show: true },
    { href: '/instellingen', label: t('nav.settings'), show: user.role !== 'observer' },
    { href: '/accounts', label: t('nav.users'), show: user.role === 'admin' },
  ];
  return (
    <nav className="staff-nav" aria-label={t('nav.label')}>
      <ul>
        {items
          .filter((i) => i.show)
          .map((i) => (
            <li key={i.href}>
              <Link href={i.href} aria-current={location === i.href ? 'page' : undefined}>
                {i.label}
              </Link>
            </li>
          ))}
      </ul>
      <p className="muted signed-in">
        {t('app.signedInAs', { email: user.email })} · {t(`roles.${user.role}`)}
        {user.institutionName ? ` · ${user.institutionName}` : ''}
      </p>
    </nav>
  );
}

function Pages() {
  const { t } = useTranslation('staff');
  const user = useUser();
  if (user === 'unknown') return <p>{t('app.loading')}</p>;
  if (user === null) return <LoginPage />;
  return (
    <Switch>
      <Route path="/" component={SessionsPage} />
      <Route path="/sessies/:id">{(params) => <SessionPage id={Number(params.id)} />}</Route>
      <Route path="/instellingen" component={SettingsPage} />
      <Route path="/accounts" component={UsersPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

export function StaffApp() {
  const { t } = useTranslation('staff');
  useEffect(() => {
    useAuthStore
      .getState()
      .check()
      .catch(() => useAuthStore.getState().signedOut());
  }, []);
  return (
    <Router base={BASE}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <Nav />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <Pages />
        </Suspense>
      </main>
    </Router>
  );
}
