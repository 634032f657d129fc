/**
 * The Moonshine worker (started by the engine host in the offscreen document): loads the model
 * from the extension's own files — onnxruntime's WebAssembly included, never a CDN — and
 * transcribes one utterance at a time. Audio arrives as transferred buffers and is dropped after.
 */
import * as ort from 'onnxruntime-web/wasm';
import type { Transcriber } from '../../core/speech/transcriber';
import { createMoonshineTranscriber } from './moonshine-model';
import type { FromSpeechWorker, ToSpeechWorker } from './moonshine-worker-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToSpeechWorker>) => void) | null;
  postMessage(message: FromSpeechWorker): void;
}

export function runMoonshineWorker(scope: WorkerScope): void {
  let transcriber: Promise<Transcriber> | null = null;
  const reply = (message: FromSpeechWorker) => scope.postMessage(message);
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  scope.onmessage = ({ data }) => {
    if (data.type === 'load') {
      if (transcriber) return;
      const started = performance.now();
      ort.env.wasm.numThreads = 1; // the call and the talk engine need the other core
      ort.env.wasm.proxy = false;
      ort.env.wasm.wasmPaths = { wasm: data.wasmUrl };
      ort.env.logLevel = 'error';
      transcriber = fetch(data.vocabularyUrl)
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`vocabulary: HTTP ${r.status}`))))
        .then((vocabularyText) => createMoonshineTranscriber(ort, { encoder: data.encoderUrl, decoder: data.decoderUrl, vocabularyText }));
      transcriber.then(
        () => reply({ type: 'ready', loadMs: Math.round(performance.now() - started) }),
        (error) => reply({ type: 'load-failed', message: describe(error) }),
      );
      return;
    }
    const { id, pcm16k } = data;
    if (!transcriber) {
      reply({ type: 'transcribe-failed', id, message: 'the speech model is not loaded' });
      return;
    }
    const started = performance.now();
    transcriber
      .then((t) => t.transcribe(pcm16k))
      .then(
        ({ text, finalPunctuation }) =>
          reply({ type: 'transcript', id, text, finalPunctuation: finalPunctuation ?? null, ms: Math.round(performance.now() - started) }),
        (error) => reply({ type: 'transcribe-failed', id, message: describe(error) }),
      );
  };
}
