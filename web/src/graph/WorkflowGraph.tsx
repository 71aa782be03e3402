import { Badge, Box, HStack, Text } from '@chakra-ui/react';
import {
  applyEdgeChanges, applyNodeChanges, Background, Controls, Handle, MarkerType, Position, ReactFlow,
  type Connection as FlowConnection, type Edge, type EdgeChange, type Node, type NodeChange, type NodeProps, type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useColorMode } from '../app/colorMode';
import { STATUS_PALETTE } from '../components/status';
import { allNodes, type Connection, type WorkflowDocument } from './document';
import { layout } from './layout';

export type StepMark = { status?: string; preview?: string; error?: string };

type CardData = {
  label: string; type: string; trigger: boolean; outputs: string[]; step?: StepMark; problems: number;
};

const NodeCard = memo(function NodeCard({ data, selected }: NodeProps<Node<CardData>>) {
  const palette = data.step?.status ? STATUS_PALETTE[data.step.status] ?? 'gray' : undefined;
  const border = data.problems > 0 ? 'red.500' : palette ? `${palette}.solid` : selected ? 'blue.500' : 'border';
  return (
    <Box bg="bg" borderWidth="2px" borderColor={border} borderRadius="lg" w="220px" px="3" py="2.5"
      boxShadow={selected ? 'md' : 'xs'} data-testid={`graph-node-${data.label}`} data-status={data.step?.status ?? ''}>
      {!data.trigger && <Handle type="target" position={Position.Left} aria-label={`Input of ${data.label}`} />}
      <HStack justify="space-between" gap="2">
        <Text fontSize="sm" fontWeight="semibold" truncate>{data.label}</Text>
        {data.trigger && <Badge size="sm" colorPalette="blue" variant="subtle">trigger</Badge>}
      </HStack>
      <Text fontSize="xs" color="fg.muted" fontFamily="mono" truncate>{data.type}</Text>
      {data.step?.status && (
        <HStack mt="1.5" gap="1.5">
          <Badge size="sm" colorPalette={palette} variant="solid" textTransform="none">{data.step.status}</Badge>
          {data.step.preview && <Text fontSize="2xs" fontFamily="mono" color="fg.muted" truncate title={data.step.preview}>{data.step.preview}</Text>}
        </HStack>
      )}
      {data.step?.error && <Text fontSize="2xs" color="red.fg" mt="1" lineClamp={2}>{data.step.error}</Text>}
      {data.problems > 0 && (
        <Text fontSize="2xs" color="red.fg" mt="1">{data.problems === 1 ? '1 problem' : `${data.problems} problems`}</Text>
      )}
      {data.outputs.length <= 1 ? <Handle type="source" position={Position.Right} aria-label={`Output of ${data.label}`} /> : (
        data.outputs.map((output, i) => (
          <Handle key={output} id={output} type="source" position={Position.Right} aria-label={`Output “${output}” of ${data.label}`}
            style={{ top: `${((i + 1) / (data.outputs.length + 1)) * 100}%` }}>
            <Text position="absolute" left="3" top="-2" fontSize="2xs" color="fg.muted" pointerEvents="none">{output}</Text>
          </Handle>
        ))
      )}
    </Box>
  );
});

const nodeTypes = { card: NodeCard };

export type GraphProps = {
  doc: WorkflowDocument;
  outputsOf?: (type: string, version: number) => string[];
  steps?: Record<string, StepMark>;
  problems?: Record<string, number>;
  selectedId?: string | null;
  onSelect?: (nodeId: string | null) => void;
  onConnect?: (connection: Connection) => void;
  onDeleteNodes?: (ids: string[]) => void;
  onDeleteConnections?: (connections: Connection[]) => void;
  editable?: boolean;
  ariaLabel: string;
  /** Changes when the space around the graph changes (a side panel opens), to fit it again. */
  fitKey?: string;
};

