import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ADOPTION_LEVELS,
  DOCUMENT_STATES,
  DOCUMENT_TYPES,
} from '../../../../domain/documents/document.js';
import {
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { num, useFormAction, type FormValues } from '../../../platform/use-form.js';
import { DecisionSelect } from '../../organization/components/decisions.js';
import { UnitSelect } from '../../organization/components/units.js';
import { useGoalOptions } from '../../goals/queries.js';
import { documentsApi, type DocumentDto } from '../api.js';

export function DocumentDialog({
  doc,
  onClose,
  onSaved,
}: {
  doc?: DocumentDto | null;
  onClose: () => void;
  onSaved?: (d: DocumentDto) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const states = useEnumOptions(DOCUMENT_STATES, 'docState');
  const levels = useEnumOptions(ADOPTION_LEVELS, 'adoptionLevel');
  const goals = useGoalOptions();
  const others = useQuery({
    queryKey: ['documents', 'options'],
    queryFn: () => documentsApi.list({ limit: 200 }),
  });
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      title: v.title ?? '',
      type: v.type ?? '',
      state: v.state,
      ownerUnitId: v.ownerUnitId,
      adoptedByUnitId: v.adoptedByUnitId,
      adoptionDecisionId: v.adoptionDecisionId,
      adoptionLevel: v.adoptionLevel,
      adoptedOn: v.adoptedOn,
      validFrom: v.validFrom,
      validTo: v.validTo,
      reviewOn: v.reviewOn,
      supersededById: v.supersededById,
      goalIds: v.goalId ? [v.goalId] : [],
      description: v.description,
      followUpText: v.followUpText,
      followUpsPerYear: num(v.followUpsPerYear),
      followUpWhen: v.followUpWhen,
    });
    const patch = doc ? changes(body) : null;
    const saved = doc
      ? patch
        ? await documentsApi.update(doc.id, { ...patch, version: doc.version })
        : doc
      : await documentsApi.create(body(v));
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    onSaved?.(saved);
  }, onClose);
  return (
    <Dialog title={doc ? t('docs.edit') : t('docs.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('decision.titleField')}
          name="title"
          defaultValue={doc?.title ?? ''}
          required
          error={fe.title}
        />
        <div className="row">
          <TextField
            label={t('docs.type')}
            name="type"
            list="doc-types"
            defaultValue={doc?.type ?? 'strategi'}
            required
            error={fe.type}
          />
          <datalist id="doc-types">
            {DOCUMENT_TYPES.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
          <SelectField
            label={t('docs.state')}
            name="state"
            defaultValue={doc?.state ?? 'draft'}
            options={states}
            required
            error={fe.state}
          />
        </div>
        <UnitSelect
          label={t('docs.owner')}
          name="ownerUnitId"
          defaultValue={doc?.ownerUnitId ?? ''}
          required
          emptyLabel="—"
          error={fe.ownerUnitId}
        />
        <div className="row">
          <UnitSelect
            label={t('docs.adoptedBy')}
            name="adoptedByUnitId"
            defaultValue={doc?.adoptedByUnitId ?? ''}
            emptyLabel={t('docs.unknown')}
            error={fe.adoptedByUnitId}
          />
          <SelectField
            label={t('docs.adoptionLevel')}
            name="adoptionLevel"
            defaultValue={doc?.adoptionLevel ?? 'unknown'}
            options={levels}
            error={fe.adoptionLevel}
          />
        </div>
        <DecisionSelect
          label={t('docs.adoptionDecision')}
          name="adoptionDecisionId"
          defaultValue={doc?.adoptionDecisionId ?? ''}
          error={fe.adoptionDecisionId}
        />
        <div className="row">
          <TextField
            label={t('docs.adoptedOn')}
            name="adoptedOn"
            type="date"
            defaultValue={doc?.adoptedOn ?? ''}
            error={fe.adoptedOn}
          />
          <TextField
            label={t('docs.reviewOn')}
            name="reviewOn"
            type="date"
            defaultValue={doc?.reviewOn ?? ''}
            error={fe.reviewOn}
          />
        </div>
        <div className="row">
          <TextField
            label={t('docs.validFrom')}
            name="validFrom"
            type="date"
            defaultValue={doc?.validFrom ?? ''}
            error={fe.validFrom}
          />
          <TextField
            label={t('docs.validTo')}
            name="validTo"
            type="date"
            defaultValue={doc?.validTo ?? ''}
            error={fe.validTo}
          />
        </div>
        <fieldset>
          <legend>{t('docs.followUp')}</legend>
          <TextArea
            label={t('docs.followUpText')}
            name="followUpText"
            defaultValue={doc?.followUpText ?? ''}
            hint={t('docs.followUpHint')}
            error={fe.followUpText}
          />
          <div className="row">
            <TextField
              label={t('docs.followUpsPerYear')}
              name="followUpsPerYear"
              type="number"
              min={1}
              max={52}
              step={1}
              inputMode="numeric"
              defaultValue={doc?.followUpsPerYear ?? ''}
              error={fe.followUpsPerYear}
            />
            <TextField
              label={t('docs.followUpWhen')}
              name="followUpWhen"
              defaultValue={doc?.followUpWhen ?? ''}
              error={fe.followUpWhen}
            />
          </div>
        </fieldset>
        <SelectField
          label={t('docs.goals')}
          name="goalId"
          defaultValue={doc?.goalIds[0] ?? ''}
          emptyLabel="—"
          options={(goals.data?.items ?? []).map((g) => ({
            value: g.id,
            label: `${g.ownerUnitName}: ${g.title}`,
          }))}
          error={fe.goalIds}
        />
        <SelectField
          label={t('docs.supersededBy')}
          name="supersededById"
          defaultValue={doc?.supersededById ?? ''}
          emptyLabel="—"
          options={(others.data?.items ?? [])
            .filter((d) => d.id !== doc?.id)
            .map((d) => ({ value: d.id, label: d.title }))}
          error={fe.supersededById}
        />
        <TextArea
          label={t('common.description')}
          name="description"
          defaultValue={doc?.description ?? ''}
          error={fe.description}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
