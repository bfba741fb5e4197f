import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const SystemsPage = lazy(() =>
  import('./pages/SystemsPage.js').then((m) => ({ default: m.SystemsPage })),
);
const SystemImportPage = lazy(() =>
  import('./pages/SystemImportPage.js').then((m) => ({ default: m.SystemImportPage })),
);
const SystemProblemsPage = lazy(() =>
  import('./pages/SystemProblemsPage.js').then((m) => ({ default: m.SystemProblemsPage })),
);
const SystemsOverviewPage = lazy(() =>
  import('./pages/SystemsOverviewPage.js').then((m) => ({ default: m.SystemsOverviewPage })),
);
const OwnershipGapsPage = lazy(() =>
  import('./pages/OwnershipGapsPage.js').then((m) => ({ default: m.OwnershipGapsPage })),
);
const ServiceTreePage = lazy(() =>
  import('./pages/ServiceTreePage.js').then((m) => ({ default: m.ServiceTreePage })),
);
const ServiceNodePage = lazy(() =>
  import('./pages/ServiceNodePage.js').then((m) => ({ default: m.ServiceNodePage })),
);
const ManagementObjectsPage = lazy(() =>
  import('./pages/ManagementObjectsPage.js').then((m) => ({ default: m.ManagementObjectsPage })),
);
const ManagementObjectPage = lazy(() =>
  import('./pages/ManagementObjectsPage.js').then((m) => ({ default: m.ManagementObjectPage })),
);
const SystemPage = lazy(() =>
  import('./pages/SystemPage.js').then((m) => ({ default: m.SystemPage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [
  { path: 'it-system', Page: SystemsPage },
  { path: 'it-system/import', Page: SystemImportPage },
  { path: 'it-system/problem', Page: SystemProblemsPage },
  { path: 'it-system/oversikt', Page: SystemsOverviewPage },
  { path: 'it-system/agarskap', Page: OwnershipGapsPage },
  { path: 'tjanster', Page: ServiceTreePage },
  { path: 'tjanster/:id', Page: ServiceNodePage },
  { path: 'forvaltningsobjekt', Page: ManagementObjectsPage },
  { path: 'forvaltningsobjekt/:id', Page: ManagementObjectPage },
  { path: 'it-system/:id', Page: SystemPage },
];
