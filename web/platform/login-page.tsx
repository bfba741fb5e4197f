import { useState, type FormEvent } from 'react';
import { useAuth } from './auth.js';
import { ErrorSummary, TextField } from './components.js';
import { useI18n } from './i18n.js';

export function LoginPage({
  status,
}: {
  status: { regionName: string | null; demo: boolean } | null;
}) {
  const { login } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<unknown>(null);
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
