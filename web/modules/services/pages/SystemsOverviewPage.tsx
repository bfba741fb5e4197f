import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { SYSTEM_FLAGS } from '../../../../domain/services/system.js';
import { Chart } from '../../../platform/chart.js';
import { Badge, EmptyState, LoadError, Loading, PageHeader } from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { ownershipApi, type OverviewDto } from '../api.js';
import { ServicesNav } from '../components/ownership.js';

const money = (v: number) => `${formatNumber(Math.round(v))} kr`;
const TONE = { expired: 'bad', ending: 'warn', later: 'neutral' } as const;
const COLOR = { expired: '#b3261e', ending: '#8a4b00', later: '#0b4f8a' } as const;

function CountTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; count: number; cost: number }[];
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col" className="num">
              {t('ov.count')}
            </th>
            <th scope="col" className="num">
              {t('ov.costPerYear')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{formatNumber(r.count)}</td>
              <td className="num nowrap">{money(r.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const bars = (labels: string[], values: number[], horizontal = false) => ({
  grid: {
    left: horizontal ? 200 : 48,
    right: 24,
    top: 16,
    bottom: horizontal ? 24 : 48,
    containLabel: false,
  },
  tooltip: { trigger: 'axis' },
  [horizontal ? 'yAxis' : 'xAxis']: {
    type: 'category',
    data: labels,
    inverse: horizontal,
    axisLabel: { width: horizontal ? 190 : 100, overflow: 'truncate', interval: 0 },
  },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
  series: [
    {
      type: 'bar',
      data: values,
      color: '#0b4f8a',
      label: { show: true, position: horizontal ? 'right' : 'top' },
    },
  ],
});

/** The register at a glance: where the systems are, what they cost, where units overlap, and when contracts end. */
export function SystemsOverviewPage() {
  const { t } = useI18n();
  const overview = useQuery({
    queryKey: ['systems', 'overview'],
    queryFn: () => ownershipApi.overview(),
  });
  return (
    <>
      <ServicesNav />
      <PageHeader
        title={`${t('sys.title')}: ${t('sys.overview').toLowerCase()}`}
        intro={t('ov.intro')}
      />
      {overview.isLoading ? (
        <Loading />
      ) : overview.error || !overview.data ? (
        <LoadError error={overview.error} />
      ) : (
        <OverviewBody o={overview.data} />
      )}
    </>
  );
}

function OverviewBody({ o }: { o: OverviewDto }) {
  const { t } = useI18n();
  const { category, lifecycle, owners, topOwners, categoryChart, lifecycleChart, ownerChart } =
    useMemo(() => {
      const category = o.byCategory.map((c) => ({
        label: t(`sysCategory.${c.key}` as MessageKey),
        count: c.count,
        cost: c.cost,
      }));
      const lifecycle = o.byLifecycle.map((c) => ({
        label: t(`lifecycle.${c.key}` as MessageKey),
        count: c.count,
        cost: c.cost,
      }));
      const owners = o.byOwner.map((c) => ({
        label: c.name ?? t('ov.noOwnerUnit'),
        count: c.count,
        cost: c.cost,
      }));
      const topOwners = owners.slice(0, 15);
      return {
        category,
        lifecycle,
        owners,
        topOwners,
        categoryChart: bars(
          category.map((c) => c.label),
          category.map((c) => c.count),
        ),
        lifecycleChart: bars(
          lifecycle.map((c) => c.label),
          lifecycle.map((c) => c.count),
        ),
        ownerChart: bars(
          topOwners.map((c) => c.label),
          topOwners.map((c) => c.count),
          true,
        ),
      };
    }, [o, t]);
  const map = o.capabilityMap;
  const heatmap = useMemo(
    () => ({
      grid: { left: 160, right: 24, top: 16, bottom: 120 },
      tooltip: { position: 'top' },
      xAxis: {
        type: 'category',
        data: map.units.map((u) => u.name),
        axisLabel: { rotate: 35, width: 140, overflow: 'truncate', interval: 0 },
        splitArea: { show: true },
      },
      yAxis: { type: 'category', data: map.capabilities, splitArea: { show: true } },
      visualMap: {
        min: 1,
        max: Math.max(1, ...map.cells.map((c) => c.systems.length)),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#dbe9f6', '#0b4f8a'] },
      },
      series: [
        {
          type: 'heatmap',
          data: map.cells.map((c) => [c.unit, c.capability, c.systems.length]),
          label: { show: true, color: '#000' },
        },
      ],
    }),
    [map],
  );
  // Contract ends per quarter, stacked by status: when the procurements must start is visible at a glance.
  const timeline = useMemo(() => {
    const quarter = (d: string) =>
      `${d.slice(0, 4)} K${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
    const quarters = [...new Set(o.contracts.map((c) => quarter(c.endsOn!)))].sort();
    const series = (['expired', 'ending', 'later'] as const).map((status) => ({
      name: t(`contractStatus.${status}` as MessageKey),
      type: 'bar',
      stack: 'all',
      color: COLOR[status],
      data: quarters.map(
        (q) =>
          o.contracts.filter((c) => c.status === status && quarter(c.endsOn!) === q).length || null,
      ),
    }));
    return {
      grid: { left: 40, right: 16, top: 40, bottom: 56 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: quarters, axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [o.contracts, t]);
  return (
    <>
      <p className="lead">{t('ov.total', { n: formatNumber(o.total) })}</p>
      <section aria-labelledby="ov-flags" className="card">
        <h2 id="ov-flags">{t('ov.flags')}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ov.flag')}</th>
                <th scope="col" className="num">
                  {t('ov.count')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('ov.showSystems')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {SYSTEM_FLAGS.map((f) => (
                <tr key={f}>
                  <th scope="row">{t(`sysFlag.${f}` as MessageKey)}</th>
                  <td className="num">{formatNumber(o.flagCounts[f] ?? 0)}</td>
                  <td>
                    {o.flagCounts[f] ? (
                      <Link to={`/it-system?flag=${f}`}>
                        {t('ov.showSystems')}
                        <span className="visually-hidden">: {t(`sysFlag.${f}` as MessageKey)}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="grid-2">
        <section aria-labelledby="ov-cat">
          <h2 id="ov-cat">{t('ov.byCategory')}</h2>
          <Chart option={categoryChart} label={t('ov.byCategory')} height={240} />
          <CountTable caption={t('sys.category')} rows={category} />
        </section>
        <section aria-labelledby="ov-life">
          <h2 id="ov-life">{t('ov.byLifecycle')}</h2>
          <Chart option={lifecycleChart} label={t('ov.byLifecycle')} height={240} />
          <CountTable caption={t('sys.lifecycle')} rows={lifecycle} />
        </section>
      </div>
      <section aria-labelledby="ov-owner">
        <h2 id="ov-owner">{t('ov.byOwner')}</h2>
        <Chart
          option={ownerChart}
          label={t('ov.byOwner')}
          height={Math.max(160, topOwners.length * 28 + 40)}
        />
        <details>
          <summary>
            {t('ov.byOwner')}: {t('ov.count').toLowerCase()} ({owners.length})
          </summary>
          <CountTable caption={t('sys.ownerUnit')} rows={owners} />
        </details>
      </section>
      <section aria-labelledby="ov-cap">
        <h2 id="ov-cap">{t('ov.capabilityMap')}</h2>
        <p className="muted">{t('ov.capabilityIntro')}</p>
        {map.capabilities.length ? (
          <>
            <Chart
              option={heatmap}
              label={t('ov.capabilityMap')}
              height={Math.max(220, map.capabilities.length * 28 + 160)}
            />
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('ov.capability')}</th>
                    <th scope="col">{t('sys.ownerUnit')}</th>
                    <th scope="col">{t('sys.title')}</th>
                  </tr>
                </thead>
                <tbody>
                  {map.cells.map((c) => (
                    <tr key={`${c.capability}-${c.unit}`}>
                      <th scope="row">{map.capabilities[c.capability]}</th>
                      <td>{map.units[c.unit]?.name}</td>
                      <td>{c.systems.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <EmptyState>{t('ov.noOverlaps')}</EmptyState>
        )}
      </section>
      <section aria-labelledby="ov-con">
        <h2 id="ov-con">{t('ov.contracts')}</h2>
        <p className="muted">
          {t('ov.contractsIntro', { months: o.warnMonths, date: formatDate(o.warnUntil) })}
        </p>
        {o.contracts.length ? (
          <>
            <Chart option={timeline} label={t('ov.contracts')} height={300} />
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('sys.endsOn')}</th>
                    <th scope="col">{t('sys.name')}</th>
                    <th scope="col">{t('sys.contractRef')}</th>
                    <th scope="col">{t('sys.supplier')}</th>
                    <th scope="col">{t('sys.noticeMonths')}</th>
                    <th scope="col">{t('ov.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.contracts.map((c) => (
                    <tr key={c.id}>
                      <td className="nowrap">{formatDate(c.endsOn)}</td>
                      <td>
                        <Link to={`/it-system/${c.systemId}`}>{c.systemName}</Link>
                      </td>
                      <td>{c.contractRef}</td>
                      <td>{c.supplierName ?? '—'}</td>
                      <td>{c.noticeMonths ?? '—'}</td>
                      <td>
                        <Badge tone={TONE[c.status]}>
                          {t(`contractStatus.${c.status}` as MessageKey)}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <EmptyState>{t('ov.noContracts')}</EmptyState>
        )}
      </section>
    </>
  );
}
