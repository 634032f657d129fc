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

  it.each(Object.keys(EXPECTED))('%s: close transcript and the right label', async (name) => {
    const { text } = await transcriber.transcribe(readFixture(name));
    expect(wordAccuracy(text, EXPECTED[name]!.text)).toBeGreaterThanOrEqual(0.8);
    expect(classifyUtterance({ text, prevText: null }).label).toBe(EXPECTED[name]!.label);
  }, 30_000);

  it('returns nothing for silence and for a blip too short to be speech', async () => {
    expect((await transcriber.transcribe(new Float32Array(800))).text).toBe('');
    const silence = await transcriber.transcribe(new Float32Array(16000));
    expect(silence.text.replace(/[^\p{L}]/gu, '').length).toBeLessThan(12);
  }, 30_000);
});
