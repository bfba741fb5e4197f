import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const PortfolioPage = lazy(() =>
  import('./pages/PortfolioPages.js').then((m) => ({ default: m.PortfolioPage })),
);
const PrioritisationPage = lazy(() =>
  import('./pages/PortfolioPages.js').then((m) => ({ default: m.PrioritisationPage })),
);
const RoadmapPage = lazy(() =>
  import('./pages/RoadmapPages.js').then((m) => ({ default: m.RoadmapPage })),
);
const TopPage = lazy(() => import('./pages/TopListPages.js').then((m) => ({ default: m.TopPage })));
const RealisationPage = lazy(() =>
  import('./pages/RealisationPages.js').then((m) => ({ default: m.RealisationPage })),
);
const InitiativePage = lazy(() =>
  import('./pages/PortfolioPages.js').then((m) => ({ default: m.InitiativePage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [
  { path: 'portfolj', Page: PortfolioPage },
  { path: 'portfolj/prioritering', Page: PrioritisationPage },
  { path: 'portfolj/fardplaner', Page: RoadmapPage },
  { path: 'portfolj/viktigaste', Page: TopPage },
  { path: 'portfolj/effekter', Page: RealisationPage },
  { path: 'portfolj/:id', Page: InitiativePage },
];
