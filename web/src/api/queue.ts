import { getOptional } from './client';

/**
 * GET /api/v1/system/queue (admin), as the lead announced it. It is not in every server's
 * OpenAPI document yet, so its type is written here; a server without it answers 404 and the
 * UI says "not available".
 */
export type Lane = { ready: number; delayed: number; leased: number };
export type QueueStatus = {
  lanes: Record<'critical' | 'high' | 'medium' | 'low', Lane>;
  oldest_waiting_ms: number;
  workers: { id: string; host: string; started_at: string; in_flight: number; last_heartbeat_at: string }[];
  throughput_last_minute: { completed: number; per_second: number };
};

export const LANES = ['critical', 'high', 'medium', 'low'] as const;

export function fetchQueue(): Promise<QueueStatus | null> {
  return getOptional<QueueStatus>('/api/v1/system/queue');
}

/** Items waiting for a worker: ready now or delayed (retries, scheduled), over all lanes. */
export function queueDepth(queue: QueueStatus): number {
  return LANES.reduce((sum, lane) => sum + (queue.lanes[lane]?.ready ?? 0) + (queue.lanes[lane]?.delayed ?? 0), 0);
}
