import type { CDPSession } from 'playwright-core';
import { collectTrace } from './trace-events';

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
  const events = await collectTrace<TraceEvent>(browserCdp, { includedCategories: ['mojom'] }, () => new Promise((ok) => setTimeout(ok, ms)));
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
