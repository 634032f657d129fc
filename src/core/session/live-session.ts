import { createChannelFeatureStream } from '../audio/channel-features';
import { createCoach } from '../coach/coach';
import type { FrameFeatures } from '../audio/features';
import { createSessionGaze, type SessionGaze } from '../gaze/session-gaze';
import type { GazeTrackerOptions } from '../gaze/tracker';
import { createFrameAligner } from '../talk/frame-aligner';
import { createTalkEngine, type TalkCheckpoint, type TalkEngine, type TalkEngineOptions, type TalkResult } from '../talk/talk-engine';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { withoutWords } from './visit-words';
import type { ExcludedSpan, HoldReason, LiveTalk, SpeakingNow, SpeechStatus, VisitSummary } from './schema';
import { classifyUtterance } from '../questions/classify';
import type { AdaptationLayer } from '../questions/adaptation';
import { createSpeechPipeline, type SpeechPipeline, type SpeechStats } from '../speech/speech-pipeline';
import type { Transcriber } from '../speech/transcriber';

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
  /** The clinician's settings when the visit started (nudge thresholds, quiet mode); defaults when absent. */
  settings?: Settings;
  /** Gaze cues (the clinician turned them on): the host pushes camera frames into `session.gaze.tracker`. */
  gaze?: GazeTrackerOptions | null;
  /** Speech-to-text of the clinician's utterances, for question and reflection counts (absent: off). */
  speech?: LiveSpeechOptions;
  /** The median length of the clinician's recent visits, s (coach/behaviour-rules.ts: when "near the end" starts); absent: settings.nudges.teachBack.afterS. */
  usualVisitS?: number | null;
}

export interface LiveSpeechOptions {
  transcriber: Transcriber;
  /**
   * Keep transcript text on the utterances in memory. In privacy-local mode checkpoints drop it
   * and the background keeps it only in memory for the review (never stored).
   */
  keepText: boolean;
  status?: SpeechStatus;
  /** Wall clock, ms (latency figures). */
  nowMs?: () => number;
  /** The clinician's label adaptation layer (absent: the model's labels as they are). */
  adaptation?: AdaptationLayer;
}

/**
 * What a visit adds to its talk figures, already in the saved shape: questions and reflections,
 * gaze, nudges. Each part is present only when it ran. Checkpoints carry it whole, so a visit
 * closed from a checkpoint keeps what was known at that moment without replaying anything.
 */
export type VisitExtras = Partial<Pick<VisitSummary, 'utterances' | 'questions' | 'adviceGiven' | 'gaze' | 'nudges' | 'excluded'>>;

export interface LiveSessionCheckpoint {
  talk: TalkCheckpoint;
  extras: VisitExtras;
}

export interface LiveSessionResult {
  talk: TalkResult;
  extras: VisitExtras;
}

export interface LiveSession {
  /** Copies what it keeps: the caller may overwrite `samples` once this returns (the frame tap refills them). */
  pushClinicianSamples(samples: Float32Array): void;
  pushPatientSamples(samples: Float32Array): void;
  pushPatientFrames(frames: readonly FrameFeatures[]): void;
  live(): LiveTalk;
  /** Who is audible now, without computing the rest of the live state. */
  speakingNow(): SpeakingNow;
  /**
   * Starts or ends a hold: while any hold is on, audio pushed in is dropped (not scored) and its
   * length is added to an excluded span. 'paused' is the clinician's; 'no-microphone' the host's,
   * while the microphone track gives no sound (blocked or muted), so counting starts with real audio.
   */
  hold(reason: HoldReason, on: boolean): void;
  checkpoint(): LiveSessionCheckpoint;
  result(): LiveSessionResult;
  /** End of the visit: transcribe the utterance in progress and wait for every label (call before result()). */
  settleSpeech(): Promise<void>;
  /** Speech-to-text state and timing; null when speech-to-text is off. */
  speech(): { setStatus(status: SpeechStatus): void; stats(): SpeechStats } | null;
  readonly engine: TalkEngine;
  /** Present when gaze cues run for this visit. */
  readonly gaze: SessionGaze | null;
}

