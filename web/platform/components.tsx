import {
  useEffect,
  useId,
  useRef,
  type ReactNode,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError, type FieldErrors } from './api.js';
import type { PageOf } from '../../domain/shared/schemas.js';
import { useI18n, formatNumber, type MessageKey } from './i18n.js';

/** A labelled field with its hint and error tied to the input for screen readers. */
export function Field({
  label,
  error,
  hint,
  required,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  children: (props: {
    id: string;
    'aria-invalid'?: boolean;
    'aria-describedby'?: string;
    required?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const { t } = useI18n();
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label} {required ? <span className="field__req">({t('common.required')})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(required ? { required: true } : {}),
      })}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  required,
  ...input
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
} & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field
      label={label}
      error={error}
      {...(hint ? { hint } : {})}
      {...(required ? { required } : {})}
    >
      {(p) => <input {...input} {...p} />}
    </Field>
  );
}

/** The file of an import: every import reads Excel (.xlsx) and CSV alike. */
export function SpreadsheetField({
  label,
  onFile,
}: {
  label: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <input
          {...p}
          type="file"
          accept=".xlsx,.csv,text/csv"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  error,
  hint,
  required,
  ...input
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field
      label={label}
      error={error}
      {...(hint ? { hint } : {})}
      {...(required ? { required } : {})}
    >
      {(p) => <textarea rows={3} {...input} {...p} />}
    </Field>
  );
}

/**
 * A select that never loses the value it opened with: while a stored value has no option yet (the
 * options are still loading, or the value is outside the loaded list), it is kept as a "current
 * choice" option, so the form neither shows nor sends an empty value. When the option arrives the
 * select is remounted, so its default is applied again (a browser keeps the first option otherwise).
 */
export function SelectField({
  label,
  error,
  required,
  options,
  emptyLabel,
  ...select
}: {
  label: string;
  error?: string | undefined;
  required?: boolean;
  options: { value: string; label: string }[];
  emptyLabel?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  const wanted = select.value !== undefined ? [] : [select.defaultValue ?? []].flat().map(String);
  const held = wanted.filter((v) => v !== '' && !options.some((o) => o.value === v));
  return (
    <Field label={label} error={error} {...(required ? { required } : {})}>
      {(p) => (
        <select key={`held:${held.join(',')}`} {...select} {...p}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {held.map((v) => (
            <option key={`held-${v}`} value={v}>
              {t('common.currentChoice')}
            </option>
          ))}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The problem an API call gave, at the top of a form, focused so it is read out. */
export function ErrorSummary({ error }: { error: unknown }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const fieldMessages = e ? Object.values(e.fields) : [];
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{e?.detail || messageOf(error)}</strong>
      </p>
      {fieldMessages.length > 0 ? (
        <>
          <p>{t('common.errorSummary')}</p>
          <ul>
            {fieldMessages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : '';

export const fieldErrors = (error: unknown): FieldErrors =>
  error instanceof ApiError ? error.fields : {};

/** A modal dialog on the native <dialog>: focus is trapped and Escape closes it. */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <div className="dialog__head">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={onClose}
          aria-label={t('common.close')}
        >
          ✕
        </button>
      </div>
      {open ? children : null}
    </dialog>
  );
}

/** A form's buttons: submit, and cancel when the form is in a dialog. */
export function FormActions({
  submitLabel,
  onCancel,
}: {
  submitLabel?: string;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn--primary">
        {submitLabel ?? t('common.save')}
      </button>
      {onCancel ? (
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}

export function Badge({
  tone,
  children,
}: {
  tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
  children: ReactNode;
}) {
  const icon = { ok: '✓', warn: '!', bad: '✕', neutral: '•', info: 'i' }[tone];
  return (
    <span className={`badge badge--${tone}`}>
      <span aria-hidden="true">{icon}</span> {children}
    </span>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <div className="alert alert--error" role="alert">
      {t('common.loadError', { message: messageOf(error) })}
    </div>
  );
}

export function Pager({
  total,
  limit,
  offset,
  onChange,
  totalIsLowerBound = false,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  totalIsLowerBound?: boolean;
}) {
  const { t } = useI18n();
  if (total === 0) return null;
  const shownTotal = `${formatNumber(total)}${totalIsLowerBound ? '+' : ''}`;
  return (
    <nav
      className="pager"
      aria-label={t('common.pageOf', {
        from: offset + 1,
        to: Math.min(total, offset + limit),
        total,
      })}
    >
      <button
        type="button"
        className="btn"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('common.previous')}
      </button>
      <span aria-live="polite">
        {t('common.pageOf', {
          from: formatNumber(offset + 1),
          to: formatNumber(Math.min(total, offset + limit)),
          total: shownTotal,
        })}
      </span>
      <button
        type="button"
        className="btn"
        disabled={offset + limit >= total && !totalIsLowerBound}
        onClick={() => onChange(offset + limit)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}

/** A paged list's states in one place: loading, failed, empty, or the rows and the pager. */
/** A page of a list with its pager; `empty` says what an empty list means (else "no matches"). */
export function PagedList<T>({
  list,
  limit,
  offset,
  onOffset,
  children,
  empty,
}: {
  list: { isLoading: boolean; error: unknown; data?: PageOf<T> | undefined };
  limit: number;
  offset: number;
  onOffset: (offset: number) => void;
  children: (items: T[]) => ReactNode;
  empty?: string;
}) {
  const { t } = useI18n();
  if (list.isLoading) return <Loading />;
  if (list.error) return <LoadError error={list.error} />;
  if (!list.data) return null;
  if (list.data.items.length === 0)
    return <EmptyState>{empty ?? t('common.noMatches')}</EmptyState>;
  return (
    <>
      {children(list.data.items)}
      <Pager total={list.data.total} limit={limit} offset={offset} onChange={onOffset} />
    </>
  );
}

/** A table with its column headings, scrolling sideways on a narrow screen. */
export function HeadedTable({ heads, children }: { heads: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {heads.map((h, i) => (
              <th scope="col" key={`${i}-${h}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Links that download the same query as CSV and Excel. */
export function ExportLinks({ url }: { url: string }) {
  const { t, lang } = useI18n();
  const sep = url.includes('?') ? '&' : '?';
  // A download link cannot send Accept-Language, so the language rides in the URL.
  return (
    <span className="export">
      {t('common.export')}:{' '}
      <a href={`${url}${sep}format=csv&lang=${lang}`} download>
        {t('common.exportCsv')}
      </a>{' '}
      ·{' '}
      <a href={`${url}${sep}format=xlsx&lang=${lang}`} download>
        {t('common.exportXlsx')}
      </a>
    </span>
  );
}

export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}

/** Options for a select from an enum's values and their message keys. */
export function useEnumOptions<T extends string>(values: readonly T[], prefix: string) {
  const { t } = useI18n();
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
}
