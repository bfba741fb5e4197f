import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceNodeKind } from '../../../../domain/services/ownership.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  LoadError,
  Loading,
  PageHeader,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useTree } from '../../organization/components/units.js';
import { ownershipApi } from '../api.js';
import { EscalationPath, NodeDialog, ServicesNav, SystemPicker } from '../components/ownership.js';
import { useConfirm } from '../../../platform/confirm.js';

const CHILD_KIND: Partial<Record<ServiceNodeKind, ServiceNodeKind>> = {
  coordination_area: 'service_area',
  service_area: 'service',
};

export function ServiceNodePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const qc = useQueryClient();
  const node = useQuery({ queryKey: ['service-node', id], queryFn: () => ownershipApi.node(id) });
  const [dialog, setDialog] = useState<'edit' | 'child' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { confirm, confirmDialog } = useConfirm();
  if (node.isLoading) return <Loading />;
  if (node.error || !node.data) return <LoadError error={node.error} />;
  const n = node.data;
  const kind = n.kind as ServiceNodeKind;
  const unit = n.effectiveOwningUnit ? byId.get(n.effectiveOwningUnit.id) : undefined;
  const mayEdit = unit
    ? can('systems.edit', { unitPath: unit.path })
    : can('systems.edit', 'tenant');
  const childKind = CHILD_KIND[kind];
  const refresh = () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  const setSystems = async (systemIds: string[]) => {
    await ownershipApi.updateNode(n.id, { version: n.version, systemIds });
    await refresh();
  };
  const archive = async () => {
    if (!(await confirm(t('svc.confirmArchive', { name: n.name }), t('svc.archive')))) return;
    try {
      await ownershipApi.updateNode(n.id, { version: n.version, archived: true });
      setError(null);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const chain = n.chain.slice(1).reverse();
  return (
    <>
      {confirmDialog}
      <ServicesNav />
      <PageHeader
        title={n.name}
        intro={`${t(`svcKind.${kind}` as MessageKey)}${n.effectiveOwningUnit ? ` · ${n.effectiveOwningUnit.name}` : ''}`}
        actions={
          mayEdit ? (
            <>
              <button type="button" className="btn" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </button>
              {childKind ? (
                <button type="button" className="btn" onClick={() => setDialog('child')}>
                  {t(`svcKind.${childKind}` as MessageKey)} +
                </button>
              ) : null}
              {!n.archivedAt ? (
                <button type="button" className="btn" onClick={() => void archive()}>
                  {t('svc.archive')}
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      <ErrorSummary error={error} />
      {chain.length ? (
        <nav aria-label={t('svc.chain')} className="breadcrumbs">
          <ol>
            {chain.map((c) => (
              <li key={c.id}>
                <Link to={`/tjanster/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {n.archivedAt ? (
        <p>
          <Badge tone="neutral">{t('org.archived')}</Badge>
        </p>
      ) : null}
      <p>
        {n.flags.map((f) => (
          <Badge key={f} tone="warn">
            {t(`svcFlag.${f}` as MessageKey)}
          </Badge>
        ))}
        {n.mandatory ? <Badge tone="info">{t('svc.mandatory')}</Badge> : null}
      </p>
      {n.description ? <p>{n.description}</p> : null}
      <dl className="facts">
        <dt>{t('svc.owningBoard')}</dt>
        <dd>
          {n.owningUnit?.name ??
            (n.effectiveOwningUnit
              ? t('svc.owningBoardInherited', { name: n.effectiveOwningUnit.name })
              : '—')}
        </dd>
        <dt>{t(`svc.responsible.${kind}` as MessageKey)}</dt>
        <dd>{n.responsible?.name ?? '—'}</dd>
        <dt>{t('svc.appointedBy')}</dt>
        <dd>
          {n.responsibleAppointedBy?.name ?? '—'}
          {n.responsibleAppointedOn ? ` (${formatDate(n.responsibleAppointedOn)})` : ''}
        </dd>
        {kind === 'service' ? (
          <>
            <dt>{t('svc.duplicateOf')}</dt>
            <dd>
              {n.duplicateOf ? (
                <Link to={`/tjanster/${n.duplicateOf.id}`}>{n.duplicateOf.name}</Link>
              ) : (
                '—'
              )}
            </dd>
            {n.duplicateOf ? (
              <>
                <dt>{t('svc.duplicateApprovedBy')}</dt>
                <dd>
                  {n.duplicateApprovedBy
                    ? `${n.duplicateApprovedBy.name} (${formatDate(n.duplicateApprovedOn)})`
                    : '—'}
                </dd>
              </>
            ) : null}
            <dt>{t('svc.externalUsersShort')}</dt>
            <dd>
              {n.externalUsers.length
                ? n.externalUsers
                    .map((u) => `${u.name} (${t(`extKind.${u.kind}` as MessageKey)})`)
                    .join(', ')
                : '—'}
            </dd>
          </>
        ) : null}
      </dl>
      <EscalationPath steps={n.escalation} />
      {kind === 'service' ? (
        <section aria-labelledby="sys-h">
          <h2 id="sys-h">{t('svc.systems')}</h2>
          <SystemPicker selected={n.systems} onChange={setSystems} disabled={!mayEdit} />
        </section>
      ) : (
        <section aria-labelledby="kids-h">
          <h2 id="kids-h">{t('svc.children')}</h2>
          {n.children.length ? (
            <ul className="plain">
              {n.children.map((c) => (
                <li key={c.id}>
                  <Link to={`/tjanster/${c.id}`}>{c.name}</Link>{' '}
                  <span className="muted small">
                    {t(`svc.responsible.${c.kind}` as MessageKey)}: {c.responsible?.name ?? '—'}
                  </span>{' '}
                  {c.flags.map((f) => (
                    <Badge key={f} tone="warn">
                      {t(`svcFlag.${f}` as MessageKey)}
                    </Badge>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('common.empty')}</EmptyState>
          )}
        </section>
      )}
      {n.duplicates.length ? (
        <section aria-labelledby="dup-h">
          <h2 id="dup-h">{t('svc.duplicates')}</h2>
          <ul className="plain">
            {n.duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/tjanster/${d.id}`}>{d.name}</Link>{' '}
                {d.flags.map((f) => (
                  <Badge key={f} tone="warn">
                    {t(`svcFlag.${f}` as MessageKey)}
                  </Badge>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dialog === 'edit' ? (
        <NodeDialog node={n} kind={kind} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'child' && childKind ? (
        <NodeDialog kind={childKind} parent={n} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
