import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeMoonshineTranscriber } from '../../../src/adapters/speech/moonshine-node';
import { classifyUtterance } from '../../../src/core/questions/classify';
import type { Transcriber } from '../../../src/core/speech/transcriber';
import { EXPECTED, readFixture, wordAccuracy } from './speech-fixtures';

// The real Moonshine-tiny model from node_modules on espeak-ng speech (tests/fixtures/speech/make.sh).
describe('Moonshine-tiny transcriber (Node, onnxruntime-web wasm)', () => {
  let transcriber: Transcriber;
  beforeAll(async () => {
    transcriber = await createNodeMoonshineTranscriber();
  }, 60_000);
  afterAll(() => transcriber?.dispose());

  it('transcribes a question word for word, with its question mark', async () => {
    const { text } = await transcriber.transcribe(readFixture('open-sleeping'));
    expect(text).toBe('How have you been sleeping?');
  }, 30_000);

  it('gives the decoder\'s probability of "?" where the utterance ends: high for a question, low for a statement', async () => {
    const question = (await transcriber.transcribe(readFixture('open-sleeping'))).finalPunctuation!;
    expect(question.question).toBeGreaterThan(0.5);
    expect(question.question).toBeGreaterThan(question.period);
    const statement = (await transcriber.transcribe(readFixture('reflection-worried'))).finalPunctuation!;
    expect(statement.period).toBeGreaterThan(0.5);
    expect(statement.question).toBeLessThan(0.2);
    // The same words said rising and falling both come out with "." (the text lost the question),
    // yet the rising one leaves "?" about four times likelier (0.024 vs 0.006 at this model's checksum).
    const rising = (await transcriber.transcribe(readFixture('rise-question'))).finalPunctuation!;
    const falling = (await transcriber.transcribe(readFixture('fall-statement'))).finalPunctuation!;
    expect(rising.question).toBeGreaterThan(2 * falling.question);
    for (const p of [question, statement]) expect(p.question + p.period + p.comma).toBeLessThanOrEqual(1 + 1e-6);
  }, 30_000);

  it.each(Object.keys(EXPECTED))('%s: close transcript and the right label', async (name) => {
    const { text } = await transcriber.transcribe(readFixture(name));
    expect(wordAccuracy(text, EXPECTED[name]!.text)).toBeGreaterThanOrEqual(0.8);
    expect(classifyUtterance({ text, prevText: null }).label).toBe(EXPECTED[name]!.label);
  }, 30_000);

  it('returns nothing for silence and for a blip too short to be speech', async () => {
    expect(await transcriber.transcribe(new Float32Array(800))).toEqual({ text: '', finalPunctuation: null });
    const silence = await transcriber.transcribe(new Float32Array(16000));
    expect(silence.text.replace(/[^\p{L}]/gu, '').length).toBeLessThan(12);
  }, 30_000);
});
