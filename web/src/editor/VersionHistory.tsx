import { Badge, Box, Button, HStack, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { EmptyState, ErrorAlert, Loading, notifyError, notifySuccess } from '../components/feedback';
import { exactTime, timeAgo } from '../components/format';

/** Versions, newest first; a diff of any version against the current one; restore as a new version. */
export function VersionHistory({ workflowId, current, readOnly, onRestored }: { workflowId: string; current: number;
  readOnly: boolean; onRestored: () => void }) {
  const versions = useQuery({
    queryKey: ['workflow', workflowId, 'versions'],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{id}/versions', { params: { path: { id: workflowId }, query: { limit: 100 } } })),
  });
  const [picked, setPicked] = useState<number | null>(null);
  const diff = useQuery({
    queryKey: ['workflow', workflowId, 'diff', picked, current],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{id}/diff', { params: { path: { id: workflowId }, query: { from: picked!, to: current } } })),
    enabled: picked !== null,
  });
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/v1/workflows/{id}/versions/{version}/restore', {
      params: { path: { id: workflowId, version } } })),
    onSuccess: (workflow) => {
      queryClient.setQueryData(['workflow', workflowId], workflow);
      void queryClient.invalidateQueries({ queryKey: ['workflow', workflowId, 'versions'] });
      notifySuccess(`Restored as version ${workflow.version}`);
      setPicked(null);
      onRestored();
    },
    onError: (error) => notifyError('Could not restore that version', error),
  });

  if (versions.isPending) return <Loading label="Loading versions…" />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = versions.data.items ?? [];
  if (items.length === 0) return <EmptyState title="No versions yet">Save the workflow to create version 1.</EmptyState>;
  return (
    <HStack align="start" gap="6" flexDirection={{ base: 'column', lg: 'row' }}>
      <Stack as="ol" gap="2" w={{ lg: '80' }} flexShrink={0} aria-label="Versions">
        {items.map((v) => (
          <Box as="li" key={v.version} listStyleType="none" borderWidth="1px" borderRadius="md" p="3" bg={picked === v.version ? 'bg.muted' : 'bg'}>
            <HStack justify="space-between">
              <Text fontWeight="medium">Version {v.version} {v.version === current && <Badge ml="1" colorPalette="green" size="sm">current</Badge>}</Text>
              <Text fontSize="xs" color="fg.muted" title={exactTime(v.created_at)}>{timeAgo(v.created_at)}</Text>
            </HStack>
            {v.message && <Text fontSize="sm" color="fg.muted" mt="1">{v.message}</Text>}
            {v.version !== current && (
              <HStack mt="2" gap="2">
                <Button size="xs" variant="outline" onClick={() => setPicked(v.version!)}>Compare with current</Button>
                {!readOnly && <Button size="xs" variant="outline" loading={restore.isPending && restore.variables === v.version}
                  onClick={() => restore.mutate(v.version!)}>Restore</Button>}
              </HStack>
            )}
          </Box>
        ))}
      </Stack>
      <Box flex="1" minW="0" w="full">
        {picked === null ? <Text color="fg.muted" fontSize="sm">Pick a version to see what changed since.</Text>
          : diff.isPending ? <Loading label="Comparing…" />
            : diff.isError ? <ErrorAlert error={diff.error} />
              : (
                <Stack gap="2" aria-label={`Changes from version ${picked} to ${current}`}>
                  <Text fontWeight="medium">From version {picked} to version {current}: {diff.data.changes?.length ?? 0} changes</Text>
                  {(diff.data.changes ?? []).map((c, i) => (
                    <Box key={i} borderWidth="1px" borderRadius="md" p="2" fontFamily="mono" fontSize="xs">
                      <HStack mb="1"><Badge colorPalette={c.op === 'add' ? 'green' : c.op === 'remove' ? 'red' : 'orange'}>{c.op}</Badge><Text>{c.path}</Text></HStack>
                      {c.old_value !== undefined && <Box bg="red.subtle" color="red.fg" px="2" py="1" borderRadius="sm" whiteSpace="pre-wrap">- {JSON.stringify(c.old_value, null, 1)}</Box>}
                      {c.new_value !== undefined && <Box bg="green.subtle" color="green.fg" px="2" py="1" mt="1" borderRadius="sm" whiteSpace="pre-wrap">+ {JSON.stringify(c.new_value, null, 1)}</Box>}
                    </Box>
                  ))}
                </Stack>
              )}
      </Box>
    </HStack>
  );
}
