/**
 * What makes a password too easy to guess besides its length (10 characters, the schema's floor):
 * it is one of the most common passwords, or one with digits or signs added at the start or the
 * end ("password2024!"), or a word repeated ("qwertyqwerty"), or few different characters, or the
 * person's own e-mail, name or region. `common` holds lower-case entries (a server loads the list).
 */
export type PasswordProblem = 'auth.passwordCommon' | 'auth.passwordPersonal';

const compact = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/gu, '');

/** The password and what remains once the usual decorations are taken off. */
function cores(password: string): string[] {
  const p = compact(password);
  const found = new Set([p]);
  const trimmed = p.replace(/^[\d\W_]+/u, '').replace(/[\d\W_]+$/u, '');
  if (trimmed) found.add(trimmed);
  for (const s of [...found])
    for (let len = 1; len <= s.length / 2; len++)
      if (s.length % len === 0 && s.slice(0, len).repeat(s.length / len) === s) {
        found.add(s.slice(0, len));
        break;
      }
  return [...found];
}

export function passwordProblem(
  password: string,
  common: ReadonlySet<string>,
  personal: readonly (string | null | undefined)[] = [],
): PasswordProblem | null {
  const candidates = cores(password);
  const own = new Set<string>();
  for (const value of personal) {
    if (!value) continue;
    own.add(compact(value));
    const local = value.split('@')[0];
    if (local && local !== value) own.add(compact(local));
  }
  if (candidates.some((c) => own.has(c))) return 'auth.passwordPersonal';
  if (new Set(compact(password)).size < 4) return 'auth.passwordCommon';
  if (candidates.some((c) => common.has(c))) return 'auth.passwordCommon';
  return null;
}
