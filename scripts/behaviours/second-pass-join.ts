/**
 * AnnoMI for the behaviour evaluation: the therapist utterances of a dev file, their transcripts
 * run through the detector in order (the permission memory needs the earlier utterances), and the
 * reserved transcripts (transcript_id % 4 == 0, held out from rule writing for the second pass).
 * AnnoMI text never goes into the repository: it is read from ../shared at evaluation time.
 */
import { readFileSync } from 'node:fs';
import { createBehaviourTracker, type UtteranceBehaviours } from '../../src/core/behaviours/detect';

export interface AnnomiTherapistUtterance {
  transcriptId: number;
  utteranceId: number;
  text: string;
  /** AnnoMI's therapist input subtype: information, advice, options, negotiation (or null). */
  inputSubtype: string | null;
}

export const isReserved = (transcriptId: number) => transcriptId % 4 === 0;

export function loadAnnomiTherapist(path: string): AnnomiTherapistUtterance[] {
  const out: AnnomiTherapistUtterance[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    if (r.speaker !== 'therapist' || typeof r.text !== 'string') continue;
    out.push({ transcriptId: Number(r.transcript_id), utteranceId: Number(r.utterance_id), text: r.text, inputSubtype: typeof r.therapist_input_subtype === 'string' ? r.therapist_input_subtype : null });
  }
  return out;
}

/**
 * The detector's output per utterance, each transcript in utterance order. AnnoMI has no times:
 * utterances are spaced 15 s apart, so the permission memory is its utterance count (3) in practice.
 */
export function detectTranscripts(utterances: readonly AnnomiTherapistUtterance[]): Map<string, UtteranceBehaviours> {
  const byTranscript = new Map<number, AnnomiTherapistUtterance[]>();
  for (const u of utterances) byTranscript.set(u.transcriptId, [...(byTranscript.get(u.transcriptId) ?? []), u]);
  const out = new Map<string, UtteranceBehaviours>();
  for (const [, list] of byTranscript) {
    const tracker = createBehaviourTracker();
    [...list].sort((a, b) => a.utteranceId - b.utteranceId).forEach((u, i) => out.set(key(u.transcriptId, u.utteranceId), tracker.observe(u.text, i * 15)));
  }
  return out;
}

export const key = (transcriptId: number, utteranceId: number) => `${transcriptId}/${utteranceId}`;
