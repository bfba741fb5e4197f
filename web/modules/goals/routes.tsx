import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const GoalsPage = lazy(() =>
  import('./pages/GoalsPage.js').then((m) => ({ default: m.GoalsPage })),
);
const GoalPage = lazy(() => import('./pages/GoalPage.js').then((m) => ({ default: m.GoalPage })));
const FollowUpPage = lazy(() =>
  import('./pages/FollowUpPage.js').then((m) => ({ default: m.FollowUpPage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [
  { path: 'mal', Page: GoalsPage },
  { path: 'mal/:id', Page: GoalPage },
  { path: 'uppfoljning', Page: FollowUpPage },
];
