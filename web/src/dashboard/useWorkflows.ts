import { useInfiniteQuery, useMutation, useQueries, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type WorkflowSummary = Schemas['WorkflowSummary'];
export type WorkflowPage = Schemas['PageWorkflowSummary'];
export type Activity = Schemas['WorkflowActivity'];

export type WorkflowFilters = { name: string; active: '' | 'true' | 'false' };

export function useWorkflowList(filters: WorkflowFilters) {
  return useInfiniteQuery({
    queryKey: ['workflows', 'list', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/workflows', {
      params: { query: { limit: 50, cursor: pageParam, name: filters.name || undefined, active: filters.active || undefined } },
    })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** Activity per loaded page of the list (one request each), merged into one map by workflow id. */
export function useActivity(pages: string[][]) {
  return useQueries({
    queries: pages.map((ids) => ({
      queryKey: ['dashboard', 'activity', ids],
      queryFn: async () => (await unwrap(api.GET('/api/v1/dashboard/workflow-activity', {
        params: { query: { workflow_id: ids, recent: 20 } },
      }))).items ?? [],
      enabled: ids.length > 0,
      refetchInterval: 20_000,
      placeholderData: (previous: Activity[] | undefined) => previous,
    })),
    combine: (results) => ({
      byId: new Map(results.flatMap((r) => r.data ?? []).map((a) => [a.workflow_id!, a])),
      pending: results.some((r) => r.isPending),
    }),
  });
}

/** Activation changes one row: the cached pages are patched in place instead of refetched. */
export function useSetActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(api.PATCH('/api/v1/workflows/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: (updated) => {
      queryClient.setQueriesData<InfiniteData<WorkflowPage>>({ queryKey: ['workflows', 'list'] }, (data) => data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items?.map((w) => (w.id === updated.id ? { ...w, active: updated.active, updated_at: updated.updated_at } : w)),
        })),
      });
      queryClient.setQueryData(['workflow', updated.id], (old: unknown) => (old ? { ...(old as object), active: updated.active } : old));
    },
  });
}
