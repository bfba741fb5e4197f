import type { FastifyInstance } from 'fastify';
import type { RouteOpts } from '../../platform/route-kit.js';
import { decisionRoutes } from './decisions.routes.js';
import { forumRoutes } from './forums.routes.js';
import { hrImportRoutes } from './hr-import.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import { peopleRoutes } from './people.routes.js';
import { setupRoutes } from './setup.routes.js';
import { unitRoutes } from './units.routes.js';

export async function organizationRoutes(app: FastifyInstance, opts: RouteOpts) {
  await app.register(unitRoutes, opts);
  await app.register(peopleRoutes, opts);
  await app.register(forumRoutes, opts);
  await app.register(decisionRoutes, opts);
  await app.register(setupRoutes, opts);
  await app.register(hrImportRoutes, opts);
  await app.register(oidcRoutes, opts);
}
