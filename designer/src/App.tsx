import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { EditorPage } from './pages/EditorPage.tsx';
import { DocumentImportPage } from './pages/DocumentImportPage.tsx';
import { HistoryPage } from './pages/HistoryPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { LoginPage } from '../../ui-shared/components/LoginPage.tsx';
import { MigrationPage } from './pages/MigrationPage.tsx';
import { NewSopPage } from './pages/NewSopPage.tsx';
import { PrintPage } from './pages/PrintPage.tsx';
import { RegencySettingsPage } from './pages/RegencySettingsPage.tsx';
import { SopListPage } from './pages/SopListPage.tsx';
import { SessionProvider, useSession } from '../../ui-shared/session/SessionContext.tsx';

function DesignerRoutes() {
  const { t } = useTranslation();
  const { session, loading, hasKind } = useSession();
  if (loading) return <p className="muted">…</p>;
  if (!session) return <LoginPage titleKey="designer.login" />;
  // Staff who open the designer get a pointer back instead of a page of refusals.
  if (!hasKind('drafter', 'approver', 'admin'))
    return (
      <div className="alert info" role="status" data-testid="not-designer">
        {t('designer.notDesigner')} <a href="/">{t('designer.nav.runtime')}</a>
      </div>
    );
  return (
    <Routes>
      <Route path="/" element={<SopListPage />} />
      <Route path="/baru" element={<NewSopPage />} />
      <Route path="/impor" element={<ImportPage />} />
      <Route path="/impor-dokumen" element={<DocumentImportPage />} />
      <Route path="/sop/:sopId" element={<EditorPage />} />
      <Route path="/sop/:sopId/riwayat" element={<HistoryPage />} />
      <Route path="/sop/:sopId/pindah-kasus" element={<MigrationPage />} />
      <Route path="/sop/:sopId/cetak" element={<PrintPage />} />
      <Route path="/pengaturan" element={<RegencySettingsPage />} />
      <Route path="/pengaturan/riwayat" element={<HistoryPage regency />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

/** The SOP designer: drafters write and check SOPs, approvers publish them (served under /designer). */
export function App() {
  return (
    <SessionProvider>
      <Layout>
        <DesignerRoutes />
      </Layout>
    </SessionProvider>
  );
}
