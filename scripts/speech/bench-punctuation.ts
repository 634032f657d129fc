/**
 * What the final-punctuation probabilities cost the transcriber (issue 13 §2): the time of one
 * softmax over Moonshine's vocabulary (punctuationProbs) against the time of a whole
 * transcription, measured in the same run on the speech fixtures. One softmax runs per utterance
 * (the tracker copies the candidate step's logits and computes at the end).
 *
 *   npx tsx scripts/speech/bench-punctuation.ts
 */
import { readFileSync } from 'node:fs';
import { decodeWavFrames, parseWavHeader } from '../../src/core/audio/wav';
import { findPunctuationTokenIds, punctuationProbs } from '../../src/core/speech/final-punctuation';
import { readMoonshineFiles } from '../../src/adapters/speech/moonshine-files-node';
import { createNodeMoonshineTranscriber } from '../../src/adapters/speech/moonshine-node';

const FIXTURES = ['open-sleeping', 'closed-coffee', 'open-help', 'reflection-worried', 'rise-question', 'fall-statement'];
const load = (name: string) => {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/speech/${name}.wav`));
  const h = parseWavHeader(bytes);
  return decodeWavFrames(h, bytes.subarray(h.dataOffset, h.dataOffset + h.dataBytes))[0]!;
};

const files = await readMoonshineFiles();
const ids = findPunctuationTokenIds(files.vocabularyText);
const VOCAB = 32_768; // Moonshine's logits width (32 000 shared tokens and its own specials), rounded up
// Spread like real logits: a few near the top, most far below (the skipped exps).
const logits = Float32Array.from({ length: VOCAB }, (_, i) => Math.sin(i) * 30);
const REPEATS = 2000;
let sink = 0;
let t = performance.now();
for (let r = 0; r < REPEATS; r++) sink += punctuationProbs(logits, 0, VOCAB, ids).question;
const softmaxMs = (performance.now() - t) / REPEATS;

const transcriber = await createNodeMoonshineTranscriber();
await transcriber.transcribe(load(FIXTURES[0]!)); // warm-up
let transcribeMs = 0;
let softmaxCalls = 0;
for (const name of FIXTURES) {
  t = performance.now();
  await transcriber.transcribe(load(name));
  transcribeMs += performance.now() - t;
  softmaxCalls++;
}
transcriber.dispose();
const extraMs = softmaxCalls * softmaxMs;
console.log(`one softmax over ${VOCAB} logits: ${(softmaxMs * 1000).toFixed(0)} µs (checksum ${sink.toFixed(3)})`);
console.log(
  `${FIXTURES.length} utterances: transcription ${transcribeMs.toFixed(0)} ms, softmaxes ${softmaxCalls} × ${softmaxMs.toFixed(3)} ms = ${extraMs.toFixed(2)} ms ` +
    `(${((100 * extraMs) / transcribeMs).toFixed(2)}% of the transcription time)`,
);
