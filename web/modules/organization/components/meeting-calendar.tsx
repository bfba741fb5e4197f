import { useState, type FormEvent } from 'react';
import {
  Dialog,
  ErrorSummary,
  FormActions,
  TextArea,
  TextField,
} from '../../../platform/components.js';
import { formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { formValues } from '../../../platform/use-form.js';
import { orgApi } from '../api.js';
import { parseCalendarDates } from '../calendar-dates.js';
import { useInvalidateOrg } from './units.js';

/** Enter a body's (or forum's) meeting calendar at once: planned meetings, each a date. */
export function MeetingCalendarDialog({
  holder,
  onClose,
}: {
  holder: { forumId: string } | { bodyUnitId: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ created: number; skipped: number } | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    const parsed = parseCalendarDates(v.dates ?? '');
    const local =
      'line' in parsed
        ? t('org.calendar.notDate', { line: parsed.line, text: parsed.text })
        : parsed.dates.length === 0
          ? t('org.calendar.none')
          : parsed.dates.length > 60
            ? t('org.calendar.tooMany', { n: parsed.dates.length })
            : null;
    setProblem(local);
    setError(null);
    if (local || 'line' in parsed) return;
    const title = v.title;
    void orgApi
      .createMeetingCalendar({ ...holder, dates: parsed.dates, title: title || null })
      .then(async (r) => {
        setResult({ created: r.items.length, skipped: r.skipped });
        await invalidate();
      }, setError);
  };
  const createdKey: MessageKey =
    result?.created === 1 ? 'org.calendar.createdOne' : 'org.calendar.createdMany';
  return (
    <Dialog title={t('org.calendar.add')} open onClose={onClose}>
      {result ? (
        <>
          <p role="status">
            {t(createdKey, { n: formatNumber(result.created) })},{' '}
            {t('org.calendar.skipped', { n: formatNumber(result.skipped) })}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={onClose}>
              {t('org.calendar.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary error={problem ?? error} />
          <TextArea
            label={t('org.calendar.dates')}
            hint={t('org.calendar.datesHint')}
            name="dates"
            rows={6}
            required
            error={problem ?? undefined}
          />
          <TextField label={t('org.calendar.title')} name="title" />
          <FormActions submitLabel={t('org.calendar.submit')} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
