import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap, type Schemas } from '../api/client';

export type NodeType = Schemas['NodeTypeView'];

export function useNodeTypes() {
  const query = useQuery({
    queryKey: ['node-types'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/node-types', { params: { query: { limit: 200 } } }))).items ?? [],
    staleTime: 10 * 60_000,
  });
  const types = query.data ?? [];
  const find = useCallback((type: string, version: number) =>
    types.find((t) => t.type === type && t.version === version), [types]);
  const outputsOf = useCallback((type: string, version: number) => find(type, version)?.outputs ?? [], [find]);
  return { ...query, types, find, outputsOf };
}

/** Newest version of each type first; a person picks a type, not a version. */
export function latestVersions(types: NodeType[]): NodeType[] {
  const newest = new Map<string, NodeType>();
  for (const t of types) {
    const seen = newest.get(t.type!);
    if (!seen || (t.version ?? 0) > (seen.version ?? 0)) newest.set(t.type!, t);
  }
  return [...newest.values()];
}

export function matchesSearch(t: NodeType, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return [t.name, t.type, t.category, t.description].some((s) => s?.toLowerCase().includes(q));
}
