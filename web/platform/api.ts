/**
 * The one way the web talks to the API: JSON, the CSRF token on writes, the user's language, and
 * problem+json turned back into a typed error with field messages.
 */
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fields: FieldErrors,
  ) {
    super(detail || title);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};
let lang: 'sv' | 'en' = 'sv';
export const setApiLanguage = (l: 'sv' | 'en') => {
  lang = l;
};
let onUnauthenticated: () => void = () => {};
export const setOnUnauthenticated = (fn: () => void) => {
  onUnauthenticated = fn;
};

type Problem = { title?: string; detail?: string; errors?: { path: string; message: string }[] };

export async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  init: { form?: FormData } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': lang, accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (init.form) payload = init.form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const newToken = res.headers.get('x-csrf-token');
  if (newToken) csrfToken = newToken;
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const data: unknown = isJson ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (isJson ? data : {}) as Problem;
    if (
      res.status === 401 &&
      !url.includes('/api/auth/login') &&
      !url.endsWith('/api/auth/password')
    )
      onUnauthenticated();
    throw problemError(res.status, res.statusText, p);
  }
  return data as T;
}

/**
 * A long upload that answers with NDJSON lines (progress, then a result or a problem). Each line is
 * handed to `onLine` as it arrives; a problem line, or a problem answer before the stream, throws.
 */
export async function uploadStream<T>(
  url: string,
  form: FormData,
  onLine: (line: Record<string, unknown>) => void,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'accept-language': lang, accept: 'application/x-ndjson', 'x-csrf-token': csrfToken },
    body: form,
    credentials: 'same-origin',
  });
  const newToken = res.headers.get('x-csrf-token');
  if (newToken) csrfToken = newToken;
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('ndjson') || !res.body) {
    const p = (
      (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : {}
    ) as Problem;
    throw problemError(res.status, res.statusText, p);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result: T | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
      buffer = buffer.slice(nl + 1);
      if (line.problem) {
        const p = line.problem as Problem & { status?: number };
        throw problemError(p.status ?? 400, p.title ?? '', p);
      }
      if ('result' in line) result = line.result as T;
      onLine(line);
    }
    if (done) break;
  }
  if (result === undefined) throw new ApiError(500, res.statusText, '', {});
  return result;
}

/** A POST whose answer is a file (a workbook built from an upload): saved under `filename`. */
export async function downloadPost(url: string, form: FormData, filename: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'accept-language': lang, 'x-csrf-token': csrfToken },
    body: form,
    credentials: 'same-origin',
  });
  const newToken = res.headers.get('x-csrf-token');
  if (newToken) csrfToken = newToken;
  if (!res.ok) {
    const p = (
      (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : {}
    ) as Problem;
    throw problemError(res.status, res.statusText, p);
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

function problemError(status: number, fallbackTitle: string, p: Problem) {
  const fields: FieldErrors = {};
  for (const e of p.errors ?? [])
    fields[e.path || '_'] = fields[e.path || '_']
      ? `${fields[e.path || '_']} ${e.message}`
      : e.message;
  return new ApiError(status, p.title ?? fallbackTitle, p.detail ?? '', fields);
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: (url: string) => request<void>('DELETE', url),
  upload: <T>(url: string, form: FormData) => request<T>('POST', url, undefined, { form }),
};

/** Query string from an object, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
