/**
 * Live question counting for one visit: clinician microphone audio and the talk engine's speech
 * events in; labelled utterances, counts and the live view out.
 *
 *   speech events → utterance segmenter → cut the audio → transcriber (one at a time, newest
 *   revision wins) → classifier → labelled utterances → counts
 *
 * Only the clinician's channel is ever cut and transcribed; the patient's events only end an
 * utterance. The transcript is used for the label and dropped unless `keepText` (the live
 * session keeps it in memory; privacy-local mode never stores it: see core/session/visit-words.ts). Works the same live (the offscreen document) and offline (the CLI).
 */
import { detectBehaviours, permissionCovers } from '../behaviours/detect';
import { IDENTITY_LAYER, adaptResult, type AdaptationLayer } from '../questions/adaptation';
import type { ClassifyInput, ClassifyResult } from '../questions/classify';
import type { LabelledUtterance, LiveQuestions, QuestionCounts, Speaker, SpeechStatus } from '../session/schema';
import type { VadEvent } from '../talk/duplex-vad';
import { createClinicianAudio } from './clinician-audio';
import { finalPitchRise } from './final-pitch';
import { countQuestions, effectiveLabel } from './question-counts';
import { effectiveBehaviours } from '../behaviours/counts';
import type { Transcriber, Transcript } from './transcriber';
import { createUtteranceSegmenter, type UtteranceSegmenterOptions, type UtteranceSpan } from './utterance-segmenter';

export interface SpeechPipelineOptions {
  /** Rate of the microphone samples pushed in. */
  sampleRate: number;
  transcriber: Transcriber;
  classify(input: ClassifyInput): ClassifyResult;
  /** The clinician's adaptation layer, learnt from their corrections (absent: none). */
  adaptation?: AdaptationLayer;
  /** Keep the transcript on each utterance (only when privacy-local mode is off). */
  keepText: boolean;
  segmenter?: Partial<UtteranceSegmenterOptions>;
  /** Audio kept around the detected speech: soft onsets and final consonants fall just outside, ms. */
  padBeforeMs?: number;
  padAfterMs?: number;
  /** Wall clock in ms (for the latency figures); injected so tests stay deterministic. */
  nowMs?: () => number;
  status?: SpeechStatus;
  /** The talk engine's frame when the first sample arrives (non-zero for a resumed visit). */
  firstFrame?: number;
}

/** Timing of the transcriptions so far (for the bench and the report). */
export interface SpeechStats {
  /** Transcriptions run (revisions included). */
  transcriptions: number;
  audioS: number;
  transcribeS: number;
  /** Per labelled revision: from the end of the speech (audio time) to its label, ms. */
  labelLatencyMs: number[];
  failures: number;
}

export interface SpeechPipeline {
  pushClinicianSamples(samples: Float32Array): void;
  /** Every speech event of the talk engine, with the frame being processed when it fired. */
  onSpeechEvent(speaker: Speaker, event: VadEvent, currentFrame: number): void;
  /** End of the visit: transcribe an utterance still in progress. */
  finish(frame: number): void;
  /** Resolves when every queued transcription is done. */
  settled(): Promise<void>;
  setStatus(status: SpeechStatus): void;
  utterances(): LabelledUtterance[];
  counts(): QuestionCounts;
  live(): LiveQuestions;
  stats(): SpeechStats;
}

const RECENT_MAX = 10;
const FRAME_S = 0.01;

