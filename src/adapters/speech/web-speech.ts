/**
 * Chrome's Web Speech API as a Transcriber (the optional engine; engine-choice.ts decides when
 * it may run). Each utterance's samples are played into a Web Audio stream whose track is given
 * to `SpeechRecognition.start(track)` (Chrome 135+), so recognition hears exactly the
 * clinician's utterance — never the patient — and needs no microphone of its own.
 */
import type { WebSpeechAvailability } from '../../core/speech/engine-choice';
import type { Transcriber } from '../../core/speech/transcriber';

/** The parts of the (not yet typed) Chrome API used here. */
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  processLocally?: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string; message?: string }) => void) | null;
  onend: (() => void) | null;
  start(track?: MediaStreamTrack): void;
  stop(): void;
  abort(): void;
}
interface RecognitionClass {
  new (): Recognition;
  available?(options: { langs: string[]; processLocally: boolean }): Promise<string>;
}

const LANG = 'en-US';
/** After the utterance has played, recognition gets this long to return its result, ms. */
const FINISH_AFTER_MS = 1500;

function recognitionClass(): RecognitionClass | null {
  const g = globalThis as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return g.SpeechRecognition ?? g.webkitSpeechRecognition ?? null;
}

/**
 * Whether on-device recognition of English is installed. `unsupported` where there is no
 * recognition that can take a track (Chrome before 139 exposes no `available()` either).
 */
export async function probeWebSpeech(): Promise<WebSpeechAvailability> {
  const Class = recognitionClass();
  if (!Class || typeof Class.available !== 'function') return 'unsupported';
  try {
    const answer = await Class.available({ langs: [LANG], processLocally: true });
    return answer === 'available' || answer === 'downloadable' || answer === 'downloading' ? answer : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

export function createWebSpeechTranscriber(options: { processLocally: boolean }): Transcriber {
  const Class = recognitionClass();
  if (!Class) throw new Error('Web Speech recognition is not available in this browser');
  const context = new AudioContext({ sampleRate: 16000 });
  let queue: Promise<unknown> = Promise.resolve();

  async function transcribeOne(pcm16k: Float32Array): Promise<{ text: string }> {
    await context.resume();
    const buffer = context.createBuffer(1, pcm16k.length, 16000);
    buffer.copyToChannel(pcm16k.slice(), 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    const destination = context.createMediaStreamDestination();
    source.connect(destination);
    const track = destination.stream.getAudioTracks()[0]!;
    const recognition = new Class!();
    recognition.lang = LANG;
    recognition.continuous = true;
    recognition.interimResults = false;
    if (options.processLocally) recognition.processLocally = true;
    try {
      return await new Promise<{ text: string }>((resolve, reject) => {
        const parts: string[] = [];
        recognition.onresult = (event) => {
          parts.length = 0;
          for (let i = 0; i < event.results.length; i++) if (event.results[i]!.isFinal) parts.push(event.results[i]![0]!.transcript);
        };
        recognition.onerror = (event) => (event.error === 'no-speech' ? resolve({ text: '' }) : reject(new Error(`Web Speech: ${event.error}`)));
        recognition.onend = () => resolve({ text: parts.join(' ').trim() });
        recognition.start(track);
        source.onended = () => setTimeout(() => recognition.stop(), FINISH_AFTER_MS);
        source.start();
      });
    } finally {
      track.stop();
      source.disconnect();
    }
  }

  return {
    transcribe(pcm16k) {
      const run = queue.then(() => transcribeOne(pcm16k));
      queue = run.catch(() => undefined);
      return run;
    },
    dispose: () => void context.close().catch(() => undefined),
  };
}
