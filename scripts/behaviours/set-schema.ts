/**
 * The behaviour sets' line format (docs/BEHAVIOUR-LABELLING.md; agreed in issue 16): one schema,
 * with the behaviour names from the shared BEHAVIOURS list, for the held-out test set and the
 * AnnoMI second pass (ids and labels only: AnnoMI text never enters the repository).
 */
import * as v from 'valibot';
import { BEHAVIOURS } from '../../src/core/behaviours/labels';

const behaviourList = v.pipe(
  v.array(v.picklist(BEHAVIOURS)),
  v.check((list) => new Set(list).size === list.length, 'a behaviour is listed twice'),
);

export const BehaviourItemSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'ids are lower-case words joined by "-"')),
    text: v.pipe(v.string(), v.trim(), v.minLength(1)),
    asr: v.optional(v.string()),
    behaviours: behaviourList,
    hardNegativeFor: behaviourList,
    precedingClinician: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.maxLength(3)),
    setting: v.pipe(v.string(), v.minLength(1)),
  }),
  v.check((item) => item.hardNegativeFor.every((b) => !item.behaviours.includes(b)), 'a hard negative for a behaviour cannot show it'),
);
export type BehaviourItem = v.InferOutput<typeof BehaviourItemSchema>;

/** One AnnoMI therapist utterance's behaviours: no text fields at all (strict). */
export const SecondPassRowSchema = v.strictObject({
  transcript_id: v.pipe(v.number(), v.integer(), v.minValue(0)),
  utterance_id: v.pipe(v.number(), v.integer(), v.minValue(0)),
  behaviours: behaviourList,
});
export type SecondPassRow = v.InferOutput<typeof SecondPassRowSchema>;

/** Parses JSONL; throws with the line number on the first line that does not fit the schema. */
export function parseLines<S extends v.GenericSchema>(jsonl: string, schema: S, source: string): v.InferOutput<S>[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line, lineNo: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, lineNo }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${source}:${lineNo}: not JSON`);
      }
      const result = v.safeParse(schema, value);
      if (!result.success) throw new Error(`${source}:${lineNo}: ${result.issues.map((i) => i.message).join('; ')}`);
      return result.output;
    });
}
