import { useState, type FormEvent } from 'react';
import { api } from './api.js';
import { Dialog, ErrorSummary, fieldErrors, TextField } from './components.js';
import { useI18n } from './i18n.js';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await api.post('/api/auth/password', { currentPassword: f.get('currentPassword'), newPassword: f.get('newPassword') });
      setError(null);
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  const fe = fieldErrors(error);
  return (
    <Dialog title={t('auth.changePassword')} open={open} onClose={() => { setDone(false); setError(null); onClose(); }}>
      {done ? <p role="status">{t('auth.passwordChanged')}</p> : (
        <form onSubmit={(e) => void submit(e)}>
          <ErrorSummary error={error} />
          <TextField label={t('auth.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={fe.currentPassword} />
          <TextField label={t('auth.newPassword')} name="newPassword" type="password" autoComplete="new-password" minLength={10} required error={fe.newPassword} />
          <div className="form-actions"><button type="submit" className="btn btn--primary">{t('common.save')}</button></div>
        </form>
      )}
    </Dialog>
  );
}
