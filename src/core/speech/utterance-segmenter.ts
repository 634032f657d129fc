/**
 * Clinician utterances from the talk engine's speech intervals on the microphone channel.
 *
 * The detector already bridges pauses between words (its hangover, 280 ms by default); this
 * joins its intervals into utterances: a clinician pause shorter than `mergeGapMs`, with no
 * patient speech in it, continues the same utterance. Every time an utterance's speech ends it
 * is emitted (a new revision of the same id) so that it can be transcribed at once: the label
 * is on the panel well before we could know that the clinician will not go on. If they do go
 * on, the next revision (the whole utterance so far) replaces the first.
 *
 * Frames are the talk engine's 10 ms frames from the start of the visit.
 */
import type { VadEvent } from '../talk/duplex-vad';
import type { Speaker } from '../session/schema';

export interface UtteranceSegmenterOptions {
  /** A clinician pause up to this long (and no patient speech in it) stays inside one utterance, ms. */
  mergeGapMs: number;
  /** An utterance that has grown to this length is not extended further, s (keeps re-transcription cheap). */
  maxUtteranceS: number;
  /** Speech intervals shorter than this start no utterance of their own (a cough, a click), ms. */
  minSpeechMs: number;
}

export const DEFAULT_UTTERANCE_SEGMENTER: UtteranceSegmenterOptions = {
  mergeGapMs: 800,
  maxUtteranceS: 15,
  minSpeechMs: 250,
};

/** One revision of an utterance: [startFrame, endFrame) of clinician speech. */
export interface UtteranceSpan {
  id: string;
  startFrame: number;
  endFrame: number;
  revision: number;
}

export interface UtteranceSegmenter {
  /** Feed every speech event of the talk engine, in order. Returns a span to transcribe, if any. */
  onSpeechEvent(speaker: Speaker, event: VadEvent): UtteranceSpan | null;
  /** End of the visit at `frame`: closes an utterance still being spoken. */
  finish(frame: number): UtteranceSpan | null;
}

interface Current {
  id: string;
  startFrame: number;
  /** First frame of speech in the interval in progress, null while in a pause. */
  speakingSince: number | null;
  endFrame: number | null;
  revision: number;
  /** Frames of speech so far (pauses excluded). */
  speechFrames: number;
  /** The patient spoke since the clinician's last speech: the utterance can no longer grow. */
  closed: boolean;
}

const FRAME_MS = 10;

export function createUtteranceSegmenter(options: Partial<UtteranceSegmenterOptions> = {}): UtteranceSegmenter {
  const o = { ...DEFAULT_UTTERANCE_SEGMENTER, ...options };
  const mergeGapFrames = Math.round(o.mergeGapMs / FRAME_MS);
  const maxFrames = Math.round((o.maxUtteranceS * 1000) / FRAME_MS);
  const minFrames = Math.round(o.minSpeechMs / FRAME_MS);
  let current: Current | null = null;

  const emit = (c: Current, endFrame: number): UtteranceSpan | null => {
    c.endFrame = endFrame;
    if (c.speechFrames < minFrames) return null;
    c.revision++;
    return { id: c.id, startFrame: c.startFrame, endFrame, revision: c.revision };
  };

  const continues = (c: Current, frame: number): boolean =>
    !c.closed && c.endFrame !== null && frame - c.endFrame <= mergeGapFrames && c.endFrame - c.startFrame < maxFrames;

  return {
    onSpeechEvent(speaker, event) {
      if (speaker === 'patient') {
        if (event.type === 'speechStart' && current) current.closed = true;
        return null;
      }
      if (event.type === 'speechStart') {
        if (current && continues(current, event.frame)) current.speakingSince = event.frame;
        else current = { id: `u${event.frame}`, startFrame: event.frame, speakingSince: event.frame, endFrame: null, revision: 0, speechFrames: 0, closed: false };
        return null;
      }
      if (!current || current.speakingSince === null) return null;
      current.speechFrames += event.frame - current.speakingSince;
      current.speakingSince = null;
      return emit(current, event.frame);
    },
    finish(frame) {
      if (!current || current.speakingSince === null) return null;
      current.speechFrames += frame - current.speakingSince;
      current.speakingSince = null;
      const span = emit(current, frame);
      current.closed = true;
      return span;
    },
  };
}
