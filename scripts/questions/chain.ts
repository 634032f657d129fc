/**
 * The product-condition data (issue 13 §2): AnnoMI therapist utterances spoken by espeak-ng and
 * transcribed by the shipped Moonshine transcriber, one JSON object per therapist utterance
 * per line: transcript_id, utterance_id, asr_text (Moonshine's output), p_question / p_period /
 * p_comma (the decoder's probability of "?", ".", "," at the final punctuation step, or null),
 * final_pitch_rise (true / false / null), voice, rate_wpm, audio_ms. Made by
 * `npm run build:chain`; a partial file (complete lines only) is valid. Labels and votes are
 * joined from the AnnoMI file by (transcript_id, utterance_id).
 */
import { readFileSync } from 'node:fs';
import type { View } from './cv';
import type { Example } from './data';

export interface ChainRow {
  asrText: string;
  /** Decoder probability of "?" at the final punctuation step; null when there was no such step. */
  pQuestion: number | null;
  finalPitchRise: boolean | null;
  voice: string;
}

export const chainKey = (transcriptId: number, utteranceId: number): string => `${transcriptId}/${utteranceId}`;

const probOrNull = (x: unknown): number | null => (typeof x === 'number' && x >= 0 && x <= 1 ? x : null);

/** Rows keyed by `chainKey`; lines that are not complete rows are counted and skipped. */
export function loadChain(path: string): { rows: Map<string, ChainRow>; skipped: number } {
  const rows = new Map<string, ChainRow>();
  let skipped = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch {
      skipped++;
      continue;
    }
    if (typeof r.transcript_id !== 'number' || typeof r.utterance_id !== 'number' || typeof r.asr_text !== 'string') {
      skipped++;
      continue;
    }
    rows.set(chainKey(r.transcript_id, r.utterance_id), {
      asrText: r.asr_text,
      pQuestion: probOrNull(r.p_question),
      finalPitchRise: typeof r.final_pitch_rise === 'boolean' ? r.final_pitch_rise : null,
      voice: typeof r.voice === 'string' ? r.voice : '',
    });
  }
  return { rows, skipped };
}

/**
 * The product's condition as a view: Moonshine's text of the spoken utterance, with its
 * final-pitch cue when `pitch`; null for utterances the chain did not speak.
 */
export function speechView(chain: ReadonlyMap<string, ChainRow>, name: string, pitch = true): View {
  return {
    name,
    input: (e: Example) => {
      const r = chain.get(chainKey(e.transcriptId, e.utteranceId));
      if (r === undefined) return null;
      return {
        text: r.asrText,
        ...(pitch && r.finalPitchRise !== null ? { finalPitchRise: r.finalPitchRise } : {}),
      };
    },
  };
}
