import { useState } from 'react';
import { Link, NavLink } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EXTERNAL_USER_KINDS,
  type ServiceNodeKind,
} from '../../../../domain/services/ownership.js';
import {
  Badge,
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { lines, useFormAction, type FormValues } from '../../../platform/use-form.js';
import { usePersonOptions } from '../../organization/components/people.js';
import { useBoardOptions } from '../../organization/components/units.js';
import { ownershipApi, type NodeDto } from '../api.js';
import type { EscalationStep } from '../../../../domain/services/ownership.js';
import { useSystemSearch } from '../queries.js';
import { useConfirm } from '../../../platform/confirm.js';

/** The register's pages, one nav for all of them. */
export function ServicesNav() {
  const { t } = useI18n();
  const links = [
    ['/it-system', t('sys.register')],
    ['/it-system/oversikt', t('sys.overview')],
    ['/it-system/agarskap', t('sys.gaps')],
    ['/it-system/problem', t('reg.reviewList')],
    ['/tjanster', t('svc.title')],
    ['/forvaltningsobjekt', t('mo.title')],
  ] as const;
  return (
    <nav className="subnav" aria-label={t('sys.subnav')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const EXT_WORDS: Record<string, (typeof EXTERNAL_USER_KINDS)[number]> = {
  region: 'region',
  kommun: 'municipality',
  municipality: 'municipality',
  privat: 'private_provider',
  private: 'private_provider',
  'privat vårdgivare': 'private_provider',
  annan: 'other',
  other: 'other',
};

/** Create a node under a parent (or a coordination area at the top), or edit one. */
export function NodeDialog({
  node,
  kind,
  parent,
  onClose,
  onSaved,
}: {
  node?: NodeDto;
  kind: ServiceNodeKind;
  parent?: { id: string; name: string } | null;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const boards = useBoardOptions();
  const people = usePersonOptions();
  const all = useQuery({
    queryKey: ['service-nodes'],
    queryFn: () => ownershipApi.nodes(),
    enabled: kind === 'service',
  });
  const services = (all.data?.items ?? [])
    .filter((n) => n.kind === 'service' && n.id !== node?.id)
    .map((n) => ({ value: n.id, label: n.name }));
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const ext = (v: FormValues) =>
      lines(v.externalUsers).map((l) => {
        const [name = '', word = 'annan'] = l.split(';').map((x) => x.trim());
        return { name, kind: EXT_WORDS[word.toLowerCase()] ?? 'other' };
      });
    const body = (v: FormValues, data: FormData) => ({
      name: v.name ?? '',
      description: v.description,
      responsiblePersonId: v.responsiblePersonId,
      responsibleAppointedById: v.responsibleAppointedById,
      responsibleAppointedOn: v.responsibleAppointedOn,
      ...(kind !== 'service_area' ? { owningUnitId: v.owningUnitId } : {}),
      ...(kind === 'service'
        ? {
            mandatory: data.get('mandatory') === 'on',
            duplicateOfId: v.duplicateOfId,
            duplicateApprovedById: v.duplicateApprovedById,
            duplicateApprovedOn: v.duplicateApprovedOn,
            externalUsers: ext(v),
          }
        : {}),
    });
    const patch = node ? changes(body) : null;
    const saved = node
      ? patch
        ? await ownershipApi.updateNode(node.id, { ...patch, version: node.version })
        : node
      : await ownershipApi.createNode({ ...body(v, data), kind, parentId: parent?.id ?? null });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    onSaved?.(saved.id);
  }, onClose);
  const title = node
    ? `${t('svc.edit')}: ${node.name}`
    : parent
      ? `${t(`svcKind.${kind}` as MessageKey)} – ${t('svc.newChild', { name: parent.name })}`
      : t('svc.newArea');
  const extWord = (k: string) => t(`extKind.${k}` as MessageKey);
  return (
    <Dialog title={title} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('svc.name')}
          name="name"
          defaultValue={node?.name ?? ''}
          required
          error={fe.name}
        />
        <TextArea
          label={t('svc.description')}
          name="description"
          defaultValue={node?.description ?? ''}
          rows={2}
          error={fe.description}
        />
        {kind !== 'service_area' ? (
          <SelectField
            label={t('svc.owningBoard')}
            name="owningUnitId"
            defaultValue={node?.owningUnit?.id ?? ''}
            emptyLabel="—"
            options={boards}
            required
            error={fe.owningUnitId}
          />
        ) : null}
        {fe.parentId ? <p className="field__error">{fe.parentId}</p> : null}
        <SelectField
          label={t(`svc.responsible.${kind}` as MessageKey)}
          name="responsiblePersonId"
          defaultValue={node?.responsible?.id ?? ''}
          emptyLabel="—"
          options={people}
          error={fe.responsiblePersonId}
        />
        <div className="row">
          <SelectField
            label={t('svc.appointedBy')}
            name="responsibleAppointedById"
            defaultValue={node?.responsibleAppointedBy?.id ?? ''}
            emptyLabel="—"
            options={people}
            error={fe.responsibleAppointedById}
          />
          <TextField
            label={t('svc.appointedOn')}
            name="responsibleAppointedOn"
            type="date"
            defaultValue={node?.responsibleAppointedOn ?? ''}
            error={fe.responsibleAppointedOn}
          />
        </div>
        {kind === 'service' ? (
          <>
            <label className="checkbox">
              <input type="checkbox" name="mandatory" defaultChecked={node?.mandatory ?? false} />{' '}
              {t('svc.mandatory')}
            </label>
            <SelectField
              label={t('svc.duplicateOf')}
              name="duplicateOfId"
              defaultValue={node?.duplicateOf?.id ?? ''}
              emptyLabel="—"
              options={services}
              error={fe.duplicateOfId}
            />
            <div className="row">
              <SelectField
                label={t('svc.duplicateApprovedBy')}
                name="duplicateApprovedById"
                defaultValue={node?.duplicateApprovedBy?.id ?? ''}
                emptyLabel="—"
                options={people}
                error={fe.duplicateApprovedById}
              />
              <TextField
                label={t('svc.duplicateApprovedOn')}
                name="duplicateApprovedOn"
                type="date"
                defaultValue={node?.duplicateApprovedOn ?? ''}
                error={fe.duplicateApprovedOn}
              />
            </div>
            <TextArea
              label={t('svc.externalUsers')}
              name="externalUsers"
              rows={3}
              defaultValue={(node?.externalUsers ?? [])
                .map((u) => `${u.name}; ${extWord(u.kind)}`)
                .join('\n')}
              error={fe.externalUsers}
            />
          </>
        ) : null}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Search the register and add systems to a list; remove them again. Saves through `onChange`. */
export function SystemPicker({
  selected,
  onChange,
  disabled,
}: {
  selected: { id: string; name: string }[];
  onChange: (ids: string[]) => Promise<unknown>;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const found = useSystemSearch(q, 8);
  const ids = selected.map((s) => s.id);
  const change = (next: string[]) => void onChange(next).then(() => setError(null), setError);
  const { confirm, confirmDialog } = useConfirm();
  const remove = async (s: { id: string; name: string }) => {
    if (await confirm(t('svc.confirmRemoveSystem', { name: s.name }), t('common.remove')))
      change(ids.filter((x) => x !== s.id));
  };
  return (
    <div>
      {confirmDialog}
      <ErrorSummary error={error} />
      {selected.length ? (
        <ul className="plain">
          {selected.map((s) => (
            <li key={s.id}>
              <Link to={`/it-system/${s.id}`}>{s.name}</Link>{' '}
              {!disabled ? (
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={t('svc.remove', { name: s.name })}
                  onClick={() => void remove(s)}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('common.empty')}</p>
      )}
      {!disabled ? (
        <div className="field">
          <label htmlFor="pick-system">{t('svc.searchSystem')}</label>
          <input
            id="pick-system"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
          <ul className="plain" aria-live="polite">
            {(found.data?.items ?? [])
              .filter((s) => !ids.includes(s.id))
              .map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => change([...ids, s.id])}
                    aria-label={t('svc.add', { name: s.name })}
                  >
                    +
                  </button>{' '}
                  {s.name}
                  {s.ownerUnitName ? (
                    <span className="muted small"> · {s.ownerUnitName}</span>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The escalation path as an ordered list; a vacant step says so in words. */
export function EscalationPath({ steps }: { steps: EscalationStep[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="esc-h" className="card">
      <h2 id="esc-h">{t('sys.escalation')}</h2>
      <p className="muted small">{t('sys.escalationIntro')}</p>
      <ol className="escalation">
        {steps.map((s, i) => (
          <li key={`${s.role}-${i}`}>
            <strong>{t(`escalation.${s.role}` as MessageKey)}</strong>
            {s.via ? <span className="muted"> ({s.via})</span> : null}:{' '}
            {s.name ?? <Badge tone="warn">{t('sys.vacant')}</Badge>}
          </li>
        ))}
      </ol>
    </section>
  );
}
