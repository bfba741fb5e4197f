import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { Email } from '../../../domain/organization/person.js';
import {
  DEFAULT_GROUPS_CLAIM,
  grantsFromGroups,
  isOidcConfigured,
} from '../../../domain/organization/oidc.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import type { Lang } from '../../platform/i18n/messages.js';
import { tenants, type TenantSettings } from '../../platform/tables.js';
import { oidcConfigOf } from './oidc-settings.js';
import { createPerson, setSsoGrants, updatePerson } from './people.service.js';
import { oidcLogins, orgUnits, persons } from './tables.js';

/** A sign-on begun must come back within ten minutes. */
const PENDING_MS = 10 * 60 * 1000;
/** The provider's metadata is read again after this long (keys rotate; a new secret is seen at once). */
const METADATA_MS = 10 * 60 * 1000;
const SCOPE = 'openid email profile';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The provider's configuration per tenant, discovered from its issuer and kept a few minutes. Only
 * a cache: an instance that has none discovers it again, so instances never disagree on state.
 */
const configurations = new Map<string, { until: number; config: Promise<oidc.Configuration> }>();

function configurationOf(s: TenantSettings, now: Date): Promise<oidc.Configuration> {
  const key = sha256(JSON.stringify([s.oidcIssuer, s.oidcClientId, s.oidcClientSecret]));
  const hit = configurations.get(key);
  if (hit && hit.until > now.getTime()) return hit.config;
  const issuer = new URL(s.oidcIssuer!);
  // The settings accept plain http only for a provider on this machine (tests, a local provider).
  const config = oidc.discovery(
    issuer,
    s.oidcClientId!,
    s.oidcClientSecret!,
    undefined,
    issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  configurations.set(key, { until: now.getTime() + METADATA_MS, config });
  config.catch(() => configurations.delete(key));
  return config;
}

async function tenantBy(db: Db, where: ReturnType<typeof eq>) {
  const [t] = await db
    .select({ id: tenants.id, name: tenants.name, settings: tenants.settings })
    .from(tenants)
    .where(where);
  return t ?? null;
}

/**
 * The redirect to the tenant's provider: authorisation code with PKCE, state and nonce, the
 * pending sign-on kept in the database for whichever instance takes the answer.
 */
export async function startSignOn(db: Db, tenantSlug: string, origin: string, now: Date) {
  const tenant = await tenantBy(db, eq(tenants.slug, tenantSlug));
  if (!tenant || !isOidcConfigured(oidcConfigOf(tenant.settings))) throw notFound('entity.sso');
  const config = await configurationOf(tenant.settings, now);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const redirectUri = `${origin}${CALLBACK_PATH}`;
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  await db.insert(oidcLogins).values({
    id: sha256(state),
    tenantId: tenant.id,
    codeVerifier,
    nonce,
    redirectUri,
    expiresAt: new Date(now.getTime() + PENDING_MS),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).href;
  return { url, state };
}

/** Why a sign-on was refused: each is a message the login page shows. */
export type SignOnRefusal = 'expired' | 'failed' | 'noEmail' | 'noGroup' | 'loginDisabled';

export type SignOnResult =
  | { ok: true; tenantId: string; personId: string; idToken: string | null }
  | { ok: false; reason: SignOnRefusal; detail?: unknown };

/**
 * The provider's answer: the code exchanged (PKCE verifier, state and nonce checked), the person
 * found by e-mail in the tenant or created, and their grants set from the mapped groups, in one
 * transaction through the people service. Someone no mapped group names is refused, and nothing
 * of them is written.
 */
export async function finishSignOn(
  db: Db,
  query: URLSearchParams,
  /** The state the browser was given at the start (its cookie): an answer begun elsewhere is refused. */
  browserState: string | undefined,
  now: Date,
  lang: Lang,
): Promise<SignOnResult> {
  const state = query.get('state');
  if (!state || state !== browserState) return { ok: false, reason: 'expired' };
  const [pending] = await db
    .delete(oidcLogins)
    .where(eq(oidcLogins.id, sha256(state)))
    .returning();
  if (!pending || pending.expiresAt < now) return { ok: false, reason: 'expired' };
  const tenant = await tenantBy(db, eq(tenants.id, pending.tenantId));
  if (!tenant || !isOidcConfigured(oidcConfigOf(tenant.settings)))
    return { ok: false, reason: 'failed' };
  const s = tenant.settings;

  let claims: Record<string, unknown>;
  let idToken: string | null;
  try {
    const config = await configurationOf(s, now);
    const tokens = await oidc.authorizationCodeGrant(
      config,
      new URL(`${pending.redirectUri}?${query.toString()}`),
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
      },
    );
    const idClaims = tokens.claims()!;
    idToken = tokens.id_token ?? null;
    const groupsClaim = s.oidcGroupsClaim ?? DEFAULT_GROUPS_CLAIM;
    // Entra ID puts groups in the ID token; other providers answer them at userinfo.
    const needsUserinfo = idClaims[groupsClaim] === undefined || idClaims.email === undefined;
    const userinfo =
      needsUserinfo && config.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)
        : {};
    claims = { ...userinfo, ...idClaims };
  } catch (detail) {
    return { ok: false, reason: 'failed', detail };
  }

  const email = Email.safeParse(claims.email ?? claims.preferred_username);
  if (!email.success) return { ok: false, reason: 'noEmail' };
  const name =
    typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email.data;
  const mapped = grantsFromGroups(
    claims[s.oidcGroupsClaim ?? DEFAULT_GROUPS_CLAIM],
    s.oidcGroupRoles ?? [],
  );
  const units = mapped.length
    ? await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.tenantId, tenant.id),
            inArray(
              orgUnits.id,
              mapped.map((m) => m.unitId),
            ),
            isNull(orgUnits.archivedAt),
          ),
        )
    : [];
  const wanted = mapped.filter((m) => units.some((u) => u.id === m.unitId));
  if (wanted.length === 0) return { ok: false, reason: 'noGroup' };

  const [existing] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenant.id), eq(persons.email, email.data)));
  if (existing?.archivedAt) return { ok: false, reason: 'loginDisabled' };
  const personId = existing?.id ?? randomUUID();
  const ctx = await signOnCtx(db, tenant.id, personId, name, lang, now);
  try {
    await db.transaction(async (tx) => {
      if (!existing)
        await createPerson(
          tx,
          ctx,
          { name, email: email.data, canLogIn: true },
          { sso: { id: personId, action: 'sso_create' } },
        );
      else if (!existing.canLogIn)
        await updatePerson(
          tx,
          ctx,
          personId,
          { version: existing.version, canLogIn: true },
          { sso: { action: 'sso_admit' } },
        );
      await setSsoGrants(tx, ctx, personId, wanted);
    });
  } catch (detail) {
    // An e-mail that logs in at another tenant, a unit archived meanwhile: nothing is kept.
    return { ok: false, reason: 'failed', detail };
  }
  return { ok: true, tenantId: tenant.id, personId, idToken };
}

