import { createLiveSession, type LiveSession } from '../../core/session/live-session';
import type { EngineToBackground } from '../../core/protocol/messages';
import type { LiveSessionResult } from '../../core/session/live-session';
import { FRAME_TAP_RETURN_PAIRS, type FrameTapBatch, type FrameTapReturn } from './frame-tap-processor';
import { openAudioGraph, type AudioGraph } from './audio-graph';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings/settings';
import type { AdaptationLayer } from '../../core/questions/adaptation';
import type { Transcriber } from '../../core/speech/transcriber';
import { startSpeech, type RunningSpeech, type SpeechHostOptions } from '../speech/start-speech';
import { gazeTrackerOptions, startGazePart, type GazePart } from '../vision/gaze-part';

/**
 * Hosts the engine in the offscreen document (Chrome) or the background page (Firefox):
 * captures the microphone and, when given a tab-capture stream id, the call's audio; frames
 * both through the AudioWorklet; runs the live session; reports aggregates only.
 */
export interface EngineHostOptions {
  send(message: EngineToBackground): void;
  workletUrl: string;
  /** How often the panel gets the live state; a change of speaker is also sent at once. */
  liveIntervalMs?: number;
  checkpointIntervalMs?: number;
  /** Speech-to-text of the clinician for question counts (absent: off, e.g. in a host without the worker). */
  speech?: SpeechHostOptions;
  /** Extension path → URL (the face worker and its files); gaze cues need it. */
  extensionUrl?: (path: string) => string;
}

/**
 * How often the panel gets the live state (a change of speaker and a new label go out at once):
 * each update crosses three processes (offscreen → service worker → call tab) and re-renders the
 * panel, whose clocks show whole seconds. At 250 ms this chain cost ~2.5% of a core (bench:visit).
 */
const LIVE_INTERVAL_MS = 1000;

/** How long the end of a visit waits for the last utterances' labels, ms. */
const SPEECH_SETTLE_MS = 5000;

/**
 * Microphone processing, chosen deliberately: echo cancellation on, so that a clinician on
 * laptop speakers does not have the patient counted as their own speech; automatic gain off,
 * because gain pumping moves the floor with every pause. Noise suppression off: it garbles words
 * for speech-to-text (Google's speech guidance: "all noise reduction processing should be
 * disabled"); in the demo visit it turned "Good morning, what would…" into "You're the
 * morning, what will…" and "How have…" into "I'll have…", two open questions miscounted, which
 * are right without it. The talk engine does not need it: it tracks its own noise floors and
 * meets its targets offline on noisy rooms (noise, babble, keyboard) with no suppression at all.
 * Chrome gives every capture of one device the same processing, so speech-to-text cannot have
 * its own unsuppressed track. The engine still expects residual echo and ducking (ALGORITHMS.md).
 */
export const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 1,
};

interface Running {
  sessionId: string;
  session: LiveSession;
  graph: AudioGraph;
  streams: MediaStream[];
  timers: ReturnType<typeof setInterval>[];
  /** Sends the live state at once when who is speaking changed. */
  sendOnSpeakerChange(): void;
  /** Sends the live state now (a pause or a microphone change shows at once). */
  sendLive(): void;
  speech: RunningSpeech | null;
  gaze: GazePart | null;
}

/**
 * The transcriber, with the live state sent as soon as a transcription is done (once the speech
 * pipeline has labelled it, a task later): a new question count shows at once, not at the next tick.
 */
function labelsShowAtOnce(transcriber: Transcriber, sendLive: () => void): Transcriber {
  return {
    transcribe(pcm16k) {
      const done = transcriber.transcribe(pcm16k);
      void done.finally(() => setTimeout(sendLive, 0)).catch(() => undefined);
      return done;
    },
    dispose: () => transcriber.dispose(),
  };
}

