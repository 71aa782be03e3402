import { Badge, Box, Button, Field, HStack, Input, NativeSelect, Stack, Switch, Table, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError } from '../api/problems';
import { useMe } from '../auth/AuthProvider';
import { ErrorAlert, Loading, notifyError, notifySuccess } from '../components/feedback';
import { errorsByField } from '../components/fields';
import { timeAgo } from '../components/format';
import { Section } from './SettingsPage';

type Role = 'admin' | 'user' | 'observer' | 'api';
type UserPage = Schemas['PageUserView'];

export function UsersSection() {
  const me = useMe();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })) });
  const registration = useQuery({ queryKey: ['registration'], queryFn: () => unwrap(api.GET('/api/v1/system/registration')) });
  const setRegistration = useMutation({
    mutationFn: (open: boolean) => unwrap(api.PUT('/api/v1/system/registration', { body: { open } })),
    onSuccess: (value) => queryClient.setQueryData(['registration'], value),
    onError: (error) => notifyError('Could not change registration', error),
  });
  const patch = useMutation({
    mutationFn: ({ id, change }: { id: string; change: Schemas['UpdateUserRequest'] }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: change })),
    onSuccess: (user) => queryClient.setQueryData(['users'], (old: UserPage | undefined) => old && { ...old, items: old.items?.map((u) => (u.id === user.id ? user : u)) }),
    onError: (error) => notifyError('Could not change the account', error),
  });
  const [form, setForm] = useState({ username: '', password: '', email: '', role: 'user' as Role });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users', { body: { username: form.username, role: form.role,
      ...(form.role !== 'api' ? { password: form.password } : {}), ...(form.email ? { email: form.email } : {}) } })),
    onSuccess: (user) => {
      queryClient.setQueryData(['users'], (old: UserPage | undefined) => old && { ...old, items: [user, ...(old.items ?? [])] });
      setForm({ username: '', password: '', email: '', role: 'user' });
      notifySuccess(`Account “${user.username}” created`);
    },
  });
  const fields = create.error instanceof ApiError ? errorsByField(create.error.fieldErrors) : {};

  return (
    <>
      <Section title="Registration" description="While open, anyone who reaches this server can create a user account.">
        {registration.isError ? <ErrorAlert error={registration.error} /> : (
          <Switch.Root checked={registration.data?.open ?? false} disabled={registration.isPending || setRegistration.isPending}
            onCheckedChange={(e) => setRegistration.mutate(e.checked)}>
            <Switch.HiddenInput aria-label="Registration open" /><Switch.Control />
            <Switch.Label>{registration.data?.open ? 'Open: anyone can register' : 'Closed: only admins create accounts'}</Switch.Label>
          </Switch.Root>
        )}
      </Section>
      <Section title="Users">
        {users.isPending ? <Loading /> : users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : (
          <Box overflowX="auto">
            <Table.Root size="sm" aria-label="Users">
              <Table.Header><Table.Row><Table.ColumnHeader>User</Table.ColumnHeader><Table.ColumnHeader>Role</Table.ColumnHeader>
                <Table.ColumnHeader>Enabled</Table.ColumnHeader><Table.ColumnHeader>Created</Table.ColumnHeader></Table.Row></Table.Header>
              <Table.Body>
                {(users.data.items ?? []).map((u) => {
                  const self = u.id === me.id;
                  return (
                    <Table.Row key={u.id}>
                      <Table.Cell><Text fontWeight="medium">{u.username} {self && <Badge size="sm">you</Badge>}</Text><Text fontSize="xs" color="fg.muted">{u.email}</Text></Table.Cell>
                      <Table.Cell>
                        <NativeSelect.Root size="xs" maxW="32" disabled={self}>
                          <NativeSelect.Field aria-label={`Role of ${u.username}`} value={u.role}
                            onChange={(e) => patch.mutate({ id: u.id!, change: { role: e.target.value as Role } })}>
                            {['admin', 'user', 'observer'].map((r) => <option key={r} value={r}>{r}</option>)}
                            {u.role === 'api' && <option value="api">api</option>}
                          </NativeSelect.Field>
                          <NativeSelect.Indicator />
                        </NativeSelect.Root>
                      </Table.Cell>
                      <Table.Cell>
                        <Switch.Root size="sm" checked={u.enabled} disabled={self} onCheckedChange={(e) => patch.mutate({ id: u.id!, change: { enabled: e.checked } })}>
                          <Switch.HiddenInput aria-label={`${u.username} enabled`} /><Switch.Control />
                        </Switch.Root>
                      </Table.Cell>
                      <Table.Cell fontSize="sm">{timeAgo(u.created_at)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table.Root>
          </Box>
        )}
      </Section>
      <Section title="Add an account" description="Service accounts (api) have no password; issue them keys with the CLI or the API.">
        <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
          <Stack gap="4" maxW="md">
            {create.isError && Object.keys(fields).length === 0 && <ErrorAlert title="Not created" error={create.error} />}
            <HStack gap="3" align="start">
              <Field.Root required invalid={!!fields.username}><Field.Label>Username</Field.Label>
                <Input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /><Field.ErrorText>{fields.username}</Field.ErrorText></Field.Root>
              <Field.Root><Field.Label>Role</Field.Label>
                <NativeSelect.Root><NativeSelect.Field value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                  {['user', 'observer', 'admin', 'api'].map((r) => <option key={r} value={r}>{r}</option>)}</NativeSelect.Field><NativeSelect.Indicator /></NativeSelect.Root></Field.Root>
            </HStack>
            {form.role !== 'api' && (
              <Field.Root required invalid={!!fields.password}><Field.Label>Password</Field.Label>
                <Input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
                <Field.ErrorText>{fields.password}</Field.ErrorText></Field.Root>
            )}
            <Field.Root invalid={!!fields.email}><Field.Label>Email (optional)</Field.Label>
              <Input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /><Field.ErrorText>{fields.email}</Field.ErrorText></Field.Root>
            <Button type="submit" alignSelf="start" loading={create.isPending} disabled={!form.username}>Add account</Button>
          </Stack>
        </form>
      </Section>
    </>
  );
}
