import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesOf } from '../../../domain/access/permissions.js';
import { Email, Password } from '../../../domain/organization/person.js';
import { invalid, unauthenticated } from '../../../domain/shared/errors.js';
import { Problem } from '../../../domain/shared/schemas.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.js';
import type { Clock } from '../context.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.js';
import { requireCtx, type IdentityProvider } from './plugin.js';
import { resolveLogin } from './resolve-login.js';
import { reserveLoginAttempt } from './login-limits.js';
import {
  createSession,
  endSession,
  endSessionsOf,
  COOKIE_MAX_AGE_S,
  SESSION_COOKIE,
  setSessionCookie,
} from './sessions.js';

const Me = z.object({
  personId: z.uuid(),
  name: z.string(),
  email: z.string(),
  tenantId: z.uuid(),
  tenantName: z.string(),
  roles: z.array(z.string()),
  grants: z.array(z.object({ role: z.string(), unitId: z.uuid(), unitPath: z.array(z.uuid()) })),
  csrfToken: z.string(),
});

export type PasswordStore = {
  passwordHashOf(db: Db, tenantId: string, personId: string): Promise<string | null>;
  setPasswordHash(
    db: Db,
    tenantId: string,
    personId: string,
    hash: string,
    now: Date,
  ): Promise<void>;
  tenantName(db: Db, tenantId: string): Promise<string>;
};

export async function authRoutes(
  app: FastifyInstance,
  opts: { db: Db; clock: Clock; identity: IdentityProvider; passwords: PasswordStore },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const problems = { 400: Problem, 401: Problem, 403: Problem, 429: Problem };

  const meOf = async (tenantId: string, personId: string, csrfToken: string) => {
    const actor = await opts.identity.loadActor(db, tenantId, personId);
    if (!actor) throw unauthenticated();
    return {
      personId,
      tenantId,
      name: actor.name,
      email: actor.email,
      tenantName: await opts.passwords.tenantName(db, tenantId),
      roles: rolesOf({ personId, grants: actor.grants }),
      grants: actor.grants.map((g) => ({
        role: g.role,
        unitId: g.unitId,
        unitPath: [...g.unitPath],
      })),
      csrfToken,
    };
  };

  r.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Log in with email and password',
      description:
        'On an installation with several tenants, `tenant` (a slug) names the tenant; without it, the e-mail’s tenant or e-mail domain decides.',
      querystring: z.object({ tenant: z.string().min(1).max(100).optional() }).strict(),
      body: z.object({ email: Email, password: z.string().min(1).max(200) }).strict(),
      response: { 200: Me, ...problems },
    },
    handler: async (req, reply) => {
      const now = opts.clock();
      const { email, password } = req.body;
      // Reserved before the password is checked, so concurrent guesses cannot all pass.
      const attempt = await reserveLoginAttempt(db, { account: email, address: req.ip }, now);
      const login = await resolveLogin(db, opts.identity, {
        email,
        password,
        slug: req.query.tenant,
      }).catch(async (err: unknown) => {
        // A refusal after the password fitted (ambiguous, disabled) is not a failed attempt.
        await attempt.settle(true);
        throw err;
      });
      await attempt.settle(login !== null);
      if (!login) throw unauthenticated('errors.badCredentials');
      const { token, csrfToken } = await createSession(db, login.tenantId, login.personId, now);
      setSessionCookie(reply, req, token, { maxAge: COOKIE_MAX_AGE_S });
      return meOf(login.tenantId, login.personId, csrfToken);
    },
  });

  r.post('/api/auth/logout', {
    schema: {
      tags: ['auth'],
      summary:
        'Log out (ends the session); after a single sign-on, the provider’s logout URL to go to',
      response: { 200: z.object({ endSessionUrl: z.string().nullable() }), ...problems },
    },
    handler: async (req, reply) => {
      const ended = req.sessionToken ? await endSession(db, req.sessionToken) : null;
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const endSessionUrl =
        ended?.idToken && opts.identity.endSessionUrl
          ? await opts.identity
              .endSessionUrl(db, ended.tenantId, ended.idToken, `${req.protocol}://${req.host}/`)
              .catch((err: unknown) => {
                // The session has ended here; a provider that cannot be reached only costs its logout.
                req.log.warn({ err }, 'no end-session URL from the OIDC provider');
                return null;
              })
          : null;
      return { endSessionUrl };
    },
  });

  r.get('/api/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'Who is logged in, with roles and the CSRF token',
      response: { 200: Me, 401: Problem },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      return meOf(ctx.tenantId, ctx.actor.personId, req.csrfToken ?? '');
    },
  });

  r.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change one’s own password (ends the person’s other sessions)',
      body: z
        .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
        .strict(),
      response: { 204: z.null(), ...problems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const current = await opts.passwords.passwordHashOf(db, ctx.tenantId, ctx.actor.personId);
      if (!(await verifyPassword(current, req.body.currentPassword)))
        throw invalid('auth.wrongCurrentPassword', [
          { path: 'currentPassword', key: 'auth.wrongCurrentPassword' },
        ]);
      const actor = await opts.identity.loadActor(db, ctx.tenantId, ctx.actor.personId);
      assertAcceptablePassword(req.body.newPassword, 'newPassword', [
        actor?.email,
        actor?.name,
        await opts.passwords.tenantName(db, ctx.tenantId),
      ]);
      const hash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await opts.passwords.setPasswordHash(tx, ctx.tenantId, ctx.actor.personId, hash, ctx.now);
        await record(tx, ctx, {
          entityType: 'person',
          entityId: ctx.actor.personId,
          action: 'password_change',
          after: { passwordChanged: true },
        });
      });
      await endSessionsOf(db, ctx.actor.personId);
      const { token, csrfToken } = await createSession(
        db,
        ctx.tenantId,
        ctx.actor.personId,
        ctx.now,
      );
      setSessionCookie(reply, req, token);
      void reply.header('x-csrf-token', csrfToken);
      return reply.status(204).send(null);
    },
  });
}
