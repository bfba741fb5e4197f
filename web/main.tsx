import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider, useAuth } from './platform/auth.js';
import { I18nProvider, useI18n } from './platform/i18n.js';
import { AppShell } from './platform/layout.js';
import { PublicArea } from './platform/setup-page.js';
import { Loading } from './platform/components.js';
import './platform/styles.css';
import { moduleRoutes } from './modules/registry.js';

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
          {/* /t/<slug> chose the tenant at login (web/platform/tenant-slug.ts); then the start page. */}
          <Route path="t/:slug" element={<Navigate to="/" replace />} />
          <Route element={<AppShell />}>
            {moduleRoutes.map(({ path, index, Page }) =>
              index ? (
                <Route key="index" index element={<Page />} />
              ) : (
                <Route key={path} path={path} element={<Page />} />
              ),
            )}
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
