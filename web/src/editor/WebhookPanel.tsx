import { Box, Button, Code, HStack, Stack, Text } from '@chakra-ui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { CopyButton } from '../components/CopyButton';
import { ErrorAlert, Loading, notifyError } from '../components/feedback';

export function curlExample(url: string, method = 'POST'): string {
  return `curl -X ${method} '${url}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"hello": "world"}'`;
}

/** The trigger's URLs (owner only: a webhook URL is a capability), with copy buttons and a curl line. */
export function WebhookPanel({ workflowId, canRotate }: { workflowId: string | undefined; canRotate: boolean }) {
  const queryClient = useQueryClient();
  const info = useQuery({
    queryKey: ['workflow', workflowId, 'webhook'],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{id}/webhook', { params: { path: { id: workflowId! } } })),
    enabled: !!workflowId,
  });
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/workflows/{id}/webhook/rotate', { params: { path: { id: workflowId! } } })),
    onSuccess: (next) => queryClient.setQueryData(['workflow', workflowId, 'webhook'], next),
    onError: (error) => notifyError('Could not make a new webhook URL', error),
  });
  if (!workflowId) return <Text fontSize="sm" color="fg.muted">Save the workflow to get its webhook URL.</Text>;
  if (info.isPending) return <Loading label="Loading the webhook URL…" />;
  if (info.isError) return <ErrorAlert title="No webhook URL" error={info.error} />;
  const w = info.data;
  const method = w.methods?.[0] ?? 'POST';
  return (
    <Stack gap="3" data-testid="webhook-panel" fontSize="sm">
      <Url label={w.active ? 'Live URL' : 'Live URL (activate the workflow to use it)'} value={w.url!} testId="webhook-url" />
      <Url label="Test URL (works while inactive)" value={w.test_url!} />
      {w.custom_url && <Url label="Custom URL" value={w.custom_url} />}
      <Box>
        <HStack justify="space-between" mb="1"><Text fontWeight="medium">Try it</Text><CopyButton value={curlExample(w.test_url!, method)} label="Copy curl" /></HStack>
        <Code display="block" whiteSpace="pre" p="2" fontSize="xs" overflowX="auto">{curlExample(w.test_url!, method)}</Code>
      </Box>
      <Text color="fg.muted" fontSize="xs">Methods: {w.methods?.join(', ')} · reply: {w.response_mode === 'when_finished' ? 'when the run finishes' : 'at once (202)'}</Text>
      {canRotate && <Button size="xs" variant="outline" alignSelf="start" onClick={() => rotate.mutate()} loading={rotate.isPending}>New URL (the old one stops working)</Button>}
    </Stack>
  );
}

function Url({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Box>
      <Text fontWeight="medium" mb="1">{label}</Text>
      <HStack gap="2">
        <Code flex="1" p="1.5" fontSize="xs" truncate data-testid={testId} title={value}>{value}</Code>
        <CopyButton value={value} />
      </HStack>
    </Box>
  );
}
