import type { FastifyInstance } from 'fastify';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { RegionSetup } from '../../../domain/organization/setup.js';
import { conflict, notAllowed } from '../../../domain/shared/errors.js';
import { closeSetupGate, setupTokenMatches } from '../../platform/setup-token.js';
import { tenants } from '../../platform/tables.js';
import { typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import { signOnOf } from './oidc.service.js';
import { setUpFirstRegion } from './provision.js';

const tags = ['setup'];

/**
 * The first run without the demo: while no region exists, `POST /api/setup` with the one-time
 * token from the server log creates the region, its root body and its first administrator.
 */
export async function setupRoutes(app: FastifyInstance, { db, setup, demo }: RouteOpts) {
  const r = typed(app);
  r.get('/api/setup', {
    schema: {
      tags,
      summary: 'Whether the installation still needs its first region, and the region’s name',
      security: [],
      response: {
        200: z.object({
          needed: z.boolean(),
          regionName: z.string().nullable(),
          demo: z.boolean(),
          /** Single sign-on of the one region, for the login page's button. */
          sso: z.object({ slug: z.string(), label: z.string() }).nullable(),
          localPasswords: z.boolean(),
        }),
      },
    },
    handler: async () => {
      const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(tenants);
      const [only] =
        n === 1
          ? await db
              .select({ name: tenants.name, slug: tenants.slug, settings: tenants.settings })
              .from(tenants)
          : [];
      return {
        needed: n === 0,
        regionName: only?.name ?? null,
        demo: demo ?? false,
        ...(only ? signOnOf(only) : { sso: null, localPasswords: true }),
      };
    },
  });
  r.post('/api/setup', {
    schema: {
      tags,
      summary:
        'Create the region and its first administrator (first run only, with the setup token)',
      security: [],
      body: RegionSetup.extend({ token: z.string().min(1).max(200) }).strict(),
      response: {
        201: z.object({ regionName: z.string(), adminEmail: z.string() }),
        ...writeProblems,
      },
    },
    handler: async (req, reply) => {
      const [any] = await db.select({ id: tenants.id }).from(tenants).limit(1);
      if (any) throw conflict('setup.regionExists');
      if (!setupTokenMatches(setup ?? null, req.body.token)) throw notAllowed('setup.badToken');
      const b = req.body;
      await setUpFirstRegion(db, b);
      closeSetupGate(setup ?? null);
      req.log.info({ region: b.regionName }, 'region set up');
      return reply.status(201).send({ regionName: b.regionName, adminEmail: b.adminEmail });
    },
  });
}
