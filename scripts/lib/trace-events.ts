import type { CDPSession } from 'playwright-core';

/**
 * A trace of the whole browser (every process) through its DevTools session: tracing starts with
 * `traceConfig`, `during` runs, tracing ends, and the events come back. The memory dumps
 * (memory-infra.ts) and the mojo message counts (mojo-trace.ts) are both read this way.
 */
export async function collectTrace<E>(browserCdp: CDPSession, traceConfig: object, during: () => Promise<unknown>): Promise<E[]> {
  const events: E[] = [];
  const collect = (e: { value: E[] }) => events.push(...e.value);
  const cdp = browserCdp as unknown as {
    send(method: string, params?: object): Promise<unknown>;
    on(event: string, listener: (e: never) => void): void;
    off(event: string, listener: (e: never) => void): void;
    once(event: string, listener: () => void): void;
  };
  cdp.on('Tracing.dataCollected', collect);
  try {
    await cdp.send('Tracing.start', { traceConfig, transferMode: 'ReportEvents' });
    await during();
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}
