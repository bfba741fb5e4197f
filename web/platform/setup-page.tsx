import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from './api.js';
import { useAuth } from './auth.js';
import { ErrorSummary, Loading, SelectField, TextField } from './components.js';
import { useI18n } from './i18n.js';
import { formValues } from './use-form.js';
import { LoginPage } from './login-page.js';

export type SetupStatus = {
  needed: boolean;
  regionName: string | null;
  demo: boolean;
  /** The one region's single sign-on, when it has one. */
  sso: { slug: string; label: string } | null;
  /** False: the region logs in through single sign-on only. */
  localPasswords: boolean;
};

/** Before login: the first run's setup page while no region exists, else the login page. */
export function PublicArea() {
  const status = useQuery({
    queryKey: ['setup', 'status'],
    queryFn: () => api.get<SetupStatus>('/api/setup'),
  });
  if (status.isLoading) return <Loading />;
  if (status.data?.needed) return <SetupPage onDone={() => void status.refetch()} />;
  return <LoginPage status={status.data ?? null} />;
}

function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { login } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const fe = error instanceof ApiError ? error.fields : {};
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    // Passwords as typed: spaces at the ends belong to them.
    const raw = new FormData(e.currentTarget);
    const typed = (name: string) => {
      const value = raw.get(name);
      return typeof value === 'string' ? value : '';
    };
    const password = typed('adminPassword');
    if (password !== typed('adminPassword2')) {
      setError(
        new ApiError(400, '', t('setup.passwordsDiffer'), {
          adminPassword2: t('setup.passwordsDiffer'),
        }),
      );
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/setup', {
        token: v.token ?? '',
        regionName: v.regionName ?? '',
        rootName: v.rootName ?? '',
        caseNumberLabel: v.caseNumberLabel ?? 'diarienummer',
        caseNumberPattern: v.caseNumberPattern,
        adminName: v.adminName ?? '',
        adminEmail: v.adminEmail ?? '',
        adminPassword: password,
      });
      await login(v.adminEmail ?? '', password);
      onDone();
      // The setup address (with its spent code) gives way to the start page.
      window.location.replace('/');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <div className="login__card login__card--wide">
        <p className="brand__name">{t('app.name')}</p>
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ErrorSummary error={error} />
          <TextField
            label={t('setup.token')}
            name="token"
            defaultValue={token}
            autoComplete="off"
            required
            error={fe.token}
          />
          <TextField label={t('setup.region')} name="regionName" required error={fe.regionName} />
          <TextField
            label={t('setup.root')}
            name="rootName"
            defaultValue="Regionfullmäktige"
            hint={t('setup.rootHint')}
            required
            error={fe.rootName}
          />
          <SelectField
            label={t('setup.caseLabel')}
            name="caseNumberLabel"
            defaultValue="diarienummer"
            options={[
              { value: 'diarienummer', label: 'diarienummer' },
              { value: 'ärendenummer', label: 'ärendenummer' },
            ]}
            error={fe.caseNumberLabel}
          />
          <TextField
            label={t('setup.caseFormat')}
            name="caseNumberPattern"
            hint={t('setup.caseFormatHint')}
            error={fe.caseNumberPattern}
          />
          <TextField
            label={t('setup.adminName')}
            name="adminName"
            autoComplete="name"
            required
            error={fe.adminName}
          />
          <TextField
            label={t('setup.adminEmail')}
            name="adminEmail"
            type="email"
            autoComplete="username"
            required
            error={fe.adminEmail}
          />
          <TextField
            label={t('setup.adminPassword')}
            name="adminPassword"
            type="password"
            autoComplete="new-password"
            required
            error={fe.adminPassword}
          />
          <TextField
            label={t('setup.adminPassword2')}
            name="adminPassword2"
            type="password"
            autoComplete="new-password"
            required
            error={fe.adminPassword2}
          />
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('setup.busy') : t('setup.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
