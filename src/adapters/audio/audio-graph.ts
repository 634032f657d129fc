import { ENGINE_SAMPLE_RATE } from '../../core/audio/constants';
import { FRAME_TAP_NAME } from './frame-tap-processor';
import { readPlaybackHealth, type PlaybackHealth } from './playback-health';

/**
 * The engine host's Web Audio graph: the microphone (and the captured call tab) into the frame
 * tap, and the captured tab played back, since capturing a tab mutes it.
 *
 * The analysis runs at the engine's 16 kHz where the browser resamples a capture for the
 * context (Chrome): a third of the render quanta, worklet calls and samples posted to the main
 * thread, and no resampling there, than at the device's 48 kHz. The clinician hears the patient
 * at full quality through a second context at the device's rate that only plays the tab back.
 * Firefox refuses to connect a capture to a context at another rate; there the one context runs
 * at the device's rate and plays the tab itself.
 */
export interface AudioGraph {
  /** The analysis context; its rate is the rate of the samples the tap posts. */
  context: AudioContext;
  tap: AudioWorkletNode;
  /** What the clinician hears of the captured tab so far; null without a tab or where the browser does not count it. */
  playbackHealth(): PlaybackHealth | null;
  close(): Promise<void>;
}

/**
 * The captured tab is the patient's voice in a live conversation, so it is played with the least
 * buffering ('interactive'): 'playback' buffered 68 ms at the output against 31 ms (Chromium 150,
 * its playbackStats), and every millisecond the clinician hears the patient late is one more in
 * which both talk at once. The analysis context plays nothing the clinician hears and keeps the
 * larger buffers (fewer wake-ups).
 */
const TAB_PLAYBACK_LATENCY: AudioContextLatencyCategory = 'interactive';
const ANALYSIS_LATENCY: AudioContextLatencyCategory = 'playback';

/**
 * A constant the playback context adds to the tab's sound, far below the output's last bit
 * (2^-20, -120 dBFS; 16-bit output rounds it to 0). Chrome tells the browser process each time a
 * context's output turns from exact zeros to sound or back, with no hold time: a media-session
 * player and an audio-focus request start or end each time. A captured tab's sound has exact
 * zeros between words and whenever the capture delivers a quantum late, so the playback context
 * toggled about 30 times a second: 3% of a core on the browser's main thread, more than the
 * offscreen document's own main thread (traced in the bench's visit, 2026-12-07). With the floor
 * it is "audible" once, for the whole visit. Its square must stay a normal float: the audio
 * thread flushes denormals to zero.
 */
export const PLAYBACK_FLOOR = 2 ** -20;

/** How long the audio engine may take to start before the visit fails with a reason. */
const AUDIO_START_MS = 10_000;

/**
 * Resumes an audio context, or fails with a reason: without a sound output device (seen in
 * Firefox) resume() never settles, and the panel would say "Starting…" forever.
 */
async function audioRunning(context: AudioContext): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('The browser’s audio engine did not start within 10 s. Check that a sound output device is available, then try again.')),
      AUDIO_START_MS,
    );
  });
  try {
    await Promise.race([context.resume(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The analysis context with a source per stream: at 16 kHz where the browser allows it. */
async function analysisSources(streams: MediaStream[]): Promise<{ context: AudioContext; sources: MediaStreamAudioSourceNode[] }> {
  const context = new AudioContext({ latencyHint: ANALYSIS_LATENCY, sampleRate: ENGINE_SAMPLE_RATE });
  try {
    return { context, sources: streams.map((s) => context.createMediaStreamSource(s)) };
  } catch (error) {
    await context.close().catch(() => undefined);
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
    // Here the one context also plays the tab back (openAudioGraph).
    const native = new AudioContext({ latencyHint: streams[1] ? TAB_PLAYBACK_LATENCY : ANALYSIS_LATENCY });
    return { context: native, sources: streams.map((s) => native.createMediaStreamSource(s)) };
  }
}

/** `streams[0]`: the microphone; `streams[1]`, when present: the captured call tab. */
export async function openAudioGraph(streams: MediaStream[], workletUrl: string): Promise<AudioGraph> {
  const contexts: AudioContext[] = [];
  const close = async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  };
  try {
    const { context, sources } = await analysisSources(streams);
    contexts.push(context);
    await context.audioWorklet.addModule(workletUrl);
    await audioRunning(context);
    const tap = new AudioWorkletNode(context, FRAME_TAP_NAME, { numberOfInputs: 2, numberOfOutputs: 1, outputChannelCount: [1] });
    tap.connect(context.destination); // the node only outputs silence; the connection keeps it pulled
    sources.forEach((source, input) => source.connect(tap, 0, input));
    const tab = streams[1];
    let heard: AudioContext | null = null;
    if (tab && context.sampleRate === ENGINE_SAMPLE_RATE) {
      const playback = new AudioContext({ latencyHint: TAB_PLAYBACK_LATENCY });
      heard = playback;
      contexts.push(playback);
      playback.createMediaStreamSource(tab).connect(playback.destination);
      const floor = new ConstantSourceNode(playback, { offset: PLAYBACK_FLOOR });
      floor.connect(playback.destination);
      floor.start();
      await audioRunning(playback);
    } else if (tab) {
      sources[1]!.connect(context.destination);
      heard = context;
    }
    const tabTrack = tab?.getAudioTracks()[0];
    return { context, tap, close, playbackHealth: () => (heard ? readPlaybackHealth(heard, tabTrack) : null) };
  } catch (error) {
    await close();
    throw error;
  }
}
