import { createChannelFeatureStream } from '../audio/channel-features';
import type { FrameFeatures } from '../audio/features';
import { createSessionGaze, type SessionGaze } from '../gaze/session-gaze';
import type { GazeTrackerOptions } from '../gaze/tracker';
import { createFrameAligner } from '../talk/frame-aligner';
import { createTalkEngine, type TalkCheckpoint, type TalkEngine, type TalkEngineOptions, type TalkResult } from '../talk/talk-engine';
import type { LiveTalk, VisitSummary } from './schema';

/**
 * The engine host's view of one visit: raw microphone samples in, optionally raw far-end
 * samples (tab capture, same audio clock) or far-end frame features (the page's tap, late and
 * on another clock), talk state out. Pure, so the offscreen document and tests share it.
 */
export interface LiveSessionOptions extends TalkEngineOptions {
  /** Sample rate of the samples pushed in (the AudioContext's rate). */
  sampleRate: number;
  /** How long to wait for late far-end frames before counting them as missing. */
  maxPatientLagMs?: number;
  /** Gaze cues (the clinician turned them on): the host pushes camera frames into `session.gaze.tracker`. */
  gaze?: GazeTrackerOptions | null;
}

/**
 * What a visit adds to its talk figures, already in the saved shape: questions and reflections,
 * gaze, nudges. Each part is present only when it ran. Checkpoints carry it whole, so a visit
 * closed from a checkpoint keeps what was known at that moment without replaying anything.
 */
export type VisitExtras = Partial<Pick<VisitSummary, 'utterances' | 'questions' | 'gaze' | 'nudges'>>;

export interface LiveSessionCheckpoint {
  talk: TalkCheckpoint;
  extras: VisitExtras;
}

export interface LiveSessionResult {
  talk: TalkResult;
  extras: VisitExtras;
}

export interface LiveSession {
  pushClinicianSamples(samples: Float32Array): void;
  pushPatientSamples(samples: Float32Array): void;
  pushPatientFrames(frames: readonly FrameFeatures[]): void;
  live(): LiveTalk;
  checkpoint(): LiveSessionCheckpoint;
  result(): LiveSessionResult;
  readonly engine: TalkEngine;
  /** Present when gaze cues run for this visit. */
  readonly gaze: SessionGaze | null;
}

export function createLiveSession(options: LiveSessionOptions, restore?: TalkCheckpoint): LiveSession {
  const engine = createTalkEngine(options, restore);
  const clinician = createChannelFeatureStream(options.sampleRate);
  const patient = createChannelFeatureStream(options.sampleRate);
  const aligner = createFrameAligner(Math.round((options.maxPatientLagMs ?? 600) / 10));
  const talkNow = () => {
    const r = engine.result();
    return { patientSpeech: r.segments.patient, nowS: r.durationS };
  };
  const gaze = options.gaze ? createSessionGaze(options.gaze, talkNow) : null;
  const extras = (): VisitExtras => ({ ...(gaze && { gaze: gaze.summary() }) });
  const drain = () => aligner.drain((c, p) => engine.push(c, p));
  return {
    pushClinicianSamples(samples) {
      aligner.pushClinician(clinician.push(samples));
      drain();
    },
    pushPatientSamples(samples) {
      aligner.pushPatient(patient.push(samples));
      drain();
    },
    pushPatientFrames(frames) {
      aligner.pushPatient(frames);
      drain();
    },
    live: () => ({ ...engine.live(), ...(gaze && { gaze: gaze.live() }) }),
    checkpoint: () => ({ talk: engine.checkpoint(), extras: extras() }),
    result: () => ({ talk: engine.result(), extras: extras() }),
    engine,
    gaze,
  };
}
