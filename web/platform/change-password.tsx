import { useState } from 'react';
import { useFormAction } from './use-form.js';
import { api } from './api.js';
import { Dialog, ErrorSummary, TextField, FormActions } from './components.js';
import { useI18n } from './i18n.js';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const { error, fe, onSubmit, clearError } = useFormAction(async (v) => {
    await api.post('/api/auth/password', {
      currentPassword: v.currentPassword ?? '',
      newPassword: v.newPassword ?? '',
    });
    setDone(true);
  });
  return (
    <Dialog
      title={t('auth.changePassword')}
      open={open}
      onClose={() => {
        setDone(false);
        clearError();
        onClose();
      }}
    >
      {done ? (
        <p role="status">{t('auth.passwordChanged')}</p>
      ) : (
        <form onSubmit={onSubmit}>
          <ErrorSummary error={error} />
          <TextField
            label={t('auth.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={fe.currentPassword}
          />
          <TextField
            label={t('auth.newPassword')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            error={fe.newPassword}
          />
          <FormActions />
        </form>
      )}
    </Dialog>
  );
}
