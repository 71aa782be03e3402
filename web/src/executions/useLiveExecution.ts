import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { followEvents, type LiveEvent } from '../api/events';

export type ExecutionDetail = Schemas['Detail'];
export type StepView = Schemas['StepView'];

export const FINISHED = ['succeeded', 'failed', 'cancelled'];

export function executionKey(id: string | undefined) {
  return ['execution', id] as const;
}

/** Applies one live event to the cached detail, so the graph changes the moment the server says so. */
export function applyEvent(detail: ExecutionDetail, event: LiveEvent): ExecutionDetail {
  const d = event.data as { step_id?: string; node_id?: string; node_name?: string; status?: string; duration_ms?: number;
    attempt?: number; error?: { code?: string; message?: string } };
  if (event.event === 'execution_finished') {
    return { ...detail, status: d.status, duration_ms: d.duration_ms, error: d.error ? { ...d.error } : detail.error };
  }
  if (event.event !== 'step_started' && event.event !== 'step_finished') return detail;
  const status = event.event === 'step_started' ? 'running' : d.status;
  const steps = [...(detail.steps ?? [])];
  const at = steps.findIndex((s) => s.id === d.step_id);
  const patch: StepView = { id: d.step_id, node_id: d.node_id, node_name: d.node_name, status, attempts: d.attempt,
    ...(d.duration_ms !== undefined ? { duration_ms: d.duration_ms } : {}), ...(d.error ? { error: d.error } : {}) };
  if (at >= 0) steps[at] = { ...steps[at], ...patch };
  else steps.push(patch);
  return { ...detail, status: detail.status === 'queued' ? 'running' : detail.status, steps };
}

/**
 * One execution, kept current through its SSE stream: events patch the cached detail at once,
 * and the detail is re-read (for inputs and outputs, which events do not carry) after each
 * finished step. The stream ends by itself after `execution_finished`.
 */
export function useLiveExecution(id: string | undefined) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const query = useQuery({
    queryKey: executionKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/executions/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    // A safety net for a dropped stream: an unfinished execution is re-read now and then.
    refetchInterval: (q) => (q.state.data && !FINISHED.includes(q.state.data.status ?? '') ? 5000 : false),
  });
  const finished = query.data ? FINISHED.includes(query.data.status ?? '') : false;

  useEffect(() => {
    if (!id || finished || !query.data) return;
    const controller = new AbortController();
    let reread: ReturnType<typeof setTimeout> | undefined;
    const refetchSoon = () => {
      clearTimeout(reread);
      reread = setTimeout(() => void queryClient.invalidateQueries({ queryKey: executionKey(id) }), 150);
    };
    void followEvents(`/api/v1/executions/${id}/events`, {
      onOpen: refetchSoon,
      onStatus: setLive,
      onEvent: (event) => {
        // The end re-reads at once: the status change below ends this effect (and its timer).
        if (event.event === 'execution_finished') void queryClient.invalidateQueries({ queryKey: executionKey(id) });
        queryClient.setQueryData<ExecutionDetail>(executionKey(id), (old) => (old ? applyEvent(old, event) : old));
        if (event.event === 'step_finished') refetchSoon();
      },
    }, controller.signal, false);
    return () => {
      controller.abort();
      clearTimeout(reread);
    };
  }, [id, finished, !!query.data, queryClient]);

  return { ...query, live: live && !finished };
}

/** Step records by node id: the latest attempt of each node, for the graph. */
export function stepsByNode(detail: ExecutionDetail | undefined): Record<string, StepView> {
  const out: Record<string, StepView> = {};
  for (const step of detail?.steps ?? []) if (step.node_id) out[step.node_id] = step;
  return out;
}

/** A short text of a value, for a node card. */
export function previewOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
