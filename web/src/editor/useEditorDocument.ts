import { useCallback, useState } from 'react';
import { allNodes, freeId, freeName, type Connection, type NodeSpec, type WorkflowDocument } from '../graph/document';
import type { NodeType } from './nodeTypes';

/** The document being edited, and the graph edits a person makes on it. */
export function useEditorDocument(initial: WorkflowDocument) {
  const [doc, setDocState] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const setDoc = useCallback((next: WorkflowDocument | ((d: WorkflowDocument) => WorkflowDocument), markDirty = true) => {
    setDocState(next);
    if (markDirty) setDirty(true);
  }, []);

  const addNode = useCallback((type: NodeType, after: string | null): string => {
    let added = '';
    setDoc((d) => {
      if (type.kind === 'trigger') {
        added = d.trigger.id;
        return { ...d, trigger: { ...d.trigger, type: type.type!, version: type.version!, name: freeName({ ...d, trigger: { ...d.trigger, name: '' } }, type.name!), config: {} } };
      }
      const short = type.type!.split('.').pop()!;
      const node: NodeSpec = { id: freeId(d, short), type: type.type!, version: type.version!, name: freeName(d, type.name!), config: {} };
      added = node.id;
      const from = after ?? lastInChain(d);
      return { ...d, nodes: [...d.nodes, node], connections: from ? [...d.connections, { from, to: node.id }] : d.connections };
    });
    return added;
  }, [setDoc]);

  const updateNode = useCallback((node: NodeSpec) => setDoc((d) => (d.trigger.id === node.id ? { ...d, trigger: node }
    : { ...d, nodes: d.nodes.map((n) => (n.id === node.id ? node : n)) })), [setDoc]);

  const deleteNodes = useCallback((ids: string[]) => setDoc((d) => {
    const gone = new Set(ids.filter((id) => id !== d.trigger.id));
    return { ...d, nodes: d.nodes.filter((n) => !gone.has(n.id)), connections: d.connections.filter((c) => !gone.has(c.from) && !gone.has(c.to)) };
  }), [setDoc]);

  const connect = useCallback((c: Connection) => setDoc((d) => {
    if (c.from === c.to || d.connections.some((x) => x.from === c.from && x.to === c.to && x.output === c.output)) return d;
    return { ...d, connections: [...d.connections, c] };
  }), [setDoc]);

  const disconnect = useCallback((gone: Connection[]) => setDoc((d) => ({
    ...d, connections: d.connections.filter((c) => !gone.some((g) => g.from === c.from && g.to === c.to && g.output === c.output)),
  })), [setDoc]);

  return { doc, setDoc, dirty, setDirty, addNode, updateNode, deleteNodes, connect, disconnect };
}

/** Where a new node goes by default: after the last node of the chain (one without outgoing connections). */
export function lastInChain(doc: WorkflowDocument): string {
  const hasOutgoing = new Set(doc.connections.map((c) => c.from));
  const ends = allNodes(doc).filter((n) => !hasOutgoing.has(n.id));
  return (ends[ends.length - 1] ?? doc.trigger).id;
}
