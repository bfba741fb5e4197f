/**
 * The organisation context's front door: the only file other contexts import from it.
 * Units and the tree, people and their grants, forums, meetings and decisions.
 */
import type { ContextSurface } from '../../platform/surface.js';
import { identity, passwords } from './identity.js';
import { organizationRoutes } from './routes.js';
import { messages } from './messages.js';
import { settings } from './settings.js';
import * as tables from './tables.js';

export * from './reads.js';
export { splitPath } from './identity.js';
export { provisionTenant } from './provision.js';
/** Adds a person through the organisation's write path (an import's new system owners). */
export { createPerson } from './people.service.js';

export const organization = {
  name: 'organization',
  routes: [organizationRoutes],
  identity: { identity, passwords },
  messages,
  settings,
  tables,
} satisfies ContextSurface;
