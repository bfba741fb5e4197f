import { lazy } from 'react';
import type { ModuleRoute } from '../../platform/routes.js';

// Code-split: each page loads when first visited.
const DocumentsPage = lazy(() =>
  import('./pages/DocumentsPage.js').then((m) => ({ default: m.DocumentsPage })),
);
const DocumentPage = lazy(() =>
  import('./pages/DocumentPage.js').then((m) => ({ default: m.DocumentPage })),
);

/** This module's pages and their paths in the route table. */
export const routes: ModuleRoute[] = [
  { path: 'styrdokument', Page: DocumentsPage },
  { path: 'styrdokument/:id', Page: DocumentPage },
];
