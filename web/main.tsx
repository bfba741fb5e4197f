import { StrictMode, lazy, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider, useAuth } from './platform/auth.js';
import { I18nProvider, useI18n } from './platform/i18n.js';
import { AppShell } from './platform/layout.js';
import { PublicArea } from './platform/setup-page.js';
import { Loading } from './platform/components.js';
import './platform/styles.css';

// Code-split per module: each page loads when first visited.
const HomePage = lazy(() =>
  import('./modules/organization/pages/HomePage.js').then((m) => ({ default: m.HomePage })),
);
const OrgTreePage = lazy(() =>
  import('./modules/organization/pages/OrgTreePage.js').then((m) => ({ default: m.OrgTreePage })),
);
const UnitPage = lazy(() =>
  import('./modules/organization/pages/UnitPage.js').then((m) => ({ default: m.UnitPage })),
);
const ForumsPage = lazy(() =>
  import('./modules/organization/pages/ForumsPage.js').then((m) => ({ default: m.ForumsPage })),
);
const ForumPage = lazy(() =>
  import('./modules/organization/pages/ForumPage.js').then((m) => ({ default: m.ForumPage })),
);
const DecisionsPage = lazy(() =>
  import('./modules/organization/pages/DecisionsPage.js').then((m) => ({
    default: m.DecisionsPage,
  })),
);
const DecisionPage = lazy(() =>
  import('./modules/organization/pages/DecisionPage.js').then((m) => ({ default: m.DecisionPage })),
);
const PeoplePage = lazy(() =>
  import('./modules/organization/pages/PeoplePage.js').then((m) => ({ default: m.PeoplePage })),
);
const SettingsPage = lazy(() =>
  import('./modules/organization/pages/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);
const GoalsPage = lazy(() =>
  import('./modules/goals/pages/GoalsPage.js').then((m) => ({ default: m.GoalsPage })),
);
const GoalPage = lazy(() =>
  import('./modules/goals/pages/GoalPage.js').then((m) => ({ default: m.GoalPage })),
);
const FollowUpPage = lazy(() =>
  import('./modules/goals/pages/FollowUpPage.js').then((m) => ({ default: m.FollowUpPage })),
);
const DocumentsPage = lazy(() =>
  import('./modules/documents/pages/DocumentsPage.js').then((m) => ({ default: m.DocumentsPage })),
);
const DocumentPage = lazy(() =>
  import('./modules/documents/pages/DocumentPage.js').then((m) => ({ default: m.DocumentPage })),
);
const SystemsPage = lazy(() =>
  import('./modules/services/pages/SystemsPage.js').then((m) => ({ default: m.SystemsPage })),
);
const SystemPage = lazy(() =>
  import('./modules/services/pages/SystemPage.js').then((m) => ({ default: m.SystemPage })),
);
const SystemImportPage = lazy(() =>
  import('./modules/services/pages/SystemImportPage.js').then((m) => ({
    default: m.SystemImportPage,
  })),
);
const SystemsOverviewPage = lazy(() =>
  import('./modules/services/pages/SystemsOverviewPage.js').then((m) => ({
    default: m.SystemsOverviewPage,
  })),
);
const OwnershipGapsPage = lazy(() =>
  import('./modules/services/pages/OwnershipGapsPage.js').then((m) => ({
    default: m.OwnershipGapsPage,
  })),
);
const ServiceTreePage = lazy(() =>
  import('./modules/services/pages/ServiceTreePage.js').then((m) => ({
    default: m.ServiceTreePage,
  })),
);
const ServiceNodePage = lazy(() =>
  import('./modules/services/pages/ServiceNodePage.js').then((m) => ({
    default: m.ServiceNodePage,
  })),
);
const ManagementObjectsPage = lazy(() =>
  import('./modules/services/pages/ManagementObjectsPage.js').then((m) => ({
    default: m.ManagementObjectsPage,
  })),
);
const ManagementObjectPage = lazy(() =>
  import('./modules/services/pages/ManagementObjectsPage.js').then((m) => ({
    default: m.ManagementObjectPage,
  })),
);
const AuditsPage = lazy(() =>
  import('./modules/revision/pages/RevisionPages.js').then((m) => ({ default: m.AuditsPage })),
);
const AuditPage = lazy(() =>
  import('./modules/revision/pages/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);
const OpenRecommendationsPage = lazy(() =>
  import('./modules/revision/pages/RevisionPages.js').then((m) => ({
    default: m.OpenRecommendationsPage,
  })),
);
const AssignmentsPage = lazy(() =>
  import('./modules/revision/pages/RevisionPages.js').then((m) => ({ default: m.AssignmentsPage })),
);
const DeadlinesPage = lazy(() =>
  import('./modules/revision/pages/RevisionPages.js').then((m) => ({ default: m.DeadlinesPage })),
);
const PortfolioPage = lazy(() =>
  import('./modules/portfolio/pages/PortfolioPages.js').then((m) => ({ default: m.PortfolioPage })),
);
const InitiativePage = lazy(() =>
  import('./modules/portfolio/pages/PortfolioPages.js').then((m) => ({
    default: m.InitiativePage,
  })),
);
const PrioritisationPage = lazy(() =>
  import('./modules/portfolio/pages/PortfolioPages.js').then((m) => ({
    default: m.PrioritisationPage,
  })),
);
const RoadmapPage = lazy(() =>
  import('./modules/portfolio/pages/RoadmapPages.js').then((m) => ({ default: m.RoadmapPage })),
);
const TopPage = lazy(() =>
  import('./modules/portfolio/pages/RoadmapPages.js').then((m) => ({ default: m.TopPage })),
);
const RealisationPage = lazy(() =>
  import('./modules/portfolio/pages/RealisationPages.js').then((m) => ({
    default: m.RealisationPage,
  })),
);
const AuditTrailPage = lazy(() =>
  import('./modules/audit-trail/AuditTrailPage.js').then((m) => ({ default: m.AuditTrailPage })),
);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('common.notFound')}</h1>;
}

function Gate({ children }: { children: ReactNode }) {
  const { me, isLoading } = useAuth();
  if (isLoading) return <Loading />;
  if (!me) return <PublicArea />;
  return <>{children}</>;
}

function App() {
  return (
    <Gate>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route path="organisation" element={<OrgTreePage />} />
            <Route path="organisation/:id" element={<UnitPage />} />
            <Route path="forum" element={<ForumsPage />} />
            <Route path="forum/:id" element={<ForumPage />} />
            <Route path="beslut" element={<DecisionsPage />} />
            <Route path="beslut/:id" element={<DecisionPage />} />
            <Route path="mal" element={<GoalsPage />} />
            <Route path="mal/:id" element={<GoalPage />} />
            <Route path="uppfoljning" element={<FollowUpPage />} />
            <Route path="styrdokument" element={<DocumentsPage />} />
            <Route path="styrdokument/:id" element={<DocumentPage />} />
            <Route path="it-system" element={<SystemsPage />} />
            <Route path="it-system/import" element={<SystemImportPage />} />
            <Route path="it-system/oversikt" element={<SystemsOverviewPage />} />
            <Route path="it-system/agarskap" element={<OwnershipGapsPage />} />
            <Route path="tjanster" element={<ServiceTreePage />} />
            <Route path="tjanster/:id" element={<ServiceNodePage />} />
            <Route path="forvaltningsobjekt" element={<ManagementObjectsPage />} />
            <Route path="forvaltningsobjekt/:id" element={<ManagementObjectPage />} />
            <Route path="it-system/:id" element={<SystemPage />} />
            <Route path="portfolj" element={<PortfolioPage />} />
            <Route path="portfolj/prioritering" element={<PrioritisationPage />} />
            <Route path="portfolj/fardplaner" element={<RoadmapPage />} />
            <Route path="portfolj/viktigaste" element={<TopPage />} />
            <Route path="portfolj/effekter" element={<RealisationPage />} />
            <Route path="portfolj/:id" element={<InitiativePage />} />
            <Route path="revision" element={<AuditsPage />} />
            <Route path="revision/rekommendationer" element={<OpenRecommendationsPage />} />
            <Route path="revision/uppdrag" element={<AssignmentsPage />} />
            <Route path="revision/tidpunkter" element={<DeadlinesPage />} />
            <Route path="revision/:id" element={<AuditPage />} />
            <Route path="personer" element={<PeoplePage />} />
            <Route path="granskningslogg" element={<AuditTrailPage />} />
            <Route path="installningar" element={<SettingsPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </Gate>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AuthProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </AuthProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
