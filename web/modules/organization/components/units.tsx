import { BODY_KINDS } from '../../../../domain/organization/unit.js';
import { useMemo } from 'react';
import { useFormAction, type FormValues } from '../../../platform/use-form.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UNIT_KINDS } from '../../../../domain/organization/unit.js';
import {
  Dialog,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
  FormActions,
} from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { orgApi, type UnitDto } from '../api.js';

/** The tree, loaded once and shared by every page that names or picks a unit. */
export function useTree(includeArchived = false) {
  const q = useQuery({
    queryKey: ['units', 'tree', includeArchived],
    queryFn: () => orgApi.tree(includeArchived),
  });
  const units = useMemo(() => q.data?.items ?? [], [q.data]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  return { ...q, units, byId };
}

/** After a change, every list and page showing data refetches (only the visible ones at once). */
export function useInvalidateOrg() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
}

/** Units in tree order, indented by depth, for a select. */
export function unitOptions(units: UnitDto[], exclude?: (u: UnitDto) => boolean) {
  const children = new Map<string | null, UnitDto[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: { value: string; label: string }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const u of (children.get(parentId) ?? []).sort((a, b) =>
      a.name.localeCompare(b.name, 'sv'),
    )) {
      if (!exclude?.(u))
        out.push({ value: u.id, label: `${'\u00a0\u00a0'.repeat(depth)}${u.name}` });
      walk(u.id, depth + 1);
    }
  };
  const roots = units.filter((u) => !u.parentId || !units.some((p) => p.id === u.parentId));
  for (const r of roots.sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
    if (!exclude?.(r)) out.push({ value: r.id, label: r.name });
    walk(r.id, 1);
  }
  return out;
}

/** Boards, regional boards, assemblies and companies: the bodies that decide, own services and are audited. */
export function useBoardOptions() {
  const { units } = useTree();
  return unitOptions(units, (u) => !BODY_KINDS.includes(u.kind));
}

export function UnitSelect({
  label,
  name,
  defaultValue,
  error,
  required,
  exclude,
  emptyLabel,
}: {
  label: string;
  name: string;
  defaultValue?: string | null;
  error?: string | undefined;
  required?: boolean;
  exclude?: (u: UnitDto) => boolean;
  emptyLabel?: string;
}) {
  const { units } = useTree();
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={defaultValue ?? ''}
      error={error}
      {...(required ? { required } : {})}
      options={unitOptions(units, exclude)}
      {...(emptyLabel !== undefined ? { emptyLabel } : {})}
    />
  );
}

/** Create a unit under a parent, or edit one. */
export function UnitDialog({
  open,
  onClose,
  parent,
  unit,
}: {
  open: boolean;
  onClose: () => void;
  parent?: UnitDto | null;
  unit?: UnitDto | null;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const kinds = useEnumOptions(UNIT_KINDS, 'unitKind');
  const { error, fe, onSubmit, clearError, formRef } = useFormAction(
    async (v, data, { changes }) => {
      const body = (v: FormValues) => ({
        kind: v.kind,
        name: v.name ?? '',
        shortName: v.shortName,
        description: v.description,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
      });
      if (unit) {
        const patch = changes(body);
        if (patch) await orgApi.updateUnit(unit.id, { ...patch, version: unit.version });
      } else await orgApi.createUnit({ ...body(v), parentId: parent?.id ?? null });
      await invalidate();
    },
    onClose,
  );
  const title = unit
    ? t('org.editUnit')
    : parent
      ? t('org.newUnitUnder', { name: parent.name })
      : t('org.newUnit');
  return (
    <Dialog
      title={title}
      open={open}
      onClose={() => {
        clearError();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('common.name')}
          name="name"
          defaultValue={unit?.name ?? ''}
          required
          error={fe.name}
          maxLength={200}
        />
        <SelectField
          label={t('common.kind')}
          name="kind"
          defaultValue={unit?.kind ?? 'unit'}
          options={kinds}
          required
          error={fe.kind}
        />
        <TextField
          label={t('org.shortName')}
          name="shortName"
          defaultValue={unit?.shortName ?? ''}
          error={fe.shortName}
          maxLength={40}
        />
        <div className="row">
          <TextField
            label={t('org.startsOn')}
            name="startsOn"
            type="date"
            defaultValue={unit?.startsOn ?? ''}
            error={fe.startsOn}
          />
          <TextField
            label={t('org.endsOn')}
            name="endsOn"
            type="date"
            defaultValue={unit?.endsOn ?? ''}
            error={fe.endsOn}
          />
        </div>
        <TextArea
          label={t('common.description')}
          name="description"
          defaultValue={unit?.description ?? ''}
          error={fe.description}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function MoveDialog({
  open,
  onClose,
  unit,
}: {
  open: boolean;
  onClose: () => void;
  unit: UnitDto;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const { error, fe, onSubmit, clearError } = useFormAction(async (v) => {
    await orgApi.moveUnit(unit.id, { version: unit.version, parentId: v.parentId });
    await invalidate();
  }, onClose);
  return (
    <Dialog
      title={t('org.moveUnitTitle', { name: unit.name })}
      open={open}
      onClose={() => {
        clearError();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <UnitSelect
          label={t('org.newParent')}
          name="parentId"
          defaultValue={unit.parentId}
          required
          error={fe.parentId}
          exclude={(u) => u.path.includes(unit.id)}
        />
        <FormActions submitLabel={t('org.moveUnit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
