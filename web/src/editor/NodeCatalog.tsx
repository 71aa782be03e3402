import { Box, Button, Input, Stack, Text } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import { ErrorAlert, Loading } from '../components/feedback';
import { latestVersions, matchesSearch, useNodeTypes, type NodeType } from './nodeTypes';

/** The node types to add, grouped by category and searchable by name, type or category. */
export function NodeCatalog({ onPick }: { onPick: (type: NodeType) => void }) {
  const { types, isPending, isError, error, refetch } = useNodeTypes();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const found = latestVersions(types).filter((t) => matchesSearch(t, search));
    const byCategory = new Map<string, NodeType[]>();
    found.forEach((t) => {
      const key = t.kind === 'trigger' ? 'Triggers' : t.category ?? 'Other';
      byCategory.set(key, [...(byCategory.get(key) ?? []), t]);
    });
    return [...byCategory.entries()].sort(([a], [b]) => (a === 'Triggers' ? -1 : b === 'Triggers' ? 1 : a.localeCompare(b)));
  }, [types, search]);

  return (
    <Stack gap="3" h="full">
      <Input size="sm" type="search" placeholder="Search nodes" aria-label="Search the node catalog" value={search}
        onChange={(e) => setSearch(e.target.value)} />
      {isPending ? <Loading label="Loading node types…" /> : isError ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : (
        <Box overflowY="auto" flex="1" mx="-1" px="1">
          {groups.length === 0 && <Text fontSize="sm" color="fg.muted">No node type matches “{search}”.</Text>}
          {groups.map(([category, list]) => (
            <Box key={category} mb="4" role="group" aria-label={category}>
              <Text fontSize="xs" fontWeight="semibold" color="fg.muted" textTransform="uppercase" letterSpacing="wider" mb="1.5">
                {category}
              </Text>
              <Stack gap="1">
                {list.map((t) => (
                  <Button key={t.type} variant="ghost" size="sm" justifyContent="start" h="auto" py="2" px="2" textAlign="start"
                    onClick={() => onPick(t)} aria-label={`Add ${t.name}`} data-testid={`catalog-${t.type}`}>
                    <Stack gap="0" align="start" minW="0">
                      <Text fontSize="sm" fontWeight="medium">{t.name}</Text>
                      <Text fontSize="xs" color="fg.muted" whiteSpace="normal" lineClamp={2}>{t.description}</Text>
                    </Stack>
                  </Button>
                ))}
              </Stack>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}
