import { browser } from 'wxt/browser';
import { OFFSCREEN_TARGET, type BackgroundToEngine } from '../../core/protocol/messages';
import type { CoordinatorPorts } from '../../core/session/coordinator';
import type { LiveSessionResult } from '../../core/session/live-session';

/**
 * The coordinator's engine port in Chrome: the engine lives in an offscreen document (the only
 * MV3 context that can hold a microphone and an AudioContext), created on demand.
 */
export const OFFSCREEN_PATH = '/offscreen.html';

type Success = { ok: true; result?: LiveSessionResult | null; sessions?: string[] };
type Reply = Success | { ok: false; error: string };

export function createOffscreenEnginePort(): CoordinatorPorts['engine'] {
  let creating: Promise<void> | null = null;

  async function exists(): Promise<boolean> {
    const contexts = await browser.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
    });
    return contexts.length > 0;
  }

  async function ensure(): Promise<void> {
    if (await exists()) return;
    creating ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['USER_MEDIA'],
        justification: 'Analyse the clinician’s microphone and the call audio on this device during a coached visit.',
      })
      .finally(() => (creating = null));
    await creating;
  }

  async function send(message: BackgroundToEngine): Promise<Success> {
    const reply = (await browser.runtime.sendMessage({ target: OFFSCREEN_TARGET, ...message })) as Reply | undefined;
    if (!reply) throw new Error('the engine did not answer');
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  }

  return {
    async start({ sessionId, tabStreamId, settings, adaptation, usualVisitS }) {
      await ensure();
      await send({ type: 'engine:start', sessionId, tabStreamId, settings, ...(adaptation && { adaptation }), ...(usualVisitS !== undefined && { usualVisitS }) });
    },
    async end(sessionId) {
      if (!(await exists())) return null;
      const reply = await send({ type: 'engine:end', sessionId });
      const sessions = (await send({ type: 'engine:status' })).sessions ?? [];
      // Nothing left to analyse: close the document so the microphone indicator goes away.
      if (sessions.length === 0) await browser.offscreen.closeDocument().catch(() => undefined);
      return reply.result ?? null;
    },
    async pause(sessionId, paused) {
      if (await exists()) await send({ type: 'engine:pause', sessionId, paused });
    },
    remoteFrames(sessionId, energyDb) {
      void send({ type: 'engine:remote-frames', sessionId, energyDb }).catch(() => undefined);
    },
    async activeSessions() {
      if (!(await exists())) return [];
      return (await send({ type: 'engine:status' })).sessions ?? [];
    },
  };
}