/** The workflow as a graph, laid out automatically; used by the editor and the execution view. */
export function WorkflowGraph({ doc, outputsOf, steps, problems, selectedId, onSelect, onConnect, onDeleteNodes,
  onDeleteConnections, editable = false, ariaLabel, fitKey }: GraphProps) {
  const { mode } = useColorMode();
  const positions = useMemo(() => layout(doc), [doc]);
  const nodes = useMemo<Node<CardData>[]>(() => allNodes(doc).map((n) => ({
    id: n.id,
    type: 'card',
    position: positions[n.id] ?? { x: 0, y: 0 },
    selected: n.id === selectedId,
    deletable: editable && n.id !== doc.trigger.id,
    ariaLabel: `${n.name} (${n.type})${steps?.[n.id]?.status ? `, ${steps[n.id]!.status}` : ''}`,
    data: {
      label: n.name, type: `${n.type}@${n.version}`, trigger: n.id === doc.trigger.id,
      outputs: outputsOf?.(n.type, n.version) ?? [], step: steps?.[n.id], problems: problems?.[n.id] ?? 0,
    },
  })), [doc, positions, selectedId, steps, problems, outputsOf, editable]);
  const edges = useMemo<Edge[]>(() => doc.connections.map((c) => ({
    id: `${c.from}->${c.to}${c.output ? `:${c.output}` : ''}`,
    source: c.from, target: c.to, sourceHandle: c.output ?? null, label: c.output,
    deletable: editable, markerEnd: { type: MarkerType.ArrowClosed },
    animated: steps?.[c.to]?.status === 'running',
    data: c,
  })), [doc.connections, editable, steps]);

  // React Flow measures nodes and tracks selection in the node objects it is given, so it gets
  // its own copy: the document stays the source of truth, the copy keeps React Flow's bookkeeping.
  const [flowNodes, setFlowNodes] = useState(nodes);
  const [flowEdges, setFlowEdges] = useState(edges);
  useEffect(() => setFlowNodes((previous) => nodes.map((n) => {
    const old = previous.find((p) => p.id === n.id);
    return old ? { ...n, measured: old.measured } : n;
  })), [nodes]);
  useEffect(() => setFlowEdges(edges), [edges]);
  const instance = useRef<ReactFlowInstance<Node<CardData>, Edge> | null>(null);
  const count = nodes.length;
  useEffect(() => {
    const t = setTimeout(() => void instance.current?.fitView({ padding: 0.25, maxZoom: 1.1, duration: 200 }), 50);
    return () => clearTimeout(t);
  }, [count, fitKey]);
  const onNodesChange = (changes: NodeChange<Node<CardData>>[]) => {
    setFlowNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
    for (const c of changes) if (c.type === 'select' && c.selected && c.id !== selectedId) onSelect?.(c.id);
  };
  const onEdgesChange = (changes: EdgeChange[]) => setFlowEdges((es) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), es));

  return (
    <Box h="full" w="full" aria-label={ariaLabel} role="region">
      <ReactFlow nodes={flowNodes} edges={flowEdges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onInit={(i) => { instance.current = i; }} nodeTypes={nodeTypes} colorMode={mode} fitView fitViewOptions={{ padding: 0.25, maxZoom: 1.1 }}
        nodesDraggable={false} nodesConnectable={editable} elementsSelectable edgesFocusable={editable}
        deleteKeyCode={editable ? ['Delete', 'Backspace'] : null} proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => onSelect?.(node.id)}
        onPaneClick={() => onSelect?.(null)}
        onConnect={(c: FlowConnection) => c.source && c.target && onConnect?.({ from: c.source, to: c.target, ...(c.sourceHandle ? { output: c.sourceHandle } : {}) })}
        onNodesDelete={(deleted) => onDeleteNodes?.(deleted.map((n) => n.id))}
        onEdgesDelete={(deleted) => onDeleteConnections?.(deleted.map((e) => e.data as Connection))}>
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}
