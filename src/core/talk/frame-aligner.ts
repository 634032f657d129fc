import type { FrameFeatures } from '../audio/features';

/**
 * Pairs the clinician's and the patient's frames when they arrive on separate paths (the
 * page's remote-track tap reaches the engine later than the microphone). The microphone is
 * the clock: a patient frame that has not arrived `maxLagFrames` after its microphone frame
 * counts as missing, and surplus patient frames (a faster clock on the far side) are dropped.
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
  return {
    pushClinician: (frames) => void clinician.push(...frames),
    pushPatient: (frames) => void patient.push(...frames),
    drain(onPair) {
      let used = 0;
      let taken = 0;
      while (used < clinician.length) {
        const available = patient.length - taken;
        if (available > 0) {
          onPair(clinician[used++]!, patient[taken++]!);
        } else if (clinician.length - used > maxLagFrames) {
          onPair(clinician[used++]!, null);
          slips++;
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
