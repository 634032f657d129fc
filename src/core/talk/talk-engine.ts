import { FRAME_MS } from '../audio/constants';
import type { FrameFeatures } from '../audio/features';
import type { Interval, LiveTalk, Speaker, SpeakingNow, TalkTotals } from '../session/schema';
import { createDuplexVad, initialDuplexVadState, type DuplexVadOptions, type DuplexVadState, type VadEvent } from './duplex-vad';
import { computeTalkMetrics, type TalkMetrics, type TalkMetricsOptions } from './metrics';
import { clinicianShare, overlapSeconds, totalSeconds } from './intervals';

/**
 * The streaming talk-time engine: one frame of each channel at a time (clinician = the
 * microphone, patient = the far end), per-channel voice activity, speech intervals and totals.
 * Its whole state fits in a small checkpoint, so a visit survives the loss of its host.
 */
export interface TalkEngineOptions {
  /** Detector parameters (see DEFAULT_DUPLEX_VAD and docs/ALGORITHMS.md). */
  detector?: Partial<DuplexVadOptions>;
  /** Metric parameters (see DEFAULT_TALK_METRICS and docs/ALGORITHMS.md). */
  metrics?: Partial<TalkMetricsOptions>;
  /** Called with each confirmed speech start/end and the frame being processed (speech-to-text segments on it). */
  onSpeechEvent?(speaker: Speaker, event: VadEvent, currentFrame: number): void;
}

export interface TalkResult extends TalkTotals {
  durationS: number;
  segments: Record<Speaker, Interval[]>;
  metrics: TalkMetrics;
}

/** Everything needed to resume or to summarise a visit; plain JSON. */
export interface TalkCheckpoint {
  frame: number;
  /** Closed speech intervals in frames: [startFrame, endFrame). */
  closed: Record<Speaker, Array<[number, number]>>;
  /** Start frame of the interval in progress, if any. */
  open: Record<Speaker, number | null>;
  /** The detector's state (absent in checkpoints of engine 1: the detector then starts afresh). */
  detector?: DuplexVadState;
}

export interface TalkEngine {
  /** One 10 ms frame of each channel; null when that channel has no source yet. */
  push(clinician: FrameFeatures | null, patient: FrameFeatures | null): void;
  live(): LiveTalk;
  /** Who is audible now: cheap, so a host can react to a change of speaker at once. */
  speakingNow(): SpeakingNow;
  /** One speaker's speech intervals so far (s), the one in progress closed now: no metrics computed. */
  speech(speaker: Speaker): Interval[];
  /** Seconds of audio pushed so far. */
  elapsedS(): number;
  /** Totals and intervals so far, with intervals in progress closed at the current frame. */
  result(): TalkResult;
  checkpoint(): TalkCheckpoint;
}

const framesToS = (frames: number): number => (frames * FRAME_MS) / 1000;

/**
 * A checkpoint of engine 1 has no detector state: the detector starts afresh, counting frames from
 * the checkpoint's (its events are dated in them), and the turns open at the checkpoint end there,
 * since the fresh detector was never in them and would never end them.
 */
function freshDetectorAt(
  restore: TalkCheckpoint,
  closed: TalkCheckpoint['closed'],
  open: TalkCheckpoint['open'],
  options?: Partial<DuplexVadOptions>,
): DuplexVadState {
  for (const speaker of ['clinician', 'patient'] as const) {
    const start = open[speaker];
    if (start !== null && start < restore.frame) closed[speaker].push([start, restore.frame]);
    open[speaker] = null;
  }
  return { ...initialDuplexVadState(options), frame: restore.frame };
}

export function createTalkEngine(options: TalkEngineOptions = {}, restore?: TalkCheckpoint): TalkEngine {
  let frame = restore?.frame ?? 0;
  const closed: TalkCheckpoint['closed'] = {
    clinician: [...(restore?.closed.clinician ?? [])],
    patient: [...(restore?.closed.patient ?? [])],
  };
  const open: TalkCheckpoint['open'] = { clinician: restore?.open.clinician ?? null, patient: restore?.open.patient ?? null };
  const detector = createDuplexVad(options.detector, restore ? (restore.detector ?? freshDetectorAt(restore, closed, open, options.detector)) : undefined);

  function apply(speaker: Speaker, event: VadEvent | null): void {
    if (!event) return;
    options.onSpeechEvent?.(speaker, event, frame);
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
    const { clinician: c, patient: p } = detector.speaking;
    return c && p ? 'both' : c ? 'clinician' : p ? 'patient' : 'none';
  }

  return {
    push(clinician, patient) {
      const events = detector.push(clinician, patient);
      apply('clinician', events.clinician);
      apply('patient', events.patient);
      frame++;
    },
    speakingNow,
    speech: intervals,
    elapsedS: () => framesToS(frame),
    live() {
      const { segments, ...t } = totals();
      const { timeline: _timeline, ...metrics } = computeTalkMetrics(segments, framesToS(frame), options.metrics);
      return { ...t, elapsedS: framesToS(frame), speakingNow: speakingNow(), metrics };
    },
    result() {
      const t = totals();
      const durationS = framesToS(frame);
      return { ...t, durationS, metrics: computeTalkMetrics(t.segments, durationS, options.metrics) };
    },
    checkpoint() {
      return {
        frame,
        closed: { clinician: [...closed.clinician], patient: [...closed.patient] },
        open: { ...open },
        detector: detector.state(),
      };
    },
  };
}

