/**
 * The page tap's private channel. The MAIN-world tap and the content script meet once, at
 * document_start, before any page script can run: they exchange a MessagePort through two
 * synchronous DOM events (`page-tap-handoff.ts`), then remove their listeners. From then on the
 * tap's commands and frames travel only on that port; nothing (no session id, no command, no
 * frames) is ever posted on the page's `window`, and window messages are ignored.
 *
 * The tap itself runs in the page's world, so its frames are still only as trustworthy as the
 * page: the content script validates them, and the summary says when the page tap was the source.
 */
import * as v from 'valibot';

/** The DOM events of the one-time handoff (dispatched synchronously, never posted). */
export const TAP_OFFER_EVENT = 'attune-tap-offer';
export const TAP_READY_EVENT = 'attune-tap-ready';

export const TapFramesSchema = v.object({
  type: v.literal('frames'),
  energyDb: v.pipe(v.array(v.pipe(v.number(), v.minValue(-200), v.maxValue(20))), v.maxLength(400)),
});

export const TapCommandSchema = v.variant('type', [v.object({ type: v.literal('start') }), v.object({ type: v.literal('stop') })]);
export type TapCommand = v.InferOutput<typeof TapCommandSchema>;

/** Where the document_start content script leaves the port for the panel's content script (same isolated world). */
export const TAP_PORT_GLOBAL = Symbol.for('attune.pageTapPort');

/** The port taken at document_start; if that script did not run (an old tab), a port that never answers. */
export function takenTapPort(): Promise<MessagePort> {
  const port = (globalThis as unknown as Record<symbol, Promise<MessagePort> | undefined>)[TAP_PORT_GLOBAL];
  return port ?? new Promise<MessagePort>(() => undefined);
}
