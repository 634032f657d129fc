/**
 * The product's condition for the behaviour test set (issue 16): each item's text spoken by
 * espeak-ng and transcribed by the shipped Moonshine path (the same speech chain as the AnnoMI
 * one: scripts/speech/chain), written into the item's `asr` field. Voice and rate follow from a
 * hash of the item's id, so they are deterministic and do not shift when items are added.
 *
 *   npm run build:behaviour-asr [-- --file data/behaviours/test-set.jsonl] [--limit N]
 *
 * Items that already have `asr` keep it unless --redo is given. The file is rewritten
 * (atomically) every 25 items, so a run that is stopped keeps what it has done.
 * Audio and transcripts are cached under .cache/chain (gitignored).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENGINE_SAMPLE_RATE } from '../../src/core/audio/constants';
import { createNodeMoonshineTranscriber } from '../../src/adapters/speech/moonshine-node';
import { hear, heardKey } from '../speech/chain/hear';
import { CHAIN_RATES_WPM, CHAIN_VOICES, espeakAvailable, speak } from '../speech/chain/speak';
import { BehaviourItemSchema, parseLines, type BehaviourItem } from './set-schema';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: 'data/behaviours/test-set.jsonl' },
    limit: { type: 'string' },
    redo: { type: 'boolean', default: false },
  },
});
if (!existsSync(values.file)) {
  console.error(`no such file: ${values.file}`);
  process.exit(2);
}
if (!espeakAvailable()) {
  console.error('espeak-ng is not installed (apt-get install espeak-ng): nothing to speak with');
  process.exit(2);
}
const CACHE = '.cache/chain';
const SAVE_EVERY = 25;

/** Voice and rate from the id's hash: every voice and rate used, independent of the file's order. */
function voiceForId(id: string): { voice: string; rateWpm: number } {
  const digest = createHash('sha256').update(id).digest();
  return {
    voice: CHAIN_VOICES[digest[0]! % CHAIN_VOICES.length]!,
    rateWpm: CHAIN_RATES_WPM[digest[1]! % CHAIN_RATES_WPM.length]!,
  };
}

/** The format's key order (id, text, asr, …) so that the committed file diffs cleanly. */
function withAsr(item: BehaviourItem, asr: string): BehaviourItem {
  const { id, text, behaviours, hardNegativeFor, precedingClinician, setting } = item;
  return { id, text, asr, behaviours, hardNegativeFor, precedingClinician, setting };
}

function save(items: BehaviourItem[]): void {
  const tmp = `${values.file}.${process.pid}.tmp`;
  writeFileSync(tmp, items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  renameSync(tmp, values.file);
}

const items = parseLines(readFileSync(values.file, 'utf8'), BehaviourItemSchema, values.file);
const todo = items
  .map((item, index) => ({ item, index }))
  .filter(({ item }) => values.redo || item.asr === undefined)
  .slice(0, values.limit ? Number(values.limit) : undefined);

const transcriber = await createNodeMoonshineTranscriber();
const started = performance.now();
let audioS = 0;
let transcribeS = 0;
for (const [n, { item, index }] of todo.entries()) {
  const { voice, rateWpm } = voiceForId(item.id);
  const pcm = speak(CACHE, item.text, voice, rateWpm);
  const heard = await hear(transcriber, pcm, CACHE, heardKey(voice, rateWpm, item.text));
  items[index] = withAsr(item, heard.text);
  if (!heard.cached) {
    audioS += pcm.length / ENGINE_SAMPLE_RATE;
    transcribeS += heard.transcribeMs / 1000;
  }
  if ((n + 1) % SAVE_EVERY === 0 || n === todo.length - 1) {
    save(items);
    console.error(`${n + 1}/${todo.length} items, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}
transcriber.dispose();
console.log(
  `${todo.length} items transcribed into ${values.file} (${items.length} in all); ` +
    `new audio ${audioS.toFixed(0)} s in ${transcribeS.toFixed(0)} s, real-time factor ${(audioS > 0 ? transcribeS / audioS : NaN).toFixed(3)}`,
);
