import { Box, Button, HStack, Input, Text, Textarea } from '@chakra-ui/react';
import type { WidgetProps } from '@rjsf/utils';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../api/client';
import { messageOf } from '../api/problems';
import { usePreviewSample } from './preview';

export const isExpression = (value: unknown) => typeof value === 'string' && value.includes('{{');

/**
 * A field that accepts `{{ … }}`: a toggle between a fixed value and an expression, and, for an
 * expression, a live preview evaluated by the server against the sample or the last run.
 */
export function ExpressionWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, label } = props;
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const [expression, setExpression] = useState(isExpression(text));
  const toggle = () => {
    if (!expression && text && !isExpression(text)) onChange(`{{ ${JSON.stringify(text)} }}`);
    if (expression && /^\{\{\s*"(.*)"\s*\}\}$/.test(text)) onChange(JSON.parse(text.replace(/^\{\{\s*|\s*\}\}$/g, '')));
    setExpression(!expression);
  };
  const Field = expression ? Textarea : Input;
  return (
    <Box>
      <HStack gap="1.5" align="start">
        <Field id={id} size="sm" value={text} disabled={disabled || readonly} placeholder={placeholder || (expression ? '{{ $input.field }}' : '')}
          fontFamily={expression ? 'mono' : undefined} rows={expression ? 2 : undefined} autoresize={expression ? true : undefined}
          onChange={(e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => onChange(e.target.value === '' ? undefined : e.target.value)}
          onBlur={() => onBlur(id, text)} onFocus={() => onFocus(id, text)} aria-describedby={`${id}__preview`} />
        <Button size="sm" variant={expression ? 'solid' : 'outline'} colorPalette="purple" onClick={toggle} aria-pressed={expression}
          title={expression ? 'Expression: click for a fixed value' : 'Fixed value: click to write an expression'}
          aria-label={`${label || id}: ${expression ? 'expression on' : 'expression off'}`} fontFamily="mono" px="2">
          fx
        </Button>
      </HStack>
      {expression && <ExpressionPreview id={`${id}__preview`} template={text} />}
    </Box>
  );
}

function ExpressionPreview({ id, template }: { id: string; template: string }) {
  const { sample, source } = usePreviewSample();
  const deferred = useDeferredValue(template);
  const preview = useQuery({
    queryKey: ['expression-preview', deferred, sample],
    queryFn: () => unwrap(api.POST('/api/v1/expressions/evaluate', { body: { template: deferred, sample: sample as never } })),
    enabled: isExpression(deferred),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const r = preview.data;
  return (
    <Box id={id} mt="1.5" px="2" py="1.5" borderRadius="md" bg="bg.muted" fontSize="xs" aria-live="polite" data-testid="expression-preview">
      <Text color="fg.muted" mb="0.5">Preview against {source}</Text>
      {preview.isError ? <Text color="red.fg">{messageOf(preview.error)}</Text>
        : !r ? <Text color="fg.subtle">…</Text>
          : r.ok ? <Text fontFamily="mono" whiteSpace="pre-wrap" wordBreak="break-all">{JSON.stringify(r.value)}</Text>
            : <Text color="red.fg">{r.error?.message}{r.error?.position ? ` (at ${r.error.position})` : ''}</Text>}
    </Box>
  );
}
