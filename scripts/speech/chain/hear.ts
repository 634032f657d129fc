/**
 * Moonshine on espeak-ng audio as the product hears it: each ≤15 s piece transcribed on its own
 * (as live), the texts joined, the punctuation of the last piece kept. Cached by a key that
 * includes the model files' checksums, so that reruns do not transcribe again. Used by the
 * AnnoMI chain (build-chain.ts) and the behaviour test set's ASR pass (build-behaviour-asr.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Transcriber, Transcript } from '../../../src/core/speech/transcriber';
import { SPEECH_ASSETS } from '../../../src/adapters/speech/moonshine-assets';
import { splitLongAudio } from './pieces';

export interface Heard {
  text: string;
  finalPunctuation: Transcript['finalPunctuation'];
  transcribeMs: number;
}

const MODEL_KEY = `${SPEECH_ASSETS.encoder.sha256}:${SPEECH_ASSETS.decoder.sha256}:pieces15`;

/** The cache key of one spoken text: model, voice, rate and the exact words spoken. */
export function heardKey(voice: string, rateWpm: number, spoken: string): string {
  return createHash('sha256').update(`${MODEL_KEY}\u0000${voice}\u0000${rateWpm}\u0000${spoken}`).digest('hex').slice(0, 24);
}

export async function hear(transcriber: Transcriber, pcm: Float32Array, cacheDir: string, cacheKey: string): Promise<Heard & { cached: boolean }> {
  const path = join(cacheDir, 'text', `${cacheKey}.json`);
  if (existsSync(path)) return { ...(JSON.parse(readFileSync(path, 'utf8')) as Heard), cached: true };
  const started = performance.now();
  const texts: string[] = [];
  let finalPunctuation: Transcript['finalPunctuation'] = null;
  for (const piece of splitLongAudio(pcm)) {
    const t = await transcriber.transcribe(piece);
    if (t.text !== '') texts.push(t.text);
    finalPunctuation = t.finalPunctuation ?? null;
  }
  const heard: Heard = { text: texts.join(' '), finalPunctuation, transcribeMs: Math.round(performance.now() - started) };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify(heard));
  renameSync(`${path}.${process.pid}.tmp`, path);
  return { ...heard, cached: false };
}
