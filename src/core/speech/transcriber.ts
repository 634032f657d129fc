/**
 * Speech-to-text behind one interface, so that the live session, the CLI and the tests do not
 * care which engine runs: Moonshine in a worker (the default, on the device), Moonshine in Node
 * (the CLI), or Chrome's Web Speech API (only where privacy allows, see engine-choice.ts).
 */
import type { FinalPunctuationProbs } from './final-punctuation';

export interface Transcript {
  text: string;
  /** Moonshine only: the decoder's probabilities of "?", "." and "," where the utterance ends. */
  finalPunctuation?: FinalPunctuationProbs | null;
}

export interface Transcriber {
  /** Mono 16 kHz samples in [-1, 1] of one utterance. Rejects with a readable message on failure. */
  transcribe(pcm16k: Float32Array): Promise<Transcript>;
  /** Releases the model (worker, sessions). */
  dispose(): void;
}
