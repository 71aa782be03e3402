import { Box, SimpleGrid, Skeleton, Text } from '@chakra-ui/react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { messageOf } from '../api/problems';
import { fetchQueue, queueDepth } from '../api/queue';
import { startOfToday } from '../components/format';

function Tile({ label, value, tone, hint, loading }: { label: string; value: string; tone?: string; hint?: string; loading?: boolean }) {
  return (
    <Box bg="bg" borderWidth="1px" borderRadius="lg" px="5" py="4">
      <Text fontSize="xs" fontWeight="medium" color="fg.muted" textTransform="uppercase" letterSpacing="wider">{label}</Text>
      {loading ? <Skeleton h="8" mt="1" w="16" /> : (
        <Text fontSize="2xl" fontWeight="semibold" color={tone} mt="1" data-testid={`summary-${label.toLowerCase().replace(/\s+/g, '-')}`}>{value}</Text>
      )}
      {hint && <Text fontSize="xs" color="fg.subtle">{hint}</Text>}
    </Box>
  );
}

export function SummaryStrip({ isAdmin }: { isAdmin: boolean }) {
  const summary = useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/summary', { params: { query: { since: startOfToday() } } })),
    refetchInterval: 15_000,
  });
  const queue = useQuery({ queryKey: ['system', 'queue'], queryFn: fetchQueue, enabled: isAdmin, refetchInterval: 15_000 });
  const s = summary.data;
  const failed = (s?.failures ?? 0) > 0;
  const queueTile = isAdmin
    ? queue.isError ? { value: '—', hint: messageOf(queue.error) }
      : queue.data === null ? { value: 'n/a', hint: 'not available on this server' }
        : { value: String(queue.data ? queueDepth(queue.data) : 0), hint: queue.data ? `${queue.data.workers.length} workers` : undefined }
    : { value: String(s?.in_progress ?? 0), hint: 'queued or running' };
  return (
    <SimpleGrid columns={{ base: 2, md: (s?.waiting ?? 0) > 0 ? 5 : 4 }} gap="4" mb="8" aria-label="Today at a glance">
      <Tile label="Runs today" value={String(s?.runs ?? 0)} loading={summary.isPending}
        hint={summary.isError ? messageOf(summary.error) : undefined} />
      <Tile label="Failures today" value={String(s?.failures ?? 0)} tone={failed ? 'red.fg' : undefined} loading={summary.isPending} />
      <Tile label="Succeeded today" value={String(s?.succeeded ?? 0)} tone="green.fg" loading={summary.isPending} />
      <Tile label={isAdmin ? 'Queue depth' : 'In progress'} value={queueTile.value} hint={queueTile.hint}
        loading={isAdmin ? queue.isPending : summary.isPending} />
      {(s?.waiting ?? 0) > 0 && <Tile label="Waiting" value={String(s?.waiting)} tone="purple.fg" hint="paused runs (waits, approvals)" />}
    </SimpleGrid>
  );
}