export function createLiveSession(options: LiveSessionOptions, restore?: TalkCheckpoint): LiveSession {
  const speech: SpeechPipeline | null = options.speech
    ? createSpeechPipeline({ sampleRate: options.sampleRate, classify: classifyUtterance, firstFrame: restore?.frame ?? 0, ...options.speech })
    : null;
  const engine = createTalkEngine({ ...options, ...(speech ? { onSpeechEvent: speech.onSpeechEvent } : {}) }, restore);
  const clinician = createChannelFeatureStream(options.sampleRate);
  const patient = createChannelFeatureStream(options.sampleRate);
  const aligner = createFrameAligner(Math.round((options.maxPatientLagMs ?? 600) / 10));
  // Only the patient's intervals: the full result would recompute every talk metric per call.
  const talkNow = () => ({ patientSpeech: engine.speech('patient'), nowS: engine.elapsedS() });
  const gaze = options.gaze ? createSessionGaze(options.gaze, talkNow) : null;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const coach = createCoach({ nudges: settings.nudges, quiet: settings.quietMode, usualVisitS: options.usualVisitS ?? null });
  let frames = restore?.frame ?? 0;
  const holds = new Set<HoldReason>();
  const excluded: ExcludedSpan[] = [];
  // 'paused' names the span when both hold: the clinician's choice is what they will recognise.
  const heldFor = (): HoldReason | null => (holds.has('paused') ? 'paused' : holds.has('no-microphone') ? 'no-microphone' : null);
  /** Dropped audio while held: the clinician channel arrives in real time, so its length is the held time. */
  const dropClinician = (samples: Float32Array) => {
    const reason = heldFor()!;
    const nowS = engine.elapsedS();
    let span = excluded[excluded.length - 1];
    if (!span || span.reason !== reason || span.atS !== nowS) excluded.push((span = { atS: nowS, durationS: 0, reason }));
    span.durationS = Math.round((span.durationS + samples.length / options.sampleRate) * 1000) / 1000;
  };
  const extras = (): VisitExtras => ({
    ...(speech ? { utterances: speech.utterances(), questions: speech.counts(), adviceGiven: speech.live().adviceGiven ?? 0 } : {}),
    ...(gaze && { gaze: gaze.summary() }),
    nudges: coach.events(),
    ...(excluded.length > 0 && { excluded: excluded.map((e) => ({ ...e, durationS: Math.round(e.durationS * 100) / 100 })) }),
  });
  const drain = () =>
    aligner.drain((c, p) => {
      engine.push(c, p);
      frames++;
    });
  return {
    pushClinicianSamples(samples) {
      if (holds.size > 0) return dropClinician(samples);
      // Speech first: the events this push raises must find their audio already buffered.
      speech?.pushClinicianSamples(samples);
      aligner.pushClinician(clinician.push(samples));
      drain();
    },
    pushPatientSamples(samples) {
      if (holds.size > 0) return;
      aligner.pushPatient(patient.push(samples));
      drain();
    },
    pushPatientFrames(frames) {
      if (holds.size > 0) return;
      aligner.pushPatient(frames);
      drain();
    },
    // Each live update also advances the coach, so it sees every state the panel is sent
    // (questions and gaze included: their rules read them).
    live: () => {
      const talk = engine.live();
      const state = { ...talk, ...(speech && { questions: speech.live() }), ...(gaze && { gaze: gaze.live() }) };
      const held = heldFor();
      // While held, nothing is happening that a prompt could be about.
      return { ...state, nudge: held ? null : coach.update(state), held };
    },
    speakingNow: () => engine.speakingNow(),
    hold(reason, on) {
      if (on) holds.add(reason);
      else holds.delete(reason);
    },
    // Checkpoints go to IndexedDB: in privacy-local mode they never carry words (the result does, by message, for the review).
    checkpoint: () => ({ talk: engine.checkpoint(), extras: settings.privacyLocal ? withoutWords(extras()) : extras() }),
    result: () => ({ talk: engine.result(), extras: extras() }),
    async settleSpeech() {
      if (!speech) return;
      speech.finish(frames);
      await speech.settled();
    },
    speech: () => speech,
    engine,
    gaze,
  };
}
