import { Button, DataList, Field, Input, Stack } from '@chakra-ui/react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problems';
import { useAuth, useMe } from '../auth/AuthProvider';
import { ErrorAlert, notifySuccess } from '../components/feedback';
import { errorsByField } from '../components/fields';
import { exactTime } from '../components/format';
import { Section } from './SettingsPage';

export function ProfileSection() {
  const me = useMe();
  const { signOut } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/auth/me/password', { body: { current_password: current, new_password: next } })),
    onSuccess: () => {
      notifySuccess('Password changed', 'Every device has to log in again.');
      void signOut();
    },
  });
  const fields = change.error instanceof ApiError ? errorsByField(change.error.fieldErrors) : {};
  return (
    <>
      <Section title="Profile">
        <DataList.Root orientation="horizontal">
          {[['Username', me.username], ['Email', me.email ?? '—'], ['Role', me.role], ['Member since', exactTime(me.created_at)],
            ['Signed in with', me.auth === 'api_key' ? 'an API key' : 'a log-in session']].map(([label, value]) => (
            <DataList.Item key={label}><DataList.ItemLabel>{label}</DataList.ItemLabel><DataList.ItemValue>{value}</DataList.ItemValue></DataList.Item>
          ))}
        </DataList.Root>
      </Section>
      <Section title="Change password" description="All your sessions end, on every device, once it is changed.">
        <form onSubmit={(e) => { e.preventDefault(); change.mutate(); }}>
          <Stack gap="4" maxW="sm">
            {change.isError && Object.keys(fields).length === 0 && <ErrorAlert title="Not changed" error={change.error} />}
            <Field.Root invalid={!!fields.current_password} required>
              <Field.Label>Current password</Field.Label>
              <Input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
              <Field.ErrorText>{fields.current_password}</Field.ErrorText>
            </Field.Root>
            <Field.Root invalid={!!fields.new_password} required>
              <Field.Label>New password</Field.Label>
              <Input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
              <Field.ErrorText>{fields.new_password}</Field.ErrorText>
            </Field.Root>
            <Button type="submit" alignSelf="start" loading={change.isPending} disabled={!current || !next}>Change password</Button>
          </Stack>
        </form>
      </Section>
    </>
  );
}
