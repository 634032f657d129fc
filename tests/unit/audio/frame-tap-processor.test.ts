import { afterEach, describe, expect, it } from 'vitest';
import { FRAME_TAP_BATCH, FRAME_TAP_NAME, FRAME_TAP_RETURN_PAIRS, registerFrameTap, type FrameTapBatch, type FrameTapReturn } from '../../../src/adapters/audio/frame-tap-processor';

/**
 * The audio thread's frame tap, in a stand-in worklet scope: batches of both inputs go out, and
 * the arrays the main thread hands back are filled again (no allocation per batch).
 */
interface Posted {
  batch: FrameTapBatch;
  transfer: Transferable[];
}

interface TapUnderTest {
  process(inputs: Float32Array[][]): boolean;
  port: { onmessage: ((event: MessageEvent<FrameTapReturn>) => void) | null };
}

function startTap(): { tap: TapUnderTest; posted: Posted[] } {
  const posted: Posted[] = [];
  let registered: (new () => TapUnderTest) | undefined;
  const scope = globalThis as Record<string, unknown>;
  scope.AudioWorkletProcessor = class {
    readonly port = {
      onmessage: null,
      postMessage: (batch: FrameTapBatch, transfer: Transferable[]) => posted.push({ batch, transfer }),
    };
  };
  scope.registerProcessor = (name: string, ctor: new () => TapUnderTest) => {
    expect(name).toBe(FRAME_TAP_NAME);
    registered = ctor;
  };
  registerFrameTap();
  return { tap: new registered!(), posted };
}

afterEach(() => {
  const scope = globalThis as Record<string, unknown>;
  delete scope.AudioWorkletProcessor;
  delete scope.registerProcessor;
});

const quantum = (value: number) => new Float32Array(128).fill(value);
/** One batch's worth of render quanta; the far end only when `patient` is given. */
function fillBatch(tap: TapUnderTest, clinician: number, patient?: number) {
  for (let q = 0; q < FRAME_TAP_BATCH / 128; q++) tap.process([[quantum(clinician)], patient === undefined ? [] : [quantum(patient)]]);
}
const giveBack = (tap: TapUnderTest, posted: Posted[]) =>
  tap.port.onmessage!({ data: { pairs: posted.map(({ batch }) => ({ clinician: batch.clinician, patient: batch.patient })) } } as MessageEvent<FrameTapReturn>);

describe('frame tap', () => {
  it('posts one batch per FRAME_TAP_BATCH samples with both inputs, transferring its arrays', () => {
    const { tap, posted } = startTap();
    fillBatch(tap, 0.25, 0.5);
    expect(posted).toHaveLength(1);
    const [{ batch, transfer }] = posted as [Posted];
    expect(batch.patientConnected).toBe(true);
    expect(batch.clinician.every((x) => x === 0.25)).toBe(true);
    expect(batch.patient.every((x) => x === 0.5)).toBe(true);
    expect(transfer).toEqual([batch.clinician.buffer, batch.patient.buffer]);
  });

  it('says the far end is not connected, and sends silence for it, until it is', () => {
    const { tap, posted } = startTap();
    fillBatch(tap, 0.25);
    expect(posted[0]!.batch.patientConnected).toBe(false);
    expect(posted[0]!.batch.patient.every((x) => x === 0)).toBe(true);
  });

  it('fills the arrays handed back, in bulk, instead of allocating new ones', () => {
    const { tap, posted } = startTap();
    for (let k = 0; k < FRAME_TAP_RETURN_PAIRS; k++) fillBatch(tap, 0.1, 0.1);
    giveBack(tap, posted.slice(0, FRAME_TAP_RETURN_PAIRS)); // as the engine host does, a handful at a time
    for (let round = 0; round < 5; round++) {
      const from = posted.length;
      for (let k = 0; k < FRAME_TAP_RETURN_PAIRS; k++) fillBatch(tap, 0.3);
      giveBack(tap, posted.slice(from));
    }
    // The pairs of the first round, plus the one being filled when they came back: nothing new since.
    expect(new Set(posted.map((p) => p.batch.clinician)).size).toBe(FRAME_TAP_RETURN_PAIRS + 1);
    const last = posted.at(-1)!.batch;
    expect(last.patient.every((x) => x === 0)).toBe(true); // a reused far-end array is silenced, not stale
    expect(last.clinician.every((x) => x === Math.fround(0.3))).toBe(true);
  });

  it('ignores what it did not send: wrong sizes, or more than it keeps', () => {
    const { tap, posted } = startTap();
    tap.port.onmessage!({ data: { pairs: [{ clinician: new Float32Array(3), patient: new Float32Array(3) }] } } as MessageEvent<FrameTapReturn>);
    tap.port.onmessage!({ data: 'not ours' } as unknown as MessageEvent<FrameTapReturn>);
    fillBatch(tap, 0.1);
    fillBatch(tap, 0.1);
    expect(posted.every((p) => p.batch.clinician.length === FRAME_TAP_BATCH)).toBe(true);
  });
});
