import { Badge, Box, Button, Flex, Grid, HStack, Stack, Table, Tabs, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { Page } from '../app/Shell';
import { useMe } from '../auth/AuthProvider';
import { ErrorAlert, Loading, notifyError, notifySuccess } from '../components/feedback';
import { duration, exactTime, timeAgo } from '../components/format';
import { JsonViewer } from '../components/JsonViewer';
import { StatusBadge } from '../components/status';
import type { WorkflowDocument } from '../graph/document';
import { WorkflowGraph, type StepMark } from '../graph/WorkflowGraph';
import { executionKey, FINISHED, previewOf, stepsByNode, useLiveExecution, type StepView } from './useLiveExecution';

export default function ExecutionDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const execution = useLiveExecution(id);
  const e = execution.data;
  const version = useQuery({
    queryKey: ['workflow', e?.workflow_id, 'version', e?.workflow_version],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{id}/versions/{version}', {
      params: { path: { id: e!.workflow_id!, version: e!.workflow_version! } } })),
    enabled: !!e?.workflow_id && !e.draft,
    staleTime: Infinity,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const steps = useMemo(() => stepsByNode(e), [e]);
  const marks = useMemo(() => {
    const out: Record<string, StepMark> = {};
    Object.entries(steps).forEach(([node, s]) => { out[node] = { status: s.status, preview: previewOf(s.output), error: s.error?.message }; });
    return out;
  }, [steps]);

  const rerun = useMutation({
    mutationFn: (from: 'start' | 'failed') => unwrap(api.POST('/api/v1/executions/{id}/rerun', { params: { path: { id: id! }, query: { from } } })),
    onSuccess: (accepted) => {
      notifySuccess('Re-run started');
      navigate(`/executions/${(accepted as Schemas['Accepted']).id}`);
    },
    onError: (error) => notifyError('Could not re-run', error),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/executions/{id}/cancel', { params: { path: { id: id! } } })),
    onSuccess: (summary) => {
      queryClient.setQueryData(executionKey(id), (old: typeof e) => (old ? { ...old, status: summary.status } : old));
      void queryClient.invalidateQueries({ queryKey: executionKey(id) });
    },
    onError: (error) => notifyError('Could not cancel', error),
  });

  if (execution.isPending) return <Loading label="Loading the execution…" />;
  if (execution.isError || !e) return <Page><ErrorAlert title="Could not load this execution" error={execution.error} onRetry={() => void execution.refetch()} /></Page>;
  const finished = FINISHED.includes(e.status ?? '');
  const canRun = me.role !== 'observer';
  const doc = version.data?.definition as WorkflowDocument | undefined;
  const chosen = selected ? steps[selected] : undefined;

  return (
    <Page wide>
      <Flex justify="space-between" align={{ md: 'center' }} gap="4" mb="6" direction={{ base: 'column', md: 'row' }}>
        <Stack gap="1">
          <HStack gap="3">
            <Text as="h1" fontSize="2xl" fontWeight="semibold">{doc?.name ?? 'Execution'}</Text>
            <StatusBadge status={e.status} />
            {execution.live && <Text fontSize="xs" color="green.fg" data-testid="live-indicator">● live</Text>}
          </HStack>
          <Text fontSize="sm" color="fg.muted">
            {e.trigger_kind} · version {e.workflow_version} · started <span title={exactTime(e.created_at)}>{timeAgo(e.created_at)}</span> · {duration(e.duration_ms)}
            {e.rerun_of && <> · re-run of <RouterLink to={`/executions/${e.rerun_of}`}>{e.rerun_of.slice(0, 8)}</RouterLink></>}
          </Text>
        </Stack>
        {canRun && (
          <HStack gap="2">
            {!finished && <Button size="sm" variant="outline" colorPalette="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>Cancel</Button>}
            {finished && (e.status === 'failed' || e.status === 'cancelled') && (
              <Button size="sm" colorPalette="blue" onClick={() => rerun.mutate('failed')} loading={rerun.isPending && rerun.variables === 'failed'}>Re-run from failed step</Button>
            )}
            {finished && <Button size="sm" variant="outline" onClick={() => rerun.mutate('start')} loading={rerun.isPending && rerun.variables === 'start'}>Re-run from start</Button>}
            {e.workflow_id && <Button asChild size="sm" variant="ghost"><RouterLink to={`/workflows/${e.workflow_id}`}>Open workflow</RouterLink></Button>}
          </HStack>
        )}
      </Flex>
      {e.error && (
        <Box mb="4" p="3" borderRadius="md" bg="red.subtle" color="red.fg" role="alert">
          <Text fontWeight="medium">{e.error.code}</Text><Text fontSize="sm">{e.error.message}</Text>
        </Box>
      )}
      <Grid templateColumns={{ base: '1fr', xl: '3fr 2fr' }} gap="6">
        <Box bg="bg" borderWidth="1px" borderRadius="lg" h="440px" overflow="hidden">
          {doc ? <WorkflowGraph doc={doc} steps={marks} selectedId={selected} onSelect={setSelected}
            ariaLabel="The workflow graph, each step coloured by its status" />
            : version.isError ? <Box p="4"><ErrorAlert title="The workflow version is not available" error={version.error} /></Box>
              : e.draft ? <Box p="4"><Text color="fg.muted">A test run of an unsaved document: no graph.</Text></Box> : <Loading />}
        </Box>
        <StepList steps={e.steps ?? []} selected={selected} onSelect={setSelected} />
      </Grid>
      <Box mt="6">
        {chosen ? <StepDetail step={chosen} /> : (
          <Tabs.Root defaultValue="trigger" variant="enclosed" size="sm">
            <Tabs.List><Tabs.Trigger value="trigger">Trigger payload</Tabs.Trigger><Tabs.Trigger value="result">Result</Tabs.Trigger></Tabs.List>
            <Tabs.Content value="trigger"><JsonViewer value={e.trigger_payload} label="Trigger payload" /></Tabs.Content>
            <Tabs.Content value="result"><JsonViewer value={e.result} label="Result" /></Tabs.Content>
          </Tabs.Root>
        )}
      </Box>
    </Page>
  );
}

