import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSESSMENTS } from '../../../../domain/goals/assessment.js';
import {
  ASSESSMENT_STATUSES,
  DATA_SOURCES,
  DIRECTIONS,
  GOAL_FORMS,
  GOAL_LEVELS,
  INDICATOR_KINDS,
} from '../../../../domain/goals/goal.js';
import { periodLabel, periodsOf } from '../../../../domain/goals/periods.js';
import {
  Badge,
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { lines, num, useFormAction, type FormValues } from '../../../platform/use-form.js';
import { DecisionSelect } from '../../organization/components/decisions.js';
import { UnitSelect } from '../../organization/components/units.js';
import { goalsApi, type GoalDto, type IndicatorDto } from '../api.js';
import { useGoalOptions } from '../queries.js';
import { useSettings } from '../../organization/queries.js';

export const useInvalidate = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
};

/** "2025=60" lines → targets; "3=Genomförd" lines → scale levels. */
const pairs = (text: string | null | undefined) =>
  lines(text).map((l) => l.split('=').map((x) => x.trim()) as [string, string]);

export function GoalDialog({
  goal,
  onClose,
  onSaved,
}: {
  goal?: GoalDto | null;
  onClose: () => void;
  onSaved?: (g: GoalDto) => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const levels = useEnumOptions(GOAL_LEVELS, 'goalLevel');
  const forms = useEnumOptions(GOAL_FORMS, 'goalForm');
  const all = useGoalOptions();
  const goalOptions = (all.data?.items ?? [])
    .filter((g) => g.id !== goal?.id)
    .map((g) => ({ value: g.id, label: `${g.ownerUnitName}: ${g.title}` }));
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      level: v.level,
      form: v.form,
      ownerUnitId: v.ownerUnitId,
      title: v.title ?? '',
      text: v.text,
      validFrom: v.validFrom ?? '',
      validTo: v.validTo,
      adoptedByDecisionId: v.adoptedByDecisionId,
      tags: (v.tags ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      parentGoalIds: v.parentGoalId ? [v.parentGoalId] : [],
      succeedsGoalId: v.succeedsGoalId,
    });
    const patch = goal ? changes(body) : null;
    const saved = goal
      ? patch
        ? await goalsApi.updateGoal(goal.id, { ...patch, version: goal.version })
        : goal
      : await goalsApi.createGoal(body(v));
    await invalidate();
    onSaved?.(saved);
  }, onClose);
  return (
    <Dialog title={goal ? t('goals.edit') : t('goals.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('goals.goal')}
          name="title"
          defaultValue={goal?.title ?? ''}
          required
          error={fe.title}
        />
        <div className="row">
          <SelectField
            label={t('goals.level')}
            name="level"
            defaultValue={goal?.level ?? 'result'}
            options={levels}
            required
            error={fe.level}
          />
          <SelectField
            label={t('goals.form')}
            name="form"
            defaultValue={goal?.form ?? 'goal'}
            options={forms}
            error={fe.form}
          />
        </div>
        <UnitSelect
          label={t('goals.owner')}
          name="ownerUnitId"
          defaultValue={goal?.ownerUnitId ?? ''}
          required
          emptyLabel="—"
          error={fe.ownerUnitId}
        />
        <div className="row">
          <TextField
            label={t('goals.validFrom')}
            name="validFrom"
            type="date"
            defaultValue={goal?.validFrom ?? `${new Date().getFullYear()}-01-01`}
            required
            error={fe.validFrom}
          />
          <TextField
            label={t('goals.validTo')}
            name="validTo"
            type="date"
            defaultValue={goal?.validTo ?? ''}
            error={fe.validTo}
          />
        </div>
        <TextField
          label={t('goals.tags')}
          name="tags"
          defaultValue={(goal?.tags ?? ['digitalisering']).join(', ')}
          error={fe.tags}
        />
        <SelectField
          label={t('goals.parents')}
          name="parentGoalId"
          defaultValue={goal?.parentGoalIds[0] ?? ''}
          emptyLabel="—"
          options={goalOptions}
          error={fe.parentGoalIds}
        />
        <SelectField
          label={t('goals.succeeds')}
          name="succeedsGoalId"
          defaultValue={goal?.succeedsGoalId ?? ''}
          emptyLabel="—"
          options={goalOptions}
          error={fe.succeedsGoalId}
        />
        <DecisionSelect
          label={t('goals.adoptedBy')}
          name="adoptedByDecisionId"
          defaultValue={goal?.adoptedByDecisionId ?? ''}
          error={fe.adoptedByDecisionId}
        />
        <TextArea
          label={t('goals.text')}
          name="text"
          defaultValue={goal?.text ?? ''}
          error={fe.text}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function IndicatorDialog({
  goalId,
  indicator,
  onClose,
}: {
  goalId: string;
  indicator?: IndicatorDto | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const kinds = useEnumOptions(INDICATOR_KINDS, 'indicatorKind');
  const directions = useEnumOptions(DIRECTIONS, 'direction');
  const sources = useEnumOptions(DATA_SOURCES, 'dataSource');
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      name: v.name ?? '',
      description: v.description,
      unit: v.unit,
      direction: v.direction,
      baseline: num(v.baseline),
      baselineOn: v.baselineOn,
      targets: pairs(v.targets).map(([year, value]) => ({ year: Number(year), value: num(value) })),
      scale: pairs(v.scale).map(([level, label]) => ({ level: Number(level), label: label ?? '' })),
      dataSource: v.dataSource,
      dataSourceText: v.dataSourceText,
      measuresDigitalisation: v.measuresDigitalisation === 'on',
    });
    if (indicator) {
      const patch = changes(body);
      if (patch)
        await goalsApi.updateIndicator(indicator.id, { ...patch, version: indicator.version });
    } else await goalsApi.createIndicator({ ...body(v), goalId, kind: v.kind });
    await invalidate();
  }, onClose);
  return (
    <Dialog
      title={indicator ? `${t('common.edit')}: ${indicator.name}` : t('goals.newIndicator')}
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('goals.indicatorName')}
          name="name"
          defaultValue={indicator?.name ?? ''}
          required
          error={fe.name}
        />
        <div className="row">
          {indicator ? null : (
            <SelectField
              label={t('goals.kind')}
              name="kind"
              defaultValue="quantitative"
              options={kinds}
              error={fe.kind}
            />
          )}
          <SelectField
            label={t('goals.direction')}
            name="direction"
            defaultValue={indicator?.direction ?? 'higher'}
            emptyLabel="—"
            options={directions}
            error={fe.direction}
          />
          <TextField
            label={t('goals.unit')}
            name="unit"
            defaultValue={indicator?.unit ?? ''}
            error={fe.unit}
          />
        </div>
        <div className="row">
          <TextField
            label={t('goals.baseline')}
            name="baseline"
            inputMode="decimal"
            defaultValue={indicator?.baseline ?? ''}
            error={fe.baseline}
          />
          <TextField
            label={t('goals.baselineOn')}
            name="baselineOn"
            type="date"
            defaultValue={indicator?.baselineOn ?? ''}
            error={fe.baselineOn}
          />
        </div>
        <TextArea
          label={t('goals.targets')}
          name="targets"
          defaultValue={(indicator?.targets ?? []).map((x) => `${x.year}=${x.value}`).join('\n')}
          error={fe.targets ?? Object.entries(fe).find(([k]) => k.startsWith('targets.'))?.[1]}
        />
        <TextArea
          label={t('goals.scale')}
          name="scale"
          defaultValue={(indicator?.scale ?? []).map((x) => `${x.level}=${x.label}`).join('\n')}
          error={fe.scale ?? Object.entries(fe).find(([k]) => k.startsWith('scale.'))?.[1]}
        />
        <div className="row">
          <SelectField
            label={t('goals.dataSource')}
            name="dataSource"
            defaultValue={indicator?.dataSource ?? ''}
            emptyLabel="—"
            options={sources}
            error={fe.dataSource}
          />
          <TextField
            label={t('goals.dataSourceText')}
            name="dataSourceText"
            defaultValue={indicator?.dataSourceText ?? ''}
            error={fe.dataSourceText}
          />
        </div>
        <p className="small muted">{t('goals.quantitativeNeeds')}</p>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="measuresDigitalisation"
              defaultChecked={indicator?.measuresDigitalisation ?? false}
              aria-describedby="measures-hint"
            />{' '}
            {t('goals.measuresDigitalisation')}
          </label>
          <p id="measures-hint" className="small muted">
            {t('goals.measuresDigitalisationHint')}
          </p>
        </div>
        <TextArea
          label={t('common.description')}
          name="description"
          defaultValue={indicator?.description ?? ''}
          error={fe.description}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The periods a region follows up, for the years around now. */
export function usePeriodOptions() {
  const { lang } = useI18n();
  const settings = useSettings();
  const kinds = settings.data?.followUpPeriods ?? ['interim', 'annual'];
  const year = new Date().getFullYear();
  return [year - 2, year - 1, year, year + 1]
    .flatMap((y) => periodsOf(y, kinds))
    .map((p) => ({ value: p, label: periodLabel(p, lang) }));
}

export function OutcomeForm({
  indicators,
  outcomes,
}: {
  indicators: IndicatorDto[];
  outcomes: {
    id: string;
    indicatorId: string;
    periodKey: string;
    unitId: string | null;
    version: number;
  }[];
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const periods = usePeriodOptions();
  const [indicatorId, setIndicatorId] = useState(indicators[0]?.id ?? '');
  const chosen = indicators.find((i) => i.id === indicatorId);
  // A judged indicator's outcome is a level of its scale: pick it by its label.
  const levels =
    chosen?.kind === 'qualitative' && chosen.scale.length
      ? chosen.scale.map((l) => ({ value: String(l.level), label: `${l.level} – ${l.label}` }))
      : null;
  const [saved, setSaved] = useState(false);
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    setSaved(false);
    const existing = outcomes.find(
      (o) => o.indicatorId === v.indicatorId && o.periodKey === v.periodKey && !o.unitId,
    );
    await goalsApi.recordOutcome({
      indicatorId: v.indicatorId,
      periodKey: v.periodKey,
      value: num(v.value),
      comment: v.comment,
      ...(existing ? { version: existing.version } : {}),
    });
    setSaved(true);
    await invalidate();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="outcome-h" role="form">
      <h3 id="outcome-h">{t('goals.recordOutcome')}</h3>
      <ErrorSummary error={error} />
      {saved ? <p role="status">{t('common.saved')}</p> : null}
      <div className="row">
        <SelectField
          label={t('goals.indicatorName')}
          name="indicatorId"
          value={indicatorId}
          onChange={(e) => setIndicatorId(e.target.value)}
          options={indicators.map((i) => ({ value: i.id, label: i.name }))}
          required
          error={fe.indicatorId}
        />
        <SelectField
          label={t('goals.period')}
          name="periodKey"
          defaultValue={
            periods.find(
              (p) =>
                p.value.startsWith(String(new Date().getFullYear() - 1)) && p.value.endsWith('Å'),
            )?.value
          }
          options={periods}
          required
          error={fe.periodKey}
        />
        {levels ? (
          <SelectField
            label={t('goals.value')}
            name="value"
            emptyLabel="—"
            options={levels}
            error={fe.value}
          />
        ) : (
          <TextField
            label={chosen?.unit ? `${t('goals.value')} (${chosen.unit})` : t('goals.value')}
            name="value"
            inputMode="decimal"
            error={fe.value}
          />
        )}
      </div>
      <TextField label={t('goals.comment')} name="comment" error={fe.comment} />
      <FormActions />
    </form>
  );
}

export function AssessmentForm({ goal }: { goal: GoalDto }) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const periods = usePeriodOptions();
  const [periodKey, setPeriodKey] = useState(
    () =>
      periods.find(
        (p) => p.value.startsWith(String(new Date().getFullYear() - 1)) && p.value.endsWith('Å'),
      )?.value ??
      periods[0]?.value ??
      '',
  );
  const suggestion = useQuery({
    queryKey: ['suggestion', goal.id, periodKey],
    queryFn: () => goalsApi.suggestion(goal.id, periodKey),
    enabled: Boolean(periodKey),
  });
  const existing = useQuery({
    queryKey: ['assessments', goal.id],
    queryFn: () => goalsApi.assessments(goal.id),
  });
  const current = existing.data?.items.find((a) => a.periodKey === periodKey);
  const options = ASSESSMENTS.map((a) => ({ value: a, label: t(`assessment.${a}` as MessageKey) }));
  const [saved, setSaved] = useState(false);
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    setSaved(false);
    await goalsApi.assess({
      goalId: goal.id,
      periodKey,
      assessment: v.assessment,
      status: v.status ?? 'final',
      justification: v.justification,
      overrideReason: v.overrideReason,
      ...(current ? { version: current.version } : {}),
    });
    setSaved(true);
    await invalidate();
  });
  const s = suggestion.data?.assessment;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="card"
      aria-labelledby="assess-h"
      role="form"
      key={`${periodKey}-${current?.version ?? 0}`}
    >
      <h3 id="assess-h">{t('goals.assess')}</h3>
      <ErrorSummary error={error} />
      {saved ? <p role="status">{t('common.saved')}</p> : null}
      <SelectField
        label={t('goals.period')}
        name="periodKey"
        value={periodKey}
        onChange={(e) => setPeriodKey(e.target.value)}
        options={periods}
      />
      <p aria-live="polite">
        {s ? (
          <Badge tone={s === 'met' ? 'ok' : s === 'partly' ? 'warn' : 'bad'}>
            {t('goals.suggested', { value: t(`assessment.${s}` as MessageKey) })}
          </Badge>
        ) : (
          <span className="muted">{t('goals.noSuggestion')}</span>
        )}
      </p>
      <SelectField
        label={t('goals.assessment')}
        name="assessment"
        defaultValue={current?.assessment ?? s ?? 'partly'}
        options={options}
        required
        error={fe.assessment}
      />
      <SelectField
        label={t('goals.status')}
        name="status"
        defaultValue={current?.status ?? 'final'}
        options={ASSESSMENT_STATUSES.map((a) => ({
          value: a,
          label: t(`assessmentStatus.${a}` as MessageKey),
        }))}
        error={fe.status}
      />
      <p className="small muted">{t('goals.statusHint')}</p>
      <TextArea
        label={t('goals.justification')}
        name="justification"
        defaultValue={current?.justification ?? ''}
        hint={t('goals.justificationHint')}
        error={fe.justification}
      />
      <TextArea
        label={t('goals.overrideReason')}
        name="overrideReason"
        defaultValue={current?.overrideReason ?? ''}
        error={fe.overrideReason}
      />
      <FormActions />
    </form>
  );
}
