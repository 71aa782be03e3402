import { Button, CloseButton, Dialog, Field, Input, Portal, Stack, Text, Textarea } from '@chakra-ui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sendRaw, type Schemas } from '../api/client';
import { ApiError, messageOf } from '../api/problems';

/** JSON starts with "{"; anything else is sent as YAML, which the server reads too. */
export function contentTypeOf(text: string): string {
  return text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}

export function ImportDialog() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await sendRaw<Schemas['WorkflowDetail']>('POST', '/api/v1/workflows/import', text, contentTypeOf(text));
      await queryClient.invalidateQueries({ queryKey: ['workflows', 'list'] });
      setOpen(false);
      navigate(`/workflows/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const problems = error instanceof ApiError ? error.fieldErrors : [];

  return (
    <Dialog.Root open={open} onOpenChange={(e) => setOpen(e.open)} size="lg">
      <Dialog.Trigger asChild><Button variant="outline">Import</Button></Dialog.Trigger>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header><Dialog.Title>Import a workflow</Dialog.Title></Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                <Text fontSize="sm" color="fg.muted">An exported JSON or YAML file. It is created inactive, at version 1, and owned by you.</Text>
                <Field.Root>
                  <Field.Label>File</Field.Label>
                  <Input type="file" accept=".json,.yaml,.yml,application/json,application/yaml" p="1"
                    onChange={(e) => void readFile(e.target.files?.[0])} />
                </Field.Root>
                <Field.Root invalid={error !== null}>
                  <Field.Label>Or paste the document</Field.Label>
                  <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={10} fontFamily="mono" fontSize="xs"
                    placeholder={'schema_version: 1\nname: My workflow\n…'} />
                  {error !== null && <Field.ErrorText>{messageOf(error)}</Field.ErrorText>}
                </Field.Root>
                {problems.length > 0 && (
                  <Stack as="ul" gap="1" fontSize="sm" color="red.fg" pl="4">
                    {problems.map((p, i) => <li key={i}><code>{p.path}</code>: {p.message}</li>)}
                  </Stack>
                )}
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild><Button variant="outline">Cancel</Button></Dialog.ActionTrigger>
              <Button colorPalette="blue" onClick={submit} loading={busy} disabled={!text.trim()}>Import</Button>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild><CloseButton size="sm" /></Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