function StepList({ steps, selected, onSelect }: { steps: StepView[]; selected: string | null; onSelect: (id: string | null) => void }) {
  if (steps.length === 0) return <Box bg="bg" borderWidth="1px" borderRadius="lg" p="4"><Text color="fg.muted" fontSize="sm">No step has started yet.</Text></Box>;
  return (
    <Box bg="bg" borderWidth="1px" borderRadius="lg" overflow="auto" maxH="440px">
      <Table.Root size="sm" interactive aria-label="Steps">
        <Table.Header><Table.Row>
          <Table.ColumnHeader pl="4">Step</Table.ColumnHeader><Table.ColumnHeader>Status</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">Attempts</Table.ColumnHeader><Table.ColumnHeader textAlign="end" pr="4">Time</Table.ColumnHeader>
        </Table.Row></Table.Header>
        <Table.Body>
          {steps.map((s) => (
            <Table.Row key={s.id} data-testid="step-row" aria-selected={selected === s.node_id} bg={selected === s.node_id ? 'bg.muted' : undefined}>
              <Table.Cell pl="4">
                <Button variant="plain" size="sm" px="0" h="auto" onClick={() => onSelect(selected === s.node_id ? null : s.node_id!)}
                  fontWeight="medium">{s.node_name}</Button>
                <Text fontSize="xs" color="fg.muted" fontFamily="mono">{s.node_type}</Text>
              </Table.Cell>
              <Table.Cell><StatusBadge status={s.status} /></Table.Cell>
              <Table.Cell textAlign="end">{s.attempts}</Table.Cell>
              <Table.Cell textAlign="end" pr="4" fontVariantNumeric="tabular-nums">{duration(s.duration_ms)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Box>
  );
}

function StepDetail({ step }: { step: StepView }) {
  return (
    <Stack gap="4" bg="bg" borderWidth="1px" borderRadius="lg" p="5" data-testid="step-detail">
      <HStack gap="3" flexWrap="wrap">
        <Text fontWeight="semibold">{step.node_name}</Text><StatusBadge status={step.status} />
        {step.output_name && <Badge variant="outline">output: {step.output_name}</Badge>}
        <Text fontSize="sm" color="fg.muted">attempt {step.attempts} · {duration(step.duration_ms)} · {step.started_at ? exactTime(step.started_at) : 'not started'}</Text>
        {step.next_attempt_at && <Text fontSize="sm" color="orange.fg">next attempt {timeAgo(step.next_attempt_at)}</Text>}
        {step.resume_at && <Text fontSize="sm" color="purple.fg">resumes {timeAgo(step.resume_at)}</Text>}
      </HStack>
      {step.error && <Box p="3" borderRadius="md" bg="red.subtle" color="red.fg"><Text fontWeight="medium">{step.error.code}</Text><Text fontSize="sm">{step.error.message}</Text></Box>}
      <Grid templateColumns={{ base: '1fr', lg: '1fr 1fr' }} gap="4">
        <Box><Text fontSize="sm" fontWeight="semibold" mb="2">Input</Text><JsonViewer value={step.input} label="Input" /></Box>
        <Box><Text fontSize="sm" fontWeight="semibold" mb="2">Output</Text><JsonViewer value={step.output} label="Output" /></Box>
      </Grid>
      {(step.log?.length ?? 0) > 0 && (
        <Box><Text fontSize="sm" fontWeight="semibold" mb="2">Log</Text>
          <Box as="pre" fontFamily="mono" fontSize="xs" bg="bg.muted" p="3" borderRadius="md" whiteSpace="pre-wrap">{step.log!.join('\n')}</Box></Box>
      )}
    </Stack>
  );
}
