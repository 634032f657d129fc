import { describe, expect, it } from 'vitest';
import { createLiveSession } from '../../../src/core/session/live-session';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { synthVisit } from '../talk/synth';

/** Feeds a synthetic visit through the live session 250 ms at a time, as the engine host does. */
function play(settings: Settings | undefined) {
  const { mic, remote } = synthVisit([
    { speaker: 'none', s: 1 },
    { speaker: 'patient', s: 4 },
    { speaker: 'none', s: 0.6 },
    { speaker: 'clinician', s: 16 },
    { speaker: 'none', s: 1 },
  ]);
  const session = createLiveSession({ sampleRate: 16000, settings });
  const step = 4000;
  const nudges = [];
  for (let i = 0; i < mic.length; i += step) {
    session.pushClinicianSamples(mic.subarray(i, i + step));
    session.pushPatientSamples(remote.subarray(i, i + step));
    const live = session.live();
    if (live.nudge) nudges.push({ id: live.nudge.id, atS: live.nudge.raisedAtS, text: live.nudge.text });
  }
  return { nudges, extras: session.result().extras, checkpoint: session.checkpoint().extras };
}

const withMonologueOver = (overS: number, quietMode = false): Settings => {
  const s = structuredClone(DEFAULT_SETTINGS);
  s.nudges.monologue.overS = overS;
  s.quietMode = quietMode;
  return s;
};

describe('live session with the coach', () => {
  it('raises the monologue nudge from the settings it was started with, and saves it with the visit', () => {
    const { nudges, extras, checkpoint } = play(withMonologueOver(10));
    expect(nudges.length).toBeGreaterThan(0);
    expect(new Set(nudges.map((n) => n.id))).toEqual(new Set(['monologue']));
    // The clinician starts at ≈5.6 s, so the turn passes 10 s at ≈15.6 s (detector dating within a few frames; 250 ms updates).
    expect(nudges[0]!.atS).toBeGreaterThan(15.4);
    expect(nudges[0]!.atS).toBeLessThan(16.2);
    expect(extras.nudges).toEqual([{ id: 'monologue', atS: nudges[0]!.atS }]);
    expect(checkpoint.nudges).toEqual(extras.nudges);
  });

  it('with the default settings (60 s) a 16 s turn raises nothing', () => {
    expect(play(undefined)).toMatchObject({ nudges: [], extras: { nudges: [] } });
  });

  it('raises nothing in quiet mode', () => {
    expect(play(withMonologueOver(10, true))).toMatchObject({ nudges: [], extras: { nudges: [] } });
  });
});
