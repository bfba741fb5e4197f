import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const AuditTrailPage = lazy(() =>
  import('./AuditTrailPage.js').then((m) => ({ default: m.AuditTrailPage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [{ path: 'granskningslogg', Page: AuditTrailPage }];
