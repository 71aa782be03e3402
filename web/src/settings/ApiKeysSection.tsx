import { Alert, Badge, Box, Button, chakra, Code, Field, HStack, Input, Stack, Table, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError } from '../api/problems';
import { useMe } from '../auth/AuthProvider';
import { CopyButton } from '../components/CopyButton';
import { EmptyState, ErrorAlert, Loading, notifyError } from '../components/feedback';
import { errorsByField } from '../components/fields';
import { exactTime, timeAgo } from '../components/format';
import { Section } from './SettingsPage';

type Scope = 'read' | 'write' | 'execute';
type ApiKey = Schemas['ApiKeyView'];
const SCOPES: { scope: Scope; text: string }[] = [
  { scope: 'read', text: 'read: see workflows, executions, credentials (metadata)' },
  { scope: 'write', text: 'write: change them' },
  { scope: 'execute', text: 'execute: run workflows' },
];

export function ApiKeysSection() {
  const me = useMe();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/api/v1/api-keys', { params: { query: { limit: 100 } } })) });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<ApiKey | null>(null);
  const setList = (update: (items: ApiKey[]) => ApiKey[]) => queryClient.setQueryData(['api-keys'],
    (old: Schemas['PageApiKeyView'] | undefined) => old && { ...old, items: update(old.items ?? []) });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/api-keys', { body: { name, scopes, ...(expires ? { expires_at: new Date(expires).toISOString() } : {}) } })),
    onSuccess: (key) => {
      setCreated(key);
      // The list never holds the secret: store the key without it.
      setList((items) => [{ ...key, key: undefined }, ...items]);
      setName('');
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => setList((items) => items.filter((k) => k.id !== id)),
    onError: (error) => notifyError('Could not revoke the key', error),
  });
  const fields = create.error instanceof ApiError ? errorsByField(create.error.fieldErrors) : {};
  const scopeError = Object.entries(fields).find(([k]) => k.startsWith('scopes'))?.[1];
  const allowed = me.role === 'observer' ? ['read'] : ['read', 'write', 'execute'];

  return (
    <>
      <Section title="Create an API key" description="For scripts, the CLI and other machines. Send it as “Authorization: Bearer aos_…”. It is shown once.">
        {created && (
          <Alert.Root status="success" mb="5" borderRadius="md" data-testid="new-api-key">
            <Alert.Indicator />
            <Alert.Content>
              <Alert.Title>Copy “{created.name}” now: it will not be shown again</Alert.Title>
              <HStack mt="2" gap="2"><Code p="1.5" fontSize="sm" data-testid="api-key-secret">{created.key}</Code><CopyButton value={created.key!} /></HStack>
            </Alert.Content>
            <Button size="xs" variant="ghost" onClick={() => setCreated(null)}>Done</Button>
          </Alert.Root>
        )}
        <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
          <Stack gap="4" maxW="md">
            {create.isError && Object.keys(fields).length === 0 && <ErrorAlert title="Not created" error={create.error} />}
            <Field.Root required invalid={!!fields.name}>
              <Field.Label>Name</Field.Label>
              <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. deploy script" />
              <Field.ErrorText>{fields.name}</Field.ErrorText>
            </Field.Root>
            <Field.Root invalid={!!scopeError}>
              <Field.Label as="span">Scopes</Field.Label>
              <Stack gap="1.5" role="group" aria-label="Scopes">
                {SCOPES.filter((s) => allowed.includes(s.scope)).map(({ scope, text }) => (
                  <HStack as="label" key={scope} gap="2" fontSize="sm" cursor="pointer">
                    <chakra.input type="checkbox" accentColor="blue.600" w="4" h="4" checked={scopes.includes(scope)}
                      onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
                    {text}
                  </HStack>
                ))}
              </Stack>
              <Field.ErrorText>{scopeError}</Field.ErrorText>
            </Field.Root>
            <Field.Root invalid={!!fields.expires_at}>
              <Field.Label>Expires <Text as="span" color="fg.muted">(optional)</Text></Field.Label>
              <Input type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} maxW="64" />
              <Field.ErrorText>{fields.expires_at}</Field.ErrorText>
            </Field.Root>
            <Button type="submit" colorPalette="blue" alignSelf="start" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>Create key</Button>
          </Stack>
        </form>
      </Section>
      <Section title="Your API keys">
        {keys.isPending ? <Loading /> : keys.isError ? <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />
          : (keys.data.items ?? []).length === 0 ? <EmptyState title="No API keys">Create one above.</EmptyState> : (
            <Box overflowX="auto">
              <Table.Root size="sm" aria-label="API keys">
                <Table.Header><Table.Row><Table.ColumnHeader>Name</Table.ColumnHeader><Table.ColumnHeader>Key</Table.ColumnHeader>
                  <Table.ColumnHeader>Scopes</Table.ColumnHeader><Table.ColumnHeader>Last used</Table.ColumnHeader><Table.ColumnHeader>Expires</Table.ColumnHeader><Table.ColumnHeader /></Table.Row></Table.Header>
                <Table.Body>
                  {keys.data.items!.map((k) => (
                    <Table.Row key={k.id} data-testid="api-key-row">
                      <Table.Cell fontWeight="medium">{k.name}</Table.Cell>
                      <Table.Cell><Code fontSize="xs">{k.prefix}…</Code></Table.Cell>
                      <Table.Cell><HStack gap="1">{k.scopes?.map((s) => <Badge key={s} size="sm" variant="subtle">{s}</Badge>)}</HStack></Table.Cell>
                      <Table.Cell fontSize="sm" title={exactTime(k.last_used_at)}>{k.last_used_at ? timeAgo(k.last_used_at) : 'never'}</Table.Cell>
                      <Table.Cell fontSize="sm">{k.expires_at ? exactTime(k.expires_at) : 'never'}</Table.Cell>
                      <Table.Cell textAlign="end"><Button size="xs" variant="ghost" colorPalette="red" loading={revoke.isPending && revoke.variables === k.id}
                        onClick={() => { if (confirm(`Revoke “${k.name}”? Anything using it stops working at once.`)) revoke.mutate(k.id!); }}>Revoke</Button></Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table.Root>
            </Box>
          )}
      </Section>
    </>
  );
}
