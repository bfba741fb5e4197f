import { NavLink } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BENEFIT_KINDS,
  DEFAULT_SCORING,
  INITIATIVE_CATEGORIES,
  WORK_KINDS,
} from '../../../domain/portfolio/initiative.js';
import {
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../platform/components.js';
import { useI18n } from '../../platform/i18n.js';
import { lines, num, useFormAction, type FormValues } from '../../platform/use-form.js';
import { DecisionSelect } from '../organization/components/decisions.js';
import { usePersonOptions } from '../organization/components/people.js';
import { UnitSelect, unitOptions, useTree } from '../organization/components/units.js';
import { portfolioApi, type BenefitDto, type InitiativeDto } from './api.js';
import { useGoalOptions } from '../goals/queries.js';
import { documentsApi } from '../documents/api.js';
import { useForumOptions, useSettings } from '../organization/queries.js';
import { useInitiativeOptions } from './queries.js';

export function PortfolioNav() {
  const { t } = useI18n();
  const links = [
    ['/portfolj', t('pf.title')],
    ['/portfolj/prioritering', t('pf.prioritise')],
    ['/portfolj/fardplaner', t('pf.roadmaps')],
    ['/portfolj/viktigaste', t('pf.top')],
    ['/portfolj/effekter', t('pf.realisation')],
  ] as const;
  return (
    <nav className="subnav" aria-label={t('pf.subnav')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
};
const parts = (l: string) => l.split(';').map((x) => x.trim());

/** Register or edit an initiative: what it is, who owns it, what it touches, costs, risks and scores. */
export function InitiativeDialog({
  initiative,
  onClose,
  onSaved,
}: {
  initiative?: InitiativeDto;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const categories = useEnumOptions(INITIATIVE_CATEGORIES, 'initiativeCategory');
  const kinds = useEnumOptions(WORK_KINDS, 'workKind');
  const people = usePersonOptions();
  const { units } = useTree();
  const forums = useForumOptions();
  const settings = useSettings();
  const model = settings.data?.scoringModel ?? [...DEFAULT_SCORING];
  const goals = useGoalOptions();
  const documents = useQuery({
    queryKey: ['documents', 'options'],
    queryFn: () => documentsApi.list({ limit: 200 }),
  });
  const others = useInitiativeOptions();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues, data: FormData) => ({
      title: v.title ?? '',
      description: v.description,
      need: v.need,
      category: v.category,
      workKind: v.workKind,
      ownerUnitId: v.ownerUnitId,
      ownerPersonId: v.ownerPersonId,
      affectedUnitIds: data.getAll('affectedUnitIds').map(String),
      goalIds: data.getAll('goalIds').map(String),
      documentIds: data.getAll('documentIds').map(String),
      dependsOnIds: data.getAll('dependsOnIds').map(String),
      strategicAreas: (v.strategicAreas ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      preparedByForumId: v.preparedByForumId,
      decisionId: v.decisionId,
      routingExceptionDecisionId: v.routingExceptionDecisionId,
      startOn: v.startOn,
      endOn: v.endOn,
      operatingCostPerYear: num(v.operatingCostPerYear),
      lessonsLearned: v.lessonsLearned,
      investment: lines(v.investment).map((l) => {
        const [year, amount] = parts(l);
        return { year: Number(year), amount: num(amount) };
      }),
      risks: lines(v.risks).map((l) => {
        const [title = '', p, c, mitigation] = parts(l);
        return {
          title,
          probability: Number(p),
          consequence: Number(c),
          mitigation: mitigation || null,
        };
      }),
      resourceNeed: lines(v.resourceNeed).map((l) => {
        const [competence = '', quarter = '', hours] = parts(l);
        return { competence, quarter, hours: num(hours) };
      }),
      scores: model
        .map((c) => ({
          criterion: c.key,
          score: Number(v[`score-${c.key}`] ?? 0),
          justification: v[`why-${c.key}`],
        }))
        .filter((s) => s.score > 0),
      payerUnitId: v.payerUnitId,
      costSplit: lines(v.costSplit).map((l) => {
        const [name = '', percent] = parts(l);
        const unit = units.find(
          (u) =>
            u.name.toLowerCase() === name.toLowerCase() ||
            (u.shortName ?? '').toLowerCase() === name.toLowerCase(),
        );
        if (!unit) throw new Error(t('pf.unknownUnit', { name }));
        return { unitId: unit.id, percent: num(percent) };
      }),
    });
    const patch = initiative ? changes(body) : null;
    const saved = initiative
      ? patch
        ? await portfolioApi.update(initiative.id, { ...patch, version: initiative.version })
        : initiative
      : await portfolioApi.create(body(v, data));
    await invalidate();
    onSaved?.(saved.id);
  }, onClose);
  const fieldError = (prefix: string) =>
    fe[prefix] ?? Object.entries(fe).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
  return (
    <Dialog title={initiative ? t('pf.edit') : t('pf.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('pf.titleField')}
          name="title"
          defaultValue={initiative?.title ?? ''}
          required
          error={fe.title}
        />
        <TextArea
          label={t('pf.need')}
          name="need"
          rows={2}
          defaultValue={initiative?.need ?? ''}
          error={fe.need}
        />
        <TextArea
          label={t('pf.description')}
          name="description"
          rows={2}
          defaultValue={initiative?.description ?? ''}
          error={fe.description}
        />
        <div className="row">
          <SelectField
            label={t('pf.category')}
            name="category"
            defaultValue={initiative?.category ?? 'new_service'}
            options={categories}
            required
            error={fe.category}
          />
          <SelectField
            label={t('pf.workKind')}
            name="workKind"
            defaultValue={initiative?.workKind ?? 'digitalisation'}
            options={kinds}
            error={fe.workKind}
          />
        </div>
        <div className="row">
          <UnitSelect
            label={t('pf.ownerUnit')}
            name="ownerUnitId"
            defaultValue={initiative?.ownerUnit?.id ?? ''}
            emptyLabel="—"
            error={fe.ownerUnitId}
          />
          <SelectField
            label={t('pf.ownerPerson')}
            name="ownerPersonId"
            defaultValue={initiative?.ownerPerson?.id ?? ''}
            emptyLabel="—"
            options={people}
            error={fe.ownerPersonId}
          />
        </div>
        <SelectField
          label={t('pf.affected')}
          name="affectedUnitIds"
          multiple
          size={5}
          defaultValue={initiative?.affectedUnitIds ?? []}
          options={unitOptions(units)}
          error={fieldError('affectedUnitIds')}
        />
        <SelectField
          label={t('pf.goals')}
          name="goalIds"
          multiple
          size={4}
          defaultValue={initiative?.goalIds ?? []}
          options={(goals.data?.items ?? []).map((g) => ({ value: g.id, label: g.title }))}
          error={fieldError('goalIds')}
        />
        <SelectField
          label={t('pf.documents')}
          name="documentIds"
          multiple
          size={4}
          defaultValue={initiative?.documentIds ?? []}
          options={(documents.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))}
          error={fieldError('documentIds')}
        />
        <SelectField
          label={t('pf.dependsOn')}
          name="dependsOnIds"
          multiple
          size={4}
          defaultValue={initiative?.dependsOnIds ?? []}
          options={(others.data?.items ?? [])
            .filter((o) => o.id !== initiative?.id)
            .map((o) => ({ value: o.id, label: o.title }))}
          error={fieldError('dependsOnIds')}
        />
        <TextField
          label={t('pf.strategicAreas')}
          name="strategicAreas"
          defaultValue={(initiative?.strategicAreas ?? []).join(', ')}
          error={fe.strategicAreas}
        />
        <SelectField
          label={t('pf.preparedBy')}
          name="preparedByForumId"
          defaultValue={initiative?.preparedByForumId ?? ''}
          emptyLabel="—"
          options={(forums.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          error={fe.preparedByForumId}
        />
        <DecisionSelect
          label={t('pf.decision')}
          name="decisionId"
          defaultValue={initiative?.decisionId ?? ''}
          error={fe.decisionId}
        />
        <DecisionSelect
          label={t('pf.exception')}
          name="routingExceptionDecisionId"
          defaultValue={initiative?.routingExceptionDecisionId ?? ''}
          error={fe.routingExceptionDecisionId}
        />
        <div className="row">
          <TextField
            label={t('pf.startOn')}
            name="startOn"
            type="date"
            defaultValue={initiative?.startOn ?? ''}
            error={fe.startOn}
          />
          <TextField
            label={t('pf.endOn')}
            name="endOn"
            type="date"
            defaultValue={initiative?.endOn ?? ''}
            error={fe.endOn}
          />
          <TextField
            label={t('pf.operatingCost')}
            name="operatingCostPerYear"
            inputMode="decimal"
            defaultValue={initiative?.operatingCostPerYear ?? ''}
            error={fe.operatingCostPerYear}
          />
        </div>
        <div className="row">
          <UnitSelect
            label={t('pf.payer')}
            name="payerUnitId"
            defaultValue={initiative?.payerUnitId ?? ''}
            emptyLabel="—"
            error={fe.payerUnitId}
          />
        </div>
        <TextArea
          label={t('pf.costSplit')}
          name="costSplit"
          rows={2}
          defaultValue={(initiative?.costSplit ?? [])
            .map((x) => `${x.unitName}; ${x.percent}`)
            .join('\n')}
          error={fieldError('costSplit')}
        />
        <TextArea
          label={t('pf.investment')}
          name="investment"
          rows={2}
          defaultValue={(initiative?.investment ?? [])
            .map((x) => `${x.year}; ${x.amount}`)
            .join('\n')}
          error={fieldError('investment')}
        />
        <TextArea
          label={t('pf.resources')}
          name="resourceNeed"
          rows={2}
          defaultValue={(initiative?.resourceNeed ?? [])
            .map((x) => `${x.competence}; ${x.quarter}; ${x.hours}`)
            .join('\n')}
          error={fieldError('resourceNeed')}
        />
        <TextArea
          label={t('pf.risks')}
          name="risks"
          rows={2}
          defaultValue={(initiative?.risks ?? [])
            .map((x) => [x.title, x.probability, x.consequence, x.mitigation ?? ''].join('; '))
            .join('\n')}
          error={fieldError('risks')}
        />
        <fieldset className="field">
          <legend>{t('pf.scores')}</legend>
          <div className="row">
            {model.map((c) => (
              <div key={c.key}>
                <TextField
                  label={`${c.label} (×${c.weight})`}
                  name={`score-${c.key}`}
                  type="number"
                  min={0}
                  max={5}
                  defaultValue={initiative?.scores.find((s) => s.criterion === c.key)?.score ?? ''}
                />
                <TextField
                  label={`${t('pf.justification')}: ${c.label}`}
                  name={`why-${c.key}`}
                  defaultValue={
                    initiative?.scores.find((s) => s.criterion === c.key)?.justification ?? ''
                  }
                />
              </div>
            ))}
          </div>
          {fieldError('scores') ? <p className="field__error">{fieldError('scores')}</p> : null}
        </fieldset>
        {initiative ? (
          <TextArea
            label={t('pf.lessons')}
            name="lessonsLearned"
            rows={2}
            defaultValue={initiative.lessonsLearned ?? ''}
            error={fe.lessonsLearned}
          />
        ) : null}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function MoveDialog({
  initiative,
  to,
  onClose,
}: {
  initiative: InitiativeDto;
  to: InitiativeDto['phase'];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await portfolioApi.transition(initiative.id, {
      version: initiative.version,
      to,
      reason: v.reason ?? '',
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('pf.moveTo', { phase: t(`phase.${to}`) })} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <TextArea
          label={t('pf.reason')}
          name="reason"
          rows={3}
          required
          error={fe.reason ?? fe.to}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function BenefitDialog({
  initiativeId,
  onClose,
}: {
  initiativeId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const kinds = useEnumOptions(BENEFIT_KINDS, 'benefitKind');
  const people = usePersonOptions();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await portfolioApi.createBenefit({
      initiativeId,
      kind: v.kind,
      measure: v.measure ?? '',
      unit: v.unit,
      baseline: num(v.baseline),
      target: num(v.target),
      targetDate: v.targetDate,
      ownerPersonId: v.ownerPersonId,
      cadenceMonths: num(v.cadenceMonths),
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('pf.newBenefit')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <SelectField
            label={t('pf.benefitKind')}
            name="kind"
            options={kinds}
            required
            error={fe.kind}
          />
          <TextField label={t('pf.unit')} name="unit" error={fe.unit} />
        </div>
        <TextField label={t('pf.measure')} name="measure" required error={fe.measure} />
        <div className="row">
          <TextField
            label={t('pf.baseline')}
            name="baseline"
            inputMode="decimal"
            error={fe.baseline}
          />
          <TextField label={t('pf.target')} name="target" inputMode="decimal" error={fe.target} />
          <TextField
            label={t('pf.targetDate')}
            name="targetDate"
            type="date"
            error={fe.targetDate}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('pf.benefitOwner')}
            name="ownerPersonId"
            emptyLabel="—"
            options={people}
            error={fe.ownerPersonId}
          />
          <TextField
            label={t('pf.cadence')}
            name="cadenceMonths"
            type="number"
            min={1}
            max={60}
            error={fe.cadenceMonths}
          />
        </div>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function MeasurementDialog({
  benefit,
  onClose,
}: {
  benefit: BenefitDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await portfolioApi.measure(benefit.id, {
      version: benefit.version,
      on: v.on ?? '',
      value: num(v.value),
      comment: v.comment,
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('pf.measureFor', { measure: benefit.measure })} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <TextField label={t('pf.measuredOn')} name="on" type="date" required error={fe.on} />
          <TextField
            label={`${t('pf.value')}${benefit.unit ? ` (${benefit.unit})` : ''}`}
            name="value"
            inputMode="decimal"
            required
            error={fe.value}
          />
        </div>
        <TextField label={t('pf.comment')} name="comment" error={fe.comment} />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
