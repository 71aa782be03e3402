import { Button, CloseButton, Dialog, Field, Portal, Stack, Text, Textarea } from '@chakra-ui/react';
import { useState } from 'react';

/** Asks for the sample input of a test run; it becomes `$trigger.body`. */
export function TestRunDialog({ disabled, busy, note, onRun }: { disabled: boolean; busy: boolean; note?: string;
  onRun: (input: unknown) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('{\n  "name": "Ada",\n  "amount": 42\n}');
  let error: string | undefined;
  let input: unknown;
  try {
    input = text.trim() === '' ? null : JSON.parse(text);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return (
    <Dialog.Root open={open} onOpenChange={(e) => setOpen(e.open)}>
      <Dialog.Trigger asChild><Button variant="outline" size="sm" disabled={disabled} loading={busy}>Test run</Button></Dialog.Trigger>
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header><Dialog.Title>Test run</Dialog.Title></Dialog.Header>
            <Dialog.Body>
              <Stack gap="3">
                <Text fontSize="sm" color="fg.muted">Runs the saved version now, with this input as <code>$trigger.body</code>. Each step's output appears on the graph.</Text>
                {note && <Text fontSize="sm" color="orange.fg">{note}</Text>}
                <Field.Root invalid={!!error}>
                  <Field.Label>Sample input (JSON)</Field.Label>
                  <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} fontFamily="mono" fontSize="xs" />
                  <Field.ErrorText>{error}</Field.ErrorText>
                </Field.Root>
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild><Button variant="outline">Cancel</Button></Dialog.ActionTrigger>
              <Button colorPalette="blue" disabled={!!error} onClick={() => { setOpen(false); onRun(input); }}>Run</Button>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild><CloseButton size="sm" /></Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
