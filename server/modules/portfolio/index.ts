/** The portfolio context's front door: initiatives, benefits, roadmaps, top lists and the prioritisation. */
import type { ContextSurface } from '../../platform/surface.js';
import { benefitDeadlines } from './deadlines.js';
import { portfolioRoutes, roadmapRoutes } from './routes.js';
import { topListRoutes } from './toplists.routes.js';
import { messages } from './messages.js';
import { settings } from './settings.js';
import * as tables from './tables.js';

export * from './reads.js';

export const portfolio = {
  name: 'portfolio',
  routes: [portfolioRoutes, roadmapRoutes, topListRoutes],
  deadlines: benefitDeadlines,
  messages,
  settings,
  tables,
} satisfies ContextSurface;
