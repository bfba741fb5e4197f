import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import type { UnitDto } from '../api.js';
import { MoveDialog, UnitDialog, useInvalidateOrg, useTree } from '../components/units.js';
import { orgApi } from '../api.js';
import { useConfirm } from '../../../platform/confirm.js';

type Action =
  | { kind: 'create'; parent: UnitDto }
  | { kind: 'edit'; unit: UnitDto }
  | { kind: 'move'; unit: UnitDto }
  | null;

export function OrgTreePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [showArchived, setShowArchived] = useState(false);
  const tree = useTree(showArchived);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<Action>(null);
  const [error, setError] = useState<unknown>(null);
  const { confirm, confirmDialog } = useConfirm();
  const invalidate = useInvalidateOrg();

  const children = useMemo(() => {
    const m = new Map<string | null, UnitDto[]>();
    for (const u of tree.units) m.set(u.parentId, [...(m.get(u.parentId) ?? []), u]);
    for (const list of m.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return m;
  }, [tree.units]);
  /** With a search, show matching units and the path to them. */
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const keep = new Set<string>();
    for (const u of tree.units)
      if (u.name.toLowerCase().includes(q) || (u.shortName ?? '').toLowerCase().includes(q))
        u.path.forEach((id) => keep.add(id));
    return keep;
  }, [query, tree.units]);

  const toggleArchive = async (u: UnitDto) => {
    if (
      !u.archivedAt &&
      !(await confirm(t('org.confirmArchive', { name: u.name }), t('org.archive')))
    )
      return;
    try {
      await orgApi.archiveUnit(u.id, { version: u.version, archived: !u.archivedAt });
      setError(null);
      await invalidate();
    } catch (e) {
      setError(e);
    }
  };

  const renderNode = (u: UnitDto) => {
    if (visible && !visible.has(u.id)) return null;
    const kids = children.get(u.id) ?? [];
    const isOpen = visible ? true : !collapsed.has(u.id);
    const target = { unitPath: u.path };
    return (
      <li key={u.id} className={u.archivedAt ? 'tree__item tree__item--archived' : 'tree__item'}>
        <div className="tree__row">
          {kids.length > 0 ? (
            <button
              type="button"
              className="tree__toggle"
              aria-expanded={isOpen}
              aria-label={
                isOpen ? t('org.collapse', { name: u.name }) : t('org.expand', { name: u.name })
              }
              onClick={() =>
                setCollapsed((s) => {
                  const n = new Set(s);
                  if (n.has(u.id)) n.delete(u.id);
                  else n.add(u.id);
                  return n;
                })
              }
            >
              <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="tree__spacer" aria-hidden="true" />
          )}
          <Link to={`/organisation/${u.id}`}>{u.name}</Link>
          <span className="muted small">
            {t(`unitKind.${u.kind}` as MessageKey)}
            {u.shortName ? ` · ${u.shortName}` : ''}
          </span>
          {u.archivedAt ? <Badge tone="neutral">{t('org.archived')}</Badge> : null}
          {u.endsOn ? <span className="muted small">– {u.endsOn}</span> : null}
          {can('org.unit.edit', target) ? (
            <span className="tree__actions">
              {!u.archivedAt ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => setAction({ kind: 'create', parent: u })}
                  aria-label={t('org.newUnitUnder', { name: u.name })}
                >
                  +
                </button>
              ) : null}
              <button
                type="button"
                className="btn btn--small"
                onClick={() => setAction({ kind: 'edit', unit: u })}
                aria-label={`${t('common.edit')}: ${u.name}`}
              >
                {t('common.edit')}
              </button>
              {u.parentId ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => setAction({ kind: 'move', unit: u })}
                  aria-label={`${t('org.moveUnit')}: ${u.name}`}
                >
                  {t('org.moveUnit')}
                </button>
              ) : null}
              {u.parentId ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => void toggleArchive(u)}
                  aria-label={`${u.archivedAt ? t('org.restore') : t('org.archive')}: ${u.name}`}
                >
                  {u.archivedAt ? t('org.restore') : t('org.archive')}
                </button>
              ) : null}
            </span>
          ) : null}
        </div>
        {kids.length > 0 && isOpen ? <ul>{kids.map(renderNode)}</ul> : null}
      </li>
    );
  };

  const roots = tree.units.filter((u) => !u.parentId);
  return (
    <>
      {confirmDialog}
      <PageHeader
        title={t('org.title')}
        actions={
          <>
            {can('org.unit.edit', 'tenant') ? (
              <Link className="btn" to="/organisation/import">
                {t('orgImport.link')}
              </Link>
            ) : null}
            <ExportLinks url="/api/units?limit=200" />
          </>
        }
      />
      <div className="toolbar">
        <label htmlFor="unit-search">{t('org.searchUnits')}</label>
        <input
          id="unit-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="btn" onClick={() => setCollapsed(new Set())}>
          {t('org.expandAll')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setCollapsed(new Set(tree.units.map((u) => u.id)))}
        >
          {t('org.collapseAll')}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />{' '}
          {t('org.showArchived')}
        </label>
      </div>
      <ErrorSummary error={error} />
      {tree.isLoading ? (
        <Loading />
      ) : tree.error ? (
        <LoadError error={tree.error} />
      ) : roots.length === 0 ? (
        <EmptyState>{t('common.empty')}</EmptyState>
      ) : (
        <section aria-label={t('org.tree')}>
          {visible && visible.size === 0 ? (
            <EmptyState>{t('common.noMatches')}</EmptyState>
          ) : (
            <ul className="tree">{roots.map(renderNode)}</ul>
          )}
        </section>
      )}
      {action?.kind === 'create' ? (
        <UnitDialog open parent={action.parent} onClose={() => setAction(null)} />
      ) : null}
      {action?.kind === 'edit' ? (
        <UnitDialog open unit={action.unit} onClose={() => setAction(null)} />
      ) : null}
      {action?.kind === 'move' ? (
        <MoveDialog open unit={action.unit} onClose={() => setAction(null)} />
      ) : null}
    </>
  );
}
