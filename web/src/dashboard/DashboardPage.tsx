import { Box, Button, HStack, Input, NativeSelect, Skeleton, Stack, Switch, Table, Tag, Text, chakra } from '@chakra-ui/react';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Page, PageHeader } from '../app/Shell';
import { useMe } from '../auth/AuthProvider';
import { EmptyState, ErrorAlert, Loading, notifyError } from '../components/feedback';
import { exactTime, percent, timeAgo, triggerLabel } from '../components/format';
import { Sparkline, StatusBadge } from '../components/status';
import { ImportDialog } from './ImportDialog';
import { SummaryStrip } from './SummaryStrip';
import { useActivity, useSetActive, useWorkflowList, type Activity, type WorkflowFilters, type WorkflowSummary } from './useWorkflows';

const Link = chakra(RouterLink);

export function DashboardPage() {
  const me = useMe();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<WorkflowFilters['active']>('');
  const [trigger, setTrigger] = useState('');
  const name = useDeferredValue(search.trim());
  const list = useWorkflowList({ name, active });
  const workflows = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.items ?? []), [list.data]);
  const shown = trigger ? workflows.filter((w) => w.trigger_type === trigger) : workflows;
  const activity = useActivity((list.data?.pages ?? []).map((p) => (p.items ?? []).map((w) => w.id!)));
  const filtering = name !== '' || active !== '' || trigger !== '';

  return (
    <Page>
      <PageHeader title="Workflows" subtitle="When a trigger fires, do a chain of actions."
        actions={<>
          <ImportDialog />
          {me.role !== 'observer' && <Button asChild colorPalette="blue"><RouterLink to="/workflows/new">New workflow</RouterLink></Button>}
        </>} />
      <SummaryStrip isAdmin={me.role === 'admin'} />
      <HStack gap="3" mb="4" flexWrap="wrap">
        <Input placeholder="Search by name" aria-label="Search workflows by name" maxW="xs" bg="bg" value={search}
          onChange={(e) => setSearch(e.target.value)} type="search" />
        <NativeSelect.Root maxW="40" bg="bg">
          <NativeSelect.Field aria-label="Filter by status" value={active} onChange={(e) => setActive(e.target.value as WorkflowFilters['active'])}>
            <option value="">All statuses</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <NativeSelect.Root maxW="44" bg="bg">
          <NativeSelect.Field aria-label="Filter by trigger" value={trigger} onChange={(e) => setTrigger(e.target.value)}>
            <option value="">All triggers</option>
            <option value="trigger.webhook">Webhook</option>
            <option value="trigger.manual">Manual</option>
            <option value="trigger.schedule">Schedule</option>
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        {list.isFetching && !list.isPending && <Text fontSize="xs" color="fg.muted">Updating…</Text>}
      </HStack>

      {list.isPending ? <Loading label="Loading workflows…" />
        : list.isError ? <ErrorAlert title="Could not load the workflows" error={list.error} onRetry={() => void list.refetch()} />
          : shown.length === 0 ? (
            filtering ? <EmptyState title="No workflow matches">Try another search or clear the filters.</EmptyState>
              : <EmptyState title="No workflows yet" action={me.role !== 'observer' && (
                <Button asChild colorPalette="blue"><RouterLink to="/workflows/new">Build your first workflow</RouterLink></Button>)}>
                A workflow starts from a trigger (a webhook, a schedule or a click) and runs a chain of steps.
              </EmptyState>
          ) : (
            <Box bg="bg" borderWidth="1px" borderRadius="lg" overflowX="auto">
              <Table.Root size="sm" interactive aria-label="Workflows">
                <Table.Header>
                  <Table.Row>
                    <Table.ColumnHeader py="3" pl="5">Name</Table.ColumnHeader>
                    <Table.ColumnHeader>Trigger</Table.ColumnHeader>
                    <Table.ColumnHeader>Active</Table.ColumnHeader>
                    <Table.ColumnHeader>Last run</Table.ColumnHeader>
                    <Table.ColumnHeader textAlign="end">Success</Table.ColumnHeader>
                    <Table.ColumnHeader pr="5">Recent runs</Table.ColumnHeader>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {shown.map((w) => (
                    <WorkflowRow key={w.id} workflow={w} activity={activity.byId.get(w.id!)} activityPending={activity.pending} canChange={me.role !== 'observer'} />
                  ))}
                </Table.Body>
              </Table.Root>
              {list.hasNextPage && (
                <Box p="3" textAlign="center" borderTopWidth="1px">
                  <Button size="sm" variant="ghost" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>Show more</Button>
                </Box>
              )}
            </Box>
          )}
    </Page>
  );
}

function WorkflowRow({ workflow: w, activity, activityPending, canChange }: { workflow: WorkflowSummary; activity?: Activity;
  activityPending: boolean; canChange: boolean }) {
  const setActive = useSetActive();
  const toggle = (next: boolean) => setActive.mutate({ id: w.id!, active: next }, {
    onError: (error) => notifyError(next ? `Could not activate “${w.name}”` : `Could not deactivate “${w.name}”`, error),
  });
  return (
    <Table.Row data-testid="workflow-row">
      <Table.Cell py="3" pl="5">
        <Stack gap="0.5">
          <Link to={`/workflows/${w.id}`} fontWeight="medium" _hover={{ textDecoration: 'underline' }}>{w.name}</Link>
          <HStack gap="1.5" flexWrap="wrap">
            {w.description && <Text fontSize="xs" color="fg.muted" truncate maxW="xs">{w.description}</Text>}
            {w.tags?.map((tag) => <Tag.Root key={tag} size="sm" variant="subtle"><Tag.Label>{tag}</Tag.Label></Tag.Root>)}
          </HStack>
        </Stack>
      </Table.Cell>
      <Table.Cell><Text fontSize="sm">{triggerLabel(w.trigger_type)}</Text></Table.Cell>
      <Table.Cell>
        <Switch.Root size="sm" checked={!!w.active} disabled={!canChange || setActive.isPending} colorPalette="green"
          onCheckedChange={(e) => toggle(e.checked)}>
          <Switch.HiddenInput aria-label={`${w.name} active`} />
          <Switch.Control />
          <Switch.Label fontSize="sm" color="fg.muted">{w.active ? 'On' : 'Off'}</Switch.Label>
        </Switch.Root>
      </Table.Cell>
      <Table.Cell>
        {activityPending && !activity ? <Skeleton h="5" w="28" /> : activity?.last_run ? (
          <HStack gap="2">
            <StatusBadge status={activity.last_run.status} />
            <Link to={`/executions/${activity.last_run.id}`} fontSize="sm" color="fg.muted" title={exactTime(activity.last_run.created_at)}>
              {timeAgo(activity.last_run.created_at)}
            </Link>
          </HStack>
        ) : <Text fontSize="sm" color="fg.subtle">never</Text>}
      </Table.Cell>
      <Table.Cell textAlign="end">
        <Text fontSize="sm" fontVariantNumeric="tabular-nums" color={(activity?.success_rate ?? 1) < 0.8 ? 'red.fg' : undefined}>
          {percent(activity?.success_rate)}
        </Text>
      </Table.Cell>
      <Table.Cell pr="5">{activityPending && !activity ? <Skeleton h="5" w="24" />
        : <Sparkline runs={activity?.recent ?? []} label={`Recent runs of ${w.name}`} />}</Table.Cell>
    </Table.Row>
  );
}
