import { Alert, Box, Button, Center, Heading, Spinner, Stack, Text, createToaster, Toaster, Toast, Portal } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { messageOf } from '../api/problems';

/** An API error in plain words, with a way to try again where that makes sense. */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string;
  onRetry?: () => void }) {
  return (
    <Alert.Root status="error" role="alert" borderRadius="md">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{title}</Alert.Title>
        <Alert.Description>{messageOf(error)}</Alert.Description>
      </Alert.Content>
      {onRetry && <Button size="xs" variant="outline" onClick={onRetry}>Try again</Button>}
    </Alert.Root>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="10" role="status" aria-live="polite" gap="3" color="fg.muted">
      <Spinner size="sm" /> <Text fontSize="sm">{label}</Text>
    </Center>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Box textAlign="center" py="12" px="6" borderWidth="1px" borderStyle="dashed" borderRadius="lg" bg="bg">
      <Stack gap="2" align="center" maxW="md" mx="auto">
        <Heading size="md">{title}</Heading>
        {children && <Text color="fg.muted" fontSize="sm">{children}</Text>}
        {action && <Box pt="2">{action}</Box>}
      </Stack>
    </Box>
  );
}

export const toaster = createToaster({ placement: 'bottom-end', pauseOnPageIdle: true });

export function AppToaster() {
  return (
    <Portal>
      <Toaster toaster={toaster} insetInline={{ mdDown: '4' }}>
        {(toast) => (
          <Toast.Root width={{ md: 'sm' }}>
            <Toast.Indicator />
            <Stack gap="1" flex="1" maxWidth="100%">
              {toast.title && <Toast.Title>{toast.title}</Toast.Title>}
              {toast.description && <Toast.Description>{toast.description}</Toast.Description>}
            </Stack>
            <Toast.CloseTrigger />
          </Toast.Root>
        )}
      </Toaster>
    </Portal>
  );
}

export function notifyError(title: string, error: unknown) {
  toaster.create({ type: 'error', title, description: messageOf(error), duration: 8000 });
}

export function notifySuccess(title: string, description?: string) {
  toaster.create({ type: 'success', title, description, duration: 3000 });
}
