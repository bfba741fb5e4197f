import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { horizonSlot } from '../../../../domain/portfolio/roadmap.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Dialog,
  EmptyState,
  ErrorSummary,
  FormActions,
  PageHeader,
  TextField,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useFormAction } from '../../../platform/use-form.js';
import { useBoardOptions, useTree } from '../../organization/components/units.js';
import { roadmapApi, type RoadmapDto as Roadmap } from '../api.js';
import { PortfolioNav } from '../components.js';

/** A unit's (or the region's) roadmap versions: the timeline of the chosen one, and what changed since an earlier one. */
export function RoadmapPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const boards = useBoardOptions();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState('');
  const versions = useQuery({
    queryKey: ['roadmaps', unitId],
    queryFn: () => roadmapApi.list(unitId),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [against, setAgainst] = useState<string>('');
  const [creating, setCreating] = useState(false);
  const current = versions.data?.items.find((v) => v.id === chosen) ?? versions.data?.items[0];
  const diff = useQuery({
    queryKey: ['roadmap-diff', current?.id, against],
    queryFn: () => roadmapApi.compare(current!.id, against),
    enabled: Boolean(current && against),
  });
  const unit = unitId ? byId.get(unitId) : undefined;
  const mayCreate = unit
    ? can('portfolio.edit', { unitPath: unit.path })
    : can('portfolio.edit', 'tenant');
  const { error, fe, onSubmit } = useFormAction(
    async (v) => {
      const saved = await roadmapApi.create({
        name: v.name ?? '',
        unitId: unitId || null,
        fromYear: Number(v.fromYear),
        horizonYears: Number(v.horizonYears),
      });
      await qc.invalidateQueries({ queryKey: ['roadmaps'] });
      setChosen(saved.id);
    },
    () => setCreating(false),
  );
  const year = new Date().getFullYear();
  return (
    <>
      <PortfolioNav />
      <PageHeader
        title={t('pf.roadmaps')}
        intro={t('pf.roadmapsIntro')}
        actions={
          mayCreate ? (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              {t('pf.newRoadmap')}
            </button>
          ) : null
        }
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="ru">{t('pf.roadmapFor')}</label>
          <select
            id="ru"
            value={unitId}
            onChange={(e) => {
              setUnitId(e.target.value);
              setChosen(null);
              setAgainst('');
            }}
          >
            <option value="">{t('pf.region')}</option>
            {boards.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {versions.data?.items.length ? (
          <div className="field">
            <label htmlFor="rv">{t('pf.roadmapVersion')}</label>
            <select id="rv" value={current?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {versions.data.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({formatDate(v.createdAt.slice(0, 10))})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {versions.data && versions.data.items.length > 1 ? (
          <div className="field">
            <label htmlFor="rc">{t('pf.compareWith')}</label>
            <select id="rc" value={against} onChange={(e) => setAgainst(e.target.value)}>
              <option value="">—</option>
              {versions.data.items
                .filter((v) => v.id !== current?.id)
                .map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
      </form>
      {current ? <Timeline roadmap={current} /> : <EmptyState>{t('pf.noRoadmaps')}</EmptyState>}
      {diff.data ? (
        <section aria-labelledby="diff-h" className="card">
          <h2 id="diff-h">
            {t('pf.changes', { from: diff.data.from.name, to: diff.data.to.name })}
          </h2>
          <p>
            <strong>{t('pf.added')}:</strong>{' '}
            {diff.data.added.map((i) => i.title).join(', ') || '—'}
          </p>
          <p>
            <strong>{t('pf.removed')}:</strong>{' '}
            {diff.data.removed.map((i) => i.title).join(', ') || '—'}
          </p>
          <p>
            <strong>{t('pf.movedItems')}:</strong>{' '}
            {diff.data.moved
              .map(
                (m) => `${m.title} (${formatDate(m.from.startOn)} → ${formatDate(m.to.startOn)})`,
              )
              .join(', ') || '—'}
          </p>
          <p className="muted">{t('pf.unchanged', { n: diff.data.unchanged })}</p>
        </section>
      ) : null}
      {creating ? (
        <Dialog title={t('pf.newRoadmap')} open onClose={() => setCreating(false)}>
          <form onSubmit={onSubmit} noValidate>
            <ErrorSummary error={error} />
            <p className="muted">{unit ? unit.name : t('pf.region')}</p>
            <TextField
              label={t('pf.roadmapName')}
              name="name"
              required
              defaultValue={`${t('pf.roadmap')} ${unit?.shortName ?? unit?.name ?? ''} ${year} v.0.1`.replace(
                /\s+/g,
                ' ',
              )}
              error={fe.name}
            />
            <div className="row">
              <TextField
                label={t('pf.fromYear')}
                name="fromYear"
                type="number"
                defaultValue={year}
                error={fe.fromYear}
              />
              <TextField
                label={t('pf.horizon')}
                name="horizonYears"
                type="number"
                min={1}
                max={10}
                defaultValue={3}
                error={fe.horizonYears}
              />
            </div>
            <FormActions onCancel={() => setCreating(false)} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}

/** The roadmap as a table of years (the horizon) plus "later": each initiative in the year it starts, its span shown in words. */
function Timeline({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useI18n();
  const columns = [
    ...Array.from({ length: roadmap.horizonYears }, (_, k) => String(roadmap.fromYear + k)),
    t('pf.later'),
  ];
  const inSlot = (k: number | 'later') =>
    roadmap.items.filter((i) => horizonSlot(i, roadmap.fromYear, roadmap.horizonYears) === k);
  return (
    <section aria-labelledby="tl-h">
      <h2 id="tl-h">{roadmap.name}</h2>
      <div className="board">
        {columns.map((label, k) => {
          const items = inSlot(k === roadmap.horizonYears ? 'later' : k);
          return (
            <section key={label} className="board__column" aria-label={label}>
              <h3>
                {label} <span className="muted small">({items.length})</span>
              </h3>
              <ul className="plain">
                {items.map((i) => (
                  <li key={i.initiativeId} className="board__card">
                    <Link to={`/portfolj/${i.initiativeId}`}>{i.title}</Link>
                    <div className="small muted">
                      {t(`phase.${i.phase}` as MessageKey)} · {formatDate(i.startOn)} –{' '}
                      {formatDate(i.endOn)}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
