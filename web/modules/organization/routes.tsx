import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const HomePage = lazy(() => import('./pages/HomePage.js').then((m) => ({ default: m.HomePage })));
const OrgTreePage = lazy(() =>
  import('./pages/OrgTreePage.js').then((m) => ({ default: m.OrgTreePage })),
);
const UnitPage = lazy(() => import('./pages/UnitPage.js').then((m) => ({ default: m.UnitPage })));
const ForumsPage = lazy(() =>
  import('./pages/ForumsPage.js').then((m) => ({ default: m.ForumsPage })),
);
const ForumPage = lazy(() =>
  import('./pages/ForumPage.js').then((m) => ({ default: m.ForumPage })),
);
const DecisionsPage = lazy(() =>
  import('./pages/DecisionsPage.js').then((m) => ({ default: m.DecisionsPage })),
);
const DecisionPage = lazy(() =>
  import('./pages/DecisionPage.js').then((m) => ({ default: m.DecisionPage })),
);
const PeoplePage = lazy(() =>
  import('./pages/PeoplePage.js').then((m) => ({ default: m.PeoplePage })),
);
const OrgImportPage = lazy(() =>
  import('./pages/OrgImportPage.js').then((m) => ({ default: m.OrgImportPage })),
);
const SettingsPage = lazy(() =>
  import('./pages/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [
  { index: true, Page: HomePage },
  { path: 'organisation', Page: OrgTreePage },
  { path: 'organisation/import', Page: OrgImportPage },
  { path: 'organisation/:id', Page: UnitPage },
  { path: 'forum', Page: ForumsPage },
  { path: 'forum/:id', Page: ForumPage },
  { path: 'beslut', Page: DecisionsPage },
  { path: 'beslut/:id', Page: DecisionPage },
  { path: 'personer', Page: PeoplePage },
  { path: 'installningar', Page: SettingsPage },
];
