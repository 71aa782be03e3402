import { Alert, Badge, Box, Button, Field, HStack, Input, Stack, Tabs, Text } from '@chakra-ui/react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import { JsonViewer } from '../components/JsonViewer';
import { StatusBadge } from '../components/status';
import type { NodeSpec } from '../graph/document';
import { templates, widgets } from './formTemplates';
import type { NodeType } from './nodeTypes';
import { errorSchemaOf, formSchema, uiSchemaFor } from './schemaForm';
import type { StepView as StepRecord } from '../executions/useLiveExecution';

export type NodeProblem = { configPath?: string[]; field?: string; message: string };

type Props = {
  node: NodeSpec;
  nodeType: NodeType | undefined;
  isTrigger: boolean;
  problems: NodeProblem[];
  step?: StepRecord;
  readOnly: boolean;
  onChange: (node: NodeSpec) => void;
  onDelete: () => void;
  onClose: () => void;
  children?: React.ReactNode;
};

/** The selected node: its name, its config form (from the node type's JSON Schema), its last output. */
export function NodePanel({ node, nodeType, isTrigger, problems, step, readOnly, onChange, onDelete, onClose, children }: Props) {
  const schema = useMemo(() => formSchema(nodeType?.config_schema ?? { type: 'object' }), [nodeType]);
  const uiSchema = useMemo(() => ({ ...uiSchemaFor(nodeType?.config_schema), 'ui:submitButtonOptions': { norender: true } }), [nodeType]);
  const configErrors = problems.filter((p) => p.configPath && p.configPath.length > 0);
  const extraErrors = useMemo(() => errorSchemaOf(configErrors.map((p) => ({ path: p.configPath!, message: p.message }))), [configErrors]);
  const nameError = problems.find((p) => p.field === 'name')?.message;
  const general = problems.filter((p) => !(p.configPath && p.configPath.length > 0) && p.field !== 'name');

  return (
    <Stack gap="4" data-testid="node-panel" aria-label={`Settings of ${node.name}`} role="region">
      <HStack justify="space-between" align="start">
        <Box minW="0">
          <Text fontWeight="semibold" truncate>{nodeType?.name ?? node.type}</Text>
          <Text fontSize="xs" color="fg.muted" fontFamily="mono">{node.type}@{node.version} · id {node.id}</Text>
        </Box>
        <Button size="xs" variant="ghost" onClick={onClose} aria-label="Close the node settings">Close</Button>
      </HStack>
      {nodeType?.description && <Text fontSize="sm" color="fg.muted">{nodeType.description}</Text>}
      {!nodeType && <Alert.Root status="warning" size="sm"><Alert.Indicator /><Alert.Title>This server does not know {node.type}@{node.version}.</Alert.Title></Alert.Root>}
      {general.length > 0 && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Content>{general.map((p, i) => <Alert.Description key={i}>{p.message}</Alert.Description>)}</Alert.Content>
        </Alert.Root>
      )}
      <Tabs.Root defaultValue="settings" size="sm" variant="line" lazyMount>
        <Tabs.List>
          <Tabs.Trigger value="settings">Settings</Tabs.Trigger>
          <Tabs.Trigger value="output">Output {step?.status && <Badge size="xs" ml="1">{step.status}</Badge>}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="settings">
          <Field.Root invalid={!!nameError} mb="3" required>
            <Field.Label fontSize="sm">Name</Field.Label>
            <Input size="sm" value={node.name} readOnly={readOnly} onChange={(e) => onChange({ ...node, name: e.target.value })} aria-label="Node name" />
            <Field.ErrorText>{nameError}</Field.ErrorText>
          </Field.Root>
          <Box className="aos-form">
            <Form schema={schema} uiSchema={uiSchema} formData={node.config} validator={validator} templates={templates} widgets={widgets}
              extraErrors={extraErrors} showErrorList={false} noHtml5Validate liveOmit={false} readonly={readOnly}
              idPrefix={`cfg-${node.id}`} onChange={(e) => onChange({ ...node, config: (e.formData ?? {}) as Record<string, unknown> })}>
              <></>
            </Form>
          </Box>
          {children}
          {!isTrigger && !readOnly && (
            <Button size="sm" variant="outline" colorPalette="red" mt="2" onClick={onDelete}>Delete node</Button>
          )}
        </Tabs.Content>
        <Tabs.Content value="output">
          {!step ? <Text fontSize="sm" color="fg.muted">Run a test to see what this step receives and produces.</Text> : (
            <Stack gap="3" data-testid="node-output">
              <HStack><StatusBadge status={step.status} />{step.duration_ms !== undefined && <Text fontSize="xs" color="fg.muted">{step.duration_ms} ms</Text>}</HStack>
              {step.error && <Text fontSize="sm" color="red.fg">{step.error.message}</Text>}
              <Text fontSize="xs" fontWeight="semibold">Output</Text>
              <JsonViewer value={step.output} label="Output" />
              <Text fontSize="xs" fontWeight="semibold">Input</Text>
              <JsonViewer value={step.input} label="Input" />
            </Stack>
          )}
        </Tabs.Content>
      </Tabs.Root>
    </Stack>
  );
}
