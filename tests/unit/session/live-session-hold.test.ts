import { describe, expect, it } from 'vitest';
import { createLiveSession } from '../../../src/core/session/live-session';
import { synthVisit } from '../talk/synth';

/**
 * Issues 19.3 and 19.7: time the clinician paused, or in which the microphone gave no sound
 * (blocked or muted), is not scored: nothing is counted, no share is made up, and the span is
 * kept so the timeline can show it.
 */
function feed(session: ReturnType<typeof createLiveSession>, mic: Float32Array, remote: Float32Array, from: number, to: number) {
  const step = 4000;
  for (let i = from; i < to; i += step) {
    session.pushClinicianSamples(mic.subarray(i, Math.min(to, i + step)));
    session.pushPatientSamples(remote.subarray(i, Math.min(to, i + step)));
  }
}

describe('live session: held time is not scored', () => {
  const { mic, remote } = synthVisit([
    { speaker: 'clinician', s: 4 },
    { speaker: 'patient', s: 4 },
    { speaker: 'clinician', s: 4 },
  ]);
  const at = (s: number) => s * 16000;

  it('a pause drops what was said during it and records the span', () => {
    const session = createLiveSession({ sampleRate: 16000 });
    feed(session, mic, remote, 0, at(4));
    session.hold('paused', true);
    expect(session.live()).toMatchObject({ held: 'paused', nudge: null });
    feed(session, mic, remote, at(4), at(8)); // the patient's 4 s happen while paused
    session.hold('paused', false);
    feed(session, mic, remote, at(8), at(12));
    const { talk, extras } = session.result();
    expect(talk.durationS).toBeCloseTo(8, 1);
    expect(talk.patientS).toBeLessThan(0.5);
    expect(talk.clinicianS).toBeGreaterThan(6);
    expect(extras.excluded).toEqual([{ atS: 4, durationS: 4, reason: 'paused' }]);
    expect(session.live().held).toBeNull();
  });

  it('nothing is counted until the microphone gives sound: no made-up shares', () => {
    const session = createLiveSession({ sampleRate: 16000 });
    session.hold('no-microphone', true);
    feed(session, mic, remote, 0, at(4));
    const waiting = session.live();
    expect(waiting).toMatchObject({ held: 'no-microphone', elapsedS: 0, clinicianS: 0, clinicianShare: null });
    session.hold('no-microphone', false);
    feed(session, mic, remote, at(4), at(12));
    const { talk, extras } = session.result();
    expect(talk.durationS).toBeCloseTo(8, 1);
    expect(extras.excluded).toEqual([{ atS: 0, durationS: 4, reason: 'no-microphone' }]);
  });
});
