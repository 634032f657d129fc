import { describe, expect, it } from 'vitest';
import { createTalkEngine } from '../../../src/core/talk/talk-engine';
import { createFrameAligner } from '../../../src/core/talk/frame-aligner';
import { overlapSeconds, totalSeconds } from '../../../src/core/talk/intervals';

const QUIET = { energyDb: -60 };
const LOUD = { energyDb: -20 };

/** A script of [clinicianLoud, patientLoud, frames] blocks. */
function play(script: Array<[boolean, boolean, number]>) {
  const engine = createTalkEngine();
  for (const [c, p, frames] of script) for (let i = 0; i < frames; i++) engine.push(c ? LOUD : QUIET, p ? LOUD : QUIET);
  return engine;
}

describe('talk engine', () => {
  it('measures each side, overlap and share', () => {
    const engine = play([
      [false, false, 100],
      [true, false, 300], // clinician 3 s
      [false, false, 100],
      [false, true, 500], // patient 5 s
      [true, true, 100], // both 1 s
      [false, false, 100],
    ]);
    const r = engine.result();
    expect(r.durationS).toBeCloseTo(12, 6);
    expect(r.clinicianS).toBeCloseTo(4, 6);
    expect(r.patientS).toBeCloseTo(6, 6);
    expect(r.overlapS).toBeCloseTo(1, 6);
    expect(r.clinicianShare).toBeCloseTo(0.4, 6);
    expect(r.segments.clinician).toEqual([
      [1, 4],
      [10, 11],
    ]);
    expect(r.segments.patient).toEqual([[5, 11]]);
  });

  it('reports who is speaking now and closes open turns in the result', () => {
    const engine = play([
      [false, false, 50],
      [false, true, 200],
    ]);
    expect(engine.live()).toMatchObject({ speakingNow: 'patient', elapsedS: 2.5, clinicianShare: 0 });
    expect(engine.result().segments.patient).toEqual([[0.5, 2.5]]);
    expect(play([[false, false, 50]]).live().clinicianShare).toBeNull();
  });

  it('a checkpoint restores an engine that continues as if nothing happened', () => {
    const script: Array<[boolean, boolean, number]> = [
      [false, false, 100],
      [true, false, 250],
      [false, true, 400],
      [true, true, 80],
      [false, false, 90],
    ];
    const whole = play(script).result();
    const first = createTalkEngine();
    const frames = script.flatMap(([c, p, n]) => Array.from({ length: n }, () => [c, p] as const));
    frames.slice(0, 420).forEach(([c, p]) => first.push(c ? LOUD : QUIET, p ? LOUD : QUIET));
    const second = createTalkEngine({}, JSON.parse(JSON.stringify(first.checkpoint())));
    frames.slice(420).forEach(([c, p]) => second.push(c ? LOUD : QUIET, p ? LOUD : QUIET));
    expect(second.result()).toEqual(whole);
  });

  it('resumes checkpoints of older engines: without the room estimate, and without any detector state (dated from the checkpoint)', () => {
    const script: Array<[boolean, boolean, number]> = [
      [false, false, 100],
      [true, false, 250],
      [false, false, 60],
      [false, true, 400],
      [true, false, 300],
      [false, false, 90],
    ];
    const whole = play(script).result();
    const frames = script.flatMap(([c, p, n]) => Array.from({ length: n }, () => [c, p] as const));
    // in the pause, once the clinician's end is confirmed
    const first = createTalkEngine();
    frames.slice(0, 395).forEach(([c, p]) => first.push(c ? LOUD : QUIET, p ? LOUD : QUIET));
    const current = first.checkpoint();
    expect(current.open).toEqual({ clinician: null, patient: null });
    // before the reverberant-room hangover (no micHistory/micDecays); engine 1 (no detector state)
    const { micHistory: _h, micDecays: _d, ...beforeRoom } = current.detector!;
    const { detector: _detector, ...engine1 } = current;
    for (const old of [{ ...current, detector: beforeRoom }, engine1]) {
      const second = createTalkEngine({}, JSON.parse(JSON.stringify(old)));
      frames.slice(395).forEach(([c, p]) => second.push(c ? LOUD : QUIET, p ? LOUD : QUIET));
      const r = second.result();
      expect(r.durationS).toBeCloseTo(whole.durationS, 6);
      expect(r.segments.patient).toEqual(whole.segments.patient);
      // the clinician's closing turn: the same within the detector's start time (it relearns its floors)
      expect(r.segments.clinician).toHaveLength(2);
      expect(Math.abs(r.clinicianS - whole.clinicianS)).toBeLessThanOrEqual(0.1);
    }
  });

  it('an engine-1 checkpoint taken inside a turn ends that turn at the checkpoint', () => {
    const first = createTalkEngine();
    for (let i = 0; i < 300; i++) first.push(i >= 100 ? LOUD : QUIET, QUIET);
    const { detector: _detector, ...engine1 } = first.checkpoint();
    expect(engine1.open.clinician).toBe(100);
    const second = createTalkEngine({}, JSON.parse(JSON.stringify(engine1)));
    for (let i = 0; i < 200; i++) second.push(QUIET, QUIET);
    expect(second.result().segments.clinician).toEqual([[1, 3]]);
  });
});

