/** The audits context's front door: the audit cycle, its recommendations, replies and follow-up. */
import type { ContextSurface } from '../../platform/surface.js';
import { auditDeadlines } from './deadlines.js';
import { revisionRoutes } from './routes.js';
import { messages } from './messages.js';
import * as tables from './tables.js';

export const audits = {
  name: 'audits',
  routes: [revisionRoutes],
  deadlines: auditDeadlines,
  messages,
  tables,
} satisfies ContextSurface;
