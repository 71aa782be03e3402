import { Box, Button, CloseButton, Dialog, Field, HStack, Input, NativeSelect, Portal, Stack, Table, Text } from '@chakra-ui/react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, messageOf } from '../api/problems';
import { Page, PageHeader } from '../app/Shell';
import { useMe } from '../auth/AuthProvider';
import { EmptyState, ErrorAlert, Loading, notifyError, notifySuccess } from '../components/feedback';
import { exactTime, timeAgo } from '../components/format';
import { templates, widgets } from '../editor/formTemplates';
import { errorSchemaOf, formSchema, uiSchemaFor } from '../editor/schemaForm';

type Credential = Schemas['Credential'];
type CredentialType = Schemas['TypeView'];

export default function CredentialsPage() {
  const me = useMe();
  const list = useQuery({
    queryKey: ['credentials'],
    queryFn: () => unwrap(api.GET('/api/v1/credentials', { params: { query: { limit: 200 } } })),
  });
  const types = useQuery({
    queryKey: ['credential-types'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/credential-types'))).items ?? [],
    staleTime: 10 * 60_000,
  });
  const [editing, setEditing] = useState<Credential | 'new' | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/credentials/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => queryClient.setQueryData(['credentials'], (old: Schemas['PageCredential'] | undefined) =>
      old && { ...old, items: old.items?.filter((c) => c.id !== id) }),
    onError: (error) => notifyError('Could not delete the credential', error),
  });
  const typeName = (type?: string) => types.data?.find((t) => t.type === type)?.name ?? type;
  const canChange = me.role !== 'observer';
  const items = list.data?.items ?? [];

  return (
    <Page>
      <PageHeader title="Credentials" subtitle="Secrets your workflows use. They are encrypted at rest and never shown again after you save them."
        actions={canChange && <Button colorPalette="blue" onClick={() => setEditing('new')} disabled={!types.data}>New credential</Button>} />
      {list.isPending ? <Loading label="Loading credentials…" />
        : list.isError ? <ErrorAlert title="Could not load the credentials" error={list.error} onRetry={() => void list.refetch()} />
          : items.length === 0 ? <EmptyState title="No credentials yet" action={canChange && <Button onClick={() => setEditing('new')} colorPalette="blue">Add a credential</Button>}>
            An API key, a username and password, or a webhook signing secret. Nodes refer to it by id.</EmptyState>
            : (
              <Box bg="bg" borderWidth="1px" borderRadius="lg" overflowX="auto">
                <Table.Root size="sm" aria-label="Credentials">
                  <Table.Header><Table.Row>
                    <Table.ColumnHeader pl="5" py="3">Name</Table.ColumnHeader><Table.ColumnHeader>Type</Table.ColumnHeader>
                    <Table.ColumnHeader>Secret</Table.ColumnHeader><Table.ColumnHeader>Last used</Table.ColumnHeader>
                    <Table.ColumnHeader>Id</Table.ColumnHeader><Table.ColumnHeader pr="5" />
                  </Table.Row></Table.Header>
                  <Table.Body>
                    {items.map((c) => (
                      <Table.Row key={c.id} data-testid="credential-row">
                        <Table.Cell pl="5" py="3" fontWeight="medium">{c.name}</Table.Cell>
                        <Table.Cell fontSize="sm">{typeName(c.type)}</Table.Cell>
                        <Table.Cell fontSize="sm" color="fg.muted" aria-label="Secret: stored, never shown">•••••••• stored</Table.Cell>
                        <Table.Cell fontSize="sm" title={exactTime(c.last_used_at)}>{c.last_used_at ? timeAgo(c.last_used_at) : 'never'}</Table.Cell>
                        <Table.Cell fontSize="xs" fontFamily="mono" color="fg.muted">{c.id}</Table.Cell>
                        <Table.Cell pr="5" textAlign="end">
                          {canChange && <HStack justify="end" gap="2">
                            <Button size="xs" variant="outline" onClick={() => setEditing(c)}>Edit</Button>
                            <Button size="xs" variant="ghost" colorPalette="red" loading={remove.isPending && remove.variables === c.id}
                              onClick={() => { if (confirm(`Delete “${c.name}”? Workflows that use it will fail.`)) remove.mutate(c.id!); }}>Delete</Button>
                          </HStack>}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table.Root>
              </Box>
            )}
      {editing && types.data && <CredentialDialog credential={editing === 'new' ? null : editing} types={types.data} onClose={() => setEditing(null)} />}
    </Page>
  );
}

/**
 * Create, or edit: renaming keeps the stored secret; "replace the secret" sends a whole new
 * `data`. The form starts empty either way: the secret is never read back.
 */
function CredentialDialog({ credential, types, onClose }: { credential: Credential | null; types: CredentialType[]; onClose: () => void }) {
  const [type, setType] = useState(credential?.type ?? types[0]?.type ?? '');
  const [name, setName] = useState(credential?.name ?? '');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [replaceSecret, setReplaceSecret] = useState(!credential);
  const [error, setError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  const chosen = types.find((t) => t.type === type);
  const schema = useMemo(() => formSchema(chosen?.schema ?? { type: 'object' }), [chosen]);
  const uiSchema = useMemo(() => ({ ...uiSchemaFor(chosen?.schema), 'ui:submitButtonOptions': { norender: true } }), [chosen]);
  const problems = error instanceof ApiError ? error.fieldErrors : [];
  const dataErrors = errorSchemaOf(problems.filter((p) => p.path?.startsWith('/data/')).map((p) => ({ path: p.path!.split('/').slice(2), message: p.message ?? '' })));
  const nameError = problems.find((p) => p.path === '/name')?.message ?? (error instanceof ApiError && error.code === 'credential_name_taken' ? error.message : undefined);
  const general = error !== null && !nameError && !problems.some((p) => p.path?.startsWith('/data/')) ? messageOf(error) : undefined;

  const save = useMutation({
    mutationFn: () => credential
      ? unwrap(api.PUT('/api/v1/credentials/{id}', { params: { path: { id: credential.id! } }, body: { name, ...(replaceSecret ? { data: data as never } : {}) } }))
      : unwrap(api.POST('/api/v1/credentials', { body: { name, type, data: data as never } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['credentials'], (old: Schemas['PageCredential'] | undefined) => old && {
        ...old, items: credential ? old.items?.map((c) => (c.id === saved.id ? saved : c)) : [saved, ...(old.items ?? [])],
      });
      notifySuccess(credential ? 'Credential saved' : 'Credential created', 'The secret is stored encrypted and will not be shown again.');
      onClose();
    },
    onError: setError,
  });

  return (
    <Dialog.Root open onOpenChange={(e) => { if (!e.open) onClose(); }} size="md">
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header><Dialog.Title>{credential ? `Edit “${credential.name}”` : 'New credential'}</Dialog.Title></Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                {general && <ErrorAlert title="Not saved" error={error} />}
                <Field.Root required invalid={!!nameError}>
                  <Field.Label>Name</Field.Label>
                  <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. GitHub bot" />
                  <Field.ErrorText>{nameError}</Field.ErrorText>
                </Field.Root>
                <Field.Root disabled={!!credential}>
                  <Field.Label>Type</Field.Label>
                  <NativeSelect.Root>
                    <NativeSelect.Field value={type} onChange={(e) => { setType(e.target.value); setData({}); }}>
                      {types.map((t) => <option key={t.type} value={t.type}>{t.name}</option>)}
                    </NativeSelect.Field>
                    <NativeSelect.Indicator />
                  </NativeSelect.Root>
                  {chosen?.description && <Field.HelperText>{chosen.description}</Field.HelperText>}
                </Field.Root>
                {credential && !replaceSecret ? (
                  <Box p="3" borderWidth="1px" borderRadius="md" bg="bg.muted">
                    <Text fontSize="sm">The stored secret stays as it is; it is never shown.</Text>
                    <Button size="xs" mt="2" variant="outline" onClick={() => setReplaceSecret(true)}>Replace the secret</Button>
                  </Box>
                ) : (
                  <Box className="aos-form" data-testid="credential-form">
                    <Form key={type} schema={schema} uiSchema={uiSchema} formData={data} validator={validator} templates={templates}
                      widgets={widgets} extraErrors={dataErrors} showErrorList={false} noHtml5Validate idPrefix="credential"
                      onChange={(e) => setData((e.formData ?? {}) as Record<string, unknown>)}><></></Form>
                  </Box>
                )}
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Button variant="outline" onClick={onClose}>Cancel</Button>
              <Button colorPalette="blue" onClick={() => { setError(null); save.mutate(); }} loading={save.isPending} disabled={!name.trim()}>Save</Button>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild><CloseButton size="sm" /></Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
