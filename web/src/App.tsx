import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { type Area, can } from './auth/access.ts';
import { useSession } from './auth/session.tsx';
import { Loading } from './components/Alert.tsx';
import { Layout } from './components/Layout.tsx';
import { Page } from './components/Page.tsx';
import { AdminPage } from './pages/AdminPage.tsx';
import { AssignmentPage } from './pages/AssignmentPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { IntakePage } from './pages/IntakePage.tsx';
import { LetterPage } from './pages/LetterPage.tsx';
import { PublishedLetterPage } from './pages/PublishedLetterPage.tsx';
import { QueuePage } from './pages/QueuePage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';

/** The dashboard brings the charting library; it loads when first opened. */
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));

/** A page only some roles may use; others are told so (the server refuses them anyway). */
function Allow({ area, children }: { area: Area; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  if (!can(state.user.role, area)) {
    return (
      <Page title="Not available to your role">
        <p>This page is not part of your role's work. Use the navigation to go back to your cases.</p>
      </Page>
    );
  }
  return children;
}

export function App() {
  const { state } = useSession();
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status" style={{ padding: '2rem' }}>
        Loading IMR Desk…
      </p>
    );
  }
  if (state.status === 'signed-out') {
    return <SignInPage {...(state.reason === undefined ? {} : { notice: state.reason })} />;
  }
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/queue" replace />} />
        <Route path="/signin" element={<Navigate to="/queue" replace />} />
        <Route path="/queue" element={<QueuePage />} />
        <Route
          path="/intake"
          element={
            <Allow area="intake">
              <IntakePage />
            </Allow>
          }
        />
        <Route path="/cases/:caseId" element={<CasePage />} />
        <Route
          path="/cases/:caseId/assignment"
          element={
            <Allow area="assignment">
              <AssignmentPage />
            </Allow>
          }
        />
        <Route
          path="/cases/:caseId/review"
          element={
            <Allow area="review">
              <ReviewPage />
            </Allow>
          }
        />
        <Route
          path="/cases/:caseId/letter"
          element={
            <Allow area="letter">
              <LetterPage />
            </Allow>
          }
        />
        <Route
          path="/dashboard"
          element={
            <Allow area="dashboard">
              <Suspense fallback={<Loading what="the dashboard" />}>
                <DashboardPage />
              </Suspense>
            </Allow>
          }
        />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/published-letters/:letterId" element={<PublishedLetterPage />} />
        <Route
          path="/admin"
          element={
            <Allow area="admin">
              <AdminPage />
            </Allow>
          }
        />
        <Route
          path="*"
          element={
            <Page title="Page not found">
              <p>There is no page at this address. Use the navigation to continue.</p>
            </Page>
          }
        />
      </Route>
    </Routes>
  );
}
