/**
 * The AudioWorklet side of the engine host: mixes each input (0 = microphone, 1 = far end)
 * down to mono and hands batches of raw samples to the offscreen document's main thread, where
 * the engine runs. It does no analysis itself so that the audio thread never misses a quantum.
 */

/**
 * Samples per batch: 8 render quanta, 64 ms at the engine's 16 kHz (21 ms where the context runs at
 * 48 kHz, in Firefox). A change of speaker waits at most this long; each batch is one message, and a
 * message costs the audio thread and the main thread about as much whatever it carries. Against
 * 512 samples (32 ms), 2048 took 0.8 point of a core off the main thread and 0.35 off the audio
 * thread (two 90-s visits each, thread CPU from /proc); 1024 keeps two thirds of that for a third
 * of the wait (a change of speaker reaches the engine 16 ms later on average; the toolbar e2e's
 * median from the patient's onset to the panel went from 232 to 264 ms, 300 ms on CI's machine).
 */
export const FRAME_TAP_BATCH = 1024;
export const FRAME_TAP_NAME = 'attune-frame-tap';

export interface FrameTapBatch {
  clinician: Float32Array;
  /** Always present, so that it can come back; silence while no far-end source is connected. */
  patient: Float32Array;
  patientConnected: boolean;
}

/**
 * The main thread hands the batches' arrays back once it has read them, and the tap fills them
 * again: the audio thread allocates nothing in a visit's steady state. A new pair per batch (31
 * a second) was 7.5 MB a minute of ArrayBuffers that V8 frees only in bulk. They go back
 * `FRAME_TAP_RETURN_PAIRS` at a time: a message to the audio thread costs the main thread about
 * half a millisecond whatever it carries (one per batch took 1.5 s of a 90-s profile).
 */
export interface FrameTapReturn {
  pairs: Array<{ clinician: Float32Array; patient: Float32Array }>;
}
type Pair = FrameTapReturn['pairs'][number];

export const FRAME_TAP_RETURN_PAIRS = 8;
/** Spare pairs the tap keeps; more are let go (a main thread that was busy returns a burst). */
const SPARE_PAIRS = 2 * FRAME_TAP_RETURN_PAIRS;

interface WorkletScope {
  AudioWorkletProcessor: new () => { readonly port: Pick<MessagePort, 'postMessage' | 'onmessage'> };
  registerProcessor(name: string, ctor: unknown): void;
}

function mixInto(target: Float32Array, offset: number, channels: Float32Array[] | undefined, length: number): boolean {
  if (!channels || channels.length === 0) {
    target.fill(0, offset, offset + length);
    return false;
  }
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? 0;
    target[offset + i] = sum / channels.length;
  }
  return true;
}

export function registerFrameTap(): void {
  const scope = globalThis as unknown as WorkletScope;
  class FrameTap extends scope.AudioWorkletProcessor {
    private spare: Pair[] = [];
    private batch = this.nextPair();
    private filled = 0;
    private patientConnected = false;

    constructor() {
      super();
      this.port.onmessage = (event: MessageEvent<FrameTapReturn>) => {
        for (const pair of event.data?.pairs ?? []) {
          if (this.spare.length < SPARE_PAIRS && pair.clinician?.length === FRAME_TAP_BATCH && pair.patient?.length === FRAME_TAP_BATCH) this.spare.push(pair);
        }
      };
    }

    private nextPair(): Pair {
      return this.spare.pop() ?? { clinician: new Float32Array(FRAME_TAP_BATCH), patient: new Float32Array(FRAME_TAP_BATCH) };
    }

    process(inputs: Float32Array[][]): boolean {
      const length = inputs[0]?.[0]?.length ?? inputs[1]?.[0]?.length ?? 128;
      const room = Math.min(length, FRAME_TAP_BATCH - this.filled);
      mixInto(this.batch.clinician, this.filled, inputs[0], room);
      if (mixInto(this.batch.patient, this.filled, inputs[1], room)) this.patientConnected = true;
      this.filled += room;
      if (this.filled === FRAME_TAP_BATCH) {
        const { clinician, patient } = this.batch;
        const batch: FrameTapBatch = { clinician, patient, patientConnected: this.patientConnected };
        this.port.postMessage(batch, [clinician.buffer, patient.buffer]);
        this.batch = this.nextPair();
        this.filled = 0;
      }
      return true; // keep running until the engine host disconnects the node
    }
  }
  scope.registerProcessor(FRAME_TAP_NAME, FrameTap);
}
