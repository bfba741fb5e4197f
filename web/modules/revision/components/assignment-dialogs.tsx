import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Dialog,
  EmptyState,
  ErrorSummary,
  FormActions,
  LoadError,
  Loading,
  SelectField,
  TextField,
} from '../../../platform/components.js';
import { formatDate, useI18n, type Lang } from '../../../platform/i18n.js';
import { useFormAction } from '../../../platform/use-form.js';
import { useBoardOptions } from '../../organization/components/units.js';
import type { AssignmentDto } from '../api.js';
import { assignmentsApi, type ChainStepDto, type ReportBackPatch } from '../api-assignments.js';

const useInvalidateAll = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
};

/** "RSAU 2026-11-10 § 31 → RS 2026-12-01 § 12". */
export const chainText = (chain: readonly ChainStepDto[]) =>
  chain.map((s) => s.reference).join(' → ');

/** "januari 2027" (sv) or "January 2027" (en), from YYYY-MM. */
export function monthName(month: string, lang: Lang) {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'sv-SE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A Swedish genitive: "Regionstyrelsen" → "Regionstyrelsens"; a name ending in s, x or z keeps its form. */
export const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** Move a proposed assignment to the decision later in its chain that adopted it. */
export function AdoptDialog({
  assignment,
  onClose,
}: {
  assignment: AssignmentDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateAll();
  const candidates = useQuery({
    queryKey: ['adoption-candidates', assignment.id],
    queryFn: () => assignmentsApi.adoptionCandidates(assignment.id),
  });
  const { error, onSubmit } = useFormAction(async (v) => {
    await assignmentsApi.adopt(assignment.id, {
      version: assignment.version,
      decisionId: v.decisionId ?? null,
    });
    await invalidate();
  }, onClose);
  const items = candidates.data?.items ?? [];
  return (
    <Dialog
      title={t('rev.asg.adoptFor', { title: assignment.title.slice(0, 60) })}
      open
      onClose={onClose}
    >
      <p>
        {assignment.chain.length
          ? t('rev.asg.adoptIntro', { from: chainText(assignment.chain) })
          : t('rev.asg.adoptIntroNoDecision')}
      </p>
      {candidates.isLoading ? (
        <Loading />
      ) : candidates.error ? (
        <LoadError error={candidates.error} />
      ) : items.length === 0 ? (
        <>
          <EmptyState>{t('rev.asg.noCandidates')}</EmptyState>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary error={error} />
          <fieldset className="field">
            <legend>
              {t('rev.asg.adoptingDecision')}{' '}
              <span className="field__req">({t('common.required')})</span>
            </legend>
            {items.map((d, i) => (
              <label key={d.id} className="checkbox">
                <input
                  type="radio"
                  name="decisionId"
                  value={d.id}
                  defaultChecked={items.length === 1 && i === 0}
                  required
                />{' '}
                {d.reference}
                {d.title && d.title !== d.reference ? ` – ${d.title}` : ''}
              </label>
            ))}
          </fieldset>
          <FormActions submitLabel={t('rev.asg.adoptSubmit')} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}

type Kind = AssignmentDto['reportBack'];

/** Change how an assignment is reported back: a date, a body's meeting in a month, or not at all. */
export function ReportBackEditDialog({
  assignment,
  onClose,
}: {
  assignment: AssignmentDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateAll();
  const boards = useBoardOptions();
  const [kind, setKind] = useState<Kind>(assignment.reportBack);
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    const body: ReportBackPatch = { version: assignment.version, reportBack: kind };
    if (kind === 'date') body.reportBackOn = v.reportBackOn ?? null;
    if (kind === 'meeting') {
      body.reportBackMeetingRef =
        v.meetingBodyId && v.meetingMonth
          ? { bodyId: v.meetingBodyId, month: v.meetingMonth }
          : null;
      body.reportBackMeeting = v.reportBackMeeting ?? null;
    }
    await assignmentsApi.updateReportBack(assignment.id, body);
    await invalidate();
  }, onClose);
  const kinds: Kind[] = ['date', 'meeting', 'none'];
  const ref = assignment.reportBackMeetingRef;
  return (
    <Dialog
      title={t('rev.asg.editReportBackFor', { title: assignment.title.slice(0, 60) })}
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <fieldset className="field">
          <legend>{t('rev.asg.kind')}</legend>
          {kinds.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="radio"
                name="reportBack"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {t(`rev.asg.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'date' ? (
          <TextField
            label={t('rev.asg.date')}
            name="reportBackOn"
            type="date"
            required
            defaultValue={assignment.reportBackOn ?? ''}
            error={fe.reportBackOn}
          />
        ) : null}
        {kind === 'meeting' ? (
          <>
            <SelectField
              label={t('rev.asg.meetingBody')}
              name="meetingBodyId"
              options={boards}
              emptyLabel="—"
              defaultValue={ref?.bodyId ?? ''}
              error={fe['reportBackMeetingRef.bodyId'] ?? fe.reportBackMeetingRef}
            />
            <TextField
              label={t('rev.asg.meetingMonth')}
              hint={t('rev.asg.meetingMonthHint')}
              name="meetingMonth"
              type="month"
              defaultValue={ref?.month ?? ''}
              error={fe['reportBackMeetingRef.month']}
            />
            <TextField
              label={t('rev.asg.meetingText')}
              name="reportBackMeeting"
              defaultValue={assignment.reportBackMeeting ?? ''}
              error={fe.reportBackMeeting}
            />
          </>
        ) : null}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The report-back in words: "Vid Regionstyrelsens sammanträde januari 2027", then its date. */
export function ReportBackCell({ a }: { a: AssignmentDto }) {
  const { t, lang } = useI18n();
  if (a.reportBack === 'none') return <>{t('rev.asg.kind.none')}</>;
  if (a.reportBack === 'date') return <span className="nowrap">{formatDate(a.reportBackOn)}</span>;
  const ref = a.reportBackMeetingRef;
  const head = ref
    ? a.reportBackMeetingBodyName
      ? t('rev.asg.atMeeting', {
          body: lang === 'sv' ? genitive(a.reportBackMeetingBodyName) : a.reportBackMeetingBodyName,
          month: monthName(ref.month, lang),
        })
      : t('rev.asg.atMeetingNoBody', { month: monthName(ref.month, lang) })
    : (a.reportBackMeeting ?? '—');
  return (
    <>
      {head}
      {ref && a.reportBackMeeting ? (
        <div className="small muted">{t('rev.asg.asWritten', { text: a.reportBackMeeting })}</div>
      ) : null}
      {a.dueOn ? (
        <div className="small nowrap">
          {t('rev.asg.due', { date: formatDate(a.dueOn) })}
          {a.dueResolved ? null : <> ({t('rev.asg.notPlanned')})</>}
        </div>
      ) : null}
    </>
  );
}
