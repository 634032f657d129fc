import { createChannelFeatureStream } from '../audio/channel-features';
import type { FrameFeatures } from '../audio/features';
import { createFrameAligner } from '../talk/frame-aligner';
import { createTalkEngine, type TalkCheckpoint, type TalkEngine, type TalkEngineOptions } from '../talk/talk-engine';
import type { LiveTalk } from './schema';

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
}

export interface LiveSession {
  pushClinicianSamples(samples: Float32Array): void;
  pushPatientSamples(samples: Float32Array): void;
  pushPatientFrames(frames: readonly FrameFeatures[]): void;
  live(): LiveTalk;
  checkpoint(): TalkCheckpoint;
  readonly engine: TalkEngine;
}

export function createLiveSession(options: LiveSessionOptions, restore?: TalkCheckpoint): LiveSession {
  const engine = createTalkEngine(options, restore);
  const clinician = createChannelFeatureStream(options.sampleRate);
  const patient = createChannelFeatureStream(options.sampleRate);
  const aligner = createFrameAligner(Math.round((options.maxPatientLagMs ?? 600) / 10));
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
    live: () => engine.live(),
    checkpoint: () => engine.checkpoint(),
    engine,
  };
}
