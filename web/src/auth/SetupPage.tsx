import { Alert, Button, Field, Input, Stack } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { ApiError, messageOf } from '../api/problems';
import { errorsByField } from '../components/fields';
import { AuthCard } from './AuthCard';
import { useAuth } from './AuthProvider';

/** First run: the first account becomes the admin. */
export function SetupPage() {
  const { signIn, setupDone } = useAuth();
  const [form, setForm] = useState({ username: '', email: '', password: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = form.confirm.length > 0 && form.confirm !== form.password;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/register', {
        body: { username: form.username, password: form.password, ...(form.email ? { email: form.email } : {}) },
      }));
    } catch (e) {
      setError(e);
      setBusy(false);
      return;
    }
    try {
      await signIn(form.username, form.password);
    } catch {
      setupDone();
    }
  };

  const fields = error instanceof ApiError ? errorsByField(error.fieldErrors) : {};
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  return (
    <AuthCard title="Create the admin account" subtitle="This is a fresh install. The first account manages this hub: users, registration and settings.">
      <form onSubmit={submit} noValidate>
        <Stack gap="4">
          {error !== null && Object.keys(fields).length === 0 && (
            <Alert.Root status="error" borderRadius="md" role="alert">
              <Alert.Indicator /><Alert.Description>{messageOf(error)}</Alert.Description>
            </Alert.Root>
          )}
          <Field.Root required invalid={!!fields.username}>
            <Field.Label>Username</Field.Label>
            <Input name="username" autoComplete="username" autoFocus value={form.username} onChange={set('username')} />
            {fields.username ? <Field.ErrorText>{fields.username}</Field.ErrorText> : <Field.HelperText>3–64 letters, digits, '.', '_' or '-'.</Field.HelperText>}
          </Field.Root>
          <Field.Root invalid={!!fields.email}>
            <Field.Label>Email <span style={{ opacity: 0.6 }}>(optional)</span></Field.Label>
            <Input name="email" type="email" autoComplete="email" value={form.email} onChange={set('email')} />
            <Field.ErrorText>{fields.email}</Field.ErrorText>
          </Field.Root>
          <Field.Root required invalid={!!fields.password}>
            <Field.Label>Password</Field.Label>
            <Input name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
            {fields.password ? <Field.ErrorText>{fields.password}</Field.ErrorText> : <Field.HelperText>At least 10 characters; a passphrase works well.</Field.HelperText>}
          </Field.Root>
          <Field.Root required invalid={mismatch}>
            <Field.Label>Repeat the password</Field.Label>
            <Input name="confirm" type="password" autoComplete="new-password" value={form.confirm} onChange={set('confirm')} />
            <Field.ErrorText>The two passwords differ.</Field.ErrorText>
          </Field.Root>
          <Button type="submit" colorPalette="blue" loading={busy} loadingText="Creating…" disabled={!form.username || !form.password || mismatch}>
            Create admin and log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
