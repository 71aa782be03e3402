import { authFetch } from './session';

/** One Server-Sent Event, as docs/events.md describes them. */
export type LiveEvent = { event: string; data: Record<string, unknown> };

/** Splits an SSE byte stream into events; comments (`:heartbeat`) and unknown fields are ignored. */
export class SseParser {
  private buffer = '';

  push(chunk: string): LiveEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: LiveEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length === 0) continue;
      try {
        events.push({ event: name, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
      } catch {
        // not JSON: the streams always send JSON, so skip anything else
      }
    }
    return events;
  }
}

/**
 * Follows an SSE stream with fetch() (EventSource cannot send the bearer token). It reconnects
 * after a dropped connection with a growing pause, and stops when `signal` aborts. `onOpen`
 * runs each time the stream is subscribed: events are live only, so that is the moment to
 * re-read the state the stream will update.
 */
export function followEvents(path: string, handlers: { onEvent: (event: LiveEvent) => void; onOpen?: () => void;
  onStatus?: (live: boolean) => void }, signal: AbortSignal, reconnect = true): Promise<void> {
  return (async () => {
    let pause = 1000;
    while (!signal.aborted) {
      try {
        const response = await authFetch(new Request(new URL(path, location.origin), { headers: { Accept: 'text/event-stream' }, signal }));
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        handlers.onStatus?.(true);
        handlers.onOpen?.();
        pause = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new SseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value).forEach(handlers.onEvent);
        }
      } catch {
        // dropped or refused: fall through to the pause
      }
      handlers.onStatus?.(false);
      if (!reconnect || signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  })();
}
