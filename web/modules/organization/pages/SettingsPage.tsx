import { useState } from 'react';
import { lines, num, useFormAction } from '../../../platform/use-form.js';
import { useQueryClient } from '@tanstack/react-query';
import {
  ErrorSummary,
  LoadError,
  Loading,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  FormActions,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { PERIOD_KINDS } from '../../../../domain/goals/periods.js';
import { orgApi } from '../api.js';
import { usePersonOptions } from '../components/people.js';
import { ssoBody, SsoSettingsFields } from '../components/sso-settings.js';
import { useBoardOptions } from '../components/units.js';
import { useForumOptions, useSettings } from '../queries.js';

export function SettingsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const settings = useSettings();
  const forums = useForumOptions();
  const people = usePersonOptions();
  const boards = useBoardOptions();
  const [saved, setSaved] = useState(false);
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    setSaved(false);
    const s = settings.data!;
    const count = (x: string | null | undefined) => (x ? num(x) : undefined);
    const patch = changes((v, data) => ({
      name: v.name ?? s.name,
      caseNumberLabel: v.caseNumberLabel,
      caseNumberPattern: v.caseNumberPattern,
      caseNumberExample: v.caseNumberExample,
      caseNumberDescription: v.caseNumberDescription,
      followUpPeriods: data.getAll('followUpPeriods'),
      documentMaxAgeYears: count(v.documentMaxAgeYears),
      contractWarningMonths: count(v.contractWarningMonths),
      classificationMaxAgeYears: count(v.classificationMaxAgeYears),
      sessionMaxAgeDays: count(v.sessionMaxAgeDays),
      councilForumId: v.councilForumId,
      regionalDirectorPersonId: v.regionalDirectorPersonId,
      portfolioDecidingBodyId: v.portfolioDecidingBodyId,
      crossUnitThreshold: count(v.crossUnitThreshold),
      scoringModel: lines(v.scoringModel).map((l) => {
        const [key = '', label = '', weight = '1'] = l.split(';').map((x) => x.trim());
        return { key, label, weight: num(weight) };
      }),
      ...ssoBody(v, data),
    }));
    if (patch) await orgApi.saveSettings({ ...patch, version: s.version });
    setSaved(true);
    await qc.invalidateQueries({ queryKey: ['settings'] });
    await qc.invalidateQueries({ queryKey: ['me'] });
  });
  if (settings.isLoading) return <Loading />;
  if (!settings.data) return <LoadError error={settings.error} />;
  const s = settings.data;
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <form onSubmit={onSubmit} ref={formRef} className="narrow" noValidate key={s.version}>
        <ErrorSummary error={error} />
        {saved ? <p role="status">{t('common.saved')}</p> : null}
        <TextField
          label={t('settings.regionName')}
          name="name"
          defaultValue={s.name}
          required
          error={fe.name}
        />
        <SelectField
          label={t('settings.caseNumberLabel')}
          name="caseNumberLabel"
          defaultValue={s.caseNumberLabel}
          options={[
            { value: 'diarienummer', label: 'Diarienummer' },
            { value: 'ärendenummer', label: 'Ärendenummer' },
          ]}
          error={fe.caseNumberLabel}
        />
        <TextField
          label={t('settings.caseNumberPattern')}
          name="caseNumberPattern"
          defaultValue={s.caseNumberPattern ?? ''}
          error={fe.caseNumberPattern}
        />
        <TextField
          label={t('settings.caseNumberExample')}
          name="caseNumberExample"
          defaultValue={s.caseNumberExample ?? ''}
          error={fe.caseNumberExample}
        />
        <TextField
          label={t('settings.caseNumberDescription')}
          name="caseNumberDescription"
          defaultValue={s.caseNumberDescription ?? ''}
          error={fe.caseNumberDescription}
        />
        <fieldset className="field">
          <legend>{t('settings.followUpPeriods')}</legend>
          {PERIOD_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="checkbox"
                name="followUpPeriods"
                value={k}
                defaultChecked={s.followUpPeriods.includes(k)}
              />{' '}
              {t(`periodKind.${k}` as MessageKey)}
            </label>
          ))}
          {fe.followUpPeriods ? <p className="field__error">{fe.followUpPeriods}</p> : null}
        </fieldset>
        <TextField
          label={t('settings.documentMaxAgeYears')}
          name="documentMaxAgeYears"
          type="number"
          min={1}
          max={50}
          defaultValue={s.documentMaxAgeYears}
          error={fe.documentMaxAgeYears}
        />
        <TextField
          label={t('settings.contractWarningMonths')}
          name="contractWarningMonths"
          type="number"
          min={1}
          max={120}
          defaultValue={s.contractWarningMonths}
          error={fe.contractWarningMonths}
        />
        <TextField
          label={t('settings.classificationMaxAgeYears')}
          name="classificationMaxAgeYears"
          type="number"
          min={1}
          max={20}
          defaultValue={s.classificationMaxAgeYears}
          error={fe.classificationMaxAgeYears}
        />
        <TextField
          label={t('settings.sessionMaxAgeDays')}
          name="sessionMaxAgeDays"
          type="number"
          min={1}
          max={30}
          defaultValue={s.sessionMaxAgeDays}
          error={fe.sessionMaxAgeDays}
        />
        <SelectField
          label={t('settings.councilForum')}
          name="councilForumId"
          defaultValue={s.councilForumId ?? ''}
          emptyLabel="—"
          options={(forums.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          error={fe.councilForumId}
        />
        <SelectField
          label={t('settings.regionalDirector')}
          name="regionalDirectorPersonId"
          defaultValue={s.regionalDirectorPersonId ?? ''}
          emptyLabel="—"
          options={people}
          error={fe.regionalDirectorPersonId}
        />
        <SelectField
          label={t('settings.portfolioDecidingBody')}
          name="portfolioDecidingBodyId"
          defaultValue={s.portfolioDecidingBodyId ?? ''}
          emptyLabel="—"
          options={boards}
          error={fe.portfolioDecidingBodyId}
        />
        <TextField
          label={t('settings.crossUnitThreshold')}
          name="crossUnitThreshold"
          type="number"
          min={2}
          max={50}
          defaultValue={s.crossUnitThreshold}
          error={fe.crossUnitThreshold}
        />
        <TextArea
          label={t('settings.scoringModel')}
          name="scoringModel"
          rows={4}
          defaultValue={s.scoringModel.map((c) => `${c.key}; ${c.label}; ${c.weight}`).join('\n')}
          error={
            fe.scoringModel ?? Object.entries(fe).find(([k]) => k.startsWith('scoringModel.'))?.[1]
          }
        />
        <SsoSettingsFields s={s} fe={fe} />
        <FormActions />
      </form>
    </>
  );
}
