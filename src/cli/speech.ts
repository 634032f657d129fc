/**
 * `attune analyze --transcribe`: the live extension's speech path (segmenter, Moonshine,
 * classifier) run over a WAV file's clinician channel in Node.
 */
import type { AdaptationLayer } from '../core/questions/adaptation';
import { classifyUtterance } from '../core/questions/classify';
import type { LabelledUtterance } from '../core/session/schema';
import { createSpeechPipeline, type SpeechPipeline } from '../core/speech/speech-pipeline';
import type { Transcriber } from '../core/speech/transcriber';
import type { TalkEngineOptions } from '../core/talk/talk-engine';
import { SpeechAssetError } from '../adapters/speech/moonshine-files-node';
import { createNodeMoonshineTranscriber } from '../adapters/speech/moonshine-node';
import { CliError } from './cli-error';

export interface CliSpeech {
  hooks: { engine: TalkEngineOptions; clinicianRate(rate: number): void; clinicianSamples(samples: Float32Array): void };
  /** Closes the last utterance at the end of the recording and waits for every transcription. */
  finish(durationS: number): Promise<LabelledUtterance[]>;
  dispose(): void;
}

export async function createCliSpeech(adaptation?: AdaptationLayer): Promise<CliSpeech> {
  let transcriber: Transcriber;
  try {
    transcriber = await createNodeMoonshineTranscriber();
  } catch (error) {
    if (error instanceof SpeechAssetError) throw new CliError(error.message);
    throw error;
  }
  let pipeline: SpeechPipeline | null = null;
  const need = () => {
    if (!pipeline) throw new Error('clinician sample rate not set');
    return pipeline;
  };
  return {
    hooks: {
      engine: { onSpeechEvent: (speaker, event, frame) => need().onSpeechEvent(speaker, event, frame) },
      clinicianRate(rate) {
        // The CLI reads the clinician's own recording: the text is what the user asked for.
        pipeline = createSpeechPipeline({ sampleRate: rate, transcriber, classify: classifyUtterance, keepText: true, ...(adaptation && { adaptation }) });
      },
      clinicianSamples: (samples) => need().pushClinicianSamples(samples),
    },
    async finish(durationS) {
      const p = need();
      p.finish(Math.round(durationS * 100));
      await p.settled();
      const failures = p.stats().failures;
      if (failures > 0) throw new CliError(`speech-to-text failed on ${failures} utterance(s): ${p.live().status.message ?? 'unknown error'}`);
      return p.utterances();
    },
    dispose: () => transcriber.dispose(),
  };
}
