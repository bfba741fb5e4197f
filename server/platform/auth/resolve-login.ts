import { chooseLogin } from '../../../domain/access/login-tenant.js';
import { conflict, notAllowed } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { dummyHash, verifyPassword } from './password.js';
import type { IdentityProvider } from './plugin.js';

/**
 * The person a login means, or null for wrong credentials. The tenant comes from the slug
 * (`?tenant=`), or the only tenant the e-mail can log in to, or the one whose e-mail domains
 * include the address's (domain/access/login-tenant.ts). An e-mail in several tenants with no way
 * to tell is answered only once the password fits one of them, so the answer reveals nothing to
 * someone without a password; a disabled tenant likewise only to its own people.
 */
export async function resolveLogin(
  db: Db,
  identity: IdentityProvider,
  input: { email: string; password: string; slug?: string | undefined },
) {
  const candidates = (await identity.findLogins(db, input.email)).filter((c) => c.canLogIn);
  const choice = chooseLogin(candidates, input.email, input.slug);
  if (choice.kind === 'none') {
    await verifyPassword(await dummyHash(), `${input.password}x`);
    return null;
  }
  if (choice.kind === 'ambiguous') {
    for (const login of choice.logins)
      if (await verifyPassword(login.passwordHash, input.password))
        throw conflict('auth.tenantAmbiguous');
    return null;
  }
  const login = choice.login;
  if (!(await verifyPassword(login.passwordHash, input.password))) return null;
  if (login.tenantDisabled) throw notAllowed('auth.tenantDisabled');
  // Said only to whoever knows the password, so it reveals nothing to a guesser.
  if (!login.localPasswords) throw notAllowed('auth.localPasswordsOff');
  return login;
}
