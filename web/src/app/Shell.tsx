import { Box, Button, Flex, HStack, IconButton, Stack, Text, chakra } from '@chakra-ui/react';
import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Loading } from '../components/feedback';
import { useAuth, useMe } from '../auth/AuthProvider';
import { useColorMode } from './colorMode';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/executions', label: 'Executions' },
  { to: '/credentials', label: 'Credentials' },
  { to: '/settings', label: 'Settings' },
];

export function Shell() {
  const me = useMe();
  const { signOut } = useAuth();
  const { mode, toggle } = useColorMode();
  const location = useLocation();
  return (
    <Flex minH="100vh" direction={{ base: 'column', md: 'row' }}>
      <chakra.a href="#main" position="absolute" left="-9999px" _focus={{ left: '2', top: '2', zIndex: 'max', bg: 'bg', p: '2' }}>
        Skip to content
      </chakra.a>
      <Flex as="nav" aria-label="Main" direction={{ base: 'row', md: 'column' }} w={{ md: '56' }} flexShrink={0}
        bg="bg" borderRightWidth={{ md: '1px' }} borderBottomWidth={{ base: '1px', md: '0' }} px="3" py="4" gap="1"
        position={{ md: 'sticky' }} top="0" h={{ md: '100vh' }} overflowX="auto">
        <HStack px="2" pb={{ md: '5' }} pr={{ base: '4', md: '2' }} gap="2">
          <Box w="7" h="7" borderRadius="lg" bg="blue.600" color="white" display="grid" placeItems="center"
            fontWeight="bold" fontSize="sm" aria-hidden>A</Box>
          <Text fontWeight="semibold" letterSpacing="-0.01em" whiteSpace="nowrap">AutomateOS</Text>
        </HStack>
        {NAV.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end}>
            {({ isActive }) => (
              <Box px="3" py="2" borderRadius="md" fontSize="sm" fontWeight={isActive ? 'semibold' : 'medium'}
                bg={isActive ? 'colorPalette.subtle' : undefined} color={isActive ? 'colorPalette.fg' : 'fg.muted'}
                colorPalette="blue" _hover={{ bg: 'bg.muted', color: 'fg' }} whiteSpace="nowrap"
                aria-current={isActive ? 'page' : undefined}>
                {item.label}
              </Box>
            )}
          </NavLink>
        ))}
        <Stack mt={{ md: 'auto' }} ml={{ base: 'auto', md: '0' }} gap="2" direction={{ base: 'row', md: 'column' }} px="1">
          <IconButton size="sm" variant="ghost" onClick={toggle} aria-label={`Switch to ${mode === 'dark' ? 'light' : 'dark'} mode`}>
            <span aria-hidden>{mode === 'dark' ? '☀' : '☾'}</span>
          </IconButton>
          <Box display={{ base: 'none', md: 'block' }} px="2">
            <Text fontSize="sm" fontWeight="medium" truncate>{me.username}</Text>
            <Text fontSize="xs" color="fg.muted">{me.role}</Text>
          </Box>
          <Button size="sm" variant="outline" onClick={() => void signOut()}>Log out</Button>
        </Stack>
      </Flex>
      <Box as="main" id="main" flex="1" minW="0" tabIndex={-1} outline="none">
        <ErrorBoundary resetKey={location.pathname}><Suspense fallback={<Loading />}><Outlet /></Suspense></ErrorBoundary>
      </Box>
    </Flex>
  );
}

/** A page's title row, with actions on the right. */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: React.ReactNode }) {
  return (
    <Flex align={{ md: 'center' }} justify="space-between" gap="4" mb="6" direction={{ base: 'column', md: 'row' }}>
      <Box>
        <Text as="h1" fontSize="2xl" fontWeight="semibold" letterSpacing="-0.02em">{title}</Text>
        {subtitle && <Text color="fg.muted" fontSize="sm" mt="1">{subtitle}</Text>}
      </Box>
      {actions && <HStack gap="2" flexWrap="wrap">{actions}</HStack>}
    </Flex>
  );
}

export function Page({ children, wide }: { children: React.ReactNode; wide?: boolean }) {
  return <Box px={{ base: '4', md: '8' }} py="8" maxW={wide ? 'none' : '7xl'} mx="auto">{children}</Box>;
}
