/**
 * Reading a listening-behaviour set (the DEV and TEST sets' JSONL format, notes in
 * docs/BEHAVIOURS.md): one item per line, validated, with a message naming the line for bad input.
 */
import * as v from 'valibot';
import { BEHAVIOURS } from '../../src/core/behaviours/labels';

const Behaviours = v.array(v.picklist(BEHAVIOURS));
export const BehaviourItemSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  text: v.pipe(v.string(), v.minLength(1)),
  asr: v.optional(v.string()),
  behaviours: Behaviours,
  hardNegativeFor: v.optional(Behaviours, []),
  precedingClinician: v.optional(v.pipe(v.array(v.string()), v.maxLength(3)), []),
  setting: v.optional(v.string()),
});
export type BehaviourItem = v.InferOutput<typeof BehaviourItemSchema>;

/** Parses the file's text; throws an Error naming the first bad line (and its id when it has one). */
export function parseBehaviourSet(text: string, name: string): BehaviourItem[] {
  const items: BehaviourItem[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not JSON`);
    }
    const parsed = v.safeParse(BehaviourItemSchema, json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.') ?? '(item)';
      throw new Error(`${name}:${i + 1}: ${where}: ${issue.message}`);
    }
    if (ids.has(parsed.output.id)) throw new Error(`${name}:${i + 1}: duplicate id ${parsed.output.id}`);
    ids.add(parsed.output.id);
    items.push(parsed.output);
  });
  return items;
}
