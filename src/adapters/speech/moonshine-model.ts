/**
 * Moonshine-tiny run with onnxruntime-web (WebAssembly, one thread): an encoder over the raw
 * 16 kHz waveform, then greedy decoding with the merged decoder and its key/value cache. The
 * same code runs in the offscreen document's worker and in Node (the CLI, the tests).
 */
import type * as Ort from 'onnxruntime-web';
import { createTokenDecoder } from '../../core/speech/token-decoder';
import { createFinalPunctuationTracker, findPunctuationTokenIds } from '../../core/speech/final-punctuation';
import type { Transcriber, Transcript } from '../../core/speech/transcriber';
import { MOONSHINE_TINY } from './moonshine-assets';

type OrtModule = typeof Ort;

export interface MoonshineSources {
  /** Model bytes (Node) or URLs (the extension's own files). */
  encoder: Uint8Array | string;
  decoder: Uint8Array | string;
  vocabularyText: string;
}

/** Shortest audio worth decoding: the encoder needs a few frames, and a 0.1 s blip says nothing. */
const MIN_SAMPLES = 1600;

export async function createMoonshineTranscriber(ort: OrtModule, sources: MoonshineSources): Promise<Transcriber> {
  const options: Ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  const create = (model: Uint8Array | string) =>
    typeof model === 'string' ? ort.InferenceSession.create(model, options) : ort.InferenceSession.create(model, options);
  // One after the other, the larger first: onnxruntime's WebAssembly heap only grows, and two
  // sessions built at once leave it at both builds' peaks together. Its size after loading and after
  // transcribing (Node): 102 / 135 MB so, 122 / 146 encoder first, 129 / 155 together (docs/INTERNALS.md).
  const decoder = await create(sources.decoder);
  const encoder = await create(sources.encoder);
  const tokens = createTokenDecoder(sources.vocabularyText);
  const punctuationIds = findPunctuationTokenIds(sources.vocabularyText);
  const { layers, kvHeads, headDim, startTokenId, endTokenId, maxTokensPerS } = MOONSHINE_TINY;
  const cacheNames = Array.from({ length: layers }, (_, layer) =>
    (['decoder', 'encoder'] as const).flatMap((part) => (['key', 'value'] as const).map((kv) => `${layer}.${part}.${kv}`)),
  ).flat();
  // After the first step the cross-attention cache is fixed: its outputs are not fetched, so they
  // are not copied out of the WebAssembly heap into new JS arrays at every token (MBs per step).
  const firstStepOutputs = decoder.outputNames;
  const laterStepOutputs = decoder.outputNames.filter((name) => !name.includes('.encoder.'));

  async function transcribe(pcm16k: Float32Array): Promise<Transcript> {
    if (pcm16k.length < MIN_SAMPLES) return { text: '', finalPunctuation: null };
    const audio = new ort.Tensor('float32', pcm16k, [1, pcm16k.length]);
    const { last_hidden_state: hidden } = await encoder.run({ input_values: audio });
    const past: Record<string, Ort.Tensor> = {};
    for (const name of cacheNames) past[`past_key_values.${name}`] = new ort.Tensor('float32', new Float32Array(0), [1, kvHeads, 0, headDim]);
    const maxTokens = Math.max(1, Math.ceil((pcm16k.length / 16000) * maxTokensPerS));
    const out: number[] = [];
    const punctuation = createFinalPunctuationTracker(punctuationIds, endTokenId);
    let next: number = startTokenId;
    for (let step = 0; step < maxTokens; step++) {
      const feeds: Record<string, Ort.Tensor> = {
        input_ids: new ort.Tensor('int64', BigInt64Array.from([BigInt(next)]), [1, 1]),
        encoder_hidden_states: hidden!,
        use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
        ...past,
      };
      const result = await decoder.run(feeds, step === 0 ? firstStepOutputs : laterStepOutputs);
      const logits = result.logits!.data as Float32Array;
      const vocabSize = result.logits!.dims[result.logits!.dims.length - 1]!;
      next = argmaxLast(logits, vocabSize);
      punctuation.step(logits, logits.length - vocabSize, vocabSize, next);
      // The first step fills the cross-attention (encoder) cache; afterwards only the
      // self-attention (decoder) cache grows.
      for (const name of cacheNames) {
        if (step === 0 || name.includes('.decoder.')) {
          past[`past_key_values.${name}`]?.dispose?.();
          past[`past_key_values.${name}`] = result[`present.${name}`]!;
        }
      }
      if (next === endTokenId) break;
      out.push(next);
    }
    for (const tensor of Object.values(past)) tensor.dispose?.();
    return { text: tokens.decode(out).trim(), finalPunctuation: punctuation.result() };
  }

  // One utterance at a time: the sessions are not re-entrant.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    transcribe(pcm16k) {
      const run = queue.then(() => transcribe(pcm16k));
      queue = run.catch(() => undefined);
      return run;
    },
    dispose() {
      void encoder.release();
      void decoder.release();
    },
  };
}

/** Index of the largest logit at the last position of a [1, seq, vocab] tensor. */
function argmaxLast(logits: Float32Array, vocab: number): number {
  const offset = logits.length - vocab;
  let best = 0;
  let max = -Infinity;
  for (let i = 0; i < vocab; i++) {
    const x = logits[offset + i]!;
    if (x > max) {
      max = x;
      best = i;
    }
  }
  return best;
}
