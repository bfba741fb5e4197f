import { useState } from 'react';
import { useListQuery } from '../../../platform/use-list.js';
import { Link, useNavigate } from 'react-router';
import { GOAL_LEVELS } from '../../../../domain/goals/goal.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  ExportLinks,
  PageHeader,
  useEnumOptions,
  PagedList,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { unitOptions, useTree } from '../../organization/components/units.js';
import { goalsApi } from '../api.js';
import { GoalDialog } from '../components/forms.js';
import { useGoalTitles } from '../queries.js';
import { GoalChain } from '../components/GoalChain.js';

const LIMIT = 50;

export function GoalsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { units } = useTree();
  const levels = useEnumOptions(GOAL_LEVELS, 'goalLevel');
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'goals',
    { q: '', ownerUnitId: '', level: '', year: String(new Date().getFullYear()), tag: '' },
    goalsApi.goals,
    LIMIT,
  );
  const titles = useGoalTitles();
  const [view, setView] = useState<'list' | 'chain'>('list');
  const mayCreate = units.some((u) => can('goals.edit', { unitPath: u.path }));
  const year = new Date().getFullYear();
  return (
    <>
      <PageHeader
        title={t('goals.title')}
        intro={t('goals.intro')}
        actions={
          <>
            <ExportLinks url={`/api/goals${qs(filters)}`} />
            {mayCreate ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('goals.new')}
              </button>
            ) : null}
          </>
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="gq">{t('common.search')}</label>
          <input id="gq" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="go">{t('goals.owner')}</label>
          <select id="go" value={filters.ownerUnitId} onChange={set('ownerUnitId')}>
            <option value="">{t('common.all')}</option>
            {unitOptions(units).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gl">{t('goals.level')}</label>
          <select id="gl" value={filters.level} onChange={set('level')}>
            <option value="">{t('common.all')}</option>
            {levels.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gy">{t('goals.year')}</label>
          <select id="gy" value={filters.year} onChange={set('year')}>
            <option value="">{t('common.all')}</option>
            {[year - 3, year - 2, year - 1, year, year + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gt">{t('goals.tags').replace(/ \(.*\)/, '')}</label>
          <input id="gt" value={filters.tag} onChange={set('tag')} />
        </div>
      </form>
      <div className="toolbar" role="group" aria-label={t('goals.view')}>
        <button
          type="button"
          className={view === 'list' ? 'btn btn--primary' : 'btn'}
          aria-pressed={view === 'list'}
          onClick={() => setView('list')}
        >
          {t('goals.asList')}
        </button>
        <button
          type="button"
          className={view === 'chain' ? 'btn btn--primary' : 'btn'}
          aria-pressed={view === 'chain'}
          onClick={() => setView('chain')}
        >
          {t('goals.asChain')}
        </button>
      </div>
      {view === 'chain' ? (
        <GoalChain year={filters.year} ownerUnitId={filters.ownerUnitId} />
      ) : (
        <PagedList list={list} limit={LIMIT} offset={offset} onOffset={setOffset}>
          {(items) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('goals.owner')}</th>
                    <th scope="col">{t('goals.goal')}</th>
                    <th scope="col">{t('goals.level')}</th>
                    <th scope="col">{t('goals.validFrom')}</th>
                    <th scope="col">{t('goals.indicatorCount')}</th>
                    <th scope="col">{t('goals.parents')}</th>
                    <th scope="col">{t('goals.adoptedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((g) => (
                    <tr key={g.id}>
                      <td>{g.ownerUnitName}</td>
                      <td>
                        <Link to={`/mal/${g.id}`}>{g.title}</Link>{' '}
                        {g.form !== 'goal' ? (
                          <Badge tone="neutral">{t(`goalForm.${g.form}` as MessageKey)}</Badge>
                        ) : null}{' '}
                        {g.flags.map((f) => (
                          <Badge key={f} tone="warn">
                            {t(`goals.flag.${f}` as MessageKey)}
                          </Badge>
                        ))}
                      </td>
                      <td>{t(`goalLevel.${g.level}` as MessageKey)}</td>
                      <td className="nowrap">
                        {formatDate(g.validFrom)}–{g.validTo ? formatDate(g.validTo) : ''}
                      </td>
                      <td>
                        {g.form === 'goal' ? (
                          g.indicatorCount
                        ) : (
                          <span className="muted small">{t('followUp.notCounted')}</span>
                        )}
                      </td>
                      <td>
                        {g.parentGoalIds.map((p) => (
                          <div key={p}>
                            <Link to={`/mal/${p}`}>{titles.get(p) ?? '…'}</Link>
                          </div>
                        ))}
                      </td>
                      <td>{g.adoptedByReference ?? <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
      )}
      {creating ? (
        <GoalDialog
          onClose={() => setCreating(false)}
          onSaved={(g) => void navigate(`/mal/${g.id}`)}
        />
      ) : null}
    </>
  );
}
