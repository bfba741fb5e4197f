// Talking to a running server as a host administrator: what verify-audit and backup do when the
// embedded database belongs to the server (a second process must not open PGlite's folder).
import { fail, readPassword } from './prompt.js';

export type HostSession = {
  get: (path: string) => Promise<Response>;
  close: () => Promise<void>;
};

const problemText = async (res: Response) => {
  try {
    const p = (await res.json()) as { detail?: string; title?: string };
    return p.detail ?? p.title ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
};

/**
 * Logs in as a host administrator: the e-mail from --email or STYRBORD_HOST_EMAIL, the password
 * from STYRBORD_HOST_PASSWORD or standard input (a line, or a hidden prompt on a terminal).
 */
export async function hostSession(url: string, email: string | undefined): Promise<HostSession> {
  const base = url.replace(/\/+$/, '');
  const who = email ?? process.env.STYRBORD_HOST_EMAIL;
  if (!who)
    fail(
      'Ange värdadministratörens e-post med --email (eller STYRBORD_HOST_EMAIL).\n' +
        "Give the host administrator's e-mail with --email (or STYRBORD_HOST_EMAIL).",
      2,
    );
  const password =
    process.env.STYRBORD_HOST_PASSWORD ?? (await readPassword(`Lösenord för ${who}: `));
  let res: Response;
  try {
    res = await fetch(`${base}/api/host/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      body: JSON.stringify({ email: who, password }),
    });
  } catch (err) {
    fail(
      `Servern på ${base} svarar inte (${(err as Error).message}).\n` +
        `The server at ${base} does not answer.`,
    );
  }
  if (res.status !== 200) fail(`Inloggningen nekades / login refused: ${await problemText(res)}`);
  const cookie = (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const get = async (path: string) => {
    const answer = await fetch(`${base}${path}`, {
      headers: { cookie, 'accept-language': 'sv' },
    });
    if (!answer.ok) fail(`${path}: ${await problemText(answer)}`);
    return answer;
  };
  return {
    get,
    close: async () => {
      await fetch(`${base}/api/host/logout`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
      }).catch(() => undefined);
    },
  };
}
