import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { INTEGRATION_METHODS } from '../../../../domain/services/ownership.js';
import {
  DPA_STATUSES,
  DPIA_STATUSES,
  LIFECYCLES,
  SYSTEM_CATEGORIES,
} from '../../../../domain/services/system.js';
import {
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { num, useFormAction, type FormValues } from '../../../platform/use-form.js';
import { UnitSelect, unitOptions, useTree } from '../../organization/components/units.js';
import { usePersonOptions } from '../../organization/components/people.js';
import { ownershipApi, systemsApi, type ContractDto, type SystemDto } from '../api.js';
import { useSystemSearch } from '../queries.js';

const list = (v: string | null | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function SystemDialog({
  system,
  onClose,
  onSaved,
}: {
  system?: SystemDto | null;
  onClose: () => void;
  onSaved?: (s: SystemDto) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const categories = useEnumOptions(SYSTEM_CATEGORIES, 'sysCategory');
  const lifecycles = useEnumOptions(LIFECYCLES, 'lifecycle');
  const dpia = useEnumOptions(DPIA_STATUSES, 'dpia');
  const dpa = useEnumOptions(DPA_STATUSES, 'dpa');
  const personOptions = usePersonOptions();
  const { units } = useTree();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues, data: FormData) => ({
      name: v.name ?? '',
      aliases: list(v.aliases),
      category: v.category,
      lifecycle: v.lifecycle,
      ownerUnitId: v.ownerUnitId,
      ownerPersonId: v.ownerPersonId,
      ownerExternalName: v.ownerExternalName,
      ownerRole: v.ownerRole,
      managerPersonId: v.managerPersonId,
      ownerAppointedById: v.ownerAppointedById,
      managerAppointedById: v.managerAppointedById,
      supplierName: v.supplierName,
      hosting: v.hosting,
      capabilities: list(v.capabilities),
      approxUsers: num(v.approxUsers),
      costLicence: num(v.costLicence),
      costOperation: num(v.costOperation),
      costStaff: num(v.costStaff),
      costTotalReported: num(v.costTotalReported),
      confidentiality: num(v.confidentiality),
      integrity: num(v.integrity),
      availability: num(v.availability),
      reclassifyOn: v.reclassifyOn,
      personalData: data.get('personalData') === 'on',
      dpaSignedOn: v.dpaSignedOn,
      dpaStatus: v.dpaStatus,
      notes: v.notes,
      dpiaStatus: v.dpiaStatus,
      description: v.description,
      lifecycleOn: v.lifecycleOn,
      technicalContactId: v.technicalContactId,
      contractHolderUnitId: v.contractHolderUnitId,
      userUnitIds: data.getAll('userUnitIds').map(String).filter(Boolean),
    });
    const patch = system ? changes(body) : null;
    const saved = system
      ? patch
        ? await systemsApi.update(system.id, { ...patch, version: system.version })
        : system
      : await systemsApi.create(body(v, data));
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    onSaved?.(saved);
  }, onClose);
  return (
    <Dialog title={system ? t('sys.edit') : t('sys.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('sys.name')}
          name="name"
          defaultValue={system?.name ?? ''}
          required
          error={fe.name}
        />
        <TextField
          label={t('sys.aliases')}
          name="aliases"
          defaultValue={(system?.aliases ?? []).join(', ')}
          error={fe.aliases}
        />
        <TextArea
          label={t('svc.description')}
          name="description"
          rows={2}
          defaultValue={system?.description ?? ''}
          error={fe.description}
        />
        <div className="row">
          <SelectField
            label={t('sys.category')}
            name="category"
            defaultValue={system ? (system.category ?? '') : 'support'}
            emptyLabel="—"
            options={categories}
            required
            error={fe.category}
          />
          <SelectField
            label={t('sys.lifecycle')}
            name="lifecycle"
            defaultValue={system ? (system.lifecycle ?? '') : 'operating'}
            emptyLabel="—"
            options={lifecycles}
            required
            error={fe.lifecycle}
          />
          <TextField
            label={t('sys.lifecycleOn')}
            name="lifecycleOn"
            type="date"
            defaultValue={system?.lifecycleOn ?? ''}
            error={fe.lifecycleOn}
          />
        </div>
        <UnitSelect
          label={t('sys.ownerUnit')}
          name="ownerUnitId"
          defaultValue={system?.ownerUnitId ?? ''}
          emptyLabel="—"
          error={fe.ownerUnitId}
        />
        <div className="row">
          <SelectField
            label={t('sys.owner')}
            name="ownerPersonId"
            defaultValue={system?.ownerPersonId ?? ''}
            emptyLabel="—"
            options={personOptions}
            error={fe.ownerPersonId}
          />
          <SelectField
            label={t('sys.manager')}
            name="managerPersonId"
            defaultValue={system?.managerPersonId ?? ''}
            emptyLabel="—"
            options={personOptions}
            error={fe.managerPersonId}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('sys.ownerAppointedBy')}
            name="ownerAppointedById"
            defaultValue={system?.ownerAppointedById ?? ''}
            emptyLabel="—"
            options={personOptions}
            error={fe.ownerAppointedById}
          />
          <SelectField
            label={t('sys.managerAppointedBy')}
            name="managerAppointedById"
            defaultValue={system?.managerAppointedById ?? ''}
            emptyLabel="—"
            options={personOptions}
            error={fe.managerAppointedById}
          />
        </div>
        <div className="row">
          <TextField
            label={t('sys.ownerExternal')}
            name="ownerExternalName"
            defaultValue={system?.ownerExternalName ?? ''}
            error={fe.ownerExternalName}
          />
          <TextField
            label={t('sys.ownerRole')}
            name="ownerRole"
            defaultValue={system?.ownerRole ?? ''}
            error={fe.ownerRole}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('sys.technicalContact')}
            name="technicalContactId"
            defaultValue={system?.technicalContactId ?? ''}
            emptyLabel="—"
            options={personOptions}
            error={fe.technicalContactId}
          />
          <UnitSelect
            label={t('sys.contractHolder')}
            name="contractHolderUnitId"
            defaultValue={system?.contractHolderUnitId ?? ''}
            emptyLabel="—"
            error={fe.contractHolderUnitId}
          />
        </div>
        <SelectField
          label={t('sys.userUnits')}
          name="userUnitIds"
          multiple
          size={6}
          defaultValue={system?.userUnitIds ?? []}
          options={unitOptions(units)}
          error={fe.userUnitIds}
        />
        <div className="row">
          <TextField
            label={t('sys.supplier')}
            name="supplierName"
            defaultValue={system?.supplierName ?? ''}
            error={fe.supplierName}
          />
          <TextField
            label={t('sys.hosting')}
            name="hosting"
            defaultValue={system?.hosting ?? ''}
            error={fe.hosting}
          />
        </div>
        <TextField
          label={t('sys.capabilities')}
          name="capabilities"
          defaultValue={(system?.capabilities ?? []).join(', ')}
          error={fe.capabilities}
        />
        <div className="row">
          <TextField
            label={t('sys.confidentiality')}
            name="confidentiality"
            type="number"
            min={0}
            max={4}
            defaultValue={system?.confidentiality ?? ''}
            error={fe.confidentiality}
          />
          <TextField
            label={t('sys.integrity')}
            name="integrity"
            type="number"
            min={0}
            max={4}
            defaultValue={system?.integrity ?? ''}
            error={fe.integrity}
          />
          <TextField
            label={t('sys.availability')}
            name="availability"
            type="number"
            min={0}
            max={4}
            defaultValue={system?.availability ?? ''}
            error={fe.availability}
          />
        </div>
        <TextField
          label={t('sys.reclassifyOn')}
          name="reclassifyOn"
          type="date"
          defaultValue={system?.reclassifyOn ?? ''}
          error={fe.reclassifyOn}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            name="personalData"
            defaultChecked={system?.personalData ?? false}
          />{' '}
          {t('sys.personalData')}
        </label>
        <div className="row">
          <TextField
            label={t('sys.dpaSignedOn')}
            name="dpaSignedOn"
            type="date"
            defaultValue={system?.dpaSignedOn ?? ''}
            error={fe.dpaSignedOn}
          />
          <SelectField
            label={t('sys.dpaStatus')}
            name="dpaStatus"
            defaultValue={system?.dpaStatus ?? ''}
            emptyLabel="—"
            options={dpa}
            error={fe.dpaStatus}
          />
          <SelectField
            label={t('sys.dpia')}
            name="dpiaStatus"
            defaultValue={system?.dpiaStatus ?? ''}
            emptyLabel="—"
            options={dpia}
            error={fe.dpiaStatus}
          />
        </div>
        <div className="row">
          <TextField
            label={t('sys.users')}
            name="approxUsers"
            inputMode="numeric"
            defaultValue={system?.approxUsers ?? ''}
            error={fe.approxUsers}
          />
          <TextField
            label={t('sys.costLicence')}
            name="costLicence"
            inputMode="decimal"
            defaultValue={system?.costLicence ?? ''}
            error={fe.costLicence}
          />
          <TextField
            label={t('sys.costOperation')}
            name="costOperation"
            inputMode="decimal"
            defaultValue={system?.costOperation ?? ''}
            error={fe.costOperation}
          />
          <TextField
            label={t('sys.costStaff')}
            name="costStaff"
            inputMode="decimal"
            defaultValue={system?.costStaff ?? ''}
            error={fe.costStaff}
          />
          <TextField
            label={t('sys.costTotalReported')}
            name="costTotalReported"
            inputMode="decimal"
            defaultValue={system?.costTotalReported ?? ''}
            error={fe.costTotalReported}
          />
        </div>
        <TextArea
          label={t('sys.notes')}
          name="notes"
          rows={2}
          defaultValue={system?.notes ?? ''}
          error={fe.notes}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ContractDialog({
  systemId,
  contract,
  onClose,
}: {
  systemId: string;
  contract?: ContractDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      contractRef: v.contractRef || null,
      supplierName: v.supplierName,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      noticeMonths: num(v.noticeMonths),
      extensionOptions: v.extensionOptions,
      procurementRef: v.procurementRef,
      valuePerYear: num(v.valuePerYear),
    });
    if (contract) {
      const patch = changes(body);
      if (patch)
        await systemsApi.updateContract(contract.id, { ...patch, version: contract.version });
    } else await systemsApi.createContract({ ...body(v), systemId });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }, onClose);
  return (
    <Dialog
      title={
        contract ? t('sys.editContract', { ref: contract.contractRef ?? '' }) : t('sys.newContract')
      }
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <TextField
            label={t('sys.contractRef')}
            name="contractRef"
            defaultValue={contract?.contractRef ?? ''}
            error={fe.contractRef}
          />
          <TextField
            label={t('sys.supplier')}
            name="supplierName"
            defaultValue={contract?.supplierName ?? ''}
            error={fe.supplierName}
          />
        </div>
        <div className="row">
          <TextField
            label={t('sys.startsOn')}
            name="startsOn"
            type="date"
            defaultValue={contract?.startsOn ?? ''}
            error={fe.startsOn}
          />
          <TextField
            label={t('sys.endsOn')}
            name="endsOn"
            type="date"
            defaultValue={contract?.endsOn ?? ''}
            error={fe.endsOn}
          />
          <TextField
            label={t('sys.noticeMonths')}
            name="noticeMonths"
            type="number"
            min={0}
            max={120}
            defaultValue={contract?.noticeMonths ?? ''}
            error={fe.noticeMonths}
          />
        </div>
        <TextField
          label={t('sys.extension')}
          name="extensionOptions"
          defaultValue={contract?.extensionOptions ?? ''}
          error={fe.extensionOptions}
        />
        <div className="row">
          <TextField
            label={t('sys.procurementRef')}
            name="procurementRef"
            defaultValue={contract?.procurementRef ?? ''}
            error={fe.procurementRef}
          />
          <TextField
            label={t('sys.valuePerYear')}
            name="valuePerYear"
            inputMode="decimal"
            defaultValue={contract?.valuePerYear ?? ''}
            error={fe.valuePerYear}
          />
        </div>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Classify the information a system holds (K/R/T), with its personal-data status: who and when is recorded by the server. */
export function ClassifyDialog({ system, onClose }: { system: SystemDto; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const dpia = useEnumOptions(DPIA_STATUSES, 'dpia');
  const dpa = useEnumOptions(DPA_STATUSES, 'dpa');
  const levels = [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) }));
  const { error, fe, onSubmit } = useFormAction(async (v, data) => {
    await systemsApi.update(system.id, {
      version: system.version,
      confidentiality: num(v.confidentiality),
      integrity: num(v.integrity),
      availability: num(v.availability),
      reclassifyOn: v.reclassifyOn,
      personalData: data.get('personalData') === 'on',
      sensitivePersonalData: data.get('sensitivePersonalData') === 'on',
      dpaSignedOn: v.dpaSignedOn,
      dpaStatus: v.dpaStatus,
      notes: v.notes,
      dpiaStatus: v.dpiaStatus,
      dpiaOn: v.dpiaOn,
    });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }, onClose);
  return (
    <Dialog title={`${t('sys.classifyTitle')}: ${system.name}`} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <SelectField
            label={t('sys.confidentiality')}
            name="confidentiality"
            defaultValue={system.confidentiality?.toString() ?? ''}
            emptyLabel="—"
            options={levels}
            error={fe.confidentiality}
          />
          <SelectField
            label={t('sys.integrity')}
            name="integrity"
            defaultValue={system.integrity?.toString() ?? ''}
            emptyLabel="—"
            options={levels}
            error={fe.integrity}
          />
          <SelectField
            label={t('sys.availability')}
            name="availability"
            defaultValue={system.availability?.toString() ?? ''}
            emptyLabel="—"
            options={levels}
            error={fe.availability}
          />
        </div>
        <TextField
          label={t('sys.reclassifyOn')}
          name="reclassifyOn"
          type="date"
          defaultValue={system.reclassifyOn ?? ''}
          error={fe.reclassifyOn}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            name="personalData"
            defaultChecked={system.personalData ?? false}
          />{' '}
          {t('sys.personalData')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="sensitivePersonalData"
            defaultChecked={system.sensitivePersonalData ?? false}
          />{' '}
          {t('sys.sensitivePersonalData')}
        </label>
        <div className="row">
          <TextField
            label={t('sys.dpaSignedOn')}
            name="dpaSignedOn"
            type="date"
            defaultValue={system.dpaSignedOn ?? ''}
            error={fe.dpaSignedOn}
          />
          <SelectField
            label={t('sys.dpaStatus')}
            name="dpaStatus"
            defaultValue={system?.dpaStatus ?? ''}
            emptyLabel="—"
            options={dpa}
            error={fe.dpaStatus}
          />
          <SelectField
            label={t('sys.dpia')}
            name="dpiaStatus"
            defaultValue={system.dpiaStatus ?? ''}
            emptyLabel="—"
            options={dpia}
            error={fe.dpiaStatus}
          />
          <TextField
            label={t('sys.dpiaOn')}
            name="dpiaOn"
            type="date"
            defaultValue={system.dpiaOn ?? ''}
            error={fe.dpiaOn}
          />
        </div>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Record an integration between this system and another: which way the data goes, and how. */
export function IntegrationDialog({ system, onClose }: { system: SystemDto; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const methods = useEnumOptions(INTEGRATION_METHODS, 'integrationMethod');
  const [q, setQ] = useState('');
  const found = useSystemSearch(q, 20);
  const options = (found.data?.items ?? [])
    .filter((s) => s.id !== system.id)
    .map((s) => ({ value: s.id, label: s.name }));
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    const other = v.otherId ?? '';
    const outgoing = v.direction !== 'in';
    await ownershipApi.createIntegration({
      fromSystemId: outgoing ? system.id : other,
      toSystemId: outgoing ? other : system.id,
      method: v.method,
      description: v.description,
    });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }, onClose);
  return (
    <Dialog title={t('sys.newIntegration')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <div className="field">
          <label htmlFor="int-q">{t('svc.searchSystem')}</label>
          <input
            id="int-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
        </div>
        <SelectField
          label={t('sys.integrationOther')}
          name="otherId"
          options={options}
          emptyLabel="—"
          required
          error={fe.toSystemId ?? fe.fromSystemId}
        />
        <SelectField
          label={t('sys.integrationDirection')}
          name="direction"
          options={[
            { value: 'out', label: t('sys.integrationOutgoing') },
            { value: 'in', label: t('sys.integrationIncoming') },
          ]}
        />
        <SelectField
          label={t('sys.integrationMethod')}
          name="method"
          options={methods}
          defaultValue="api"
          required
          error={fe.method}
        />
        <TextField
          label={t('sys.integrationDescription')}
          name="description"
          error={fe.description}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
