import { Alert, Button, Field, Input, Stack } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api/problems';
import { errorsByField } from '../components/fields';
import { AuthCard } from './AuthCard';
import { useAuth } from './AuthProvider';

export function LoginPage({ notice }: { notice?: string }) {
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const locked = error instanceof ApiError && error.code === 'account_locked';
  const fields = error instanceof ApiError ? errorsByField(error.fieldErrors) : {};
  return (
    <AuthCard title="Log in" subtitle="Welcome back. Log in to your automation hub.">
      <form onSubmit={submit} noValidate>
        <Stack gap="4">
          {notice && !error && (
            <Alert.Root status="info" borderRadius="md"><Alert.Indicator /><Alert.Title>{notice}</Alert.Title></Alert.Root>
          )}
          {error !== null && (
            <Alert.Root status={locked ? 'warning' : 'error'} borderRadius="md" role="alert">
              <Alert.Indicator />
              <Alert.Content>
                <Alert.Title>{locked ? 'Account locked' : 'Could not log in'}</Alert.Title>
                <Alert.Description>{messageOf(error)}</Alert.Description>
              </Alert.Content>
            </Alert.Root>
          )}
          <Field.Root required invalid={!!fields.username}>
            <Field.Label>Username</Field.Label>
            <Input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
            <Field.ErrorText>{fields.username}</Field.ErrorText>
          </Field.Root>
          <Field.Root required invalid={!!fields.password}>
            <Field.Label>Password</Field.Label>
            <Input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <Field.ErrorText>{fields.password}</Field.ErrorText>
          </Field.Root>
          <Button type="submit" colorPalette="blue" loading={busy} loadingText="Logging in…" disabled={!username || !password}>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
