import { Box, Button, HStack, Text } from '@chakra-ui/react';
import { useState, type ReactNode } from 'react';
import { CopyButton } from './CopyButton';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Collapsible JSON, keyboard-friendly (each toggle is a button), with a copy of the whole value. */
export function JsonViewer({ value, label, maxHeight = '360px' }: { value: unknown; label: string; maxHeight?: string }) {
  if (value === undefined) return <Text fontSize="sm" color="fg.muted">No {label.toLowerCase()}.</Text>;
  const text = JSON.stringify(value, null, 2);
  return (
    <Box position="relative" borderWidth="1px" borderRadius="md" bg="bg.muted" aria-label={label} role="group">
      <Box position="absolute" top="1.5" right="1.5" zIndex="1"><CopyButton value={text} label="Copy" /></Box>
      <Box as="pre" fontFamily="mono" fontSize="xs" p="3" pr="16" overflow="auto" maxH={maxHeight} m="0" data-testid="json">
        <Node value={value as Json} depth={0} />
      </Box>
    </Box>
  );
}

function Node({ value, depth, name }: { value: Json; depth: number; name?: ReactNode }) {
  const [open, setOpen] = useState(depth < 3);
  const prefix = name !== undefined ? <>{name}: </> : null;
  if (value === null || typeof value !== 'object') {
    return <Box>{prefix}<Scalar value={value} /></Box>;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const [openMark, closeMark] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return <Box>{prefix}{openMark}{closeMark}</Box>;
  return (
    <Box>
      <HStack gap="1" display="inline-flex">
        <Button size="2xs" variant="ghost" px="1" minW="0" h="4" onClick={() => setOpen(!open)} aria-expanded={open}
          aria-label={open ? 'Collapse' : 'Expand'}>{open ? '▾' : '▸'}</Button>
        <span>{prefix}{openMark}{!open && <Text as="span" color="fg.muted"> {entries.length} {Array.isArray(value) ? 'items' : 'keys'} </Text>}{!open && closeMark}</span>
      </HStack>
      {open && (
        <Box pl="4" borderLeftWidth="1px" borderColor="border.muted" ml="1.5">
          {entries.map(([key, child]) => (
            <Node key={key} value={child} depth={depth + 1}
              name={Array.isArray(value) ? undefined : <Text as="span" color="purple.fg">"{key}"</Text>} />
          ))}
        </Box>
      )}
      {open && <Box>{closeMark}</Box>}
    </Box>
  );
}

function Scalar({ value }: { value: null | boolean | number | string }) {
  if (value === null) return <Text as="span" color="fg.muted">null</Text>;
  if (typeof value === 'string') return <Text as="span" color="green.fg" whiteSpace="pre-wrap" wordBreak="break-word">{JSON.stringify(value)}</Text>;
  if (typeof value === 'number') return <Text as="span" color="blue.fg">{value}</Text>;
  return <Text as="span" color="orange.fg">{String(value)}</Text>;
}
