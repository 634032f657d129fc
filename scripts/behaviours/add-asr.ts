/**
 * Fills the `asr` field of a behaviour set (docs/BEHAVIOURS.md): each item's `text` spoken by
 * espeak-ng (voice and rate varying by item, deterministic) and transcribed by the shipped
 * Moonshine path, i.e. the words the product would read. Items that already have `asr` are kept.
 *
 *   npx tsx scripts/behaviours/add-asr.ts data/behaviours/dev-set.jsonl [--out FILE] [--every K]
 *
 * `--every K`: only every K-th item (a deterministic subset, when time is short; the evaluation
 * scores the `asr` view on the items that have it).
 *
 * Audio is cached under .cache/chain (gitignored), like the question chain (scripts/speech/build-chain.ts).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createNodeMoonshineTranscriber } from '../../src/adapters/speech/moonshine-node';
import { splitLongAudio } from '../speech/chain/pieces';
import { CHAIN_RATES_WPM, CHAIN_VOICES, espeakAvailable, speak } from '../speech/chain/speak';
import { parseBehaviourSet } from './behaviour-set';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, every: { type: 'string', default: '1' } } });
const every = Number(values.every);
const input = positionals[0];
if (!input) {
  console.error('usage: npx tsx scripts/behaviours/add-asr.ts SET.jsonl [--out FILE] [--every K]');
  process.exit(2);
}
if (!espeakAvailable()) {
  console.error('espeak-ng is not installed (apt-get install espeak-ng): nothing to speak with');
  process.exit(2);
}
const items = parseBehaviourSet(readFileSync(input, 'utf8'), input);
const transcriber = await createNodeMoonshineTranscriber();
const out = values.out ?? input;
let done = 0;
for (const [i, item] of items.entries()) {
  if (item.asr !== undefined || i % every !== 0) continue;
  const pcm = speak('.cache/chain', item.text, CHAIN_VOICES[i % CHAIN_VOICES.length]!, CHAIN_RATES_WPM[(i * 7) % CHAIN_RATES_WPM.length]!);
  const texts: string[] = [];
  for (const piece of splitLongAudio(pcm)) {
    const t = await transcriber.transcribe(piece);
    if (t.text !== '') texts.push(t.text);
  }
  item.asr = texts.join(' ');
  if (++done % 20 === 0) console.log(`${done} transcribed`);
}
transcriber.dispose();
// The original field order, `asr` after `text`, one item a line.
const lines = items.map(({ id, text, asr, ...rest }) => JSON.stringify({ id, text, asr, ...rest }));
writeFileSync(`${out}.tmp`, lines.join('\n') + '\n');
renameSync(`${out}.tmp`, out);
console.log(`${done} items transcribed; ${items.length} written to ${out}`);
