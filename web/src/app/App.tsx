import { Button, Center, Stack } from '@chakra-ui/react';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { LoginPage } from '../auth/LoginPage';
import { SetupPage } from '../auth/SetupPage';
import { ErrorAlert, Loading } from '../components/feedback';
import { DashboardPage } from '../dashboard/DashboardPage';
import { Shell } from './Shell';

// The editor and the execution detail carry React Flow, RJSF and YAML: loaded on first use, so
// the first screen stays small (docs/benchmarks.md, "Web app").
const EditorPage = lazy(() => import('../editor/EditorPage'));
const ExecutionDetailPage = lazy(() => import('../executions/ExecutionDetailPage'));
const ExecutionsPage = lazy(() => import('../executions/ExecutionsPage'));
const CredentialsPage = lazy(() => import('../credentials/CredentialsPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));

export function App() {
  const { state, retry } = useAuth();
  const location = useLocation();

  if (state.phase === 'starting') return <Loading label="Starting…" />;
  if (state.phase === 'unreachable') {
    return (
      <Center minH="100vh" p="6">
        <Stack maxW="md" gap="4">
          <ErrorAlert title="AutomateOS cannot be reached" error={new Error(state.message)} />
          <Button onClick={retry} alignSelf="start">Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (state.phase === 'setup') {
    return (
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="*" element={<Navigate to="/setup" replace />} />
      </Routes>
    );
  }
  if (state.phase === 'anonymous') {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage notice={state.notice} />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />} />
      </Routes>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />} />
        <Route path="/setup" element={<Navigate to="/" replace />} />
        <Route element={<Shell />}>
          <Route index element={<DashboardPage />} />
          <Route path="/workflows" element={<Navigate to="/" replace />} />
          <Route path="/workflows/new" element={<EditorPage />} />
          <Route path="/workflows/:id" element={<EditorPage />} />
          <Route path="/executions" element={<ExecutionsPage />} />
          <Route path="/executions/:id" element={<ExecutionDetailPage />} />
          <Route path="/credentials" element={<CredentialsPage />} />
          <Route path="/settings/*" element={<SettingsPage />} />
          <Route path="*" element={<Center py="20"><ErrorAlert title="Page not found" error={new Error('There is no page at this address.')} /></Center>} />
        </Route>
      </Routes>
    </Suspense>
  );
}
