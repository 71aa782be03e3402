import { Badge, Box, HStack } from '@chakra-ui/react';

/** Colours of execution and step statuses, shared by badges, sparklines and the graph. */
export const STATUS_PALETTE: Record<string, string> = {
  queued: 'gray', pending: 'gray', running: 'blue', waiting: 'purple', retrying: 'orange',
  succeeded: 'green', filtered: 'teal', failed: 'red', cancelled: 'orange', skipped: 'gray',
};

export function StatusBadge({ status }: { status: string | undefined }) {
  const value = status ?? 'unknown';
  return (
    <Badge colorPalette={STATUS_PALETTE[value] ?? 'gray'} variant="subtle" textTransform="none" gap="1.5">
      {(value === 'running' || value === 'queued') && (
        <Box as="span" w="1.5" h="1.5" borderRadius="full" bg="currentColor" animation="pulse 1.2s ease-in-out infinite" />
      )}
      {value}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean | undefined }) {
  return (
    <HStack gap="1.5" fontSize="sm" color={active ? 'green.fg' : 'fg.muted'}>
      <Box w="2" h="2" borderRadius="full" bg={active ? 'green.solid' : 'gray.400'} />
      {active ? 'Active' : 'Inactive'}
    </HStack>
  );
}

type Run = { id?: string; status?: string; duration_ms?: number };

/** Recent runs as bars, oldest on the left: the height is the duration, the colour the status. */
export function Sparkline({ runs, label }: { runs: Run[]; label: string }) {
  if (runs.length === 0) return <Box as="span" fontSize="xs" color="fg.subtle">no runs yet</Box>;
  const longest = Math.max(1, ...runs.map((r) => r.duration_ms ?? 1));
  const summary = runs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status ?? '?']: (acc[r.status ?? '?'] ?? 0) + 1 }), {});
  const text = `${label}: ` + Object.entries(summary).map(([s, n]) => `${n} ${s}`).join(', ');
  return (
    <HStack gap="2px" h="6" align="end" role="img" aria-label={text} title={text}>
      {runs.map((run, i) => (
        <Box key={run.id ?? i} w="5px" borderRadius="1px" bg={`${STATUS_PALETTE[run.status ?? ''] ?? 'gray'}.solid`}
          h={`${Math.max(25, Math.round(((run.duration_ms ?? 1) / longest) * 100))}%`} />
      ))}
    </HStack>
  );
}
