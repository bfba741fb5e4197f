/**
 * The tenant a login is for, on an installation serving several: `/t/<slug>` in the path or
 * `?tenant=<slug>` in the query (the server otherwise decides by the e-mail's domain).
 */
export function tenantSlugOf(location: { pathname: string; search: string }): string | null {
  const inPath = /^\/t\/([a-z0-9-]{1,60})(?:\/|$)/.exec(location.pathname)?.[1];
  if (inPath) return inPath;
  const inQuery = new URLSearchParams(location.search).get('tenant');
  return inQuery && /^[a-z0-9-]{1,60}$/.test(inQuery) ? inQuery : null;
}

/** The login URL, with the tenant when the address names one. */
export const loginUrlFor = (location: { pathname: string; search: string }) => {
  const slug = tenantSlugOf(location);
  return slug ? `/api/auth/login?tenant=${encodeURIComponent(slug)}` : '/api/auth/login';
};
