/**
 * The window messages between the page-world tap (MAIN) and the content script (ISOLATED).
 * The page can forge any of these, so the content script validates them and only ever
 * forwards bounded arrays of numbers for the session it asked for.
 */
import * as v from 'valibot';

export const TAP_FROM_PAGE = 'attune-page-tap';
export const TAP_FROM_EXTENSION = 'attune-extension';

export const TapFramesSchema = v.object({
  source: v.literal(TAP_FROM_PAGE),
  type: v.literal('frames'),
  sessionId: v.pipe(v.string(), v.maxLength(100)),
  energyDb: v.pipe(v.array(v.pipe(v.number(), v.minValue(-200), v.maxValue(20))), v.maxLength(400)),
});

export const TapCommandSchema = v.variant('type', [
  v.object({ source: v.literal(TAP_FROM_EXTENSION), type: v.literal('start'), sessionId: v.pipe(v.string(), v.maxLength(100)) }),
  v.object({ source: v.literal(TAP_FROM_EXTENSION), type: v.literal('stop') }),
]);
export type TapCommand = v.InferOutput<typeof TapCommandSchema>;
