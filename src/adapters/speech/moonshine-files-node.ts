/**
 * Node side of the speech assets: finds them in node_modules, checks their SHA-256 against
 * moonshine-assets.ts and extracts the token vocabulary. Used by the build step (to copy them
 * into the extension) and by the CLI (to transcribe in Node with the very same files).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEECH_ASSETS, type SpeechAsset } from './moonshine-assets';

export const REPO_NODE_MODULES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../node_modules');

export class SpeechAssetError extends Error {
  override name = 'SpeechAssetError';
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Reads one asset's source file and verifies its checksum; throws a SpeechAssetError saying what to do. */
export async function readVerifiedAsset(asset: SpeechAsset, nodeModules = REPO_NODE_MODULES): Promise<{ path: string; bytes: Uint8Array }> {
  const path = join(nodeModules, asset.source);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new SpeechAssetError(`speech model file missing: ${path} (run npm ci)`);
  }
  const actual = sha256(bytes);
  if (actual !== asset.sha256) {
    throw new SpeechAssetError(
      `checksum mismatch for ${asset.source}: expected ${asset.sha256}, got ${actual}. ` +
        `The installed package differs from the reviewed one; pin the version in package.json or review the new file and update src/adapters/speech/moonshine-assets.ts.`,
    );
  }
  return { path, bytes };
}

const VOCAB_PATTERN = /const llama_vocab_base64 = "([A-Za-z0-9+/=]+)"/;

/** The vocabulary (one token per id) from llama-tokenizer-js's source, as newline-separated text. */
export function vocabularyTextFromTokenizerSource(source: string): string {
  const match = VOCAB_PATTERN.exec(source);
  if (!match) throw new SpeechAssetError('llama-tokenizer-js: vocabulary not found in its source');
  return Buffer.from(match[1]!, 'base64').toString('utf8');
}

export interface MoonshineFiles {
  encoder: Uint8Array;
  decoder: Uint8Array;
  /** Newline-separated tokens, index = token id. */
  vocabularyText: string;
  /** Absolute path of onnxruntime-web's .wasm (for wasmPaths in Node). */
  wasmPath: string;
}

export async function readMoonshineFiles(nodeModules = REPO_NODE_MODULES): Promise<MoonshineFiles> {
  const [encoder, decoder, vocab, wasm] = await Promise.all([
    readVerifiedAsset(SPEECH_ASSETS.encoder, nodeModules),
    readVerifiedAsset(SPEECH_ASSETS.decoder, nodeModules),
    readVerifiedAsset(SPEECH_ASSETS.vocabulary, nodeModules),
    readVerifiedAsset(SPEECH_ASSETS.wasm, nodeModules),
  ]);
  return {
    encoder: encoder.bytes,
    decoder: decoder.bytes,
    vocabularyText: vocabularyTextFromTokenizerSource(new TextDecoder().decode(vocab.bytes)),
    wasmPath: wasm.path,
  };
}
