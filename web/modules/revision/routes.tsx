import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const AuditsPage = lazy(() =>
  import('./pages/RevisionPages.js').then((m) => ({ default: m.AuditsPage })),
);
const OpenRecommendationsPage = lazy(() =>
  import('./pages/RevisionPages.js').then((m) => ({ default: m.OpenRecommendationsPage })),
);
const AssignmentsPage = lazy(() =>
  import('./pages/RevisionPages.js').then((m) => ({ default: m.AssignmentsPage })),
);
const DeadlinesPage = lazy(() =>
  import('./pages/RevisionPages.js').then((m) => ({ default: m.DeadlinesPage })),
);
const AuditPage = lazy(() =>
  import('./pages/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [
  { path: 'revision', Page: AuditsPage },
  { path: 'revision/rekommendationer', Page: OpenRecommendationsPage },
  { path: 'revision/uppdrag', Page: AssignmentsPage },
  { path: 'revision/tidpunkter', Page: DeadlinesPage },
  { path: 'revision/:id', Page: AuditPage },
];
