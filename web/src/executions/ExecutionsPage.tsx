import { Box, Button, HStack, NativeSelect, Table, Text, chakra } from '@chakra-ui/react';
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { followEvents } from '../api/events';
import { Page, PageHeader } from '../app/Shell';
import { EmptyState, ErrorAlert, Loading } from '../components/feedback';
import { duration, exactTime, timeAgo } from '../components/format';
import { StatusBadge } from '../components/status';

type Summary = Schemas['ExecutionSummary'];
type ExecutionPage = Schemas['PageExecutionSummary'];
const Link = chakra(RouterLink);
const STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];
const PERIODS: Record<string, number> = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3 };

export default function ExecutionsPage() {
  const [params, setParams] = useSearchParams();
  const workflowId = params.get('workflow') ?? '';
  const status = params.get('status') ?? '';
  const period = params.get('period') ?? '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  // "from" is fixed when the filter is picked, so the query key (and the cache) stays stable.
  const from = useMemo(() => (period ? new Date(Date.now() - PERIODS[period]!).toISOString() : undefined), [period]);
  const filters = { workflow_id: workflowId || undefined, status: status || undefined, from };
  const list = useInfiniteQuery({
    queryKey: ['executions', 'list', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/executions', { params: { query: { ...filters, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const workflows = useQuery({
    queryKey: ['workflows', 'names'],
    queryFn: () => unwrap(api.GET('/api/v1/workflows', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  const names = useMemo(() => new Map((workflows.data?.items ?? []).map((w) => [w.id!, w.name!])), [workflows.data]);
  const live = useLiveList(workflowId || undefined, filters);
  const rows = (list.data?.pages ?? []).flatMap((p) => p.items ?? []);
  const filtering = !!(workflowId || status || period);

  return (
    <Page>
      <PageHeader title="Executions" subtitle="Every run of every workflow, newest first."
        actions={<Text fontSize="xs" color={live ? 'green.fg' : 'fg.muted'} data-testid="live-indicator">{live ? '● live' : '○ connecting…'}</Text>} />
      <HStack gap="3" mb="4" flexWrap="wrap">
        <NativeSelect.Root maxW="64" bg="bg">
          <NativeSelect.Field aria-label="Filter by workflow" value={workflowId} onChange={(e) => set('workflow', e.target.value)}>
            <option value="">All workflows</option>
            {(workflows.data?.items ?? []).map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <NativeSelect.Root maxW="40" bg="bg">
          <NativeSelect.Field aria-label="Filter by status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <NativeSelect.Root maxW="44" bg="bg">
          <NativeSelect.Field aria-label="Filter by time" value={period} onChange={(e) => set('period', e.target.value)}>
            <option value="">Any time</option>
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        {filtering && <Button size="sm" variant="ghost" onClick={() => setParams({}, { replace: true })}>Clear filters</Button>}
      </HStack>
      {list.isPending ? <Loading label="Loading executions…" />
        : list.isError ? <ErrorAlert title="Could not load the executions" error={list.error} onRetry={() => void list.refetch()} />
          : rows.length === 0 ? <EmptyState title={filtering ? 'No execution matches' : 'No executions yet'}>
            {filtering ? 'Try other filters.' : 'Runs appear here as soon as a trigger fires or you start a test run.'}</EmptyState>
            : (
              <Box bg="bg" borderWidth="1px" borderRadius="lg" overflowX="auto">
                <Table.Root size="sm" interactive aria-label="Executions">
                  <Table.Header>
                    <Table.Row>
                      <Table.ColumnHeader pl="5" py="3">Status</Table.ColumnHeader>
                      <Table.ColumnHeader>Workflow</Table.ColumnHeader>
                      <Table.ColumnHeader>Trigger</Table.ColumnHeader>
                      <Table.ColumnHeader>Started</Table.ColumnHeader>
                      <Table.ColumnHeader textAlign="end">Duration</Table.ColumnHeader>
                      <Table.ColumnHeader pr="5">Error</Table.ColumnHeader>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {rows.map((e) => <Row key={e.id} execution={e} workflowName={names.get(e.workflow_id!)} />)}
                  </Table.Body>
                </Table.Root>
                {list.hasNextPage && <Box p="3" textAlign="center" borderTopWidth="1px">
                  <Button size="sm" variant="ghost" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>Show more</Button></Box>}
              </Box>
            )}
    </Page>
  );
}

function Row({ execution: e, workflowName }: { execution: Summary; workflowName?: string }) {
  return (
    <Table.Row data-testid="execution-row" data-status={e.status}>
      <Table.Cell pl="5" py="2.5"><Link to={`/executions/${e.id}`} aria-label={`Open execution ${e.id}`}><StatusBadge status={e.status} /></Link></Table.Cell>
      <Table.Cell><Link to={`/executions/${e.id}`} fontWeight="medium">{workflowName ?? e.workflow_id?.slice(0, 8)}</Link>
        <Text as="span" color="fg.muted" fontSize="xs"> v{e.workflow_version}</Text></Table.Cell>
      <Table.Cell fontSize="sm">{e.trigger_kind}{e.rerun_of && <Text as="span" color="fg.muted" fontSize="xs"> (re-run)</Text>}</Table.Cell>
      <Table.Cell fontSize="sm" title={exactTime(e.created_at)}>{timeAgo(e.created_at)}</Table.Cell>
      <Table.Cell textAlign="end" fontSize="sm" fontVariantNumeric="tabular-nums">{duration(e.duration_ms)}</Table.Cell>
      <Table.Cell pr="5" fontSize="sm" color="red.fg" maxW="xs" truncate title={e.error_message}>{e.error_message}</Table.Cell>
    </Table.Row>
  );
}

/**
 * An SSE stream keeps the list live: the workflow's when one is picked, otherwise the stream of
 * every workflow the user may see. A new execution is fetched once and put on top; a finished one
 * is patched in place. No whole-list refetch, except once each time the stream (re)connects.
 */
function useLiveList(workflowId: string | undefined, filters: Record<string, string | undefined>): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const key = ['executions', 'list', filters];
  const keyText = JSON.stringify(key);
  useEffect(() => {
    const controller = new AbortController();
    const known = new Set((queryClient.getQueryData<InfiniteData<ExecutionPage>>(key)?.pages ?? [])
      .flatMap((p) => p.items ?? []).map((x) => x.id!));
    const upsert = async (executionId: string) => {
      const fresh = await unwrap(api.GET('/api/v1/executions/{id}', { params: { path: { id: executionId } } })).catch(() => null);
      if (!fresh) return;
      if (filters.status && fresh.status !== filters.status) return;
      queryClient.setQueryData<InfiniteData<ExecutionPage>>(key, (data) => {
        if (!data) return data;
        const exists = data.pages.some((p) => p.items?.some((x) => x.id === executionId));
        const summary: Summary = { ...fresh };
        const pages = data.pages.map((p, i) => ({
          ...p,
          items: exists ? p.items?.map((x) => (x.id === executionId ? { ...x, ...summary } : x))
            : i === 0 ? [summary, ...(p.items ?? [])] : p.items,
        }));
        return { ...data, pages };
      });
    };
    void followEvents(workflowId ? `/api/v1/workflows/${workflowId}/events` : '/api/v1/events', {
      onStatus: setLive,
      onOpen: () => void queryClient.invalidateQueries({ queryKey: key }),
      onEvent: (event) => {
        const id = event.data.execution_id as string | undefined;
        if (!id) return;
        if (!known.has(id)) {
          known.add(id);
          void upsert(id);
        } else if (event.event === 'execution_finished') {
          // The event carries what the row shows: patch it without a request.
          queryClient.setQueryData<InfiniteData<ExecutionPage>>(key, (data) => data && {
            ...data,
            pages: data.pages.map((p) => ({ ...p, items: p.items?.map((x) => (x.id === id ? {
              ...x, status: event.data.status as string, duration_ms: event.data.duration_ms as number,
              error_message: (event.data.error as { message?: string } | undefined)?.message ?? x.error_message,
            } : x)) })),
          });
        }
      },
    }, controller.signal);
    return () => controller.abort();
  }, [workflowId, keyText, queryClient]);
  return live;
}
