import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ServiceNodeKind } from '../../../../domain/services/ownership.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useTree } from '../../organization/components/units.js';
import { ownershipApi, type NodeDto } from '../api.js';
import { NodeDialog, ServicesNav } from '../components/ownership.js';

const CHILD_KIND: Partial<Record<ServiceNodeKind, ServiceNodeKind>> = {
  coordination_area: 'service_area',
  service_area: 'service',
};

/** The service tree: coordination areas, their service areas and services, with who is responsible and the gaps. */
export function ServiceTreePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const nodes = useQuery({ queryKey: ['service-nodes'], queryFn: () => ownershipApi.nodes() });
  const [dialog, setDialog] = useState<{ kind: ServiceNodeKind; parent: NodeDto | null } | null>(
    null,
  );
  const [query, setQuery] = useState('');
  const children = useMemo(() => {
    const m = new Map<string | null, NodeDto[]>();
    for (const n of nodes.data?.items ?? []) m.set(n.parentId, [...(m.get(n.parentId) ?? []), n]);
    return m;
  }, [nodes.data]);
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const items = nodes.data?.items ?? [];
    const byNode = new Map(items.map((n) => [n.id, n]));
    const keep = new Set<string>();
    for (const n of items) {
      if (
        !n.name.toLowerCase().includes(q) &&
        !(n.responsible?.name ?? '').toLowerCase().includes(q)
      )
        continue;
      for (
        let cur: NodeDto | undefined = n;
        cur;
        cur = cur.parentId ? byNode.get(cur.parentId) : undefined
      )
        keep.add(cur.id);
    }
    return keep;
  }, [query, nodes.data]);
  const mayEditUnder = (n: NodeDto | null) => {
    const unit = n?.effectiveOwningUnit ? byId.get(n.effectiveOwningUnit.id) : undefined;
    return unit ? can('systems.edit', { unitPath: unit.path }) : can('systems.edit', 'tenant');
  };
  if (nodes.isLoading) return <Loading />;
  if (nodes.error) return <LoadError error={nodes.error} />;

  const render = (n: NodeDto) => {
    if (visible && !visible.has(n.id)) return null;
    const kids = children.get(n.id) ?? [];
    const childKind = CHILD_KIND[n.kind as ServiceNodeKind];
    return (
      <li key={n.id} className="tree__item">
        <div className="tree__row">
          <Link to={`/tjanster/${n.id}`}>{n.name}</Link>
          <span className="muted small">
            {t(`svcKind.${n.kind}` as MessageKey)}
            {n.kind !== 'service_area' && n.owningUnit ? ` · ${n.owningUnit.name}` : ''}
          </span>
          <span className="small">
            {t(`svc.responsible.${n.kind}` as MessageKey)}: {n.responsible?.name ?? '—'}
          </span>
          {n.mandatory ? <Badge tone="info">{t('svc.mandatory')}</Badge> : null}
          {n.kind === 'service' ? (
            <span className="muted small">
              {t('svc.systems')}: {n.systemIds.length}
            </span>
          ) : null}
          {n.flags.map((f) => (
            <Badge key={f} tone="warn">
              {t(`svcFlag.${f}` as MessageKey)}
            </Badge>
          ))}
          {childKind && mayEditUnder(n) ? (
            <span className="tree__actions">
              <button
                type="button"
                className="btn btn--small"
                onClick={() => setDialog({ kind: childKind, parent: n })}
                aria-label={`${t(`svcKind.${childKind}` as MessageKey)} – ${t('svc.newChild', { name: n.name })}`}
              >
                +
              </button>
            </span>
          ) : null}
        </div>
        {kids.length ? <ul>{kids.map(render)}</ul> : null}
      </li>
    );
  };
  const roots = children.get(null) ?? [];
  return (
    <>
      <ServicesNav />
      <PageHeader
        title={t('svc.title')}
        intro={t('svc.intro')}
        actions={
          <>
            <ExportLinks url="/api/service-nodes" />
            {can('systems.edit', 'tenant') ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setDialog({ kind: 'coordination_area', parent: null })}
              >
                {t('svc.newArea')}
              </button>
            ) : null}
          </>
        }
      />
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="svc-q">{t('common.search')}</label>
          <input
            id="svc-q"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      </div>
      {roots.length ? (
        <ul className="tree">{roots.map(render)}</ul>
      ) : (
        <EmptyState>{t('svc.empty')}</EmptyState>
      )}
      {dialog ? (
        <NodeDialog kind={dialog.kind} parent={dialog.parent} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
