import { Navigate, Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './layout/console-layout';
import { AccountPage } from './pages/account-page';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { RoundCreatePage } from './pages/round-create-page';
import { RoundPage } from './pages/round-page';
import { RoundsPage } from './pages/rounds-page';
import { SignInPage } from './pages/sign-in-page';
import { StatisticsPage } from './pages/statistics-page';
import { useSession } from './session/session';

export function App() {
  const { user, mustChangePassword } = useSession();
  if (!user) return <SignInPage />;
  if (mustChangePassword) return <ChangePasswordPage forced />;
  const home = user.role === 'admin' ? '/account' : '/cases';
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/:caseId" element={<CasePage />} />
        <Route path="/rounds" element={<RoundsPage />} />
        {user.role === 'hr_officer' && <Route path="/rounds/new" element={<RoundCreatePage />} />}
        <Route path="/rounds/:roundId" element={<RoundPage />} />
        <Route path="/statistics" element={<StatisticsPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Route>
    </Routes>
  );
}
