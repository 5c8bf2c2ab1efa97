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
const ResponsePage = lazy(() => import('./pages/ResponsePage.tsx'));
const LabelsPage = lazy(() => import('./pages/LabelsPage.tsx'));
const ResultsPage = lazy(() => import('./pages/ResultsPage.tsx'));
const CalculatorPage = lazy(() => import('./pages/CalculatorPage.tsx'));
const CleaningPage = lazy(() => import('./pages/CleaningPage.tsx'));
const InstitutionsPage = lazy(() => import('./pages/InstitutionsPage.tsx'));
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
  // Only what the role may use: observers have classroom sessions and the calculator; an institution user its own
  // institution's pages (never a link to another's); an admin everything.
  const institutionPages = user.role !== 'observer';
  const admin = user.role === 'admin';
  const items = [
    { href: '/', label: t('nav.sessions'), show: true },
    { href: '/respons', label: t('nav.response'), show: institutionPages },
    { href: '/labelbestand', label: t('nav.labels'), show: institutionPages },
    { href: '/resultaten', label: t('nav.results'), show: institutionPages },
    { href: '/rekenhulp', label: t('nav.calculator'), show: true },
    { href: '/instellingen', label: t('nav.settings'), show: institutionPages },
    { href: '/instellingen-overzicht', label: t('nav.institutions'), show: admin },
    { href: '/opschoning', label: t('nav.cleaning'), show: admin },
    { href: '/accounts', label: t('nav.users'), show: admin },
  ];
  // A page below a menu item (/respons/25PZ) marks that item too.
  const current = (href: string) => (href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`));
  return (
    <nav className="staff-nav" aria-label={t('nav.label')}>
      <ul>
        {items
          .filter((i) => i.show)
          .map((i) => (
            <li key={i.href}>
              <Link href={i.href} aria-current={location === i.href ? 'page' : current(i.href) ? 'true' : undefined}>
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
      <Route path="/respons">{() => <ResponsePage />}</Route>
      <Route path="/respons/:brin">{(params) => <ResponsePage brin={params.brin.toUpperCase()} />}</Route>
      <Route path="/labelbestand">{() => <LabelsPage />}</Route>
      <Route path="/labelbestand/:brin">{(params) => <LabelsPage brin={params.brin.toUpperCase()} />}</Route>
      <Route path="/resultaten">{() => <ResultsPage />}</Route>
      <Route path="/resultaten/:brin">{(params) => <ResultsPage brin={params.brin.toUpperCase()} />}</Route>
      <Route path="/rekenhulp" component={CalculatorPage} />
      <Route path="/opschoning" component={CleaningPage} />
      <Route path="/instellingen-overzicht" component={InstitutionsPage} />
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
