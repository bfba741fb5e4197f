/** The documents context's front door: the steering-document register and its file versions. */
import type { ContextSurface } from '../../platform/surface.js';
import { documentRoutes } from './routes.js';
import { messages } from './messages.js';
import { settings } from './settings.js';
import * as tables from './tables.js';

export * from './reads.js';

export const documents = {
  name: 'documents',
  routes: [documentRoutes],
  messages,
  settings,
  tables,
} satisfies ContextSurface;
