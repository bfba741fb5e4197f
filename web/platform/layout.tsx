import { NavLink, Outlet, useLocation } from 'react-router';
import { Suspense, useState } from 'react';
import { useAuth } from './auth.js';
import { useI18n } from './i18n.js';
import { ChangePasswordDialog } from './change-password.js';
import { PageErrorBoundary } from './error-boundary.js';
import { Loading } from './components.js';

export function AppShell() {
  const { me, logout, can } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [pwOpen, setPwOpen] = useState(false);
  const { pathname } = useLocation();
  const links = [
    { to: '/', label: t('nav.home'), end: true, show: true },
    { to: '/organisation', label: t('nav.organisation'), show: can('org.read') },
    { to: '/forum', label: t('nav.forums'), show: can('org.read') },
    { to: '/beslut', label: t('nav.decisions'), show: can('org.read') },
    { to: '/mal', label: t('nav.goals'), show: can('org.read') },
    { to: '/uppfoljning', label: t('nav.followUp'), show: can('org.read') },
    { to: '/styrdokument', label: t('nav.documents'), show: can('org.read') },
    { to: '/portfolj', label: t('nav.portfolio'), show: can('org.read') },
    { to: '/tjanster', label: t('nav.services'), show: can('org.read') },
    { to: '/it-system', label: t('nav.systems'), show: can('org.read') },
    { to: '/revision', label: t('nav.revision'), show: can('org.read') },
    { to: '/personer', label: t('nav.people'), show: can('org.read') },
    { to: '/granskningslogg', label: t('nav.auditTrail'), show: can('audit.read') },
    { to: '/installningar', label: t('nav.settings'), show: can('tenant.admin') },
  ];
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tenant">{me?.tenantName}</span>
        </div>
        <div className="topbar__right">
          <button
            type="button"
            className="btn btn--ghost"
            lang={lang === 'sv' ? 'en' : 'sv'}
            aria-label={t('lang.switchLabel')}
            onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}
          >
            {t('lang.switch')}
          </button>
          <span className="muted">{t('auth.loggedInAs', { name: me?.name ?? '' })}</span>
          <button type="button" className="btn btn--ghost" onClick={() => setPwOpen(true)}>
            {t('auth.changePassword')}
          </button>
          <button type="button" className="btn" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav className="sidenav" aria-label={t('nav.main')}>
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end ?? false}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            <li>
              <a href="/api/docs">{t('nav.apiDocs')}</a>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <PageErrorBoundary resetKey={pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
      <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </div>
  );
}
