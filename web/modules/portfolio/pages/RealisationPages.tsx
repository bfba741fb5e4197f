import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Chart } from '../../../platform/chart.js';
import {
  Badge,
  Dialog,
  EmptyState,
  ErrorSummary,
  FormActions,
  LoadError,
  Loading,
  PageHeader,
  SelectField,
  TextField,
} from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useAuth } from '../../../platform/auth.js';
import { useFormAction } from '../../../platform/use-form.js';
import { DecisionSelect } from '../../organization/components/decisions.js';
import { roundsApi, type RealisationDto, type RoundDto } from '../api.js';
import { PortfolioNav } from '../components.js';
import { useForumOptions } from '../../organization/queries.js';

const pct = (x: number | null) => (x === null ? '—' : `${formatNumber(Math.round(x * 100))} %`);

/** Benefit realisation: planned vs realised per unit (chart and table) and per benefit. */
export function RealisationPage() {
  const { t } = useI18n();
  const data = useQuery({ queryKey: ['realisation'], queryFn: () => roundsApi.realisation() });
  return (
    <>
      <PortfolioNav />
      <PageHeader title={t('pf.realisation')} intro={t('pf.realisationIntro')} />
      {data.isLoading ? (
        <Loading />
      ) : data.error || !data.data ? (
        <LoadError error={data.error} />
      ) : data.data.items.length ? (
        <RealisationBody r={data.data} />
      ) : (
        <EmptyState>{t('common.empty')}</EmptyState>
      )}
    </>
  );
}

