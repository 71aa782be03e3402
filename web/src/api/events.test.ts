import { describe, expect, it } from 'vitest';
import { SseParser } from './events';

describe('SseParser', () => {
  it('reads events split across chunks and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push(':subscribed\n\nevent:step_started\ndata:{"step_id":"a"')).toEqual([]);
    const events = parser.push(',"attempt":1}\n\n:heartbeat\n\nevent:execution_finished\r\ndata:{"status":"succeeded"}\r\n\r\n');
    expect(events).toEqual([
      { event: 'step_started', data: { step_id: 'a', attempt: 1 } },
      { event: 'execution_finished', data: { status: 'succeeded' } },
    ]);
  });

  it('ignores data that is not JSON', () => {
    expect(new SseParser().push('event:x\ndata:not json\n\n')).toEqual([]);
  });
});
