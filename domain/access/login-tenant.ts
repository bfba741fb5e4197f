/**
 * Which tenant a login means, when one installation serves several (a county's municipalities):
 * the same e-mail may be a person in two tenants. A slug in the URL (`/t/<slug>`, `?tenant=`)
 * names the tenant; without one, the only tenant the e-mail is in, or else the one whose e-mail
 * domains include the address's domain. A disabled tenant is chosen only when nothing else fits.
 */
export type LoginCandidate = {
  tenantSlug: string;
  emailDomains: readonly string[];
  tenantDisabled: boolean;
};

export type LoginChoice<C> =
  { kind: 'one'; login: C } | { kind: 'none' } | { kind: 'ambiguous'; logins: C[] };

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

function among<C extends LoginCandidate>(candidates: C[], email: string): LoginChoice<C> {
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length === 1) return { kind: 'one', login: candidates[0]! };
  const domain = domainOf(email);
  const byDomain = candidates.filter((c) => c.emailDomains.includes(domain));
  if (byDomain.length === 1) return { kind: 'one', login: byDomain[0]! };
  return { kind: 'ambiguous', logins: byDomain.length > 1 ? byDomain : candidates };
}

export function chooseLogin<C extends LoginCandidate>(
  candidates: C[],
  email: string,
  slug?: string,
): LoginChoice<C> {
  const named = slug ? candidates.filter((c) => c.tenantSlug === slug) : candidates;
  const active = among(
    named.filter((c) => !c.tenantDisabled),
    email,
  );
  return active.kind === 'none' ? among(named, email) : active;
}

/** An e-mail domain as stored: lower case, no `@`, at least one dot. */
export const EMAIL_DOMAIN =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