function RealisationBody({ r }: { r: RealisationDto }) {
  const { t } = useI18n();
  const chart = useMemo(
    () => ({
      grid: { left: 200, right: 24, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      yAxis: {
        type: 'category',
        data: r.units.map((u) => u.unitName ?? '—'),
        inverse: true,
        axisLabel: { width: 190, overflow: 'truncate' },
      },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('pf.planned'),
          type: 'bar',
          data: r.units.map((u) => u.benefits),
          color: '#9db7d1',
        },
        {
          name: t('pf.measuredCount'),
          type: 'bar',
          data: r.units.map((u) => u.measured),
          color: '#0b4f8a',
        },
        {
          name: t('pf.reached'),
          type: 'bar',
          data: r.units.map((u) => u.reached),
          color: '#145c2c',
        },
      ],
    }),
    [r, t],
  );
  return (
    <>
      <p className="lead">
        {t('pf.regionSummary', {
          benefits: r.region.benefits,
          measured: r.region.measured,
          reached: r.region.reached,
          overdue: r.region.overdue,
          share: pct(r.region.averageShare),
        })}
      </p>
      <Chart
        option={chart}
        label={t('pf.realisation')}
        height={Math.max(180, r.units.length * 44 + 60)}
      />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('pf.ownerUnit')}</th>
              <th scope="col" className="num">
                {t('pf.planned')}
              </th>
              <th scope="col" className="num">
                {t('pf.measuredCount')}
              </th>
              <th scope="col" className="num">
                {t('pf.reached')}
              </th>
              <th scope="col" className="num">
                {t('pf.overdueCount')}
              </th>
              <th scope="col" className="num">
                {t('pf.averageShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.units.map((u) => (
              <tr key={u.unitId ?? '-'}>
                <th scope="row">{u.unitName ?? '—'}</th>
                <td className="num">{u.benefits}</td>
                <td className="num">{u.measured}</td>
                <td className="num">{u.reached}</td>
                <td className="num">{u.overdue}</td>
                <td className="num">{pct(u.averageShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('pf.benefits')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('pf.titleField')}</th>
              <th scope="col">{t('pf.measure')}</th>
              <th scope="col" className="num">
                {t('pf.baseline')}
              </th>
              <th scope="col" className="num">
                {t('pf.target')}
              </th>
              <th scope="col" className="num">
                {t('pf.latest')}
              </th>
              <th scope="col" className="num">
                {t('pf.averageShare')}
              </th>
              <th scope="col">{t('pf.targetDate')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((b) => (
              <tr key={b.benefitId}>
                <td>
                  <Link to={`/portfolj/${b.initiativeId}`}>{b.initiative}</Link>
                  <div className="small muted">
                    {t(`phase.${b.phase}` as MessageKey)} · {b.unitName ?? '—'}
                  </div>
                </td>
                <td>
                  {b.measure}
                  {b.unit ? ` (${b.unit})` : ''}
                </td>
                <td className="num">{b.baseline ?? '—'}</td>
                <td className="num">{b.target ?? '—'}</td>
                <td className="num">{b.latest ?? '—'}</td>
                <td className="num">{pct(b.share)}</td>
                <td>
                  {formatDate(b.targetDate)}
                  {b.overdue ? (
                    <>
                      {' '}
                      <Badge tone="bad">{t('rev.overdue')}</Badge>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Saved prioritisation rounds: the proposal beside the forum's decision. */
export function RoundsSection() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const rounds = useQuery({ queryKey: ['rounds'], queryFn: () => roundsApi.list() });
  const forums = useForumOptions();
  const [dialog, setDialog] = useState<
    { kind: 'new' } | { kind: 'decide'; round: RoundDto } | null
  >(null);
  const year = new Date().getFullYear() + 1;
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['rounds'] });
    setDialog(null);
  };
  const create = useFormAction(
    async (v) => {
      await roundsApi.create({
        name: v.name ?? '',
        forumId: v.forumId,
        fromYear: Number(v.fromYear),
        toYear: Number(v.toYear),
        budget: Number((v.budget ?? '0').replace(/\s/g, '')),
        hours: Number((v.hours ?? '0').replace(/\s/g, '')),
      });
    },
    () => void refresh(),
  );
  const decide = useFormAction(
    async (v, data) => {
      if (dialog?.kind !== 'decide') return;
      await roundsApi.decide(dialog.round.id, {
        version: dialog.round.version,
        decidedIds: data.getAll('decidedIds').map(String),
        decisionId: v.decisionId ?? '',
      });
    },
    () => void refresh(),
  );
  const mayEdit = can('portfolio.edit', 'tenant');
  return (
    <section aria-labelledby="rounds-h">
      <h2 id="rounds-h">{t('pf.rounds')}</h2>
      {mayEdit ? (
        <p>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => setDialog({ kind: 'new' })}
          >
            {t('pf.newRound')}
          </button>
        </p>
      ) : null}
      {rounds.data?.items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('pf.roundName')}</th>
                <th scope="col">
                  {t('pf.fromYear')}–{t('pf.toYear').toLowerCase()}
                </th>
                <th scope="col">{t('pf.proposed')}</th>
                <th scope="col">{t('pf.decided')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('pf.recordDecision')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.items.map((r) => {
                const title = (id: string) => r.ranking.find((x) => x.id === id)?.title ?? '—';
                return (
                  <tr key={r.id}>
                    <td>
                      {r.name}
                      <div className="small muted">
                        {formatDate(r.createdAt.slice(0, 10))} ·{' '}
                        {forums.data?.items.find((f) => f.id === r.forumId)?.name ?? '—'}
                      </div>
                    </td>
                    <td>
                      {r.fromYear}–{r.toYear}
                    </td>
                    <td>{r.proposedIds.map(title).join(', ') || '—'}</td>
                    <td>
                      {r.decidedIds ? (
                        <>
                          {r.decidedIds.map(title).join(', ') || '—'}
                          {r.decisionId ? (
                            <div className="small">
                              <Link to={`/beslut/${r.decisionId}`}>
                                {t('evidenceKind.decision')}
                              </Link>
                            </div>
                          ) : null}
                        </>
                      ) : (
                        <Badge tone="warn">{t('pf.notDecided')}</Badge>
                      )}
                    </td>
                    <td>
                      {mayEdit ? (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => setDialog({ kind: 'decide', round: r })}
                          aria-label={`${t('pf.recordDecision')}: ${r.name}`}
                        >
                          {t('pf.recordDecision')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('common.empty')}</EmptyState>
      )}
      {dialog?.kind === 'new' ? (
        <Dialog title={t('pf.newRound')} open onClose={() => setDialog(null)}>
          <form onSubmit={create.onSubmit} noValidate>
            <ErrorSummary error={create.error} />
            <TextField
              label={t('pf.roundName')}
              name="name"
              required
              defaultValue={`${t('pf.prioritise')} ${year}`}
              error={create.fe.name}
            />
            <SelectField
              label={t('pf.forum')}
              name="forumId"
              emptyLabel="—"
              options={(forums.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
              error={create.fe.forumId}
            />
            <div className="row">
              <TextField
                label={t('pf.fromYear')}
                name="fromYear"
                type="number"
                defaultValue={year}
                error={create.fe.fromYear}
              />
              <TextField
                label={t('pf.toYear')}
                name="toYear"
                type="number"
                defaultValue={year}
                error={create.fe.toYear}
              />
            </div>
            <div className="row">
              <TextField
                label={t('pf.budget')}
                name="budget"
                inputMode="numeric"
                defaultValue="10000000"
                error={create.fe.budget}
              />
              <TextField
                label={t('pf.hours')}
                name="hours"
                inputMode="numeric"
                defaultValue="4000"
                error={create.fe.hours}
              />
            </div>
            <FormActions onCancel={() => setDialog(null)} />
          </form>
        </Dialog>
      ) : null}
      {dialog?.kind === 'decide' ? (
        <Dialog
          title={`${t('pf.recordDecision')}: ${dialog.round.name}`}
          open
          onClose={() => setDialog(null)}
        >
          <form onSubmit={decide.onSubmit} noValidate>
            <ErrorSummary error={decide.error} />
            <SelectField
              label={t('pf.decidedChoose')}
              name="decidedIds"
              multiple
              size={10}
              defaultValue={dialog.round.decidedIds ?? dialog.round.proposedIds}
              options={dialog.round.ranking.map((r) => ({
                value: r.id,
                label: `${r.title} (${formatNumber(r.score)})`,
              }))}
              error={
                decide.fe.decidedIds ??
                Object.entries(decide.fe).find(([k]) => k.startsWith('decidedIds.'))?.[1]
              }
            />
            <DecisionSelect
              label={t('pf.decision')}
              name="decisionId"
              defaultValue={dialog.round.decisionId ?? ''}
              error={decide.fe.decisionId}
            />
            <FormActions onCancel={() => setDialog(null)} />
          </form>
        </Dialog>
      ) : null}
    </section>
  );
}