/**
 * Who writes at a sign-on: the person signing on, acting with the authority the tenant's
 * administrator gave the provider by setting up the group mapping (administrator of the roots, so
 * the people service's own checks hold). The audit trail shows the person and the `sso_*` action.
 */
async function signOnCtx(
  db: Db,
  tenantId: string,
  personId: string,
  name: string,
  lang: Lang,
  now: Date,
): Promise<Ctx> {
  const roots = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), isNull(orgUnits.parentId)));
  return {
    tenantId,
    lang,
    now,
    actor: {
      personId,
      name: `${name} (inloggning via OIDC)`,
      grants: roots.map((r) => ({ role: 'administrator', unitId: r.id, unitPath: [r.id] })),
    },
  };
}

/** The provider's logout for a single sign-on session, or null when it has none. */
export async function endSessionUrl(
  db: Db,
  tenantId: string,
  idToken: string,
  postLogoutRedirectUri: string,
) {
  const tenant = await tenantBy(db, eq(tenants.id, tenantId));
  if (!tenant || !isOidcConfigured(oidcConfigOf(tenant.settings))) return null;
  const config = await configurationOf(tenant.settings, new Date());
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, {
    id_token_hint: idToken,
    post_logout_redirect_uri: postLogoutRedirectUri,
  }).href;
}

/** Whether the tenant offers single sign-on, and whether it still allows local passwords. */
export function signOnOf(tenant: { slug: string; name: string; settings: TenantSettings }) {
  return {
    sso: isOidcConfigured(oidcConfigOf(tenant.settings))
      ? { slug: tenant.slug, label: tenant.name }
      : null,
    localPasswords: tenant.settings.localPasswords ?? true,
  };
}
