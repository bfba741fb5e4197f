import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { horizonSlot, TOP_STATUSES } from '../../../../domain/portfolio/roadmap.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  Dialog,
  EmptyState,
  ErrorSummary,
  FormActions,
  PageHeader,
  SelectField,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useFormAction } from '../../../platform/use-form.js';
import { useBoardOptions, useTree } from '../../organization/components/units.js';
import { portfolioApi, roadmapApi, type RoadmapDto as Roadmap } from '../api.js';
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

const STATUS_TONE = { on_track: 'ok', at_risk: 'warn', off_track: 'bad' } as const;

/** The most important initiatives, followed up by region management at a planned cadence. */
export function TopPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const top = useQuery({ queryKey: ['top'], queryFn: () => roadmapApi.top() });
  const all = useQuery({
    queryKey: ['initiatives', 'all-for-top'],
    queryFn: () => portfolioApi.list({ limit: 200 }),
  });
  const statuses = useEnumOptions(TOP_STATUSES, 'topStatus');
  const [dialog, setDialog] = useState<'list' | 'follow' | null>(null);
  const mayEdit = can('portfolio.edit', 'tenant');
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['top'] });
    setDialog(null);
  };
  const list = useFormAction(
    async (_v, data) => {
      await roadmapApi.setTop({
        ...(top.data?.version ? { version: top.data.version } : {}),
        initiativeIds: data.getAll('initiativeIds').map(String),
      });
    },
    () => void done(),
  );
  const follow = useFormAction(
    async (v) => {
      await roadmapApi.followUp({
        heldOn: v.heldOn ?? '',
        forum: v.forum,
        entries: (top.data?.items ?? []).map((i) => ({
          initiativeId: i.id,
          status: v[`status-${i.id}`] ?? 'on_track',
          effectsReached: v[`effects-${i.id}`] ? Number(v[`effects-${i.id}`]) : null,
          comment: v[`comment-${i.id}`],
        })),
      });
    },
    () => void done(),
  );
  return (
    <>
      <PortfolioNav />
      <PageHeader
        title={t('pf.top')}
        intro={t('pf.topIntro', { months: top.data?.cadenceMonths ?? 3 })}
        actions={
          mayEdit ? (
            <>
              <button type="button" className="btn" onClick={() => setDialog('list')}>
                {t('pf.editTop')}
              </button>
              {top.data?.items.length ? (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setDialog('follow')}
                >
                  {t('pf.recordFollowUp')}
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      {top.data?.missed.length ? (
        <p role="status">
          <Badge tone="bad">{t('pf.missed', { periods: top.data.missed.join(', ') })}</Badge>
        </p>
      ) : null}
      {top.data?.items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('pf.titleField')}</th>
                <th scope="col">{t('pf.phase')}</th>
                <th scope="col">{t('pf.topStatus')}</th>
                <th scope="col">{t('pf.effectsReached')}</th>
                <th scope="col">{t('pf.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {top.data.items.map((i, k) => (
                <tr key={i.id}>
                  <td>{k + 1}</td>
                  <td>
                    <Link to={`/portfolj/${i.id}`}>{i.title}</Link>
                  </td>
                  <td>{t(`phase.${i.phase}` as MessageKey)}</td>
                  <td>
                    {i.latest ? (
                      <>
                        <Badge
                          tone={
                            STATUS_TONE[i.latest.status as keyof typeof STATUS_TONE] ?? 'neutral'
                          }
                        >
                          {t(`topStatus.${i.latest.status}` as MessageKey)}
                        </Badge>{' '}
                        <span className="small muted">{formatDate(i.latest.heldOn)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{i.latest?.effectsReached != null ? `${i.latest.effectsReached} %` : '—'}</td>
                  <td>{i.latest?.comment ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('pf.noTop')}</EmptyState>
      )}
      <section aria-labelledby="fu-h">
        <h2 id="fu-h">{t('pf.followUps')}</h2>
        {top.data?.followUps.length ? (
          <ul className="plain">
            {[...top.data.followUps].reverse().map((f) => (
              <li key={f.id}>
                {formatDate(f.heldOn)} {f.forum ? `· ${f.forum}` : ''} · {f.entries.length}{' '}
                {t('pf.titleField').toLowerCase()}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
      </section>
      {dialog === 'list' ? (
        <Dialog title={t('pf.editTop')} open onClose={() => setDialog(null)}>
          <form onSubmit={list.onSubmit} noValidate>
            <ErrorSummary error={list.error} />
            <SelectField
              label={t('pf.topChoose')}
              name="initiativeIds"
              multiple
              size={12}
              defaultValue={top.data?.items.map((i) => i.id) ?? []}
              options={(all.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
              error={list.fe.initiativeIds}
            />
            <FormActions onCancel={() => setDialog(null)} />
          </form>
        </Dialog>
      ) : null}
      {dialog === 'follow' ? (
        <Dialog title={t('pf.recordFollowUp')} open onClose={() => setDialog(null)}>
          <form onSubmit={follow.onSubmit} noValidate>
            <ErrorSummary error={follow.error} />
            <div className="row">
              <TextField
                label={t('pf.heldOn')}
                name="heldOn"
                type="date"
                required
                error={follow.fe.heldOn}
              />
              <TextField label={t('pf.forum')} name="forum" error={follow.fe.forum} />
            </div>
            {(top.data?.items ?? []).map((i) => (
              <fieldset key={i.id} className="field">
                <legend>{i.title}</legend>
                <div className="row">
                  <SelectField
                    label={t('pf.topStatus')}
                    name={`status-${i.id}`}
                    defaultValue={i.latest?.status ?? 'on_track'}
                    options={statuses}
                  />
                  <TextField
                    label={t('pf.effectsReached')}
                    name={`effects-${i.id}`}
                    type="number"
                    min={0}
                    max={100}
                    defaultValue={i.latest?.effectsReached ?? ''}
                  />
                </div>
                <TextField label={t('pf.comment')} name={`comment-${i.id}`} />
              </fieldset>
            ))}
            <FormActions onCancel={() => setDialog(null)} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
