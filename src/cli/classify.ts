/**
 * `attune classify`: classify clinician utterances given as JSON lines.
 *
 * Input, one object per line:  {"id": ..., "text": "...", "prev_text": "..." | null, "final_pitch_rise"?: bool,
 *                               "preceding_clinician"?: ["...", ...]}
 * Output, one line per input:  {"id": ..., "label": "...", "reflection_type"?: "simple"|"complex", "confidence": 0.87,
 *                               "behaviours": ["agenda", ...]}
 * `behaviours` are the listening behaviours of the utterance (docs/BEHAVIOURS.md); the clinician's
 * preceding utterances (oldest first, the last three count) tell advice after a permission-ask
 * from advice without one. `label` stays the question classifier's own (in the counts a summary
 * counts as a complex reflection; see src/core/speech/question-counts.ts).
 * A malformed line (bad JSON, not an object, missing / non-string / empty text, bad prev_text)
 * yields {"id": <id or null>, "error": "<message>"} instead; blank lines are skipped.
 * With a clinician's adaptation layer (`--adaptation PROFILE.json`) labels and confidences are
 * the adapted ones; without it the output is exactly the classifier's.
 */
import { IDENTITY_LAYER, adaptResult, type AdaptationLayer } from '../core/questions/adaptation';
import { classifyUtterance } from '../core/questions/classify';
import { askedPermission, detectBehaviours } from '../core/behaviours/detect';
import type { BoundedLine } from './bounded-lines';

/** Longest input line read (an utterance is a few hundred characters; the cap keeps memory bounded). */
export const MAX_CLASSIFY_LINE_CHARS = 100_000;

type Id = string | number | null;

function idOf(v: unknown): Id {
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

/** Classify one JSON line; returns the output line (never throws). */
export function classifyLine(line: string, adaptation: AdaptationLayer = IDENTITY_LAYER): string {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return JSON.stringify({ id: null, error: `invalid JSON: ${(e as Error).message}` });
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return JSON.stringify({ id: null, error: 'expected a JSON object' });
  }
  const rec = obj as Record<string, unknown>;
  const id = idOf(rec.id);
  if (typeof rec.text !== 'string') return JSON.stringify({ id, error: 'missing or non-string "text"' });
  if (rec.text.trim() === '') return JSON.stringify({ id, error: 'empty "text"' });
  const prev = rec.prev_text;
  if (prev !== undefined && prev !== null && typeof prev !== 'string') {
    return JSON.stringify({ id, error: '"prev_text" must be a string or null' });
  }
  const rise = rec.final_pitch_rise;
  if (rise !== undefined && rise !== null && typeof rise !== 'boolean') {
    return JSON.stringify({ id, error: '"final_pitch_rise" must be a boolean' });
  }
  const preceding = rec.preceding_clinician;
  if (preceding !== undefined && preceding !== null && !(Array.isArray(preceding) && preceding.every((p) => typeof p === 'string'))) {
    return JSON.stringify({ id, error: '"preceding_clinician" must be an array of strings' });
  }
  try {
    const r = adaptResult(classifyUtterance({
      text: rec.text,
      prevText: prev ?? null,
      ...(typeof rise === 'boolean' ? { finalPitchRise: rise } : {}),
    }), adaptation);
    return JSON.stringify({
      id,
      label: r.label,
      ...(r.reflectionType !== undefined ? { reflection_type: r.reflectionType } : {}),
      confidence: r.confidence,
      behaviours: detectBehaviours(rec.text, askedPermission((preceding as string[] | null | undefined) ?? [])).behaviours,
    });
  } catch (e) {
    return JSON.stringify({ id, error: `classification failed: ${(e as Error).message}` });
  }
}

export async function runClassify(lines: AsyncIterable<BoundedLine>, write: (line: string) => void, adaptation: AdaptationLayer = IDENTITY_LAYER): Promise<void> {
  for await (const raw of lines) {
    if (typeof raw !== 'string') {
      write(JSON.stringify({ id: null, error: `line too long (${raw.tooLongChars} characters; at most ${MAX_CLASSIFY_LINE_CHARS})` }));
      continue;
    }
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    write(classifyLine(line, adaptation));
  }
}
