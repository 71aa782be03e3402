import { describe, expect, it } from 'vitest';
import { freeId, freeName, locate, newDocument, type WorkflowDocument } from './document';
import { layout } from './layout';

const doc: WorkflowDocument = {
  ...newDocument(),
  nodes: [
    { id: 'filter', type: 'flow.filter', version: 1, name: 'Filter', config: {} },
    { id: 'set', type: 'transform.set', version: 1, name: 'Set fields', config: {} },
    { id: 'other', type: 'core.noop', version: 1, name: 'Other', config: {} },
  ],
  connections: [{ from: 'trigger', to: 'filter' }, { from: 'filter', to: 'set' }, { from: 'trigger', to: 'other' }],
};

describe('locate', () => {
  it('names the node and the path inside its config that a server pointer points at', () => {
    expect(locate(doc, '/nodes/1/config/fields/summary')).toEqual({ nodeId: 'set', configPath: ['fields', 'summary'] });
    expect(locate(doc, '/trigger/config/path')).toEqual({ nodeId: 'trigger', configPath: ['path'] });
    expect(locate(doc, '/nodes/0/name')).toEqual({ nodeId: 'filter', field: 'name' });
    expect(locate(doc, '/connections/1/to')).toEqual({ nodeId: 'filter', field: 'connections' });
    expect(locate(doc, '/name')).toEqual({ field: 'name' });
  });

  it('unescapes JSON Pointer segments', () => {
    expect(locate(doc, '/nodes/1/config/fields/a~1b~0c').configPath).toEqual(['fields', 'a/b~c']);
  });
});

describe('free ids and names', () => {
  it('never reuses a taken one', () => {
    expect(freeId(doc, 'filter')).toBe('filter_2');
    expect(freeId(doc, 'http')).toBe('http');
    expect(freeName(doc, 'Filter')).toBe('Filter 2');
  });
});

describe('layout', () => {
  it('puts each node one column right of its furthest parent, columns centred', () => {
    const p = layout(doc);
    expect(p.trigger!.x).toBe(0);
    expect(p.filter!.x).toBe(p.other!.x);
    expect(p.set!.x).toBeGreaterThan(p.filter!.x);
    expect(p.filter!.y).toBe(-p.other!.y);
  });

  it('does not loop on a cycle (the server refuses them, but a draft may have one)', () => {
    const cyclic = { ...doc, connections: [...doc.connections, { from: 'set', to: 'filter' }] };
    expect(() => layout(cyclic)).not.toThrow();
  });
});