export function createEngineHost(options: EngineHostOptions) {
  let running: Running | null = null;

  async function stopCapture(r: Running): Promise<void> {
    r.timers.forEach(clearInterval);
    r.gaze?.stop();
    const playback = r.graph.playbackHealth();
    if (playback) console.debug('[attune] playback', JSON.stringify(playback));
    r.streams.forEach((s) => s.getTracks().forEach((t) => t.stop()));
    await r.graph.close();
  }

  /** The last utterance's label, within reason, then the model is let go. */
  async function stopSpeech(r: Running): Promise<void> {
    if (!r.speech) return;
    await Promise.race([r.session.settleSpeech(), new Promise((resolve) => setTimeout(resolve, SPEECH_SETTLE_MS))]);
    const stats = r.session.speech()?.stats();
    if (stats) console.debug('[attune] speech', JSON.stringify(stats));
    r.speech.transcriber.dispose();
  }

  return {
    async start(sessionId: string, tabStreamId: string | null, settings: Settings = DEFAULT_SETTINGS, adaptation?: AdaptationLayer, usualVisitS?: number): Promise<void> {
      if (running) {
        if (running.sessionId === sessionId) return;
        throw new Error('Attune is already coaching a visit in another tab. End that visit first.');
      }
      const streams: MediaStream[] = [];
      try {
        streams.push(await navigator.mediaDevices.getUserMedia({ audio: MIC_CONSTRAINTS, video: false }));
        if (tabStreamId) {
          // Chrome's tab-capture constraints are not in the standard typings.
          const tabConstraints = { mandatory: { chromeMediaSource: 'tab', chromeMediaSourceId: tabStreamId } } as unknown as MediaTrackConstraints;
          streams.push(await navigator.mediaDevices.getUserMedia({ audio: tabConstraints, video: false }));
        }
      } catch (error) {
        streams.forEach((s) => s.getTracks().forEach((t) => t.stop()));
        throw error;
      }
      let graph: AudioGraph;
      try {
        graph = await openAudioGraph(streams, options.workletUrl);
      } catch (error) {
        streams.forEach((s) => s.getTracks().forEach((t) => t.stop()));
        throw error;
      }
      const { context, tap } = graph;
      const gazeOn = settings.gazeEnabled && !!options.extensionUrl;
      const speech = options.speech ? await startSpeech(options.speech, settings) : null;
      const session = createLiveSession({
        sampleRate: context.sampleRate,
        settings,
        usualVisitS: usualVisitS ?? null,
        gaze: gazeOn ? gazeTrackerOptions() : null,
        ...(speech && {
          speech: {
            transcriber: labelsShowAtOnce(speech.transcriber, () => running?.session === session && sendLive()),
            // In memory only in privacy-local mode: checkpoints strip it, the background never stores it.
            keepText: true,
            status: speech.status(),
            nowMs: () => performance.now(),
            ...(adaptation && { adaptation }),
          },
        }),
      });
      speech?.onStatus((status) => session.speech()?.setStatus(status));
      let shownSpeaking = session.speakingNow();
      const sendLive = () => {
        shownSpeaking = session.speakingNow();
        options.send({ type: 'engine:live', sessionId, live: session.live() });
      };
      // A change of speaker goes out with the batch that revealed it, not at the next tick.
      const sendOnSpeakerChange = () => {
        if (session.speakingNow() !== shownSpeaking) sendLive();
      };
      const spent: FrameTapReturn['pairs'] = [];
      tap.port.onmessage = (event: MessageEvent<FrameTapBatch>) => {
        const { clinician, patient, patientConnected } = event.data;
        session.pushClinicianSamples(clinician);
        if (patientConnected) session.pushPatientSamples(patient);
        // The session has copied what it keeps: the arrays go back to be filled again.
        spent.push({ clinician, patient });
        if (spent.length >= FRAME_TAP_RETURN_PAIRS) {
          const back: FrameTapReturn = { pairs: spent.splice(0) };
          tap.port.postMessage(back, back.pairs.flatMap((pair) => [pair.clinician.buffer, pair.patient.buffer]));
        }
        sendOnSpeakerChange();
      };
      const r: Running = { sessionId, session, graph, streams, timers: [], sendOnSpeakerChange, sendLive, speech, gaze: session.gaze && startGazePart(session.gaze, options.extensionUrl!) };
      r.timers.push(setInterval(sendLive, options.liveIntervalMs ?? LIVE_INTERVAL_MS));
      r.timers.push(
        setInterval(() => options.send({ type: 'engine:checkpoint', sessionId, checkpoint: session.checkpoint() }), options.checkpointIntervalMs ?? 5000),
      );
      // A microphone that gives no sound (blocked at the system, a hardware mute) is not counted:
      // the visit's figures start when its audio does, and the panel says what is wrong (issue 19.3).
      const micTrack = streams[0]!.getAudioTracks()[0];
      if (micTrack?.muted) session.hold('no-microphone', true);
      micTrack?.addEventListener('mute', () => {
        session.hold('no-microphone', true);
        sendLive();
      });
      micTrack?.addEventListener('unmute', () => {
        session.hold('no-microphone', false);
        sendLive();
      });
      streams[0]!.getAudioTracks()[0]?.addEventListener('ended', () => {
        if (running !== r) return;
        running = null;
        void stopCapture(r);
        r.speech?.transcriber.dispose();
        options.send({ type: 'engine:failed', sessionId, message: 'The microphone stopped (unplugged or switched off). The visit was saved up to this point.' });
      });
      running = r;
    },

    /** The clinician's Pause/Resume: held time is not scored and shows on the timeline. */
    pause(sessionId: string, paused: boolean): void {
      if (running?.sessionId !== sessionId) return;
      running.session.hold('paused', paused);
      running.sendLive();
    },

    remoteFrames(sessionId: string, energyDb: number[]): void {
      if (running?.sessionId !== sessionId) return;
      running.session.pushPatientFrames(energyDb.map((e) => ({ energyDb: e })));
      running.sendOnSpeakerChange();
    },

    async end(sessionId: string): Promise<LiveSessionResult | null> {
      const r = running;
      if (!r || r.sessionId !== sessionId) return null;
      running = null;
      await stopCapture(r);
      await stopSpeech(r);
      return r.session.result();
    },

    activeSessions: (): string[] => (running ? [running.sessionId] : []),
  };
}
export type EngineHost = ReturnType<typeof createEngineHost>;
