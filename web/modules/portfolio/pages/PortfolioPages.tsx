import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  INITIATIVE_CATEGORIES,
  INITIATIVE_FLAGS,
  PHASES,
} from '../../../../domain/portfolio/initiative.js';
import { horizonSlot } from '../../../../domain/portfolio/roadmap.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
  PagedList,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { EvidenceCount } from '../../../platform/evidence.js';
import { formValues } from '../../../platform/use-form.js';
import { useListQuery } from '../../../platform/use-list.js';
import { useTree } from '../../organization/components/units.js';
import { portfolioApi, type BenefitDto, type InitiativeDto } from '../api.js';
import {
  BenefitDialog,
  InitiativeDialog,
  MeasurementDialog,
  MoveDialog,
  PortfolioNav,
} from '../components.js';
import { RoundsSection } from './RealisationPages.js';
import { SystemPicker } from '../../services/components/ownership.js';
import { systemsApi } from '../../services/api.js';
import { useGoalTitles } from '../../goals/queries.js';
import { useInitiativeTitles } from '../queries.js';

const LIMIT = 50;
const money = (v: number | null | undefined) => (v == null ? '—' : `${formatNumber(v)} kr`);

function Flags({ flags }: { flags: InitiativeDto['flags'] }) {
  const { t } = useI18n();
  return (
    <>
      {flags.map((f) => (
        <Badge key={f} tone="warn">
          {t(`initiativeFlag.${f}` as MessageKey)}
        </Badge>
      ))}
    </>
  );
}

