import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from './db/client.js';
import { hostRoutes } from './host/routes.js';
import { onRecorded } from './platform/audit/audit.js';
import { checkpointer } from './platform/audit/checkpoint.js';
import { auditRoutes } from './platform/audit/routes.js';
import { auditSeal, throwAwaySeal, useAuditSeal, type AuditSeal } from './platform/audit/seal.js';
import { useAccessEndHandlers } from './platform/auth/access-end.js';
import authPlugin from './platform/auth/plugin.js';
import { authRoutes } from './platform/auth/routes.js';
import type { Clock } from './platform/context.js';
import { clientError, frameworkError, registerErrorHandling } from './platform/errors.js';
import { useMessages } from './platform/i18n/messages.js';
import { tenantRoutes } from './platform/tenant-routes.js';
import type { SetupGate } from './platform/setup-token.js';
import { identityOf, registry, settingsSections } from './modules/registry.js';

export type AppOptions = {
  db: Db;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Built web app to serve (web/dist); none in API tests. */
  webDir?: string | null;
  /** Which proxies' X-Forwarded-* to believe: a hop count or their addresses (config.ts). */
  trustProxy?: boolean | number | string[];
  /** The first run's setup gate (no region yet, no demo); null once a region exists. */
  setup?: SetupGate | null;
  /** The invented demo region was loaded: the login page points at the demo accounts. */
  demo?: boolean;
  /**
   * The audit key and checkpoint folder (main.ts loads them from the configuration). Without one
   * (tests, benchmarks) a key made for this process is used and no checkpoints are kept.
   */
  audit?: AuditSeal;
  /** The embedded database's consistent dump, for the host's backup route (PGlite only). */
  dump?: (() => Promise<Blob>) | null;
};

/**
 * `?lang=sv|en` on any URL chooses the answer's language, for links that cannot set headers
 * (an export download). It is taken out of the URL before routing, so strict query schemas hold.
 */
export function languageFromUrl(req: {
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const lang = params.get('lang');
  if (lang !== 'sv' && lang !== 'en') return url;
  req.headers['accept-language'] = lang;
  params.delete('lang');
  const rest = params.toString();
  return rest ? `${url.slice(0, q)}?${rest}` : url.slice(0, q);
}

/** The app as a factory: tests build it with their own database and clock and call it with inject. */
export async function buildApp(opts: AppOptions) {
  const clock = opts.clock ?? (() => new Date());
  const trust = opts.trustProxy ?? false;
  useMessages(registry.flatMap((c) => (c.messages ? [c.messages] : [])));
  if (opts.audit) useAuditSeal(opts.audit);
  else if (!auditSeal()) useAuditSeal(throwAwaySeal());
  const seal = auditSeal()!;
  useAccessEndHandlers(registry.flatMap((c) => (c.onAccessEnded ? [c.onAccessEnded] : [])));
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    // A hop count trusts the nearest n proxies (the socket is hop 0), as proxy-addr reads a number.
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    routerOptions: { ignoreTrailingSlash: true },
    rewriteUrl: languageFromUrl,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // upgrade-insecure-requests and HSTS only for requests that came over HTTPS (directly, or via
  // a trusted proxy's X-Forwarded-Proto): on an intranet server over plain HTTP they would make
  // the browser fetch the scripts over https and show a blank page.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts and the layout set style attributes; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol !== 'https') return;
    void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') {
      void reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Styrbord API',
        description:
          'Steering and follow-up of digitalisation. Errors are RFC 9457 problem+json in Swedish (default) or English (Accept-Language).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'styrbord_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const { identity, passwords } = identityOf(registry);
  await app.register(authPlugin, { db: opts.db, clock, identity });

  app.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().get('/api/health', {
    // A load balancer asks every few seconds: its requests are not worth a log line at info.
    logLevel: 'warn',
    schema: {
      tags: ['health'],
      summary: 'Up, with the database reachable',
      security: [],
      response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }) },
    },
    handler: async () => {
      await opts.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: 'ok' as const };
    },
  });

  await app.register(authRoutes, { db: opts.db, clock, identity, passwords });
  await app.register(auditRoutes, { db: opts.db });
  await app.register(hostRoutes, { db: opts.db, clock, dump: opts.dump ?? null });

  // Signed checkpoints of the chains, outside the database: at start, after writes (debounced),
  // every quarter of an hour (events from other instances) and at the stop.
  if (seal.checkpointDir) {
    const checkpoints = checkpointer({ db: opts.db, seal, clock, log: app.log });
    app.addHook('onReady', async () => {
      onRecorded((tenantId) => checkpoints.notify(tenantId));
      await checkpoints.flush();
    });
    app.addHook('onClose', async () => {
      onRecorded(null);
      await checkpoints.stop();
    });
  }
  await app.register(tenantRoutes, {
    db: opts.db,
    sections: settingsSections,
  });
  for (const context of registry)
    for (const routes of context.routes)
      await app.register(routes, {
        db: opts.db,
        setup: opts.setup ?? null,
        demo: opts.demo ?? false,
        clock,
      });

  if (opts.webDir && existsSync(opts.webDir)) {
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: false, index: false });
    const sendIndex = (
      _req: unknown,
      reply: { type: (t: string) => { sendFile: (f: string) => unknown } },
    ) => reply.type('text/html').sendFile('index.html');
    app.get('/', sendIndex as never);
    app.get('/*', (req, reply) => {
      const path = req.url.split('?')[0] ?? '/';
      if (path.startsWith('/api/')) return reply.callNotFound();
      // A file that exists is served by @fastify/static; everything else is the single-page app.
      if (/\.[a-z0-9]+$/i.test(path) && existsSync(`${opts.webDir}${path}`))
        return reply.sendFile(path.slice(1));
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
