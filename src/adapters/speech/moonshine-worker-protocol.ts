import type { FinalPunctuationProbs } from '../../core/speech/final-punctuation';

/** Messages between the engine host and the Moonshine worker (same extension, structured clone). */
export type ToSpeechWorker =
  | { type: 'load'; encoderUrl: string; decoderUrl: string; vocabularyUrl: string; wasmUrl: string }
  | { type: 'transcribe'; id: number; pcm16k: Float32Array };

export type FromSpeechWorker =
  | { type: 'ready'; loadMs: number }
  | { type: 'load-failed'; message: string }
  | { type: 'transcript'; id: number; text: string; finalPunctuation: FinalPunctuationProbs | null; ms: number }
  | { type: 'transcribe-failed'; id: number; message: string };
