import { BackgroundToEngineSchema, OFFSCREEN_TARGET, parseMessage } from '../../core/protocol/messages';
import type { EngineHost } from './engine-host';

/**
 * The offscreen document's side of the engine channel: validates requests addressed to it and
 * answers with `{ok, …}` so that failures (a denied microphone) reach the coordinator as text.
 */
export function createEngineRequestHandler(host: EngineHost, runtimeId: string) {
  return (raw: unknown, sender: { id?: string; tab?: unknown }): Promise<unknown> | undefined => {
    if (typeof raw !== 'object' || raw === null || (raw as { target?: unknown }).target !== OFFSCREEN_TARGET) return undefined;
    // Only the extension's own background (no tab) may drive the engine.
    if (sender.id !== runtimeId || sender.tab) return undefined;
    const message = parseMessage(BackgroundToEngineSchema, raw);
    if (!message) return Promise.resolve({ ok: false, error: 'invalid engine request' });
    const run = async () => {
      switch (message.type) {
        case 'engine:start':
          await host.start(message.sessionId, message.tabStreamId, message.settings, message.adaptation, message.usualVisitS);
          return { ok: true };
        case 'engine:remote-frames':
          host.remoteFrames(message.sessionId, message.energyDb);
          return { ok: true };
        case 'engine:pause':
          host.pause(message.sessionId, message.paused);
          return { ok: true };
        case 'engine:end':
          return { ok: true, result: await host.end(message.sessionId) };
        case 'engine:status':
          return { ok: true, sessions: host.activeSessions() };
      }
    };
    return run().catch((error: unknown) => ({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
  };
}
