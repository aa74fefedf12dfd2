import { Navigate, Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './layout/console-layout';
import { AccountPage } from './pages/account-page';
import { AdminClientsPage } from './pages/admin-clients-page';
import { AdminPlanPage } from './pages/admin-plan-page';
import { AdminUsersPage } from './pages/admin-users-page';
import { CaseCreatePage } from './pages/case-create-page';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { ApproverHome } from './pages/home-approver';
import { AuditorHome } from './pages/home-auditor';
import { OfficerHome } from './pages/home-officer';
import { RoundCreatePage } from './pages/round-create-page';
import { RoundPage } from './pages/round-page';
import { RoundsPage } from './pages/rounds-page';
import { SignInPage } from './pages/sign-in-page';
import { StatisticsPage } from './pages/statistics-page';
import type { Role } from './api/views';
import { useSession } from './session/session';

const HOME: Record<Role, () => React.JSX.Element> = {
  hr_officer: OfficerHome,
  approver: ApproverHome,
  auditor: AuditorHome,
  admin: AdminUsersPage,
};

export function App() {
  const { user, mustChangePassword } = useSession();
  if (!user) return <SignInPage />;
  if (mustChangePassword) return <ChangePasswordPage forced />;
  const Home = HOME[user.role];
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        <Route path="/home" element={<Home />} />
        {user.role === 'admin' && <Route path="/admin/users" element={<AdminUsersPage />} />}
        {user.role === 'admin' && <Route path="/admin/clients" element={<AdminClientsPage />} />}
        {user.role === 'admin' && <Route path="/admin/plan" element={<AdminPlanPage />} />}
        <Route path="/cases" element={<CasesPage />} />
        {user.role === 'hr_officer' && <Route path="/cases/new" element={<CaseCreatePage />} />}
        <Route path="/cases/:caseId" element={<CasePage />} />
        <Route path="/rounds" element={<RoundsPage />} />
        {user.role === 'hr_officer' && <Route path="/rounds/new" element={<RoundCreatePage />} />}
        <Route path="/rounds/:roundId" element={<RoundPage />} />
        <Route path="/statistics" element={<StatisticsPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<Navigate to="/home" replace />} />
      </Route>
    </Routes>
  );
}
