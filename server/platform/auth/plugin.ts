import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Grant } from '../../../domain/access/permissions.js';
import { notAllowed, unauthenticated } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import type { Clock, Ctx } from '../context.js';
import { langOf } from '../i18n/messages.js';
import { sessionIdOf, slideSession, SESSION_COOKIE } from './sessions.js';
import type { sessions } from '../tables.js';

/** What the platform needs to know of people; the organisation context provides it. */
export type IdentityProvider = {
  /** Everyone who may log in with this e-mail, one per tenant (login chooses among them). */
  findLogins(
    db: Db,
    email: string,
  ): Promise<
    {
      personId: string;
      tenantId: string;
      tenantSlug: string;
      emailDomains: string[];
      tenantDisabled: boolean;
      passwordHash: string | null;
      canLogIn: boolean;
      /** False when the person's tenant logs in through single sign-on only. */
      localPasswords: boolean;
    }[]
  >;
  /** The provider's logout URL for a single sign-on session, when the provider has one. */
  endSessionUrl?(
    db: Db,
    tenantId: string,
    idToken: string,
    postLogoutRedirectUri: string,
  ): Promise<string | null>;
  loadActor(
    db: Db,
    tenantId: string,
    personId: string,
  ): Promise<{ name: string; email: string; grants: Grant[] } | null>;
  loadSessionActor(
    db: Db,
    sessionId: string,
    now: Date,
  ): Promise<{
    session: typeof sessions.$inferSelect;
    actor: { name: string; email: string; grants: Grant[] };
  } | null>;
};

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Login and logout are the only writes that need no CSRF token (login has no session yet). */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/** The caller's context, or 401: every route that needs a person calls this first. */
export function requireCtx(req: FastifyRequest): Ctx {
  if (!req.ctx) throw unauthenticated();
  return req.ctx;
}

async function authPlugin(
  app: FastifyInstance,
  opts: { db: Db; clock: Clock; identity: IdentityProvider },
) {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    // The host API has its own sessions (server/host): a tenant's session never reaches it.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/host/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = opts.clock();
    const found = await opts.identity.loadSessionActor(opts.db, sessionIdOf(token), now);
    if (!found) return;
    const { session, actor } = found;
    await slideSession(opts.db, session, now);
    req.sessionToken = token;
    req.csrfToken = session.csrfToken;
    req.ctx = {
      tenantId: session.tenantId,
      actor: { personId: session.personId, name: actor.name, grants: actor.grants },
      lang: langOf(req.headers['accept-language']),
      now,
    };
  });

  // CSRF: a state-changing request with a session must echo the session's token in a header.
  // A cross-site page can neither read the token nor set the header (SameSite=Strict helps too).
  app.addHook('preHandler', async (req) => {
    if (!MUTATING.has(req.method) || !req.ctx) return;
    const path = req.url.split('?')[0] ?? '';
    if (CSRF_EXEMPT.has(path)) return;
    if (req.headers['x-csrf-token'] !== req.csrfToken) throw notAllowed('errors.csrf');
  });
}

export default fp(authPlugin, { name: 'styrbord-auth' });
