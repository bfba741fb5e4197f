/** The goals context's front door: goals, indicators, outcomes, assessments, follow-up. */
import type { ContextSurface } from '../../platform/surface.js';
import { goalRoutes } from './routes.js';
import * as tables from './tables.js';

export * from './reads.js';

export const goals = {
  name: 'goals',
  routes: [goalRoutes],
  tables,
} satisfies ContextSurface;
