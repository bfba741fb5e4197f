import { useCallback, useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from './components.js';

/** Empty form strings become null, so "no value" is sent as such and never as "". */
export function formValues(form: HTMLFormElement): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of new FormData(form).entries())
    if (typeof v === 'string') out[k] = v.trim() === '' ? null : v.trim();
  return out;
}

/** A number as a Swedish user types it ("1 250,5"), or null when empty. Not a number stays NaN, for the API to refuse. */
export const num = (v: string | null | undefined) =>
  v == null || v === '' ? null : Number(v.replace(/\s/g, '').replace(',', '.'));

/** A textarea's non-empty lines, trimmed. */
export const lines = (s: string | null | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export type FormValues = Record<string, string | null>;

/** What a form holds at one moment: its values as `formValues` reads them, and the raw data. */
export type FormRead = { values: Record<string, string | null>; data: FormData };

/** A form's body, built from what the form holds (the same function for the opened and the sent form). */
export type BodyBuilder<B> = (values: FormValues, data: FormData) => B;

// NaN (a number the user typed that is not one) must differ from null, which JSON would make it.
const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && Number.isNaN(x) ? 'NaN' : x));

/**
 * The fields of `now` whose value differs from `before` (compared as JSON, so arrays and objects
 * compare by content). An update sends only these, so a field the user never touched is never
 * written, whatever the form showed for it.
 */
export function changedFields<B extends Record<string, unknown>>(before: B, now: B): Partial<B> {
  const out: Partial<B> = {};
  for (const k of Object.keys(now) as (keyof B)[])
    if (canonical(before[k]) !== canonical(now[k])) out[k] = now[k];
  return out;
}

/** The tools an action gets beside the values: `changes(build)` is the body of an update. */
export type FormTools = {
  /**
   * The fields `build` gives differently for the sent form than for the form as it opened, or null
   * when nothing changed (then there is nothing to send).
   */
  changes: <B extends Record<string, unknown>>(build: BodyBuilder<B>) => Partial<B> | null;
};

/**
 * A form's submit: read its values, run the action, and on a problem keep the form as typed and
 * show the API's messages (summary and per field). `onDone` runs after success.
 *
 * An edit form puts `ref={formRef}` on its <form>: the form is read once as it opens (its
 * defaults), and `changes(build)` in the action compares that with the form as sent, so the
 * update carries only what the user changed (plus the version the caller adds).
 */
export function useFormAction(
  action: (
    values: Record<string, string | null>,
    data: FormData,
    tools: FormTools,
  ) => Promise<unknown>,
  onDone?: () => void,
) {
  const [error, setError] = useState<unknown>(null);
  const opened = useRef<{ form: HTMLFormElement; read: FormRead } | null>(null);
  // A stable callback: React calls it when the form mounts (and again when a new form mounts).
  const formRef = useCallback((form: HTMLFormElement | null) => {
    if (form && opened.current?.form !== form) opened.current = { form, read: readForm(form) };
  }, []);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const now = readForm(e.currentTarget);
    const before = opened.current?.form === e.currentTarget ? opened.current.read : null;
    const tools: FormTools = {
      changes: (build) => {
        if (!before) throw new Error('changes() needs ref={formRef} on the form');
        const changed = changedFields(
          build(before.values, before.data),
          build(now.values, now.data),
        );
        return Object.keys(changed).length > 0 ? changed : null;
      },
    };
    void action(now.values, now.data, tools).then(
      () => {
        setError(null);
        onDone?.();
      },
      (err: unknown) => setError(err),
    );
  };
  return { error, fe: fieldErrors(error), onSubmit, formRef, clearError: () => setError(null) };
}

function readForm(form: HTMLFormElement): FormRead {
  return { values: formValues(form), data: new FormData(form) };
}
