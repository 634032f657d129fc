import { FRAME_MS, SILENCE_DB } from '../audio/constants';
import type { FrameFeatures } from '../audio/features';
import type { Interval, LiveTalk, Speaker, SpeakingNow, TalkTotals } from '../session/schema';
import { createEnergyVad, type EnergyVadOptions, type EnergyVadState } from './energy-vad';
import { clinicianShare, overlapSeconds, totalSeconds } from './intervals';

/**
 * The streaming talk-time engine: one frame of each channel at a time (clinician = the
 * microphone, patient = the far end), per-channel voice activity, speech intervals and totals.
 * Its whole state fits in a small checkpoint, so a visit survives the loss of its host.
 */
export interface TalkEngineOptions {
  vad?: Partial<EnergyVadOptions>;
}

export interface TalkResult extends TalkTotals {
  durationS: number;
  segments: Record<Speaker, Interval[]>;
}

/** Everything needed to resume or to summarise a visit; plain JSON. */
export interface TalkCheckpoint {
  frame: number;
  /** Closed speech intervals in frames: [startFrame, endFrame). */
  closed: Record<Speaker, Array<[number, number]>>;
  /** Start frame of the interval in progress, if any. */
  open: Record<Speaker, number | null>;
  vad: Record<Speaker, EnergyVadState>;
}

export interface TalkEngine {
  /** One 10 ms frame of each channel; null when that channel has no source yet. */
  push(clinician: FrameFeatures | null, patient: FrameFeatures | null): void;
  live(): LiveTalk;
  /** Totals and intervals so far, with intervals in progress closed at the current frame. */
  result(): TalkResult;
  checkpoint(): TalkCheckpoint;
}

const framesToS = (frames: number): number => (frames * FRAME_MS) / 1000;

export function createTalkEngine(options: TalkEngineOptions = {}, restore?: TalkCheckpoint): TalkEngine {
  let frame = restore?.frame ?? 0;
  const closed: TalkCheckpoint['closed'] = {
    clinician: [...(restore?.closed.clinician ?? [])],
    patient: [...(restore?.closed.patient ?? [])],
  };
  const open: TalkCheckpoint['open'] = { clinician: restore?.open.clinician ?? null, patient: restore?.open.patient ?? null };
  const vad = {
    clinician: createEnergyVad(options.vad, restore?.vad.clinician),
    patient: createEnergyVad(options.vad, restore?.vad.patient),
  };

  function step(speaker: Speaker, features: FrameFeatures | null): void {
    const event = vad[speaker].push(features?.energyDb ?? SILENCE_DB);
    if (!event) return;
    if (event.type === 'speechStart') open[speaker] = event.frame;
    else if (open[speaker] !== null) {
      closed[speaker].push([open[speaker], event.frame]);
      open[speaker] = null;
    }
  }

  function intervals(speaker: Speaker): Interval[] {
    const list: Interval[] = closed[speaker].map(([a, b]) => [framesToS(a), framesToS(b)]);
    const start = open[speaker];
    if (start !== null) list.push([framesToS(start), framesToS(frame)]);
    return list;
  }

  function totals(): TalkTotals & { segments: Record<Speaker, Interval[]> } {
    const segments = { clinician: intervals('clinician'), patient: intervals('patient') };
    const clinicianS = totalSeconds(segments.clinician);
    const patientS = totalSeconds(segments.patient);
    return {
      clinicianS,
      patientS,
      overlapS: overlapSeconds(segments.clinician, segments.patient),
      clinicianShare: clinicianShare(clinicianS, patientS),
      segments,
    };
  }

  function speakingNow(): SpeakingNow {
    const c = vad.clinician.speaking;
    const p = vad.patient.speaking;
    return c && p ? 'both' : c ? 'clinician' : p ? 'patient' : 'none';
  }

  return {
    push(clinician, patient) {
      step('clinician', clinician);
      step('patient', patient);
      frame++;
    },
    live() {
      const { segments: _segments, ...t } = totals();
      return { ...t, elapsedS: framesToS(frame), speakingNow: speakingNow() };
    },
    result() {
      return { ...totals(), durationS: framesToS(frame) };
    },
    checkpoint() {
      return {
        frame,
        closed: { clinician: [...closed.clinician], patient: [...closed.patient] },
        open: { ...open },
        vad: { clinician: vad.clinician.state(), patient: vad.patient.state() },
      };
    },
  };
}

