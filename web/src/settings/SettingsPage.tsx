import { Box, Flex, Stack, chakra } from '@chakra-ui/react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { Page, PageHeader } from '../app/Shell';
import { useMe } from '../auth/AuthProvider';
import { ApiKeysSection } from './ApiKeysSection';
import { ProfileSection } from './ProfileSection';
import { SystemSection } from './SystemSection';
import { UsersSection } from './UsersSection';

const Tab = chakra(NavLink);

export default function SettingsPage() {
  const me = useMe();
  const admin = me.role === 'admin';
  const tabs = [
    { to: '/settings', label: 'Profile', end: true },
    { to: '/settings/api-keys', label: 'API keys' },
    ...(admin ? [{ to: '/settings/users', label: 'Users' }, { to: '/settings/system', label: 'System' }] : []),
  ];
  return (
    <Page>
      <PageHeader title="Settings" />
      <Flex gap="8" direction={{ base: 'column', md: 'row' }}>
        <Stack as="nav" aria-label="Settings" gap="1" w={{ md: '44' }} flexShrink={0} direction={{ base: 'row', md: 'column' }}>
          {tabs.map((t) => (
            <Tab key={t.to} to={t.to} end={t.end} px="3" py="1.5" borderRadius="md" fontSize="sm" color="fg.muted"
              _hover={{ bg: 'bg.muted' }} css={{ '&.active': { bg: 'bg.muted', color: 'fg', fontWeight: '600' } }}>{t.label}</Tab>
          ))}
        </Stack>
        <Box flex="1" minW="0">
          <Routes>
            <Route index element={<ProfileSection />} />
            <Route path="api-keys" element={<ApiKeysSection />} />
            {admin && <Route path="users" element={<UsersSection />} />}
            {admin && <Route path="system" element={<SystemSection />} />}
            <Route path="*" element={<Navigate to="/settings" replace />} />
          </Routes>
        </Box>
      </Flex>
    </Page>
  );
}

export function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Box bg="bg" borderWidth="1px" borderRadius="lg" p="6" mb="6" as="section" aria-label={title}>
      <chakra.h2 fontSize="lg" fontWeight="semibold">{title}</chakra.h2>
      {description && <chakra.p fontSize="sm" color="fg.muted" mt="1" mb="4">{description}</chakra.p>}
      {!description && <Box h="4" />}
      {children}
    </Box>
  );
}
