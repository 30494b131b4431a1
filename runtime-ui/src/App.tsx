import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { ActivationPage } from './pages/ActivationPage.tsx';
import { CalendarAdminPage } from './pages/CalendarAdminPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { ChangePasswordPage } from './pages/ChangePasswordPage.tsx';
import { CataloguePage } from './pages/CataloguePage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { DocumentPage } from './pages/DocumentPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { NewRegencyPage } from './pages/NewRegencyPage.tsx';
import { LoginPage } from '../../ui-shared/components/LoginPage.tsx';
import { PublicTrackPage } from './pages/PublicTrackPage.tsx';
import { PublicVerifyPage } from './pages/PublicVerifyPage.tsx';
import { ReceiptPage } from './pages/ReceiptPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { StartCasePage } from './pages/StartCasePage.tsx';
import { TaskPage } from './pages/TaskPage.tsx';
import { AccessLogPage } from './pages/AccessLogPage.tsx';
import { ArchiveRegisterPage } from './pages/ArchiveRegisterPage.tsx';
import { DelegationsPage } from './pages/DelegationsPage.tsx';
import { PublicStandardsPage } from './pages/PublicStandardsPage.tsx';
import { SessionProvider, useSession } from '../../ui-shared/session/SessionContext.tsx';

function StaffRoutes() {
  const { session, loading } = useSession();
  if (loading)
    return (
      <p className="loading" role="status">
        …
      </p>
    );
  if (!session) return <LoginPage />;
  // A temporary password opens nothing but its own replacement (the API refuses everything else too).
  if (session.mustChangePassword === true) return <ChangePasswordPage />;
  return (
    <Routes>
      <Route path="/" element={<InboxPage />} />
      <Route path="/layanan" element={<CataloguePage />} />
      <Route path="/layanan/:sopId/mulai" element={<StartCasePage />} />
      <Route path="/kasus/:caseId" element={<CasePage />} />
      <Route path="/kasus/:caseId/tanda-terima" element={<ReceiptPage />} />
      <Route path="/kasus/:caseId/tugas/:taskId" element={<TaskPage />} />
      <Route path="/dokumen/:documentId" element={<DocumentPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/dasbor" element={<DashboardPage />} />
      <Route path="/akun" element={<AccountsPage />} />
      <Route path="/akun-saya" element={<ChangePasswordPage />} />
      <Route path="/kalender" element={<CalendarAdminPage />} />
      <Route path="/kabupaten-baru" element={<NewRegencyPage />} />
      <Route path="/pelimpahan" element={<DelegationsPage />} />
      <Route path="/arsip" element={<ArchiveRegisterPage />} />
      <Route path="/log-akses" element={<AccessLogPage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

/** The runtime UI: public pages (tracking, verification) and the staff workspace behind login. */
export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Routes>
          <Route path="/lacak" element={<PublicTrackPage />} />
          <Route path="/lacak/:code" element={<PublicTrackPage />} />
          <Route path="/verifikasi/:code" element={<PublicVerifyPage />} />
          <Route path="/standar-pelayanan" element={<PublicStandardsPage />} />
          <Route path="/standar-pelayanan/:regencyId" element={<PublicStandardsPage />} />
          <Route path="/aktivasi" element={<ActivationPage />} />
          <Route path="/*" element={<StaffRoutes />} />
        </Routes>
      </Layout>
    </SessionProvider>
  );
}
