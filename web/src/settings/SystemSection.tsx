import { Badge, Box, DataList, SimpleGrid, Table, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { fetchQueue, LANES } from '../api/queue';
import { ErrorAlert, Loading } from '../components/feedback';
import { duration, exactTime, timeAgo } from '../components/format';
import { Section } from './SettingsPage';

async function fetchHealth(): Promise<{ status: string }> {
  const response = await fetch('/health', { headers: { Accept: 'application/json' } });
  return (await response.json()) as { status: string };
}

export function SystemSection() {
  const info = useQuery({ queryKey: ['system', 'info'], queryFn: () => unwrap(api.GET('/api/v1/system/info')) });
  const health = useQuery({ queryKey: ['system', 'health'], queryFn: fetchHealth, refetchInterval: 15_000 });
  const queue = useQuery({ queryKey: ['system', 'queue'], queryFn: fetchQueue, refetchInterval: 10_000 });
  return (
    <>
      <Section title="This server">
        {info.isPending ? <Loading /> : info.isError ? <ErrorAlert error={info.error} /> : (
          <DataList.Root orientation="horizontal" size="sm">
            {[
              ['Version', info.data.version], ['Health', <Badge key="h" colorPalette={health.data?.status === 'UP' ? 'green' : 'red'}>{health.isError ? 'unreachable' : health.data?.status ?? '…'}</Badge>],
              ['Started', `${exactTime(info.data.started_at)} (${duration((info.data.uptime_seconds ?? 0) * 1000)} ago)`],
              ['Java', info.data.java], ['Roles', info.data.roles?.join(', ')],
              ['Database', `${info.data.database?.product} ${info.data.database?.version}`], ['Database URL', info.data.database?.url],
              ['Data directory', info.data.data_dir],
            ].map(([label, value]) => (
              <DataList.Item key={String(label)}><DataList.ItemLabel>{label}</DataList.ItemLabel><DataList.ItemValue wordBreak="break-all">{value}</DataList.ItemValue></DataList.Item>
            ))}
          </DataList.Root>
        )}
      </Section>
      <Section title="Queue and workers">
        {queue.isPending ? <Loading /> : queue.isError ? <ErrorAlert error={queue.error} />
          : queue.data === null ? <Text color="fg.muted" fontSize="sm" data-testid="queue-not-available">Not available: this server does not report its queue yet (GET /api/v1/system/queue answered 404).</Text> : (
            <>
              <SimpleGrid columns={{ base: 2, md: 4 }} gap="3" mb="4">
                {LANES.map((lane) => (
                  <Box key={lane} borderWidth="1px" borderRadius="md" p="3">
                    <Text fontSize="xs" color="fg.muted" textTransform="uppercase">{lane}</Text>
                    <Text fontSize="sm">{queue.data!.lanes[lane]?.ready ?? 0} ready · {queue.data!.lanes[lane]?.delayed ?? 0} delayed · {queue.data!.lanes[lane]?.leased ?? 0} leased</Text>
                  </Box>
                ))}
              </SimpleGrid>
              <Text fontSize="sm" mb="3">Oldest waiting: {duration(queue.data.oldest_waiting_ms)} · last minute: {queue.data.throughput_last_minute.completed} done ({queue.data.throughput_last_minute.per_second.toFixed(2)}/s)</Text>
              <Table.Root size="sm" aria-label="Workers">
                <Table.Header><Table.Row><Table.ColumnHeader>Worker</Table.ColumnHeader><Table.ColumnHeader>Host</Table.ColumnHeader>
                  <Table.ColumnHeader>In flight</Table.ColumnHeader><Table.ColumnHeader>Started</Table.ColumnHeader><Table.ColumnHeader>Heartbeat</Table.ColumnHeader></Table.Row></Table.Header>
                <Table.Body>{queue.data.workers.map((w) => (
                  <Table.Row key={w.id}><Table.Cell fontFamily="mono" fontSize="xs">{w.id}</Table.Cell><Table.Cell>{w.host}</Table.Cell><Table.Cell>{w.in_flight}</Table.Cell>
                    <Table.Cell>{timeAgo(w.started_at)}</Table.Cell><Table.Cell>{timeAgo(w.last_heartbeat_at)}</Table.Cell></Table.Row>
                ))}</Table.Body>
              </Table.Root>
            </>
          )}
      </Section>
      {info.data?.settings && (
        <Section title="Settings" description="As this process sees them; secrets only say whether they are set.">
          <Box as="pre" fontFamily="mono" fontSize="xs" bg="bg.muted" p="3" borderRadius="md" overflowX="auto">
            {Object.entries(info.data.settings).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n')}
          </Box>
        </Section>
      )}
    </>
  );
}
