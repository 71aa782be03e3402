import { Badge, Box, Button, Flex, HStack, Input, Stack, Switch, Tabs, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, sendRaw, unwrap, type Schemas } from '../api/client';
import { ApiError, type FieldProblem } from '../api/problems';
import { useMe } from '../auth/AuthProvider';
import { ErrorAlert, Loading, notifyError, notifySuccess } from '../components/feedback';
import { StatusBadge } from '../components/status';
import { locate, newDocument, type WorkflowDocument } from '../graph/document';
import { WorkflowGraph, type StepMark } from '../graph/WorkflowGraph';
import { previewOf, stepsByNode, useLiveExecution } from '../executions/useLiveExecution';
import { DocumentView } from './DocumentView';
import { NodeCatalog } from './NodeCatalog';
import { NodePanel, type NodeProblem } from './NodePanel';
import { useNodeTypes } from './nodeTypes';
import { PreviewContext, type PreviewSample } from './preview';
import { TestRunDialog } from './TestRunDialog';
import { useEditorDocument } from './useEditorDocument';
import { VersionHistory } from './VersionHistory';
import { WebhookPanel } from './WebhookPanel';

type WorkflowDetail = Schemas['WorkflowDetail'];

export default function EditorPage() {
  const { id } = useParams();
  const workflow = useQuery({
    queryKey: ['workflow', id],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  if (id && workflow.isPending) return <Loading label="Opening the workflow…" />;
  if (id && workflow.isError) return <Box p="8"><ErrorAlert title="Could not open this workflow" error={workflow.error} onRetry={() => void workflow.refetch()} /></Box>;
  // Keyed by version: a restore or a save from elsewhere starts the editor from that document.
  return <Editor key={`${id ?? 'new'}`} saved={id ? workflow.data : undefined} />;
}

function Editor({ saved }: { saved: WorkflowDetail | undefined }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const nodeTypes = useNodeTypes();
  const editing = useEditorDocument((saved?.definition as WorkflowDocument | undefined) ?? newDocument());
  const { doc, setDoc, dirty, setDirty } = editing;
  const [selected, setSelected] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saveProblems, setSaveProblems] = useState<FieldProblem[] | null>(null);
  const [testRunId, setTestRunId] = useState<string | null>(null);
  const [sampleInput, setSampleInput] = useState<unknown>({ name: 'Ada', amount: 42 });
  const readOnly = me.role === 'observer';
  const workflowId = saved?.id;

  // The server's own validation, as the person types (debounced by the key changing less often than keystrokes).
  const [validated, setValidated] = useState(doc);
  useEffect(() => {
    const t = setTimeout(() => setValidated(doc), 400);
    return () => clearTimeout(t);
  }, [doc]);
  const validation = useQuery({
    queryKey: ['validate', validated],
    queryFn: () => sendRaw<Schemas['ValidationResult']>('POST', '/api/v1/workflows/validate', JSON.stringify(validated)),
    enabled: !readOnly,
    placeholderData: (previous) => previous,
    retry: false,
  });
  const problems: FieldProblem[] = saveProblems ?? validation.data?.errors ?? [];
  useEffect(() => setSaveProblems(null), [doc]);

  const located = useMemo(() => problems.map((p) => ({ ...locate(doc, p.path ?? ''), message: p.message ?? '' })), [problems, doc]);
  const problemCount = useMemo(() => {
    const counts: Record<string, number> = {};
    located.forEach((p) => { if (p.nodeId) counts[p.nodeId] = (counts[p.nodeId] ?? 0) + 1; });
    return counts;
  }, [located]);
  const documentProblems = located.filter((p) => !p.nodeId);

  const save = useMutation({
    mutationFn: async () => {
      const body = JSON.stringify(doc);
      if (!workflowId) return sendRaw<WorkflowDetail>('POST', '/api/v1/workflows', body);
      const query = note ? `?message=${encodeURIComponent(note)}` : '';
      return sendRaw<WorkflowDetail>('PUT', `/api/v1/workflows/${workflowId}${query}`, body, 'application/json', { 'If-Match': `"${saved?.version}"` });
    },
    onSuccess: (result) => {
      queryClient.setQueryData(['workflow', result.id], result);
      void queryClient.invalidateQueries({ queryKey: ['workflows', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['workflow', result.id, 'versions'] });
      setDirty(false);
      setNote('');
      notifySuccess(`Saved as version ${result.version}`);
      if (!workflowId) navigate(`/workflows/${result.id}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'workflow_invalid') setSaveProblems(error.fieldErrors);
      notifyError(error instanceof ApiError && error.code === 'version_conflict' ? 'Someone saved a newer version' : 'Not saved', error);
    },
  });

  const activate = useMutation({
    mutationFn: (active: boolean) => unwrap(api.PATCH('/api/v1/workflows/{id}', { params: { path: { id: workflowId! } }, body: { active } })),
    onSuccess: (result) => {
      queryClient.setQueryData(['workflow', result.id], (old: WorkflowDetail | undefined) => (old ? { ...old, active: result.active } : result));
      notifySuccess(result.active ? 'Active: the trigger is listening' : 'Inactive');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'workflow_invalid') setSaveProblems(error.fieldErrors);
      notifyError('Could not change the activation', error);
    },
  });
  const active = (queryClient.getQueryData<WorkflowDetail>(['workflow', workflowId]) ?? saved)?.active ?? false;
  const version = (queryClient.getQueryData<WorkflowDetail>(['workflow', workflowId]) ?? saved)?.version;

  const run = useMutation({
    mutationFn: (input: unknown) => unwrap(api.POST('/api/v1/workflows/{id}/run', { params: { path: { id: workflowId! } }, body: { input: input as never } })),
    // The run endpoint answers 202 Accepted or 200 with the outcome; its schema is untyped, both carry the id.
    onSuccess: (accepted, input) => { setTestRunId((accepted as Schemas['Accepted']).id!); setSampleInput(input); },
    onError: (error) => notifyError('The test run did not start', error),
  });
  const testRun = useLiveExecution(testRunId ?? undefined);
  const lastRun = useQuery({
    queryKey: ['executions', 'latest', workflowId],
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/executions', { params: { query: { workflow_id: workflowId, limit: 1 } } }));
      const first = page.items?.[0];
      return first ? unwrap(api.GET('/api/v1/executions/{id}', { params: { path: { id: first.id! } } })) : null;
    },
    enabled: !!workflowId && !testRunId,
  });
  const execution = testRun.data ?? lastRun.data ?? undefined;
  const steps = useMemo(() => stepsByNode(execution), [execution]);
  const marks = useMemo(() => {
    const out: Record<string, StepMark> = {};
    Object.entries(steps).forEach(([node, s]) => { out[node] = { status: s.status, preview: previewOf(s.output), error: s.error?.message }; });
    return out;
  }, [steps]);

  const selectedNode = selected ? [doc.trigger, ...doc.nodes].find((n) => n.id === selected) : undefined;
  const preview = useMemo<{ sample: PreviewSample; source: string }>(() => {
    if (!execution) return { sample: { trigger: { body: sampleInput } }, source: 'the sample input' };
    const byName: Record<string, unknown> = {};
    [doc.trigger, ...doc.nodes].forEach((n) => { if (steps[n.id]) byName[n.name] = steps[n.id]!.output; });
    const parent = selected ? doc.connections.find((c) => c.to === selected)?.from : undefined;
    return {
      sample: { trigger: execution.trigger_payload, input: parent ? steps[parent]?.output : execution.trigger_payload, nodes: byName },
      source: testRunId ? 'the test run' : 'the last run',
    };
  }, [execution, steps, doc, selected, sampleInput, testRunId]);

  const nodeProblems: NodeProblem[] = located.filter((p) => p.nodeId === selected);
  const isWebhook = doc.trigger.type === 'trigger.webhook';

  return (
    <Flex direction="column" h={{ md: '100vh' }}>
      <Flex as="header" px="5" py="3" borderBottomWidth="1px" bg="bg" gap="3" align="center" flexWrap="wrap">
        <Button asChild size="xs" variant="ghost"><RouterLink to="/">← Workflows</RouterLink></Button>
        <Input aria-label="Workflow name" value={doc.name} readOnly={readOnly} onChange={(e) => setDoc({ ...doc, name: e.target.value })}
          fontWeight="semibold" variant="flushed" maxW="xs" size="sm" />
        {version !== undefined && <Badge variant="subtle">v{version}</Badge>}
        {dirty && <Badge colorPalette="orange" variant="subtle">unsaved</Badge>}
        {problems.length > 0 && <Badge colorPalette="red" variant="subtle" data-testid="problem-count">{problems.length} {problems.length === 1 ? 'problem' : 'problems'}</Badge>}
        <HStack ml="auto" gap="3" flexWrap="wrap">
          {workflowId && (
            <Switch.Root size="sm" colorPalette="green" checked={active} disabled={readOnly || activate.isPending}
              onCheckedChange={(e) => activate.mutate(e.checked)}>
              <Switch.HiddenInput aria-label="Active" />
              <Switch.Control />
              <Switch.Label fontSize="sm">{active ? 'Active' : 'Inactive'}</Switch.Label>
            </Switch.Root>
          )}
          {testRun.data && <HStack gap="1.5"><Text fontSize="xs" color="fg.muted">Test run</Text><StatusBadge status={testRun.data.status} />
            <Button asChild size="xs" variant="ghost"><RouterLink to={`/executions/${testRunId}`}>details</RouterLink></Button></HStack>}
          <TestRunDialog disabled={!workflowId || readOnly} busy={run.isPending} onRun={(input) => run.mutate(input)}
            note={dirty ? 'You have unsaved changes: the test runs the last saved version.' : undefined} />
          {!readOnly && <Input size="sm" maxW="48" placeholder="Change note (optional)" aria-label="Change note" value={note} onChange={(e) => setNote(e.target.value)} />}
          {!readOnly && <Button size="sm" colorPalette="blue" onClick={() => save.mutate()} loading={save.isPending}
            disabled={!dirty && !!workflowId}>{workflowId ? 'Save' : 'Create'}</Button>}
        </HStack>
      </Flex>
      {documentProblems.length > 0 && (
        <Box px="5" py="2" bg="red.subtle" color="red.fg" fontSize="sm" role="alert">
          {documentProblems.map((p, i) => <Text key={i}>{p.field ? `${p.field}: ` : ''}{p.message}</Text>)}
        </Box>
      )}
      <Tabs.Root defaultValue="graph" flex="1" minH="0" display="flex" flexDirection="column" lazyMount unmountOnExit={false}>
        <Tabs.List px="5" bg="bg">
          <Tabs.Trigger value="graph">Graph</Tabs.Trigger>
          <Tabs.Trigger value="document">JSON / YAML</Tabs.Trigger>
          <Tabs.Trigger value="history" disabled={!workflowId}>History</Tabs.Trigger>
          {isWebhook && <Tabs.Trigger value="webhook">Webhook</Tabs.Trigger>}
        </Tabs.List>
        <Tabs.Content value="graph" flex="1" minH="0" p="0" display="flex" _open={{ display: 'flex' }}>
          <Flex flex="1" minH={{ base: '70vh', md: '0' }} direction={{ base: 'column', md: 'row' }}>
            {!readOnly && (
              <Box w={{ md: '64' }} borderRightWidth={{ md: '1px' }} bg="bg" p="4" overflow="hidden" display="flex" flexDirection="column" aria-label="Node catalog" role="complementary">
                <Text fontSize="sm" fontWeight="semibold" mb="2">Add a node</Text>
                <Text fontSize="xs" color="fg.muted" mb="3">{selectedNode ? `Adds after “${selectedNode.name}”.` : 'Adds at the end of the chain.'}</Text>
                <NodeCatalog onPick={(type) => setSelected(editing.addNode(type, selected))} />
              </Box>
            )}
            <Box flex="1" minW="0" minH="420px" position="relative">
              <WorkflowGraph doc={doc} editable={!readOnly} outputsOf={nodeTypes.outputsOf} steps={marks} problems={problemCount}
                selectedId={selected} onSelect={setSelected} onConnect={editing.connect} fitKey={selectedNode ? 'panel' : 'full'}
                onDeleteNodes={(ids) => { editing.deleteNodes(ids); setSelected(null); }} onDeleteConnections={editing.disconnect}
                ariaLabel="Workflow graph: Tab to a node, Enter to open it, Delete to remove it" />
              <Text position="absolute" bottom="2" left="14" fontSize="2xs" color="fg.subtle" pointerEvents="none">
                Drag from a node's right edge to connect · select and press Delete to remove
              </Text>
            </Box>
            {selectedNode && (
              <Box w={{ md: '96' }} borderLeftWidth={{ md: '1px' }} bg="bg" p="4" overflowY="auto">
                <PreviewContext.Provider value={preview}>
                  <NodePanel key={selectedNode.id} node={selectedNode} nodeType={nodeTypes.find(selectedNode.type, selectedNode.version)}
                    isTrigger={selectedNode.id === doc.trigger.id} problems={nodeProblems} step={steps[selectedNode.id]} readOnly={readOnly}
                    onChange={editing.updateNode} onDelete={() => { editing.deleteNodes([selectedNode.id]); setSelected(null); }}
                    onClose={() => setSelected(null)}>
                    {selectedNode.id === doc.trigger.id && isWebhook && (
                      <Stack mt="4" pt="4" borderTopWidth="1px"><Text fontWeight="semibold" fontSize="sm">Webhook URL</Text>
                        <WebhookPanel workflowId={workflowId} canRotate={!readOnly} /></Stack>
                    )}
                  </NodePanel>
                </PreviewContext.Provider>
              </Box>
            )}
          </Flex>
        </Tabs.Content>
        <Tabs.Content value="document" flex="1" p="5" minH="0">
          <DocumentView doc={doc} readOnly={readOnly} problems={problems.map((p) => ({ path: p.path ?? '', message: p.message ?? '' }))}
            onApply={(next) => setDoc(next)} />
        </Tabs.Content>
        <Tabs.Content value="history" p="5">
          {workflowId && version !== undefined && (
            <VersionHistory workflowId={workflowId} current={version} readOnly={readOnly}
              onRestored={() => {
                const restored = queryClient.getQueryData<WorkflowDetail>(['workflow', workflowId]);
                if (restored?.definition) setDoc(restored.definition as WorkflowDocument, false);
              }} />
          )}
        </Tabs.Content>
        {isWebhook && <Tabs.Content value="webhook" p="5" maxW="3xl"><WebhookPanel workflowId={workflowId} canRotate={!readOnly} /></Tabs.Content>}
      </Tabs.Root>
    </Flex>
  );
}
