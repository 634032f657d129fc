/**
 * The speech-to-text files the extension ships, where they come from in node_modules and their
 * SHA-256 checksums. The build step (scripts/build/speech-models.ts) and the CLI both refuse a
 * file whose checksum differs: a changed model must be a deliberate, reviewed change here.
 *
 * - Moonshine-tiny English, quantized (@usefulsensors/moonshine-js 0.1.21, MIT).
 * - Its token vocabulary: Moonshine shares the first 32 000 ids with the LLaMA SentencePiece
 *   vocabulary, which llama-tokenizer-js (MIT, a dependency of moonshine-js) embeds as base64
 *   text; the build extracts it into a plain list, one token per line.
 * - onnxruntime-web's single-threaded SIMD WebAssembly, matching the `onnxruntime-web/wasm`
 *   bundle the worker imports (the JavaScript glue is bundled; only the .wasm is fetched).
 */
export interface SpeechAsset {
  /** Path inside the extension (and the URL path the worker fetches). */
  dest: string;
  /** Package and path inside node_modules. */
  source: string;
  sha256: string;
}

export const MOONSHINE_DIR = 'speech';

export const SPEECH_ASSETS = {
  encoder: {
    dest: `${MOONSHINE_DIR}/moonshine-tiny-encoder.onnx`,
    source: '@usefulsensors/moonshine-js/dist/model/tiny/quantized/encoder_model.onnx',
    sha256: 'c6fc4b7bc5af75c0591fd157a1f3829b533d18e9769a888fd95a62e470dd4f4a',
  },
  decoder: {
    dest: `${MOONSHINE_DIR}/moonshine-tiny-decoder.onnx`,
    source: '@usefulsensors/moonshine-js/dist/model/tiny/quantized/decoder_model_merged.onnx',
    sha256: 'eed87831c3a6103534aae7d47a5d485025c659a1323901513961c39fe8a1a367',
  },
  /** The source is JavaScript holding the vocabulary; `dest` is the extracted list. */
  vocabulary: {
    dest: `${MOONSHINE_DIR}/moonshine-vocab.txt`,
    source: 'llama-tokenizer-js/llama-tokenizer.js',
    sha256: '34a7b9f7579d40486444590c37cba6564ef40c3dd98ecdfc2f7c886ae72c898d',
  },
  wasm: {
    dest: `${MOONSHINE_DIR}/ort-wasm-simd-threaded.wasm`,
    source: 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm',
    sha256: '3398c10d07d229bd91b364548e130e0e51a8e5704b88c7c083ebbeb78842dee2',
  },
} as const satisfies Record<string, SpeechAsset>;

/** Moonshine-tiny's shape and special tokens (from the model's config). */
export const MOONSHINE_TINY = {
  layers: 6,
  kvHeads: 8,
  headDim: 36,
  startTokenId: 1,
  endTokenId: 2,
  /** Longest transcript per second of audio: stops a decoder that never says "end". */
  maxTokensPerS: 6,
} as const;
