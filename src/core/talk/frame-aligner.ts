import type { FrameFeatures } from '../audio/features';

/**
 * Pairs the clinician's and the patient's frames when they arrive on separate paths (the
 * page's remote-track tap reaches the engine later than the microphone). The microphone is
 * the clock: a patient frame that has not arrived `maxLagFrames` after its microphone frame
 * counts as missing, and surplus patient frames (a faster clock on the far side) are dropped.
 *
 * When the far-end stream starts (or resumes after a gap), its newest frame is taken to be as
 * recent as the newest microphone frame, and the microphone frames older than its first frame
 * are paired with nothing. Pairing the first far-end frame with the oldest waiting microphone
 * frame instead would date the patient's speech up to `maxLagFrames` too early, which skews
 * interruptions and response latencies (measured on the demo visit: 0.4 s).
 */
export interface FrameAligner {
  pushClinician(frames: readonly FrameFeatures[]): void;
  pushPatient(frames: readonly FrameFeatures[]): void;
  /** Emits every pair that is ready, in order. */
  drain(onPair: (clinician: FrameFeatures, patient: FrameFeatures | null) => void): void;
  /** Patient frames dropped or missed so far: a drift and loss indicator. */
  readonly slips: number;
}

export function createFrameAligner(maxLagFrames: number): FrameAligner {
  const clinician: FrameFeatures[] = [];
  const patient: FrameFeatures[] = [];
  let slips = 0;
  let anchored = false;
  return {
    pushClinician: (frames) => void clinician.push(...frames),
    pushPatient: (frames) => void patient.push(...frames),
    drain(onPair) {
      let used = 0;
      let taken = 0;
      if (!anchored && patient.length > 0) {
        for (let unmatched = clinician.length - patient.length; used < unmatched; used++) onPair(clinician[used]!, null);
        anchored = true;
      }
      while (used < clinician.length) {
        const available = patient.length - taken;
        if (available > 0) {
          onPair(clinician[used++]!, patient[taken++]!);
        } else if (clinician.length - used > maxLagFrames) {
          onPair(clinician[used++]!, null);
          slips++;
          anchored = false; // the far end stalled: line it up afresh when it resumes
        } else break;
      }
      clinician.splice(0, used);
      patient.splice(0, taken);
      if (patient.length > maxLagFrames) {
        slips += patient.length - maxLagFrames;
        patient.splice(0, patient.length - maxLagFrames);
      }
    },
    get slips() {
      return slips;
    },
  };
}
