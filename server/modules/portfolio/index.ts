/** The portfolio context's front door: initiatives, benefits, roadmaps and the prioritisation. */
import type { ContextSurface } from '../../platform/surface.js';
import { benefitDeadlines } from './deadlines.js';
import { portfolioRoutes, roadmapRoutes } from './routes.js';
import { messages } from './messages.js';
import { settings } from './settings.js';
import * as tables from './tables.js';

export const portfolio = {
  name: 'portfolio',
  routes: [portfolioRoutes, roadmapRoutes],
  deadlines: benefitDeadlines,
  messages,
  settings,
  tables,
} satisfies ContextSurface;
