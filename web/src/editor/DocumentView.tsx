import { Alert, Box, Button, HStack, SegmentGroup, Stack, Text, Textarea } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import type { WorkflowDocument } from '../graph/document';

type Format = 'json' | 'yaml';

export function serialize(doc: WorkflowDocument, format: Format): string {
  return format === 'json' ? JSON.stringify(doc, null, 2) : toYaml(doc, { lineWidth: 0 });
}

/** Parses the text; the error names the line where it can. */
export function parseDocument(text: string, format: Format): { doc?: WorkflowDocument; error?: string } {
  try {
    const value = format === 'json' ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'The document must be an object (a mapping).' };
    const doc = value as WorkflowDocument;
    if (!doc.trigger || typeof doc.trigger !== 'object') return { error: 'The document needs a "trigger".' };
    return { doc: { ...doc, nodes: Array.isArray(doc.nodes) ? doc.nodes : [], connections: Array.isArray(doc.connections) ? doc.connections : [] } };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The whole workflow as JSON or YAML, editable; applying it re-runs the server's validation. */
export function DocumentView({ doc, problems, readOnly, onApply }: { doc: WorkflowDocument;
  problems: { path: string; message: string }[]; readOnly: boolean; onApply: (doc: WorkflowDocument) => void }) {
  const [format, setFormat] = useState<Format>('yaml');
  const [text, setText] = useState(() => serialize(doc, 'yaml'));
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setText(serialize(doc, format));
  }, [doc, format, dirty]);
  const parsed = dirty ? parseDocument(text, format) : {};

  return (
    <Stack gap="3" h="full">
      <HStack justify="space-between">
        <SegmentGroup.Root size="sm" value={format} onValueChange={(e) => {
          const next = e.value as Format;
          const current = parseDocument(text, format);
          setText(serialize(current.doc ?? doc, next));
          setFormat(next);
        }}>
          <SegmentGroup.Indicator />
          <SegmentGroup.Items items={[{ value: 'yaml', label: 'YAML' }, { value: 'json', label: 'JSON' }]} />
        </SegmentGroup.Root>
        <HStack>
          {dirty && <Button size="sm" variant="ghost" onClick={() => { setDirty(false); setText(serialize(doc, format)); }}>Discard</Button>}
          <Button size="sm" colorPalette="blue" disabled={!dirty || !!parsed.error || readOnly}
            onClick={() => { if (parsed.doc) { onApply(parsed.doc); setDirty(false); } }}>Apply to the graph</Button>
        </HStack>
      </HStack>
      {parsed.error && <Alert.Root status="error" size="sm" role="alert"><Alert.Indicator /><Alert.Description>{format.toUpperCase()} syntax: {parsed.error}</Alert.Description></Alert.Root>}
      {!dirty && problems.length > 0 && (
        <Alert.Root status="warning" size="sm">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>The server would refuse this document</Alert.Title>
            {problems.map((p, i) => <Alert.Description key={i}><code>{p.path}</code> {p.message}</Alert.Description>)}
          </Alert.Content>
        </Alert.Root>
      )}
      <Box flex="1" minH="0">
        <Textarea aria-label={`Workflow document (${format.toUpperCase()})`} value={text} readOnly={readOnly} spellCheck={false}
          onChange={(e) => { setText(e.target.value); setDirty(true); }} fontFamily="mono" fontSize="xs" h="full" minH="420px" resize="none" />
      </Box>
      <Text fontSize="xs" color="fg.muted">Edits here replace the whole document; “Apply” brings them into the graph, “Save” stores them as a new version.</Text>
    </Stack>
  );
}
