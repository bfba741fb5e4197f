import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { periodEnd, periodLabel, yearOf } from '../../../../domain/goals/periods.js';
import { useI18n } from '../../../platform/i18n.js';
import type { IndicatorDto, OutcomeDto } from '../api.js';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * Outcome against target over periods. The same figures are in the outcome table beside it, so the
 * chart is a picture for those who see it, never the only place the numbers are.
 */
export function TrendChart({
  indicator,
  outcomes,
}: {
  indicator: IndicatorDto;
  outcomes: OutcomeDto[];
}) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const own = useMemo(
    () =>
      outcomes
        .filter((o) => o.indicatorId === indicator.id && !o.unitId && o.value !== null)
        .sort((a, b) => (periodEnd(a.periodKey) < periodEnd(b.periodKey) ? -1 : 1)),
    [outcomes, indicator.id],
  );
  const periods = useMemo(() => own.map((o) => o.periodKey), [own]);
  useEffect(() => {
    if (!ref.current || periods.length === 0) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('goals.outcomes'), t('goals.target')], top: 0 },
      xAxis: { type: 'category', data: periods.map((p) => periodLabel(p, lang)) },
      yAxis: {
        type: 'value',
        name: indicator.unit ?? '',
        min: indicator.kind === 'qualitative' ? 0 : undefined,
      },
      series: [
        {
          name: t('goals.outcomes'),
          type: 'line',
          data: own.map((o) => o.value),
          symbolSize: 8,
          lineStyle: { width: 3 },
          color: '#0b4f8a',
        },
        {
          name: t('goals.target'),
          type: 'line',
          data: periods.map(
            (p) => indicator.targets.find((x) => x.year === yearOf(p))?.value ?? null,
          ),
          lineStyle: { type: 'dashed', width: 2 },
          symbol: 'diamond',
          color: '#8a4b00',
          connectNulls: true,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [indicator, own, periods, t, lang]);
  if (periods.length === 0) return null;
  // The label is ours (ECharts' own aria text would be English and overwrite it); the figures are in the table beside.
  return (
    <div role="img" aria-label={`${t('goals.trend')}: ${indicator.name}`}>
      <div ref={ref} className="chart" aria-hidden="true" />
    </div>
  );
}
