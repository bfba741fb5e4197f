/** The goals context's front door: goals, indicators, outcomes, assessments, follow-up. */
import type { ContextSurface } from '../../platform/surface.js';
import { goalRoutes } from './routes.js';
import { messages } from './messages.js';
import { settings } from './settings.js';
import * as tables from './tables.js';

export * from './reads.js';

export const goals = {
  name: 'goals',
  routes: [goalRoutes],
  messages,
  settings,
  tables,
} satisfies ContextSurface;
