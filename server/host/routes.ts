import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Email } from '../../domain/organization/person.js';
import { conflict, notAllowed, unauthenticated } from '../../domain/shared/errors.js';
import { Problem } from '../../domain/shared/schemas.js';
import type { Db } from '../db/client.js';
import { withoutPrivateFiles } from '../db/backup.js';
import { verifyAllTenants } from '../platform/audit/audit.js';
import { readAllCheckpoints } from '../platform/audit/checkpoint.js';
import { VerifyAnswer } from '../platform/audit/routes.js';
import { auditSeal } from '../platform/audit/seal.js';
import { tenants } from '../platform/tables.js';
import { reserveLoginAttempt } from '../platform/auth/login-limits.js';
import type { Clock } from '../platform/context.js';
import { langOf } from '../platform/i18n/messages.js';
import { endHostSession, HOST_COOKIE, hostLogin, hostSessionOf } from './auth.js';
import { createTenant, listTenants, setTenantDisabled } from './tenants.js';

/*
 * The host API (`/api/host/*`): a host administrator's own login and the tenants of the
 * installation. Deny by default: every route but login and logout needs a host session, and a
 * tenant's session is never read here (the auth plugin skips `/api/host/`), so `req.ctx` stays null.
 */

const HostMe = z.object({ email: z.string(), csrfToken: z.string() });
const HostTenant = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  emailDomains: z.array(z.string()),
  disabledAt: z.date().nullable(),
  units: z.number().int(),
  people: z.number().int(),
});
const IdParams = z.object({ id: z.uuid() }).strict();
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OPEN = new Set(['/api/host/login', '/api/host/logout']);

declare module 'fastify' {
  interface FastifyRequest {
    hostAdmin: { email: string; csrfToken: string } | null;
  }
}

const cookieOptions = (req: FastifyRequest) => ({
  path: '/api/host',
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: req.protocol === 'https',
});

