/** Loading AnnoMI-style JSONL for training / evaluation of the utterance classifier. */
import { readFileSync } from 'node:fs';
import type { UtteranceLabel } from '../../src/core/questions/labels';
import { stripPunctuation } from '../../src/core/questions/normalize';
import type { Votes } from './agreement';

export interface Example {
  transcriptId: number;
  /** AnnoMI `utterance_id` (position in the transcript); joins the speech-chain rows. */
  utteranceId: number;
  text: string;
  prevText: string;
  label: UtteranceLabel;
  reflectionType: 'simple' | 'complex' | null;
  /**
   * Who coded the transcript (AnnoMI `annotator_id`, 'majority' for the 10-annotator ones).
   * Used only in training, as a nuisance variable (see trainer.ts); never an input at inference.
   */
  annotator: string;
  /**
   * For the few transcripts coded by all ten annotators: how many chose each label (AnnoMI
   * `annotator_votes.flat_label`, mapped like `label`). Evaluation only (agreement.ts).
   */
  votes?: Votes;
}

export type Condition = 'punctuated' | 'unpunctuated' | 'unpunctuated_no_context' | 'punctuated_no_context';
/** The two conditions of the targets. */
export const CONDITIONS: readonly Condition[] = ['punctuated', 'unpunctuated'];
/** Also reported: ASR-like text without the patient's previous turn (the live extension does not transcribe the patient). */
export const REPORT_CONDITIONS: readonly Condition[] = ['punctuated', 'unpunctuated', 'unpunctuated_no_context'];

/** AnnoMI `label` -> classifier label (input and other are both "other"). */
export function mapLabel(label: string): { label: UtteranceLabel; reflectionType: 'simple' | 'complex' | null } | null {
  switch (label) {
    case 'open_question':
      return { label: 'open_question', reflectionType: null };
    case 'closed_question':
      return { label: 'closed_question', reflectionType: null };
    case 'simple_reflection':
      return { label: 'reflection', reflectionType: 'simple' };
    case 'complex_reflection':
      return { label: 'reflection', reflectionType: 'complex' };
    case 'reflection':
      return { label: 'reflection', reflectionType: null };
    case 'input':
    case 'other':
      return { label: 'other', reflectionType: null };
    default:
      return null;
  }
}

/** `{ votes }` from AnnoMI `annotator_votes.flat_label` in classifier labels; `{}` when the row has none. */
function votesOf(annotatorVotes: unknown): { votes?: Votes } {
  const flat = (annotatorVotes as { flat_label?: unknown } | null)?.flat_label;
  if (typeof flat !== 'object' || flat === null) return {};
  const votes: Partial<Record<UtteranceLabel, number>> = {};
  for (const [raw, n] of Object.entries(flat)) {
    const m = mapLabel(raw);
    if (m !== null && typeof n === 'number') votes[m.label] = (votes[m.label] ?? 0) + n;
  }
  return { votes };
}

/** Therapist utterances with a gold label. The context is the most recent client turn. */
export function loadExamples(path: string): Example[] {
  const out: Example[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    if (r.speaker !== 'therapist' || typeof r.label !== 'string' || typeof r.text !== 'string') continue;
    const m = mapLabel(r.label);
    if (m === null) continue;
    out.push({
      transcriptId: Number(r.transcript_id),
      utteranceId: Number(r.utterance_id),
      text: r.text,
      prevText: typeof r.prev_client_text === 'string' ? r.prev_client_text : '',
      label: m.label,
      reflectionType: m.reflectionType,
      annotator: typeof r.annotator_id === 'number' ? String(r.annotator_id) : 'majority',
      ...votesOf(r.annotator_votes),
    });
  }
  return out;
}

/** The example as seen under a condition (ASR-like: lower case, no punctuation). */
export function underCondition(e: Example, c: Condition): Example {
  if (c === 'punctuated') return e;
  if (c === 'punctuated_no_context') return { ...e, prevText: '' };
  return { ...e, text: stripPunctuation(e.text), prevText: c === 'unpunctuated' ? stripPunctuation(e.prevText) : '' };
}

/**
 * Deterministic grouped folds: transcript ids sorted, then assigned round-robin. A non-zero
 * `seed` sorts the ids by a multiplicative hash first, giving another deterministic partition
 * (repeated CV: the spread over partitions shows how much of a difference is fold noise).
 */
export function groupedFolds(examples: readonly Example[], k: number, seed = 0): number[] {
  const key = (id: number): number => {
    if (seed === 0) return id;
    // 32-bit integer mixing (murmur3 finaliser) of id and seed: an unrelated order per seed
    let h = Math.imul(id ^ Math.imul(seed, 0x9e3779b9), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const ids = [...new Set(examples.map((e) => e.transcriptId))].sort((a, b) => key(a) - key(b));
  const foldOf = new Map<number, number>();
  ids.forEach((id, i) => foldOf.set(id, i % k));
  return examples.map((e) => foldOf.get(e.transcriptId) as number);
}
