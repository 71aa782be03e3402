import { Box, Center, HStack, Stack, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <Center minH="100vh" p="6" bg="bg.subtle">
      <Stack w="full" maxW="sm" gap="6">
        <HStack gap="2" justify="center">
          <Box w="8" h="8" borderRadius="lg" bg="blue.600" color="white" display="grid" placeItems="center" fontWeight="bold" aria-hidden>A</Box>
          <Text fontWeight="semibold" fontSize="lg">AutomateOS</Text>
        </HStack>
        <Box bg="bg" borderWidth="1px" borderRadius="xl" p="8" boxShadow="sm">
          <Text as="h1" fontSize="xl" fontWeight="semibold">{title}</Text>
          <Text color="fg.muted" fontSize="sm" mt="1" mb="6">{subtitle}</Text>
          {children}
        </Box>
      </Stack>
    </Center>
  );
}
