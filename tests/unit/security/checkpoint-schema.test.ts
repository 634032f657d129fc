import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EngineToBackgroundSchema } from '../../../src/core/protocol/messages';
import { createTalkEngine } from '../../../src/core/talk/talk-engine';

/** Issue 17.9: `engine:checkpoint` payloads are validated, not passed through as `unknown`. */
describe('engine:checkpoint', () => {
  const realCheckpoint = () => {
    const e = createTalkEngine();
    for (let f = 0; f < 300; f++) e.push({ energyDb: f < 150 ? -20 : -70 }, { energyDb: f >= 150 ? -20 : -70 });
    return { talk: e.checkpoint(), extras: { nudges: [{ id: 'monologue', atS: 1 }], adviceGiven: 2 } };
  };
  const parse = (checkpoint: unknown) => v.safeParse(EngineToBackgroundSchema, { type: 'engine:checkpoint', sessionId: 'visit-1', checkpoint });

  it('accepts what the engine really sends, detector state included', () => {
    const sent = realCheckpoint();
    const parsed = parse(sent);
    expect(parsed.success).toBe(true);
    expect(parsed.output).toMatchObject({ checkpoint: sent });
  });

  it.each([
    ['no talk', { extras: {} }],
    ['a string', 'checkpoint'],
    ['a negative frame', { talk: { ...realCheckpoint().talk, frame: -1 }, extras: {} }],
    ['an interval that is not a pair', { talk: { ...realCheckpoint().talk, closed: { clinician: [[1, 2, 3]], patient: [] } }, extras: {} }],
    ['far too many intervals', { talk: { ...realCheckpoint().talk, closed: { clinician: Array(50_000).fill([0, 1]), patient: [] } }, extras: {} }],
    ['a detector that is not one', { talk: { ...realCheckpoint().talk, detector: 'x' }, extras: {} }],
    ['extras of the wrong shape', { talk: realCheckpoint().talk, extras: { nudges: 'many' } }],
    ['a negative advice count', { talk: realCheckpoint().talk, extras: { adviceGiven: -1 } }],
  ])('rejects %s', (_why, checkpoint) => {
    expect(parse(checkpoint).success).toBe(false);
  });
});