export function PortfolioPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { units } = useTree();
  const navigate = useNavigate();
  const phases = useEnumOptions(PHASES, 'phase');
  const categories = useEnumOptions(INITIATIVE_CATEGORIES, 'initiativeCategory');
  const flags = useEnumOptions(INITIATIVE_FLAGS, 'initiativeFlag');
  const [view, setView] = useState<'table' | 'board' | 'timeline'>('table');
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'initiatives',
    { q: '', phase: '', category: '', flag: '' },
    portfolioApi.list,
    view !== 'table' ? 200 : LIMIT,
  );
  const evidence = useQuery({
    queryKey: ['initiatives', 'evidence'],
    queryFn: () => portfolioApi.evidence(),
  });
  const silent = useQuery({
    queryKey: ['initiatives', 'silent'],
    queryFn: () => portfolioApi.silent(),
  });
  const mayCreate =
    can('portfolio.edit', 'tenant') ||
    units.some((u) => can('portfolio.edit', { unitPath: u.path }));
  return (
    <>
      <PortfolioNav />
      <PageHeader
        title={t('pf.title')}
        intro={t('pf.intro')}
        actions={
          <>
            <ExportLinks url={`/api/initiatives${qs(filters)}`} />
            {mayCreate ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('pf.new')}
              </button>
            ) : null}
          </>
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="pq">{t('common.search')}</label>
          <input id="pq" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="pp">{t('pf.phase')}</label>
          <select id="pp" value={filters.phase} onChange={set('phase')}>
            <option value="">{t('common.all')}</option>
            {phases.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pc">{t('pf.category')}</label>
          <select id="pc" value={filters.category} onChange={set('category')}>
            <option value="">{t('common.all')}</option>
            {categories.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pf">{t('forum.flags')}</label>
          <select id="pf" value={filters.flag} onChange={set('flag')}>
            <option value="">{t('common.all')}</option>
            {flags.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('pf.view')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="view"
              checked={view === 'table'}
              onChange={() => setView('table')}
            />{' '}
            {t('pf.table')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="view"
              checked={view === 'board'}
              onChange={() => setView('board')}
            />{' '}
            {t('pf.board')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="view"
              checked={view === 'timeline'}
              onChange={() => setView('timeline')}
            />{' '}
            {t('pf.timeline')}
          </label>
        </fieldset>
      </form>
      <PagedList
        list={list}
        limit={view !== 'table' ? 200 : LIMIT}
        offset={offset}
        onOffset={setOffset}
        empty={Object.values(filters).some(Boolean) ? undefined : t('pf.empty')}
      >
        {(items) =>
          view === 'timeline' ? (
            <PortfolioTimeline items={items} />
          ) : view === 'table' ? (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('pf.titleField')}</th>
                    <th scope="col">{t('pf.phase')}</th>
                    <th scope="col">{t('pf.ownerUnit')}</th>
                    <th scope="col">{t('pf.category')}</th>
                    <th scope="col" className="num">
                      {t('pf.score')}
                    </th>
                    <th scope="col" className="num">
                      {t('pf.investmentShort')}
                    </th>
                    <th scope="col">{t('forum.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td>
                        <Link to={`/portfolj/${i.id}`}>{i.title}</Link>
                        {i.crossUnit ? (
                          <div className="small muted">{t('pf.crossUnit')}</div>
                        ) : null}
                      </td>
                      <td>{t(`phase.${i.phase}` as MessageKey)}</td>
                      <td>{i.ownerUnit?.name ?? '—'}</td>
                      <td>{t(`initiativeCategory.${i.category}` as MessageKey)}</td>
                      <td className="num">{formatNumber(i.score)}</td>
                      <td className="num nowrap">{money(i.investmentTotal)}</td>
                      <td>
                        <Flags flags={i.flags} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <div className="board">
              {PHASES.map((p) => {
                const inPhase = items.filter((i) => i.phase === p);
                return (
                  <section key={p} className="board__column" aria-labelledby={`col-${p}`}>
                    <h2 id={`col-${p}`}>
                      {t(`phase.${p}` as MessageKey)}{' '}
                      <span className="muted small">({inPhase.length})</span>
                    </h2>
                    <ul className="plain">
                      {inPhase.map((i) => (
                        <li key={i.id} className="board__card">
                          <Link to={`/portfolj/${i.id}`}>{i.title}</Link>
                          <div className="small muted">{i.ownerUnit?.name ?? '—'}</div>
                          <Flags flags={i.flags} />
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          )
        }
      </PagedList>
      {evidence.data ? (
        <section aria-labelledby="evidence-h" className="card">
          <h2 id="evidence-h">{t('pf.evidence')}</h2>
          <EvidenceCount evidence={evidence.data.crossUnit} label={t('pf.count.crossUnit')} />
          <EvidenceCount
            evidence={evidence.data.crossUnitWithoutCouncil}
            label={t('pf.count.withoutCouncil')}
          />
          <EvidenceCount
            evidence={evidence.data.expiredDocuments}
            label={t('pf.count.expiredDocuments')}
          />
        </section>
      ) : null}
      {silent.data?.items.length ? (
        <section aria-labelledby="silent-h" className="card">
          <h2 id="silent-h">{t('pf.silent')}</h2>
          <p className="muted">{t('pf.silentIntro')}</p>
          <p>{silent.data.items.map((u) => u.name).join(', ')}</p>
        </section>
      ) : null}
      {creating ? (
        <InitiativeDialog
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/portfolj/${id}`)}
        />
      ) : null}
    </>
  );
}

type DialogState =
  | { kind: 'edit' }
  | { kind: 'move'; to: InitiativeDto['phase'] }
  | { kind: 'benefit' }
  | { kind: 'measure'; benefit: BenefitDto }
  | null;

export function InitiativePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const initiative = useQuery({
    queryKey: ['initiative', id],
    queryFn: () => portfolioApi.get(id),
  });
  const moves = useQuery({
    queryKey: ['initiative', id, 'moves', initiative.data?.version],
    queryFn: () => portfolioApi.moves(id),
    enabled: Boolean(initiative.data),
  });
  const history = useQuery({
    queryKey: ['initiative', id, 'history', initiative.data?.version],
    queryFn: () => portfolioApi.transitions(id),
  });
  const benefits = useQuery({
    queryKey: ['initiative', id, 'benefits'],
    queryFn: () => portfolioApi.benefits(id),
  });
  const [dialog, setDialog] = useState<DialogState>(null);
  const qc = useQueryClient();
  const systemNames = useQuery({
    queryKey: ['initiative', id, 'system-names', initiative.data?.systemIds],
    queryFn: async () =>
      new Map(
        (
          await Promise.all((initiative.data?.systemIds ?? []).map((sid) => systemsApi.get(sid)))
        ).map((x) => [x.id, x.name]),
      ),
    enabled: Boolean(initiative.data?.systemIds.length),
  });
  const initiativeTitles = useInitiativeTitles(Boolean(initiative.data?.dependsOnIds.length));
  const goalTitles = useGoalTitles(Boolean(initiative.data?.goalIds.length));
  if (initiative.isLoading) return <Loading />;
  if (initiative.error || !initiative.data) return <LoadError error={initiative.error} />;
  const i = initiative.data;
  const unit = i.ownerUnit ? byId.get(i.ownerUnit.id) : undefined;
  const mayEdit = unit
    ? can('portfolio.edit', { unitPath: unit.path })
    : can('portfolio.edit', 'tenant');
  return (
    <>
      <PortfolioNav />
      <PageHeader
        title={i.title}
        intro={`${t(`phase.${i.phase}` as MessageKey)} · ${t(`initiativeCategory.${i.category}` as MessageKey)}${i.ownerUnit ? ` · ${i.ownerUnit.name}` : ''}`}
        actions={
          mayEdit ? (
            <button type="button" className="btn" onClick={() => setDialog({ kind: 'edit' })}>
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      <p>
        <Flags flags={i.flags} />
        {i.crossUnit ? <Badge tone="info">{t('pf.crossUnit')}</Badge> : null}
      </p>
      <section aria-labelledby="moves-h" className="card">
        <h2 id="moves-h">{t('pf.moves')}</h2>
        {moves.isLoading ? (
          <Loading />
        ) : moves.data?.items.length ? (
          <ul className="plain">
            {moves.data.items.map((m) => (
              <li key={m.to}>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={!mayEdit || m.failures.length > 0}
                  onClick={() => setDialog({ kind: 'move', to: m.to })}
                >
                  {t('pf.moveTo', { phase: t(`phase.${m.to}` as MessageKey) })}
                </button>
                {m.failures.length ? (
                  <span className="small">
                    {' '}
                    {m.failures.map((f) => (
                      <Badge key={f} tone="warn">
                        {t(`guard.${f}` as MessageKey)}
                      </Badge>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>—</EmptyState>
        )}
      </section>
      <dl className="facts">
        <dt>{t('pf.need')}</dt>
        <dd>{i.need ?? '—'}</dd>
        <dt>{t('pf.description')}</dt>
        <dd>{i.description ?? '—'}</dd>
        <dt>{t('pf.ownerPerson')}</dt>
        <dd>{i.ownerPerson?.name ?? '—'}</dd>
        <dt>{t('pf.affected')}</dt>
        <dd>{i.affectedUnits.map((u) => u.name).join(', ') || '—'}</dd>
        <dt>{t('pf.decision')}</dt>
        <dd>
          {i.decisionId ? (
            <Link to={`/beslut/${i.decisionId}`}>{t('evidenceKind.decision')}</Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          {t('pf.startOn')} – {t('pf.endOn')}
        </dt>
        <dd>
          {formatDate(i.startOn)} – {formatDate(i.endOn)}
        </dd>
        <dt>{t('pf.investmentShort')}</dt>
        <dd>{i.investment.map((x) => `${x.year}: ${money(x.amount)}`).join(', ') || '—'}</dd>
        <dt>{t('pf.operatingCost')}</dt>
        <dd>{money(i.operatingCostPerYear)}</dd>
        <dt>{t('pf.payer')}</dt>
        <dd>
          {i.payerUnit?.name ?? '—'}
          {i.costSplit.length
            ? ` (${i.costSplit.map((x) => `${x.unitName} ${formatNumber(x.percent)} %`).join(', ')})`
            : ''}
        </dd>
        <dt>{t('pf.resourcesShort')}</dt>
        <dd>
          {i.resourceNeed
            .map((x) => `${x.competence} ${x.quarter}: ${formatNumber(x.hours)} h`)
            .join(', ') || '—'}
        </dd>
        <dt>{t('pf.score')}</dt>
        <dd>
          {formatNumber(i.score)}
          {i.scores.some((x) => x.justification) ? (
            <ul className="plain small">
              {i.scores
                .filter((x) => x.justification)
                .map((x) => (
                  <li key={x.criterion}>
                    {x.criterion}: {x.score} – {x.justification}
                  </li>
                ))}
            </ul>
          ) : null}
        </dd>
        <dt>{t('pf.risksShort')}</dt>
        <dd>
          {i.risks.length ? (
            <ul className="plain">
              {i.risks.map((r, k) => (
                <li key={k}>
                  {r.title} (S {r.probability} × K {r.consequence} = {r.probability * r.consequence}
                  ){r.mitigation ? `: ${r.mitigation}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      <section aria-labelledby="sys-h">
        <h2 id="sys-h">{t('pf.systems')}</h2>
        <SystemPicker
          selected={i.systemIds.map((sid) => ({
            id: sid,
            name: systemNames.data?.get(sid) ?? '…',
          }))}
          disabled={!mayEdit}
          onChange={async (systemIds) => {
            await portfolioApi.update(i.id, { version: i.version, systemIds });
            await qc.invalidateQueries({ queryKey: ['initiative', id] });
          }}
        />
      </section>
      {i.documents.length ? (
        <section aria-labelledby="docs-h">
          <h2 id="docs-h">{t('pf.documents')}</h2>
          <ul className="plain">
            {i.documents.map((d) => (
              <li key={d.id}>
                <Link to={`/styrdokument/${d.id}`}>{d.title}</Link>{' '}
                {d.expired && d.validTo ? (
                  <Badge tone="bad">
                    {t('pf.documentExpired', { date: formatDate(d.validTo) })}
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {i.goalIds.length || i.dependsOnIds.length ? (
        <dl className="facts">
          <dt>{t('pf.goals')}</dt>
          <dd>
            {i.goalIds.map((g) => (
              <Link key={g} to={`/mal/${g}`}>
                {goalTitles.get(g) ?? '…'}
              </Link>
            ))}
          </dd>
          <dt>{t('pf.dependsOn')}</dt>
          <dd>
            {i.dependsOnIds.map((d) => (
              <Link key={d} to={`/portfolj/${d}`}>
                {initiativeTitles.get(d) ?? '…'}
              </Link>
            ))}
          </dd>
        </dl>
      ) : null}
      {i.risks.length ? <RiskMatrix risks={i.risks} /> : null}
      <section aria-labelledby="ben-h">
        <h2 id="ben-h">{t('pf.benefits')}</h2>
        {benefits.isLoading ? (
          <Loading />
        ) : benefits.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('pf.measure')}</th>
                  <th scope="col">{t('pf.benefitKind')}</th>
                  <th scope="col" className="num">
                    {t('pf.baseline')}
                  </th>
                  <th scope="col" className="num">
                    {t('pf.target')}
                  </th>
                  <th scope="col" className="num">
                    {t('pf.latest')}
                  </th>
                  <th scope="col">{t('pf.targetDate')}</th>
                  <th scope="col">{t('pf.nextDue')}</th>
                  <th scope="col">{t('pf.benefitOwner')}</th>
                  {mayEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('pf.measure.add')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {benefits.data.items.map((b) => (
                  <tr key={b.id}>
                    <td>
                      {b.measure}
                      {b.unit ? ` (${b.unit})` : ''}
                    </td>
                    <td>{t(`benefitKind.${b.kind}` as MessageKey)}</td>
                    <td className="num">{b.baseline ?? '—'}</td>
                    <td className="num">{b.target ?? '—'}</td>
                    <td className="num">{b.latest ?? '—'}</td>
                    <td>{formatDate(b.targetDate)}</td>
                    <td>
                      {formatDate(b.nextDue)}
                      {b.overdue ? (
                        <>
                          {' '}
                          <Badge tone="bad">{t('rev.overdue')}</Badge>
                        </>
                      ) : null}
                    </td>
                    <td>{b.ownerPersonName ?? '—'}</td>
                    {mayEdit ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => setDialog({ kind: 'measure', benefit: b })}
                          aria-label={t('pf.measureFor', { measure: b.measure })}
                        >
                          {t('pf.measure.add')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
        {mayEdit ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => setDialog({ kind: 'benefit' })}
          >
            {t('pf.newBenefit')}
          </button>
        ) : null}
      </section>
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t('pf.history')}</h2>
        {history.isLoading ? (
          <Loading />
        ) : history.data?.items.length ? (
          <ol>
            {history.data.items.map((h) => (
              <li key={h.id}>
                {formatDate(h.at.slice(0, 10))}: {t(`phase.${h.fromPhase}` as MessageKey)} →{' '}
                {t(`phase.${h.toPhase}` as MessageKey)} ({h.byName ?? '—'}): {h.reason}
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
      </section>
      {dialog?.kind === 'edit' ? (
        <InitiativeDialog initiative={i} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveDialog initiative={i} to={dialog.to} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'benefit' ? (
        <BenefitDialog initiativeId={i.id} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'measure' ? (
        <MeasurementDialog benefit={dialog.benefit} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

/** The prioritisation proposal for a period: ranked candidates and the exact best set within budget and IT capacity. */
export function PrioritisationPage() {
  const { t } = useI18n();
  const year = new Date().getFullYear() + 1;
  const [params, setParams] = useState<{
    budget: string;
    hours: string;
    fromYear: string;
    toYear: string;
  } | null>(null);
  const proposal = useQuery({
    queryKey: ['proposal', params],
    queryFn: () =>
      portfolioApi.propose({
        budget: Number(params!.budget),
        hours: Number(params!.hours),
        fromYear: Number(params!.fromYear),
        toYear: Number(params!.toYear),
      }),
    enabled: Boolean(params),
  });
  const selected = new Set(proposal.data?.selection.ids ?? []);
  return (
    <>
      <PortfolioNav />
      <PageHeader title={t('pf.prioritise')} intro={t('pf.proposalIntro')} />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          setParams({
            budget: (v.budget ?? '0').replace(/\s/g, ''),
            hours: (v.hours ?? '0').replace(/\s/g, ''),
            fromYear: v.fromYear ?? String(year),
            toYear: v.toYear ?? String(year),
          });
        }}
      >
        <div className="field">
          <label htmlFor="pb">{t('pf.budget')}</label>
          <input id="pb" name="budget" inputMode="numeric" defaultValue="10000000" />
        </div>
        <div className="field">
          <label htmlFor="ph">{t('pf.hours')}</label>
          <input id="ph" name="hours" inputMode="numeric" defaultValue="4000" />
        </div>
        <div className="field">
          <label htmlFor="pfy">{t('pf.fromYear')}</label>
          <input id="pfy" name="fromYear" type="number" defaultValue={year} />
        </div>
        <div className="field">
          <label htmlFor="pty">{t('pf.toYear')}</label>
          <input id="pty" name="toYear" type="number" defaultValue={year} />
        </div>
        <button type="submit" className="btn btn--primary">
          {t('pf.propose')}
        </button>
      </form>
      <ErrorSummary error={proposal.error} />
      {proposal.data ? (
        <>
          <p role="status">
            {t('pf.proposalSummary', {
              n: proposal.data.selection.ids.length,
              score: formatNumber(proposal.data.selection.score),
              cost: formatNumber(proposal.data.selection.cost),
              hours: formatNumber(proposal.data.selection.hours),
              ms: proposal.data.selection.ms,
            })}
          </p>
          {proposal.data.selection.exact ? null : (
            <p className="alert" role="alert">
              {t('pf.proposalNotExact')}
            </p>
          )}
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('pf.proposed')}</th>
                  <th scope="col">{t('pf.titleField')}</th>
                  <th scope="col">{t('pf.ownerUnit')}</th>
                  <th scope="col" className="num">
                    {t('pf.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('pf.cost')}
                  </th>
                  <th scope="col" className="num">
                    {t('pf.hours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {proposal.data.candidates.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {selected.has(c.id) ? <Badge tone="ok">{t('pf.proposed')}</Badge> : '—'}
                    </td>
                    <td>
                      <Link to={`/portfolj/${c.id}`}>{c.title}</Link>
                    </td>
                    <td>{c.ownerUnit?.name ?? '—'}</td>
                    <td className="num">{formatNumber(c.score)}</td>
                    <td className="num nowrap">{money(c.cost)}</td>
                    <td className="num">{formatNumber(c.hours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <RoundsSection />
    </>
  );
}

/** Risks on a 5 × 5 grid of probability and consequence; each cell says how many and which, so colour is never the only sign. */
function RiskMatrix({ risks }: { risks: InitiativeDto['risks'] }) {
  const { t } = useI18n();
  const tone = (p: number, c: number) =>
    p * c >= 15 ? 'risk--high' : p * c >= 8 ? 'risk--mid' : 'risk--low';
  return (
    <section aria-labelledby="risk-h">
      <h2 id="risk-h">{t('pf.riskMatrix')}</h2>
      <div className="table-wrap">
        <table className="table risk-matrix">
          <caption className="visually-hidden">
            {t('pf.riskMatrix')}: {t('pf.probability')} × {t('pf.consequence')}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {t('pf.probability')} \ {t('pf.consequence')}
              </th>
              {[1, 2, 3, 4, 5].map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((p) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {[1, 2, 3, 4, 5].map((c) => {
                  const here = risks.filter((r) => r.probability === p && r.consequence === c);
                  return (
                    <td key={c} className={tone(p, c)}>
                      {here.map((r) => r.title).join('; ')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The portfolio on a timeline: each initiative in the year it starts, this year and the next three, then later. */
function PortfolioTimeline({ items }: { items: InitiativeDto[] }) {
  const { t } = useI18n();
  const from = new Date().getFullYear();
  const columns: { label: string; slot: number | 'later' | null }[] = [
    ...[0, 1, 2, 3].map((k) => ({ label: String(from + k), slot: k as number | 'later' | null })),
    { label: t('pf.later'), slot: 'later' },
    { label: '—', slot: null },
  ];
  return (
    <div className="board">
      {columns.map((col) => {
        const here = items.filter((i) => horizonSlot(i, from, 4) === col.slot);
        return (
          <section key={col.label} className="board__column" aria-label={col.label}>
            <h2>
              {col.label} <span className="muted small">({here.length})</span>
            </h2>
            <ul className="plain">
              {here.map((i) => (
                <li key={i.id} className="board__card">
                  <Link to={`/portfolj/${i.id}`}>{i.title}</Link>
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
  );
}
