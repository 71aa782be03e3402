import { describe, expect, it } from 'vitest';
import { applyEvent, stepsByNode, type ExecutionDetail } from './useLiveExecution';

const running: ExecutionDetail = { id: 'e', status: 'queued', steps: [] };

describe('applyEvent', () => {
  it('marks a step running, then finished, and the execution ended, in place', () => {
    let d = applyEvent(running, { event: 'step_started', data: { step_id: 's1', node_id: 'hook', node_name: 'Hook', attempt: 1 } });
    expect(d.status).toBe('running');
    expect(stepsByNode(d).hook?.status).toBe('running');
    d = applyEvent(d, { event: 'step_finished', data: { step_id: 's1', node_id: 'hook', status: 'failed', duration_ms: 5,
      error: { code: 'io_error', message: 'refused' } } });
    expect(d.steps).toHaveLength(1);
    expect(d.steps![0]).toMatchObject({ status: 'failed', duration_ms: 5, error: { message: 'refused' } });
    d = applyEvent(d, { event: 'execution_finished', data: { status: 'failed', duration_ms: 9, error: { code: 'io_error', message: 'refused' } } });
    expect(d).toMatchObject({ status: 'failed', duration_ms: 9 });
  });

  it('ignores events it does not know', () => {
    expect(applyEvent(running, { event: 'overflow', data: { message: 'too slow' } })).toBe(running);
  });
});
