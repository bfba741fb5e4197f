import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorSummary, fieldErrors, LoadError, Loading, PageHeader, SelectField, TextField } from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { formValues, orgApi } from '../api.js';

export function SettingsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => orgApi.settings() });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (settings.isLoading) return <Loading />;
  if (!settings.data) return <LoadError error={settings.error} />;
  const s = settings.data;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    try {
      await orgApi.saveSettings({ version: s.version, name: v.name ?? s.name, caseNumberLabel: v.caseNumberLabel, caseNumberPattern: v.caseNumberPattern });
      setError(null);
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['settings'] });
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (err) {
      setError(err);
      setSaved(false);
    }
  };
  const fe = fieldErrors(error);
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <form onSubmit={(e) => void submit(e)} className="narrow" noValidate key={s.version}>
        <ErrorSummary error={error} />
        {saved ? <p role="status">{t('common.saved')}</p> : null}
        <TextField label={t('settings.regionName')} name="name" defaultValue={s.name} required error={fe.name} />
        <SelectField label={t('settings.caseNumberLabel')} name="caseNumberLabel" defaultValue={s.caseNumberLabel} options={[{ value: 'diarienummer', label: 'Diarienummer' }, { value: 'ärendenummer', label: 'Ärendenummer' }]} error={fe.caseNumberLabel} />
        <TextField label={t('settings.caseNumberPattern')} name="caseNumberPattern" defaultValue={s.caseNumberPattern ?? ''} error={fe.caseNumberPattern} />
        <div className="form-actions"><button type="submit" className="btn btn--primary">{t('common.save')}</button></div>
      </form>
    </>
  );
}
