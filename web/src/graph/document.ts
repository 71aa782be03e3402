/** The workflow document, as docs/workflow-format.md defines it (the API carries it as free JSON). */
export type NodeSpec = { id: string; type: string; version: number; name: string; config: Record<string, unknown>;
  [extra: string]: unknown };
export type Connection = { from: string; to: string; output?: string };
export type WorkflowDocument = {
  schema_version: number;
  name: string;
  description?: string;
  tags?: string[];
  trigger: NodeSpec;
  nodes: NodeSpec[];
  connections: Connection[];
  settings?: Record<string, unknown>;
  vars?: Record<string, unknown>;
  [extra: string]: unknown;
};

export function newDocument(): WorkflowDocument {
  return {
    schema_version: 1,
    name: 'Untitled workflow',
    trigger: { id: 'trigger', type: 'trigger.manual', version: 1, name: 'Manual', config: {} },
    nodes: [],
    connections: [],
  };
}

export function allNodes(doc: WorkflowDocument): NodeSpec[] {
  return [doc.trigger, ...doc.nodes];
}

/** A node id that is free in the document: "filter", then "filter_2", … */
export function freeId(doc: WorkflowDocument, base: string): string {
  const taken = new Set(allNodes(doc).map((n) => n.id));
  const clean = base.replace(/[^a-z0-9_]/gi, '_').toLowerCase() || 'node';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}_${i}`)) return `${clean}_${i}`;
}

/** A node name that is free (names are unique and expressions address nodes by them). */
export function freeName(doc: WorkflowDocument, base: string): string {
  const taken = new Set(allNodes(doc).map((n) => n.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** Which node a server error's JSON Pointer is about, and the rest of the pointer inside its config. */
export function locate(doc: WorkflowDocument, pointer: string): { nodeId?: string; configPath?: string[]; field?: string } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: NodeSpec | undefined;
  let rest: string[] = [];
  if (parts[0] === 'trigger') {
    node = doc.trigger;
    rest = parts.slice(1);
  } else if (parts[0] === 'nodes' && parts[1] !== undefined) {
    node = doc.nodes[Number(parts[1])];
    rest = parts.slice(2);
  } else if (parts[0] === 'connections' && parts[1] !== undefined) {
    const connection = doc.connections[Number(parts[1])];
    return { nodeId: connection?.from, field: 'connections' };
  }
  if (!node) return { field: parts[0] };
  if (rest[0] === 'config') return { nodeId: node.id, configPath: rest.slice(1) };
  return { nodeId: node.id, field: rest[0] };
}
