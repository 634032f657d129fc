/**
 * Moonshine in Node (the CLI and the tests): the same model files, checksums and decoding as
 * the extension, on onnxruntime-web's WebAssembly backend with one thread.
 */
import * as ort from 'onnxruntime-web';
import { pathToFileURL } from 'node:url';
import type { Transcriber } from '../../core/speech/transcriber';
import { createMoonshineTranscriber } from './moonshine-model';
import { readMoonshineFiles, REPO_NODE_MODULES } from './moonshine-files-node';

export async function createNodeMoonshineTranscriber(nodeModules = REPO_NODE_MODULES): Promise<Transcriber> {
  const files = await readMoonshineFiles(nodeModules);
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = { wasm: pathToFileURL(files.wasmPath).href };
  ort.env.logLevel = 'error';
  return createMoonshineTranscriber(ort, { encoder: files.encoder, decoder: files.decoder, vocabularyText: files.vocabularyText });
}