describe('interval arithmetic', () => {
  it('sums and intersects sorted interval lists', () => {
    const a: Array<[number, number]> = [
      [0, 2],
      [5, 9],
    ];
    const b: Array<[number, number]> = [
      [1, 6],
      [8, 10],
    ];
    expect(totalSeconds(a)).toBe(6);
    expect(overlapSeconds(a, b)).toBe(1 + 1 + 1);
  });
});

describe('frame aligner', () => {
  it('pairs frames in order, waits for a late side, then gives up after the lag', () => {
    const aligner = createFrameAligner(3);
    const pairs: Array<[number, number | null]> = [];
    const drain = () => aligner.drain((c, p) => pairs.push([c.energyDb, p?.energyDb ?? null]));
    aligner.pushClinician([1, 2].map((energyDb) => ({ energyDb })));
    drain();
    expect(pairs).toEqual([]);
    aligner.pushPatient([{ energyDb: 10 }, { energyDb: 11 }]);
    drain();
    expect(pairs).toEqual([
      [1, 10],
      [2, 11],
    ]);
    aligner.pushClinician([3, 4, 5, 6].map((energyDb) => ({ energyDb })));
    drain();
    expect(pairs.slice(2)).toEqual([[3, null]]);
    expect(aligner.slips).toBe(1);
  });

  it('lines up a far end that starts late with the newest microphone frames, not the oldest waiting ones', () => {
    const aligner = createFrameAligner(60);
    const pairs: Array<[number, number | null]> = [];
    const drain = () => aligner.drain((c, p) => pairs.push([c.energyDb, p?.energyDb ?? null]));
    // 50 microphone frames (0.5 s) before the page's tap delivers its first batch of 10.
    aligner.pushClinician(Array.from({ length: 50 }, (_, i) => ({ energyDb: i })));
    drain();
    aligner.pushPatient(Array.from({ length: 10 }, (_, i) => ({ energyDb: 100 + i })));
    drain();
    expect(pairs).toHaveLength(50);
    expect(pairs[39]).toEqual([39, null]);
    expect(pairs[40]).toEqual([40, 100]);
    expect(pairs[49]).toEqual([49, 109]);
    // From then on it pairs by count.
    aligner.pushClinician([{ energyDb: 50 }]);
    aligner.pushPatient([{ energyDb: 110 }]);
    drain();
    expect(pairs[50]).toEqual([50, 110]);
  });

  it('drops surplus far-end frames beyond the lag (a faster far-side clock)', () => {
    const aligner = createFrameAligner(2);
    aligner.pushPatient([1, 2, 3, 4, 5].map((energyDb) => ({ energyDb })));
    aligner.drain(() => undefined);
    aligner.pushClinician([{ energyDb: 0 }]);
    const got: number[] = [];
    aligner.drain((_, p) => got.push(p!.energyDb));
    expect(got).toEqual([4]);
    expect(aligner.slips).toBe(3);
  });
});
