/**
 * The engine host's side of the Moonshine worker: a Transcriber whose calls wait until the
 * model has loaded, and a status the panel and options page can show.
 */
import type { SpeechStatus } from '../../core/session/schema';
import type { Transcriber, Transcript } from '../../core/speech/transcriber';
import { SPEECH_ASSETS } from './moonshine-assets';
import type { FromSpeechWorker, ToSpeechWorker } from './moonshine-worker-protocol';

export interface MoonshineWorkerOptions {
  workerUrl: string;
  /** The extension URL of a packaged file (e.g. `speech/moonshine-tiny-encoder.onnx`). */
  assetUrl(path: string): string;
  onStatus(status: SpeechStatus): void;
}

export function startMoonshineWorker(options: MoonshineWorkerOptions): Transcriber {
  const worker = new Worker(options.workerUrl, { type: 'module' });
  const pending = new Map<number, { resolve(transcript: Transcript): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: string | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  options.onStatus({ engine: 'moonshine', state: 'loading', message: null });

  const fail = (message: string) => {
    failure = message;
    options.onStatus({ engine: 'moonshine', state: 'error', message });
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
    markReady();
  };

  worker.onmessage = ({ data }: MessageEvent<FromSpeechWorker>) => {
    switch (data.type) {
      case 'ready':
        options.onStatus({ engine: 'moonshine', state: 'ready', message: null });
        markReady();
        break;
      case 'load-failed':
        fail(`The speech model could not load: ${data.message}`);
        break;
      case 'transcript':
        pending.get(data.id)?.resolve({ text: data.text, finalPunctuation: data.finalPunctuation });
        pending.delete(data.id);
        break;
      case 'transcribe-failed':
        pending.get(data.id)?.reject(new Error(data.message));
        pending.delete(data.id);
        break;
    }
  };
  worker.onerror = (event) => fail(`The speech worker stopped: ${event.message || 'unknown error'}`);

  const send = (message: ToSpeechWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  send({
    type: 'load',
    encoderUrl: options.assetUrl(SPEECH_ASSETS.encoder.dest),
    decoderUrl: options.assetUrl(SPEECH_ASSETS.decoder.dest),
    vocabularyUrl: options.assetUrl(SPEECH_ASSETS.vocabulary.dest),
    wasmUrl: options.assetUrl(SPEECH_ASSETS.wasm.dest),
  });

  return {
    async transcribe(pcm16k) {
      await ready;
      if (failure) throw new Error(failure);
      const id = nextId++;
      const copy = pcm16k.slice(); // transferred: the caller keeps its own
      return new Promise<Transcript>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'transcribe', id, pcm16k: copy }, [copy.buffer]);
      });
    },
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('speech-to-text stopped'));
      pending.clear();
    },
  };
}
