/**
 * The AudioWorklet side of the engine host: mixes each input (0 = microphone, 1 = far end)
 * down to mono and hands batches of raw samples to the offscreen document's main thread, where
 * the engine runs. It does no analysis itself so that the audio thread never misses a quantum.
 */

/**
 * Samples per batch: 4 render quanta, 32 ms at the engine's 16 kHz (11 ms where the context runs at
 * 48 kHz, in Firefox). A change of speaker waits at most this long; each batch is one message.
 */
export const FRAME_TAP_BATCH = 512;
export const FRAME_TAP_NAME = 'attune-frame-tap';

export interface FrameTapBatch {
  clinician: Float32Array;
  /** null while no far-end source is connected. */
  patient: Float32Array | null;
}

interface WorkletScope {
  AudioWorkletProcessor: new () => { readonly port: MessagePort };
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
    private clinician = new Float32Array(FRAME_TAP_BATCH);
    private patient = new Float32Array(FRAME_TAP_BATCH);
    private filled = 0;
    private patientConnected = false;

    process(inputs: Float32Array[][]): boolean {
      const length = inputs[0]?.[0]?.length ?? inputs[1]?.[0]?.length ?? 128;
      const room = Math.min(length, FRAME_TAP_BATCH - this.filled);
      mixInto(this.clinician, this.filled, inputs[0], room);
      if (mixInto(this.patient, this.filled, inputs[1], room)) this.patientConnected = true;
      this.filled += room;
      if (this.filled === FRAME_TAP_BATCH) {
        const batch: FrameTapBatch = { clinician: this.clinician, patient: this.patientConnected ? this.patient : null };
        this.port.postMessage(batch, [this.clinician.buffer, this.patient.buffer]);
        this.clinician = new Float32Array(FRAME_TAP_BATCH);
        this.patient = new Float32Array(FRAME_TAP_BATCH);
        this.filled = 0;
      }
      return true; // keep running until the engine host disconnects the node
    }
  }
  scope.registerProcessor(FRAME_TAP_NAME, FrameTap);
}
