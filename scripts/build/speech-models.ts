/**
 * Build step: puts the speech-to-text files into the extension (hooked into wxt.config.ts on
 * `build:publicAssets`). Each file is read from node_modules and its SHA-256 checked against
 * src/adapters/speech/moonshine-assets.ts; a mismatch fails the build with the reason, so a
 * changed model or runtime can never ship unnoticed. Nothing is fetched from the network.
 */
import type { ResolvedPublicFile, Wxt } from 'wxt';
import { SPEECH_ASSETS } from '../../src/adapters/speech/moonshine-assets';
import { readVerifiedAsset, vocabularyTextFromTokenizerSource } from '../../src/adapters/speech/moonshine-files-node';

export async function addSpeechModels(wxt: Wxt, files: ResolvedPublicFile[]): Promise<void> {
  try {
    for (const asset of [SPEECH_ASSETS.encoder, SPEECH_ASSETS.decoder, SPEECH_ASSETS.wasm]) {
      const { path } = await readVerifiedAsset(asset);
      files.push({ absoluteSrc: path, relativeDest: asset.dest });
    }
    const tokenizer = await readVerifiedAsset(SPEECH_ASSETS.vocabulary);
    files.push({ contents: vocabularyTextFromTokenizerSource(new TextDecoder().decode(tokenizer.bytes)), relativeDest: SPEECH_ASSETS.vocabulary.dest });
  } catch (error) {
    wxt.logger.error(`speech models: ${(error as Error).message}`);
    throw new Error(`Attune build stopped: ${(error as Error).message}`);
  }
}
