import type { CDPSession } from 'playwright-core';

/**
 * Which mojo messages a browser's processes received over a while (Chromium's `mojom` trace
 * category), counted by interface: how chatty something is with the browser process. Found the
 * playback context's audibility churn (media-session and audio-focus messages, ~30 a second; see
 * `PLAYBACK_FLOOR` in src/adapters/audio/audio-graph.ts).
 */
interface TraceEvent {
  name: string;
  args?: { chrome_mojo_event_info?: { mojo_interface_tag?: string } };
}

export async function mojoMessagesByInterface(browserCdp: CDPSession, ms: number): Promise<Map<string, number>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: TraceEvent[] }) => events.push(...e.value);
  const cdp = browserCdp as unknown as {
    send(method: string, params?: object): Promise<unknown>;
    on(event: string, listener: (e: never) => void): void;
    off(event: string, listener: (e: never) => void): void;
    once(event: string, listener: () => void): void;
  };
  cdp.on('Tracing.dataCollected', collect);
  try {
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['mojom'] }, transferMode: 'ReportEvents' });
    await new Promise((ok) => setTimeout(ok, ms));
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
  return countByInterface(events);
}

export function countByInterface(events: readonly TraceEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    const tag = e.args?.chrome_mojo_event_info?.mojo_interface_tag;
    if (e.name !== 'Receive mojo message' || !tag) continue;
    out.set(tag, (out.get(tag) ?? 0) + 1);
  }
  return out;
}