export async function hostRoutes(
  app: FastifyInstance,
  opts: { db: Db; clock: Clock; dump: (() => Promise<Blob>) | null },
) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
  app.decorateRequest('hostAdmin', null);

  // onRequest, before the body is validated: without a host session every route is a 401.
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[HOST_COOKIE];
    if (token) req.hostAdmin = await hostSessionOf(db, token, opts.clock());
    const path = req.url.split('?')[0] ?? '';
    if (OPEN.has(path)) return;
    if (!req.hostAdmin) throw unauthenticated('host.unauthenticated');
    if (MUTATING.has(req.method) && req.headers['x-csrf-token'] !== req.hostAdmin.csrfToken)
      throw notAllowed('errors.csrf');
  });

  r.post('/api/host/login', {
    schema: {
      tags: ['host'],
      summary: 'Log in as a host administrator (outside every tenant)',
      security: [],
      body: z.object({ email: Email, password: z.string().min(1).max(200) }).strict(),
      response: { 200: HostMe, ...problems, 429: Problem },
    },
    handler: async (req, reply) => {
      const now = opts.clock();
      const key = `host:${req.body.email}`;
      const attempt = await reserveLoginAttempt(db, { account: key, address: req.ip }, now);
      const session = await hostLogin(db, req.body.email, req.body.password, now);
      await attempt.settle(session !== null);
      if (!session) throw unauthenticated('errors.badCredentials');
      void reply.setCookie(HOST_COOKIE, session.token, cookieOptions(req));
      return { email: req.body.email.toLowerCase(), csrfToken: session.csrfToken };
    },
  });

  r.post('/api/host/logout', {
    schema: {
      tags: ['host'],
      summary: 'Log out the host administrator',
      security: [],
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      const token = req.cookies[HOST_COOKIE];
      if (token) await endHostSession(db, token);
      void reply.clearCookie(HOST_COOKIE, { path: '/api/host' });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/host/me', {
    schema: {
      tags: ['host'],
      summary: 'The host administrator logged in, with the CSRF token',
      response: { 200: HostMe, 401: Problem },
    },
    handler: async (req) => req.hostAdmin!,
  });

  r.get('/api/host/tenants', {
    schema: {
      tags: ['host'],
      summary: 'The tenants of this installation, with counts of units and people',
      response: { 200: z.object({ items: z.array(HostTenant) }), ...problems },
    },
    handler: async () => ({ items: await listTenants(db) }),
  });

  r.post('/api/host/tenants', {
    schema: {
      tags: ['host'],
      summary: 'Create a tenant with its root unit and first administrator',
      // The service parses with the domain's TenantCreate, in the caller's language.
      body: z.record(z.string(), z.unknown()),
      response: { 201: HostTenant, ...problems },
    },
    handler: async (req, reply) => {
      const { tenantId } = await createTenant(db, req.body, {
        lang: langOf(req.headers['accept-language']),
        now: opts.clock(),
      });
      const created = (await listTenants(db)).find((t) => t.id === tenantId)!;
      return reply.status(201).send(created);
    },
  });

  for (const action of ['disable', 'enable'] as const)
    r.post(`/api/host/tenants/:id/${action}`, {
      schema: {
        tags: ['host'],
        summary:
          action === 'disable'
            ? 'Disable a tenant: its people cannot log in, their sessions end, its data stays'
            : 'Enable a disabled tenant again',
        params: IdParams,
        response: { 200: HostTenant, ...problems },
      },
      handler: async (req) => {
        await setTenantDisabled(db, { id: req.params.id }, action === 'disable', opts.clock());
        return (await listTenants(db)).find((t) => t.id === req.params.id)!;
      },
    });

  // Operating the installation: what `npm run verify-audit -- --url` and `npm run backup -- --url`
  // ask a running server for, since a second process must not open PGlite's folder.
  r.get('/api/host/audit/verify', {
    schema: {
      tags: ['host'],
      summary: "Verifies every tenant's audit chain with the key and against its last checkpoint",
      response: {
        200: z.object({
          items: z.array(
            VerifyAnswer.extend({ tenantId: z.uuid(), name: z.string(), slug: z.string() }),
          ),
          keyId: z.string().nullable(),
          verifiedAt: z.string(),
        }),
        ...problems,
      },
    },
    handler: async (req) => ({
      items: await verifyAllTenants(db, langOf(req.headers['accept-language'])),
      keyId: auditSeal()?.keyId ?? null,
      verifiedAt: opts.clock().toISOString(),
    }),
  });

  r.get('/api/host/audit/checkpoints', {
    schema: {
      tags: ['host'],
      summary: "Every tenant's last signed checkpoint (signed, not secret; part of a backup)",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              tenantId: z.uuid(),
              seq: z.number().int(),
              hash: z.string(),
              at: z.string(),
              keyId: z.string(),
              sig: z.string(),
            }),
          ),
          keyId: z.string().nullable(),
        }),
        ...problems,
      },
    },
    handler: async () => {
      const seal = auditSeal();
      const ids = (await db.select({ id: tenants.id }).from(tenants)).map((t) => t.id);
      return {
        items: seal?.checkpointDir ? readAllCheckpoints(seal.checkpointDir, ids) : [],
        keyId: seal?.keyId ?? null,
      };
    },
  });

  r.get('/api/host/backup', {
    schema: {
      tags: ['host'],
      summary:
        'A consistent copy of the embedded database (gzipped tar of its folder, without the audit key); on PostgreSQL a 409 (use pg_dump)',
      response: { 200: z.unknown().describe('application/gzip'), ...problems },
    },
    handler: async (_req, reply) => {
      if (!opts.dump) throw conflict('host.backupPostgres');
      const tar = withoutPrivateFiles(Buffer.from(await (await opts.dump()).arrayBuffer()));
      const stamp = opts.clock().toISOString().replace(/[:.]/g, '-');
      return reply
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="styrbord-pglite-${stamp}.tar.gz"`)
        .header('x-styrbord-key-id', auditSeal()?.keyId ?? '')
        .send(tar);
    },
  });
}
