import type { WorkflowDocument } from './document';

export const COLUMN_WIDTH = 280;
export const ROW_HEIGHT = 130;

/**
 * A left-to-right layered layout: each node sits one column right of its furthest parent
 * (longest path from the trigger), and the nodes of a column are stacked and centred. Workflows
 * are small DAGs, so this simple rule reads well without a layout library.
 */
export function layout(doc: WorkflowDocument): Record<string, { x: number; y: number }> {
  const ids = [doc.trigger.id, ...doc.nodes.map((n) => n.id)];
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const c of doc.connections) {
    if (parents.has(c.to) && parents.has(c.from)) parents.get(c.to)!.push(c.from);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (visiting.has(id)) return 0; // a cycle (the server refuses it): do not loop
    visiting.add(id);
    const ps = parents.get(id) ?? [];
    const d = id === doc.trigger.id ? 0 : ps.length === 0 ? 1 : Math.max(...ps.map(depthOf)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  ids.forEach(depthOf);
  const columns = new Map<number, string[]>();
  ids.forEach((id) => {
    const d = depth.get(id)!;
    columns.set(d, [...(columns.get(d) ?? []), id]);
  });
  const positions: Record<string, { x: number; y: number }> = {};
  columns.forEach((column, d) => {
    column.forEach((id, i) => {
      positions[id] = { x: d * COLUMN_WIDTH, y: (i - (column.length - 1) / 2) * ROW_HEIGHT };
    });
  });
  return positions;
}
