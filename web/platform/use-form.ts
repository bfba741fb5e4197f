import { useState, type FormEvent } from 'react';
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

/**
 * A form's submit: read its values, run the action, and on a problem keep the form as typed and
 * show the API's messages (summary and per field). `onDone` runs after success.
 */
export function useFormAction(
  action: (values: Record<string, string | null>, data: FormData) => Promise<unknown>,
  onDone?: () => void,
) {
  const [error, setError] = useState<unknown>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    void action(values, new FormData(e.currentTarget)).then(
      () => {
        setError(null);
        onDone?.();
      },
      (err: unknown) => setError(err),
    );
  };
  return { error, fe: fieldErrors(error), onSubmit, clearError: () => setError(null) };
}
