import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../../src/core/talk/analyze-recording';
import { createTalkEngine } from '../../../src/core/talk/talk-engine';
import { createChannelFeatureStream } from '../../../src/core/audio/channel-features';
import { chunked, seconds, synthVisit, type Plan } from './synth';

// A visit: the patient talks alone (teaching the echo model), then the turns under test.
const PLAN: Plan = [
  { speaker: 'none', s: 1 },
  { speaker: 'patient', s: 8 },
  { speaker: 'none', s: 1 },
  { speaker: 'clinician', s: 4 },
  { speaker: 'none', s: 1 },
  { speaker: 'patient', s: 6 },
  { speaker: 'both', s: 2 },
  { speaker: 'patient', s: 3 },
  { speaker: 'none', s: 1 },
];
const TRUE = { clinician: 6, patient: 19 };

const analyze = (plan: Plan, o: Parameters<typeof synthVisit>[1] = {}) => {
  const { mic, remote } = synthVisit(plan, o);
  return analyzeRecording(chunked(mic, remote), { clinician: 16000, patient: 16000 });
};

describe('duplex detector', () => {
  it('never counts residual echo of the patient as the clinician, at any laptop-speaker level', async () => {
    for (const echoDb of [-40, -25, -15, -10]) {
      const r = await analyze(PLAN, { echoDb });
      expect(Math.abs(r.clinicianS - TRUE.clinician), `echo ${echoDb} dB`).toBeLessThan(0.4);
      expect(Math.abs(r.patientS - TRUE.patient), `echo ${echoDb} dB`).toBeLessThan(0.5);
      expect(r.overlapS, `echo ${echoDb} dB`).toBeGreaterThan(1.6);
      expect(r.overlapS, `echo ${echoDb} dB`).toBeLessThan(2.4);
    }
  });

  it('counts genuine double talk for both, also when an echo canceller ducks the microphone', async () => {
    const r = await analyze(PLAN, { echoDb: -30, duckDb: 12, noiseDb: -55 });
    expect(Math.abs(r.clinicianS - TRUE.clinician)).toBeLessThan(0.4);
    expect(r.overlapS).toBeGreaterThan(1.6);
  });

  it('works when the far end delivers levels only (the page tap), and bridges packet-loss gaps', () => {
    const { mic, remote } = synthVisit(PLAN, { echoDb: -18 });
    // 200 ms of digital silence inside the patient's first turn
    remote.fill(0, 16000 * 4, 16000 * 4.2);
    const micFeatures = createChannelFeatureStream(16000).push(mic);
    const remoteLevels = createChannelFeatureStream(16000)
      .push(remote)
      .map((f) => ({ energyDb: f.energyDb }));
    const engine = createTalkEngine();
    for (let i = 0; i < micFeatures.length; i++) engine.push(micFeatures[i]!, remoteLevels[i] ?? null);
    const r = engine.result();
    expect(r.segments.patient[0]![1]).toBeGreaterThan(8.8); // the first turn is not cut at the gap
    expect(Math.abs(r.clinicianS - TRUE.clinician)).toBeLessThan(0.4);
    expect(Math.abs(r.patientS - TRUE.patient)).toBeLessThan(0.5);
  });

  it('handles silence, a muted clinician and one-sided audio', async () => {
    const silent = await analyzeRecording(chunked(new Float32Array(16000 * 20), new Float32Array(16000 * 20)), { clinician: 16000, patient: 16000 });
    expect(silent.clinicianS + silent.patientS).toBe(0);
    expect(silent.clinicianShare).toBeNull();
    const { remote } = synthVisit(PLAN, { echoDb: -20 });
    const muted = await analyzeRecording(chunked(new Float32Array(remote.length), remote), { clinician: 16000, patient: 16000 });
    expect(muted.clinicianS).toBe(0);
    expect(Math.abs(muted.patientS - TRUE.patient - 0)).toBeLessThan(0.5);
    const { mic } = synthVisit(PLAN, { echoDb: -200 });
    async function* micOnly() {
      for (let i = 0; i < mic.length; i += 4096) yield { clinician: mic.subarray(i, i + 4096) };
    }
    const oneSided = await analyzeRecording(micOnly(), { clinician: 16000, patient: 16000 });
    expect(Math.abs(oneSided.clinicianS - TRUE.clinician)).toBeLessThan(0.4);
    expect(oneSided.patientS).toBe(0);
  });

  it('gives the same figures when the two sides come at different rates with clock drift', async () => {
    const a = synthVisit(PLAN, { echoDb: -20, rate: 16000 });
    const b = synthVisit(PLAN, { echoDb: -20, rate: 48000 });
    // the far side's clock runs 0.05 % fast: drop one sample in 2000
    const drifted = b.remote.filter((_, i) => i % 2000 !== 1999);
    const r = await analyzeRecording(
      (async function* () {
        const secs = Math.ceil(a.mic.length / 16000);
        for (let s = 0; s < secs; s++) yield { clinician: a.mic.subarray(s * 16000, (s + 1) * 16000), patient: drifted.subarray(s * 47976, (s + 1) * 47976) };
      })(),
      { clinician: 16000, patient: 48000 },
    );
    expect(Math.abs(r.clinicianS - TRUE.clinician)).toBeLessThan(0.4);
    expect(Math.abs(r.patientS - TRUE.patient)).toBeLessThan(0.5);
  });

  it('a checkpoint in the middle of a visit resumes with identical results', () => {
    const { mic, remote } = synthVisit(PLAN, { echoDb: -18 });
    const m = createChannelFeatureStream(16000).push(mic);
    const p = createChannelFeatureStream(16000).push(remote);
    const whole = createTalkEngine();
    m.forEach((f, i) => whole.push(f, p[i]!));
    for (const cut of [500, 1234, 2100]) {
      const first = createTalkEngine();
      m.slice(0, cut).forEach((f, i) => first.push(f, p[i]!));
      const second = createTalkEngine({}, JSON.parse(JSON.stringify(first.checkpoint())));
      m.slice(cut).forEach((f, i) => second.push(f, p[cut + i]!));
      expect(second.result()).toEqual(whole.result());
      expect(second.live()).toEqual(whole.live());
    }
    expect(seconds(whole.result().segments.clinician)).toBeCloseTo(whole.result().clinicianS, 6);
  });
});
