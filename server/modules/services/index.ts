/** The services context's front door: IT systems, contracts, the service tree, management objects. */
import type { ContextSurface } from '../../platform/surface.js';
import { ownershipRoutes } from './ownership.routes.js';
import { systemRoutes } from './routes.js';
import { messages } from './messages.js';
import { settings } from './settings.js';
import * as tables from './tables.js';

export * from './reads.js';

export const services = {
  name: 'services',
  routes: [systemRoutes, ownershipRoutes],
  messages,
  settings,
  tables,
} satisfies ContextSurface;
