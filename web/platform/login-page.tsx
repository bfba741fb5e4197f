import { useState, type FormEvent } from 'react';
import { useAuth } from './auth.js';
import { ErrorSummary, TextField } from './components.js';
import { useI18n, type MessageKey } from './i18n.js';
import type { SetupStatus } from './setup-page.js';

/** Why the server sent a single sign-on back here (`/?sso=…`). */
const SSO_REFUSALS = ['expired', 'failed', 'noEmail', 'noGroup', 'loginDisabled'] as const;

export function LoginPage({ status }: { status: SetupStatus | null }) {
  const { login } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const refusal = new URLSearchParams(window.location.search).get('sso');
  const ssoRefused = SSO_REFUSALS.find((r) => r === refusal);
  const passwords = status?.localPasswords ?? true;
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    try {
      await login(
        (f.get('email') as string | null) ?? '',
        (f.get('password') as string | null) ?? '',
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <div className="login__card">
        <p className="brand__name">{t('app.name')}</p>
        <h1>{t('auth.loginTitle')}</h1>
        {status?.regionName ? <p className="login__region">{status.regionName}</p> : null}
        <p className="muted">{t('app.tagline')}</p>
        {ssoRefused ? (
          <div className="alert alert--error" role="alert">
            <p>{t(`auth.sso.${ssoRefused}` as MessageKey)}</p>
          </div>
        ) : null}
        {status?.sso ? (
          <p>
            {/* A plain link: the browser goes to the provider and back, no script involved. */}
            <a
              className="btn btn--primary"
              href={`/api/auth/oidc/${encodeURIComponent(status.sso.slug)}/start`}
            >
              {t('auth.sso.login')}
            </a>
          </p>
        ) : null}
        {passwords ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <ErrorSummary error={error} />
            <TextField
              label={t('auth.email')}
              name="email"
              type="email"
              autoComplete="username"
              required
            />
            <TextField
              label={t('auth.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {t('auth.login')}
            </button>
          </form>
        ) : null}
        {status?.demo ? <p className="muted small">{t('auth.demoHint')}</p> : null}
        <button
          type="button"
          className="btn btn--ghost"
          lang={lang === 'sv' ? 'en' : 'sv'}
          onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}
        >
          {t('lang.switch')}
        </button>
      </div>
    </main>
  );
}
