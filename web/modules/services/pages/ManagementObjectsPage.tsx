import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PLAN_STATUSES } from '../../../../domain/services/ownership.js';
import { useAuth } from '../../../platform/auth.js';
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
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { lines, num, useFormAction, type FormValues } from '../../../platform/use-form.js';
import { usePersonOptions } from '../../organization/components/people.js';
import { UnitSelect, useTree } from '../../organization/components/units.js';
import { ownershipApi, type ObjectDto, type PlanDto } from '../api.js';
import { ServicesNav, SystemPicker } from '../components/ownership.js';

const money = (v: number | null | undefined) => (v == null ? '—' : `${formatNumber(v)} kr`);

function ObjectDialog({
  object,
  onClose,
  onSaved,
}: {
  object?: ObjectDto;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const people = usePersonOptions();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      name: v.name ?? '',
      description: v.description,
      owningUnitId: v.owningUnitId,
      ownerPersonId: v.ownerPersonId,
      managerPersonId: v.managerPersonId,
    });
    const patch = object ? changes(body) : null;
    const saved = object
      ? patch
        ? await ownershipApi.updateObject(object.id, { ...patch, version: object.version })
        : object
      : await ownershipApi.createObject(body(v));
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    onSaved?.(saved.id);
  }, onClose);
  return (
    <Dialog title={object ? t('mo.edit') : t('mo.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('svc.name')}
          name="name"
          defaultValue={object?.name ?? ''}
          required
          error={fe.name}
        />
        <TextArea
          label={t('svc.description')}
          name="description"
          rows={2}
          defaultValue={object?.description ?? ''}
          error={fe.description}
        />
        <UnitSelect
          label={t('mo.owningUnit')}
          name="owningUnitId"
          defaultValue={object?.owningUnit?.id ?? ''}
          emptyLabel="—"
          error={fe.owningUnitId}
        />
        <div className="row">
          <SelectField
            label={t('mo.owner')}
            name="ownerPersonId"
            defaultValue={object?.owner?.id ?? ''}
            emptyLabel="—"
            options={people}
            error={fe.ownerPersonId}
          />
          <SelectField
            label={t('mo.manager')}
            name="managerPersonId"
            defaultValue={object?.manager?.id ?? ''}
            emptyLabel="—"
            options={people}
            error={fe.managerPersonId}
          />
        </div>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** Activity lines: "title; quarter; cost", quarter and cost optional. */
const parseActivities = (text: string | null | undefined) =>
  lines(text).map((l) => {
    const [title = '', quarter, cost] = l.split(';').map((x) => x.trim());
    return { title, quarter: num(quarter), cost: num(cost) };
  });

function PlanDialog({
  objectId,
  plan,
  onClose,
}: {
  objectId: string;
  plan?: PlanDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const statuses = useEnumOptions(PLAN_STATUSES, 'planStatus');
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      budget: num(v.budget),
      activities: parseActivities(v.activities),
      plannedChanges: v.plannedChanges,
      status: v.status,
      adoptedOn: v.adoptedOn,
    });
    if (plan) {
      const patch = changes(body);
      if (patch) await ownershipApi.updatePlan(plan.id, { ...patch, version: plan.version });
    } else await ownershipApi.createPlan(objectId, { ...body(v), year: num(v.year) });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }, onClose);
  return (
    <Dialog
      title={plan ? t('mo.editPlan', { year: plan.year }) : t('mo.newPlan')}
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          {!plan ? (
            <TextField
              label={t('mo.year')}
              name="year"
              type="number"
              min={2000}
              max={2100}
              defaultValue={new Date().getFullYear() + 1}
              required
              error={fe.year}
            />
          ) : null}
          <TextField
            label={t('mo.budget')}
            name="budget"
            inputMode="decimal"
            defaultValue={plan?.budget ?? ''}
            error={fe.budget}
          />
        </div>
        <TextArea
          label={t('mo.activities')}
          name="activities"
          rows={5}
          defaultValue={(plan?.activities ?? [])
            .map((a) => [a.title, a.quarter ?? '', a.cost ?? ''].join('; '))
            .join('\n')}
          error={
            fe.activities ?? Object.entries(fe).find(([k]) => k.startsWith('activities.'))?.[1]
          }
        />
        <TextArea
          label={t('mo.plannedChanges')}
          name="plannedChanges"
          rows={3}
          defaultValue={plan?.plannedChanges ?? ''}
          error={fe.plannedChanges}
        />
        <div className="row">
          <SelectField
            label={t('mo.status')}
            name="status"
            defaultValue={plan?.status ?? 'draft'}
            options={statuses}
            error={fe.status}
          />
          <TextField
            label={t('mo.adoptedOn')}
            name="adoptedOn"
            type="date"
            defaultValue={plan?.adoptedOn ?? ''}
            error={fe.adoptedOn}
          />
        </div>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ManagementObjectsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { units } = useTree();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['management-objects'],
    queryFn: () => ownershipApi.objects(),
  });
  const [creating, setCreating] = useState(false);
  const mayEdit =
    can('systems.edit', 'tenant') || units.some((u) => can('systems.edit', { unitPath: u.path }));
  return (
    <>
      <ServicesNav />
      <PageHeader
        title={t('mo.title')}
        intro={t('mo.intro')}
        actions={
          mayEdit ? (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              {t('mo.new')}
            </button>
          ) : null
        }
      />
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : list.data?.items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('svc.name')}</th>
                <th scope="col">{t('mo.owningUnit')}</th>
                <th scope="col">{t('mo.owner')}</th>
                <th scope="col">{t('mo.manager')}</th>
                <th scope="col">{t('mo.systems')}</th>
                <th scope="col">{t('mo.planYears')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/forvaltningsobjekt/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{o.owningUnit?.name ?? '—'}</td>
                  <td>{o.owner?.name ?? <Badge tone="warn">{t('sys.vacant')}</Badge>}</td>
                  <td>{o.manager?.name ?? <Badge tone="warn">{t('sys.vacant')}</Badge>}</td>
                  <td>{o.systems.length}</td>
                  <td>{o.planYears.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('mo.empty')}</EmptyState>
      )}
      {creating ? (
        <ObjectDialog
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/forvaltningsobjekt/${id}`)}
        />
      ) : null}
    </>
  );
}

export function ManagementObjectPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const qc = useQueryClient();
  const object = useQuery({
    queryKey: ['management-object', id],
    queryFn: () => ownershipApi.object(id),
  });
  const plans = useQuery({
    queryKey: ['management-object', id, 'plans'],
    queryFn: () => ownershipApi.plans(id),
  });
  const [dialog, setDialog] = useState<{ kind: 'edit' } | { kind: 'plan'; plan?: PlanDto } | null>(
    null,
  );
  if (object.isLoading) return <Loading />;
  if (object.error || !object.data) return <LoadError error={object.error} />;
  const o = object.data;
  const unit = o.owningUnit ? byId.get(o.owningUnit.id) : undefined;
  const mayEdit = unit
    ? can('systems.edit', { unitPath: unit.path })
    : can('systems.edit', 'tenant');
  const setSystems = async (systemIds: string[]) => {
    await ownershipApi.updateObject(o.id, { version: o.version, systemIds });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  };
  return (
    <>
      <ServicesNav />
      <PageHeader
        title={o.name}
        intro={o.description ?? undefined}
        actions={
          mayEdit ? (
            <button type="button" className="btn" onClick={() => setDialog({ kind: 'edit' })}>
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      <dl className="facts">
        <dt>{t('mo.owningUnit')}</dt>
        <dd>{o.owningUnit?.name ?? '—'}</dd>
        <dt>{t('mo.owner')}</dt>
        <dd>{o.owner?.name ?? <Badge tone="warn">{t('sys.vacant')}</Badge>}</dd>
        <dt>{t('mo.manager')}</dt>
        <dd>{o.manager?.name ?? <Badge tone="warn">{t('sys.vacant')}</Badge>}</dd>
      </dl>
      <section aria-labelledby="mo-sys-h">
        <h2 id="mo-sys-h">{t('mo.systems')}</h2>
        <SystemPicker selected={o.systems} onChange={setSystems} disabled={!mayEdit} />
      </section>
      <section aria-labelledby="mo-plan-h">
        <h2 id="mo-plan-h">{t('mo.plans')}</h2>
        {plans.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('mo.year')}</th>
                  <th scope="col">{t('mo.status')}</th>
                  <th scope="col">{t('mo.budget')}</th>
                  <th scope="col">{t('mo.activitiesShort')}</th>
                  <th scope="col">{t('mo.activitiesCost')}</th>
                  <th scope="col">{t('mo.plannedChanges')}</th>
                  {mayEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.edit')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {plans.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.year}</td>
                    <td>
                      {t(`planStatus.${p.status}` as MessageKey)}
                      {p.adoptedOn ? ` ${formatDate(p.adoptedOn)}` : ''}
                    </td>
                    <td className="nowrap">{money(p.budget)}</td>
                    <td>
                      <ul className="plain">
                        {p.activities.map((a, i) => (
                          <li key={i}>
                            {a.title}
                            {a.quarter ? ` (Q${a.quarter})` : ''}
                            {a.cost != null ? ` – ${money(a.cost)}` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="nowrap">{money(p.activitiesCost)}</td>
                    <td>{p.plannedChanges ?? '—'}</td>
                    {mayEdit ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => setDialog({ kind: 'plan', plan: p })}
                          aria-label={t('mo.editPlan', { year: p.year })}
                        >
                          {t('common.edit')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('mo.noPlans')}</EmptyState>
        )}
        {mayEdit ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => setDialog({ kind: 'plan' })}
          >
            {t('mo.newPlan')}
          </button>
        ) : null}
      </section>
      {dialog?.kind === 'edit' ? <ObjectDialog object={o} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'plan' ? (
        <PlanDialog
          objectId={o.id}
          {...(dialog.plan ? { plan: dialog.plan } : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
