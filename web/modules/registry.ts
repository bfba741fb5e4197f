/** The web's modules, each with its route list; the app's route table iterates this. */
import type { ModuleRoute } from '../platform/routes.js';
import { routes as organization } from './organization/routes.js';
import { routes as goals } from './goals/routes.js';
import { routes as documents } from './documents/routes.js';
import { routes as services } from './services/routes.js';
import { routes as portfolio } from './portfolio/routes.js';
import { routes as revision } from './revision/routes.js';
import { routes as auditTrail } from './audit-trail/routes.js';

export const moduleRoutes: readonly ModuleRoute[] = [
  ...organization,
  ...goals,
  ...documents,
  ...services,
  ...portfolio,
  ...revision,
  ...auditTrail,
];
