import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem } from '../../../domain/access/password-rules.js';
import { invalid } from '../../../domain/shared/errors.js';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1), the OWASP-recommended minimum.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hash('not-a-real-password-0000'));

let common: ReadonlySet<string> | null = null;
/** The shipped list of common passwords (common-passwords.txt), read once. */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    common = new Set(
      text
        .split('\n')
        .map((l) => l.trim().normalize('NFC').toLowerCase())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return common;
}

/**
 * Refuses, as a field error at `path`, a password that is common or the person's own e-mail,
 * name or region (domain/access/password-rules.ts). Every place a password is set calls this.
 */
export function assertAcceptablePassword(
  password: string,
  path: string,
  personal: readonly (string | null | undefined)[],
) {
  const problem = passwordProblem(password, commonPasswords(), personal);
  if (problem) throw invalid('errors.validation', [{ path, key: problem }]);
}