export function createSpeechPipeline(options: SpeechPipelineOptions): SpeechPipeline {
  const audio = createClinicianAudio(options.sampleRate, options.firstFrame ?? 0);
  const segmenter = createUtteranceSegmenter(options.segmenter);
  const padBefore = Math.round((options.padBeforeMs ?? 150) / 10);
  const padAfter = Math.round((options.padAfterMs ?? 200) / 10);
  const now = options.nowMs ?? (() => 0);
  let status: SpeechStatus = options.status ?? { engine: 'moonshine', state: 'ready', message: null };
  const labelled = new Map<string, LabelledUtterance>();
  /** Per utterance, what the behaviour detector needs later without the words: a permission-ask, advice given. */
  const spoken = new Map<string, { permissionAsked: boolean; advice: boolean }>();
  /** Newest revision waiting per utterance, with when its speech ended (wall clock, ms). */
  const waiting = new Map<string, { span: UtteranceSpan; pcm: Float32Array; endedAtMs: number }>();
  const latestRevision = new Map<string, number>();
  const stats: SpeechStats = { transcriptions: 0, audioS: 0, transcribeS: 0, labelLatencyMs: [], failures: 0 };
  let running: Promise<void> | null = null;

  function enqueue(span: UtteranceSpan | null, currentFrame: number) {
    if (!span) return;
    const pcm = audio.slice(Math.max(0, span.startFrame - padBefore), span.endFrame + padAfter);
    // The detector confirms an end some frames after it happened: date the end back.
    const endedAtMs = now() - (currentFrame - span.endFrame) * FRAME_S * 1000;
    latestRevision.set(span.id, span.revision);
    waiting.set(span.id, { span, pcm, endedAtMs });
    if (!running) running = drain().finally(() => (running = null));
  }

  async function drain(): Promise<void> {
    for (;;) {
      const next = waiting.entries().next();
      if (next.done) return;
      const [id, job] = next.value;
      waiting.delete(id);
      const started = now();
      let transcript: Transcript;
      try {
        transcript = await options.transcriber.transcribe(job.pcm);
      } catch (error) {
        stats.failures++;
        status = { ...status, state: 'error', message: error instanceof Error ? error.message : String(error) };
        continue;
      }
      if (status.state === 'error') status = { ...status, state: 'ready', message: null }; // it recovered
      stats.transcriptions++;
      stats.audioS += job.pcm.length / 16000;
      stats.transcribeS += (now() - started) / 1000;
      // A newer revision of this utterance was queued meanwhile: it replaces this one.
      if (latestRevision.get(id) !== job.span.revision) continue;
      apply(job.span, transcript, job.pcm);
      stats.labelLatencyMs.push(now() - job.endedAtMs);
    }
  }

  function apply(span: UtteranceSpan, transcript: Transcript, pcm: Float32Array) {
    const text = transcript.text.trim();
    if (!/[\p{L}\p{N}]/u.test(text)) {
      labelled.delete(span.id); // nothing said in words (a cough, noise)
      spoken.delete(span.id);
      return;
    }
    // The intonation helps where the transcript lost a question mark ("You took it this morning").
    const rise = finalPitchRise(pcm);
    const questionMarkProb = transcript.finalPunctuation?.question;
    const base = options.classify({
      text,
      prevText: null,
      ...(rise !== undefined && { finalPitchRise: rise }),
      ...(questionMarkProb !== undefined && { questionMarkProb }),
    });
    const result = adaptResult(base, options.adaptation ?? IDENTITY_LAYER);
    const startS = round2(span.startFrame * FRAME_S);
    const endS = round2(span.endFrame * FRAME_S);
    const found = detectBehaviours(text, permissionCovers(permissionMarksBefore(span.id, startS), endS));
    spoken.set(span.id, { permissionAsked: found.permissionAsked, advice: found.advice });
    const u: LabelledUtterance = {
      id: span.id,
      startS,
      endS,
      label: result.label,
      confidence: result.confidence,
      ...(result.reflectionType ? { reflectionType: result.reflectionType } : {}),
      classLogProbs: result.classLogProbs,
      behaviours: found.behaviours,
      ...(options.keepText ? { text } : {}),
    };
    labelled.set(span.id, u);
  }

  const utterances = () => [...labelled.values()].sort((a, b) => a.startS - b.startS);

  /** The utterances spoken before `startS` (a revision replaces its own), oldest first, as permission marks. */
  function permissionMarksBefore(id: string, startS: number) {
    return utterances()
      .filter((u) => u.id !== id && u.startS < startS)
      .map((u) => ({ endS: u.endS, permissionAsked: spoken.get(u.id)?.permissionAsked ?? false }));
  }

  return {
    pushClinicianSamples: (samples) => audio.push(samples),
    onSpeechEvent(speaker, event, currentFrame) {
      enqueue(segmenter.onSpeechEvent(speaker, event), currentFrame);
    },
    finish(frame) {
      enqueue(segmenter.finish(frame), frame);
    },
    async settled() {
      while (running) await running;
    },
    setStatus(next) {
      status = next;
    },
    utterances,
    counts: () => countQuestions(utterances(), true),
    live() {
      const list = utterances();
      return {
        counts: countQuestions(list, true),
        recent: list.slice(-RECENT_MAX).map((u) => ({ label: effectiveLabel(u), endS: u.endS, behaviours: [...effectiveBehaviours(u)] })),
        adviceGiven: list.filter((u) => spoken.get(u.id)?.advice).length,
        status,
      };
    },
    stats: () => ({ ...stats, labelLatencyMs: [...stats.labelLatencyMs] }),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
