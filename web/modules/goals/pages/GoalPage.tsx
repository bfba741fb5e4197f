import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { periodEnd, periodLabel } from '../../../../domain/goals/periods.js';
import { useAuth } from '../../../platform/auth.js';
import { Badge, EmptyState, LoadError, Loading, PageHeader } from '../../../platform/components.js';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  useI18n,
  type MessageKey,
} from '../../../platform/i18n.js';
import { useTree } from '../../organization/components/units.js';
import { goalsApi, type IndicatorDto } from '../api.js';
import { AssessmentForm, GoalDialog, IndicatorDialog, OutcomeForm } from '../components/forms.js';
import { useGoalTitles } from '../queries.js';
import { TrendChart } from '../components/TrendChart.js';

const tone = (a: string) => (a === 'met' ? 'ok' : a === 'partly' ? 'warn' : 'bad');

export function GoalPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const goal = useQuery({ queryKey: ['goal', id], queryFn: () => goalsApi.goal(id) });
  const indicators = useQuery({
    queryKey: ['indicators', id],
    queryFn: () => goalsApi.indicators(id),
  });
  const outcomes = useQuery({ queryKey: ['outcomes', id], queryFn: () => goalsApi.outcomes(id) });
  const assessments = useQuery({
    queryKey: ['assessments', id],
    queryFn: () => goalsApi.assessments(id),
  });
  const lineage = useQuery({ queryKey: ['lineage', id], queryFn: () => goalsApi.lineage(id) });
  const titles = useGoalTitles();
  const [dialog, setDialog] = useState<
    { kind: 'goal' } | { kind: 'indicator'; indicator: IndicatorDto | null } | null
  >(null);
  if (goal.isLoading) return <Loading />;
  if (goal.error || !goal.data) return <LoadError error={goal.error} />;
  const g = goal.data;
  const path = byId.get(g.ownerUnitId)?.path;
  const mayEdit = path ? can('goals.edit', { unitPath: path }) : false;
  const inds = indicators.data?.items ?? [];
  const outs = outcomes.data?.items ?? [];
  const fmt = (v: number | null, unit: string | null) =>
    v === null ? '—' : `${formatNumber(v)}${unit ? ` ${unit}` : ''}`;
  return (
    <>
      <PageHeader
        title={g.title}
        intro={`${t(`goalLevel.${g.level}` as MessageKey)} · ${g.ownerUnitName} · ${formatDate(g.validFrom)}–${g.validTo ? formatDate(g.validTo) : ''}`}
        actions={
          mayEdit ? (
            <button type="button" className="btn" onClick={() => setDialog({ kind: 'goal' })}>
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      <p>
        {g.form !== 'goal' ? (
          <Badge tone="neutral">{t(`goalForm.${g.form}` as MessageKey)}</Badge>
        ) : null}{' '}
        {g.flags.map((f) => (
          <Badge key={f} tone="warn">
            {t(`goals.flag.${f}` as MessageKey)}
          </Badge>
        ))}{' '}
        {g.tags.map((tag) => (
          <Badge key={tag} tone="info">
            {tag}
          </Badge>
        ))}
      </p>
      <dl className="facts">
        <dt>{t('goals.adoptedBy')}</dt>
        <dd>
          {g.adoptedByDecisionId ? (
            <Link to={`/beslut/${g.adoptedByDecisionId}`}>{g.adoptedByReference}</Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('goals.parents')}</dt>
        <dd>
          {g.parentGoalIds.length
            ? g.parentGoalIds.map((p) => (
                <div key={p}>
                  <Link to={`/mal/${p}`}>{titles.get(p) ?? t('goals.goal')}</Link>
                </div>
              ))
            : '—'}
        </dd>
      </dl>
      {g.form !== 'goal' ? <p className="muted">{t('goals.notAGoal')}</p> : null}
      {g.measuredThroughGoalIds.length ? (
        <p>
          {t('goals.measuredThrough')}:{' '}
          {g.measuredThroughGoalIds.map((c, n) => (
            <span key={c}>
              {n > 0 ? ', ' : ''}
              <Link to={`/mal/${c}`}>{titles.get(c) ?? t('goals.goal')}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {g.text ? <p className="prewrap">{g.text}</p> : null}
      <section aria-labelledby="doc-h">
        <h2 id="doc-h">{t('goals.documents')}</h2>
        {g.documents.length === 0 ? (
          <EmptyState>{t('goals.noDocuments')}</EmptyState>
        ) : (
          <ul className="plain">
            {g.documents.map((d) => (
              <li key={d.id}>
                <Link to={`/styrdokument/${d.id}`}>{d.title}</Link>{' '}
                {d.expired && d.validTo ? (
                  <Badge tone="bad">{t('goals.expiredOn', { date: formatDate(d.validTo) })}</Badge>
                ) : d.validTo ? (
                  <span className="muted small">
                    {t('goals.validUntil', { date: formatDate(d.validTo) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {lineage.data && lineage.data.items.length > 1 ? (
        <section aria-labelledby="lin-h">
          <h2 id="lin-h">{t('goals.lineage')}</h2>
          <ol className="chain">
            {lineage.data.items.map((x) => (
              <li key={x.id}>
                {x.id === g.id ? (
                  <strong aria-current="true">{x.title}</strong>
                ) : (
                  <Link to={`/mal/${x.id}`}>{x.title}</Link>
                )}{' '}
                <span className="muted small">
                  {formatDate(x.validFrom)}–{x.validTo ? formatDate(x.validTo) : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="ind-h">
        <h2 id="ind-h">{t('goals.indicators')}</h2>
        {inds.length === 0 ? (
          <EmptyState>{t('goals.noIndicators')}</EmptyState>
        ) : (
          inds.map((i) => (
            <article key={i.id} className="card indicator" aria-labelledby={`ind-${i.id}`}>
              <h3 id={`ind-${i.id}`}>
                {i.name}{' '}
                <Badge tone={i.measuresDigitalisation ? 'info' : 'neutral'}>
                  {t(i.measuresDigitalisation ? 'goals.measures.yes' : 'goals.measures.no')}
                </Badge>{' '}
                {i.flags.map((f) => (
                  <Badge key={f} tone="warn">
                    {t(`goals.flag.${f}` as MessageKey)}
                  </Badge>
                ))}
              </h3>
              <p className="muted small">
                {t(`indicatorKind.${i.kind}` as MessageKey)}
                {i.direction ? ` · ${t(`direction.${i.direction}` as MessageKey)}` : ''} ·{' '}
                {t('goals.baseline')}: {fmt(i.baseline, i.unit)}
                {i.baselineOn ? ` (${i.baselineOn})` : ''}
                {' · '}
                {t('goals.target')}:{' '}
                {i.targets.length
                  ? i.targets.map((x) => `${x.year}: ${fmt(x.value, i.unit)}`).join(', ')
                  : '—'}
                {i.dataSource
                  ? ` · ${t('goals.dataSource')}: ${t(`dataSource.${i.dataSource}` as MessageKey)}${i.dataSourceText ? ` (${i.dataSourceText})` : ''}`
                  : ''}
              </p>
              {i.scale.length ? (
                <p className="small">{i.scale.map((l) => `${l.level} = ${l.label}`).join(' · ')}</p>
              ) : null}
              <TrendChart indicator={i} outcomes={outs} />
              <table className="table">
                <caption className="visually-hidden">
                  {t('goals.outcomes')}: {i.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('goals.period')}</th>
                    <th scope="col">{t('goals.value')}</th>
                    <th scope="col">{t('goals.comment')}</th>
                    <th scope="col">{t('goals.enteredBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outs
                    .filter((o) => o.indicatorId === i.id)
                    .sort((a, b) => (periodEnd(a.periodKey) < periodEnd(b.periodKey) ? -1 : 1))
                    .map((o) => (
                      <tr key={o.id}>
                        <td>{periodLabel(o.periodKey, lang)}</td>
                        <td>
                          {o.levelLabel !== null && o.value !== null
                            ? t('goals.level.label', {
                                level: formatNumber(o.value),
                                label: o.levelLabel,
                              })
                            : fmt(o.value, i.unit)}
                        </td>
                        <td>{o.comment ?? ''}</td>
                        <td className="small">
                          {o.updatedByName} {formatDateTime(o.updatedAt)}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {mayEdit ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => setDialog({ kind: 'indicator', indicator: i })}
                >
                  {t('common.edit')}: {i.name}
                </button>
              ) : null}
            </article>
          ))
        )}
        {mayEdit ? (
          <button
            type="button"
            className="btn"
            onClick={() => setDialog({ kind: 'indicator', indicator: null })}
          >
            {t('goals.newIndicator')}
          </button>
        ) : null}
      </section>

      <section aria-labelledby="ass-h">
        <h2 id="ass-h">{t('goals.assessments')}</h2>
        {assessments.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('goals.period')}</th>
                  <th scope="col">{t('goals.assessment')}</th>
                  <th scope="col">{t('goals.justification')}</th>
                  <th scope="col">{t('goals.enteredBy')}</th>
                </tr>
              </thead>
              <tbody>
                {assessments.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{periodLabel(a.periodKey, lang)}</td>
                    <td>
                      {a.status === 'draft' ? (
                        <Badge tone="neutral">
                          {t('assessment.draft', {
                            value: t(`assessment.${a.assessment}` as MessageKey),
                          })}
                        </Badge>
                      ) : (
                        <Badge tone={tone(a.assessment)}>
                          {t(`assessment.${a.assessment}` as MessageKey)}
                        </Badge>
                      )}
                      {a.suggested && a.suggested !== a.assessment ? (
                        <div className="small muted">
                          {t('goals.suggested', {
                            value: t(`assessment.${a.suggested}` as MessageKey),
                          })}
                        </div>
                      ) : null}
                    </td>
                    <td className="prewrap">
                      {a.justification ?? '—'}
                      {a.overrideReason ? `\n${t('goals.overrideReason')} ${a.overrideReason}` : ''}
                    </td>
                    <td className="small">
                      {a.updatedByName} {formatDateTime(a.updatedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
      </section>

      {mayEdit && inds.length > 0 ? (
        <div className="grid-2">
          <OutcomeForm indicators={inds} outcomes={outs} />
          <AssessmentForm goal={g} />
        </div>
      ) : mayEdit ? (
        <AssessmentForm goal={g} />
      ) : null}

      {dialog?.kind === 'goal' ? <GoalDialog goal={g} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'indicator' ? (
        <IndicatorDialog
          goalId={g.id}
          indicator={dialog.indicator}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
