import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { periodLabel } from '../../../../domain/goals/periods.js';
import { qs } from '../../../platform/api.js';
import {
  Badge,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { goalsApi } from '../api.js';
import { OutcomeImport } from '../components/OutcomeImport.js';
import { GoalCounts } from '../components/GoalCounts.js';
import { useAuth } from '../../../platform/auth.js';
import { canAnywhere } from '../../../../domain/access/permissions.js';

/** The matrix auditors fill in by hand, from data: boards × goals × periods, with text and icon as well as colour. */
export function FollowUpPage() {
  const { t, lang } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [onlyDigital, setOnlyDigital] = useState(true);
  const tag = onlyDigital ? 'digitalisering' : undefined;
  const table = useQuery({
    queryKey: ['follow-up', year, tag],
    queryFn: () => goalsApi.followUp(year, tag),
    placeholderData: keepPreviousData,
  });
  const [reportPeriod, setReportPeriod] = useState('');
  const period = table.data?.periods.includes(reportPeriod)
    ? reportPeriod
    : (table.data?.periods.at(-1) ?? '');
  const { me } = useAuth();
  const canImport = canAnywhere(
    me ? { personId: me.personId, grants: me.grants } : null,
    'goals.edit',
  );
  const reportUrl = (unitId: string) =>
    `/api/reports/follow-up.pdf${qs({ ownerUnitId: unitId, periodKey: period, lang })}`;
  return (
    <>
      <PageHeader
        title={t('followUp.title')}
        intro={t('followUp.intro')}
        actions={<ExportLinks url={`/api/follow-up${qs({ year, tag })}`} />}
      />
      <div className="toolbar">
        <label htmlFor="fy">{t('goals.year')}</label>
        <select id="fy" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 3, thisYear - 2, thisYear - 1, thisYear].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyDigital}
            onChange={(e) => setOnlyDigital(e.target.checked)}
          />{' '}
          {t('followUp.onlyTag')}
        </label>
        <label htmlFor="fp">{t('followUp.reportPeriod')}</label>
        <select id="fp" value={period} onChange={(e) => setReportPeriod(e.target.value)}>
          {(table.data?.periods ?? []).map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, lang)}
            </option>
          ))}
        </select>
      </div>
      {table.isLoading ? (
        <Loading />
      ) : table.error ? (
        <LoadError error={table.error} />
      ) : table.data ? (
        <div className="table-wrap">
          <table className="table followup">
            <thead>
              <tr>
                <th scope="col">{t('followUp.board')}</th>
                <th scope="col">{t('followUp.status')}</th>
                <th scope="col">{t('goals.goal')}</th>
                <th scope="col">{t('goals.indicatorCount')}</th>
                {table.data.periods.map((p) => (
                  <th scope="col" key={p}>
                    {periodLabel(p, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.data.rows.flatMap((row) => {
                const status = (
                  <Badge
                    tone={
                      row.status === 'goal'
                        ? 'ok'
                        : row.status === 'focus_area_only'
                          ? 'warn'
                          : 'bad'
                    }
                  >
                    {t(`followUpStatus.${row.status}` as MessageKey)}
                  </Badge>
                );
                const report = (
                  <div>
                    <a
                      href={reportUrl(row.unitId)}
                      download
                      aria-label={t('followUp.reportFor', { board: row.unitName })}
                    >
                      {t('followUp.report')}
                    </a>
                  </div>
                );
                if (row.goals.length === 0)
                  return [
                    <tr key={row.unitId}>
                      <th scope="row">{row.unitName}</th>
                      <td>{status}</td>
                      <td colSpan={2 + table.data!.periods.length} className="muted">
                        —
                      </td>
                    </tr>,
                  ];
                return row.goals.map((g, i) => (
                  <tr key={`${row.unitId}-${g.id}`}>
                    {i === 0 ? (
                      <th scope="row" rowSpan={row.goals.length}>
                        {row.unitName}
                        {report}
                      </th>
                    ) : null}
                    {i === 0 ? <td rowSpan={row.goals.length}>{status}</td> : null}
                    <td>
                      <Link to={`/mal/${g.id}`}>{g.title}</Link>
                      {g.form !== 'goal' ? (
                        <>
                          {' '}
                          <Badge tone="neutral">{t(`goalForm.${g.form}` as MessageKey)}</Badge>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {g.form !== 'goal' ? (
                        <span className="muted small">{t('followUp.notCounted')}</span>
                      ) : g.flags.includes('no_indicator') ? (
                        <Badge tone="warn">{t('goals.flag.no_indicator')}</Badge>
                      ) : (
                        g.indicatorCount
                      )}
                    </td>
                    {g.cells.map((c) => (
                      <td key={c.periodKey}>
                        {c.assessment ? (
                          <Badge
                            tone={
                              c.assessment === 'met'
                                ? 'ok'
                                : c.assessment === 'partly'
                                  ? 'warn'
                                  : 'bad'
                            }
                          >
                            {t(`assessment.${c.assessment}` as MessageKey)}
                          </Badge>
                        ) : c.overdue ? (
                          <Badge tone="bad">{t('assessment.overdue')}</Badge>
                        ) : (
                          <span className="muted small">{t('assessment.pending')}</span>
                        )}
                        {c.draft ? (
                          <div className="small">
                            {t('assessment.draft', {
                              value: t(`assessment.${c.draft}` as MessageKey),
                            })}
                          </div>
                        ) : null}
                        {c.missingOutcomes > 0 ? (
                          <div className="small">
                            {t('followUp.missingOutcomes', { count: c.missingOutcomes })}
                          </div>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <GoalCounts year={year} />
      {canImport ? <OutcomeImport /> : null}
    </>
  );
}
