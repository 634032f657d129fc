import * as v from 'valibot';
import { createChannelFeatureStream } from '../../core/audio/channel-features';
import { TAP_FROM_PAGE, TapCommandSchema } from './page-tap-protocol';

/**
 * Runs in the call page's own JavaScript world (MAIN), from document_start: wraps
 * RTCPeerConnection before the page's scripts run so that it sees the remote audio tracks,
 * and, only while a visit is coached, turns them into 10 ms frame energies that it posts to
 * the content script. Raw audio never leaves the page; the page's own playback is untouched.
 */
export function installPageRemoteTap(win: Window & typeof globalThis): void {
  const remoteTracks = new Set<MediaStreamTrack>();
  let tap: ReturnType<typeof startTap> | null = null;

  const Native = win.RTCPeerConnection;
  if (Native) {
    const Wrapped = function (this: unknown, ...args: ConstructorParameters<typeof RTCPeerConnection>) {
      const pc = new Native(...args);
      pc.addEventListener('track', (event) => {
        if (event.track.kind !== 'audio') return;
        remoteTracks.add(event.track);
        event.track.addEventListener('ended', () => remoteTracks.delete(event.track));
        tap?.connect(event.track);
      });
      return pc;
    } as unknown as typeof RTCPeerConnection;
    Wrapped.prototype = Native.prototype;
    Object.setPrototypeOf(Wrapped, Native); // keeps static members such as generateCertificate
    win.RTCPeerConnection = Wrapped;
    if ('webkitRTCPeerConnection' in win) (win as unknown as Record<string, unknown>).webkitRTCPeerConnection = Wrapped;
  }

  win.addEventListener('message', (event) => {
    if (event.source !== win) return;
    const command = v.safeParse(TapCommandSchema, event.data);
    if (!command.success) return;
    if (command.output.type === 'start') {
      tap?.stop();
      tap = startTap(win, command.output.sessionId);
      remoteTracks.forEach((t) => tap!.connect(t));
    } else {
      tap?.stop();
      tap = null;
    }
  });
}

/** Mixes every remote audio track into one far-end channel and posts its frame energies. */
function startTap(win: Window & typeof globalThis, sessionId: string) {
  const context = new win.AudioContext();
  void context.resume().catch(() => undefined);
  // ScriptProcessor rather than an AudioWorklet: a call page's CSP may forbid loading our
  // worklet module, and at 4096 samples per callback the main-thread cost is negligible.
  const processor = context.createScriptProcessor(4096, 1, 1);
  const mute = context.createGain();
  mute.gain.value = 0;
  processor.connect(mute).connect(context.destination);
  const features = createChannelFeatureStream(context.sampleRate);
  let pending: number[] = [];
  processor.onaudioprocess = (event) => {
    for (const f of features.push(event.inputBuffer.getChannelData(0))) pending.push(Math.round(f.energyDb * 100) / 100);
  };
  const timer = win.setInterval(() => {
    if (pending.length === 0) return;
    win.postMessage({ source: TAP_FROM_PAGE, type: 'frames', sessionId, energyDb: pending.splice(0, 400) }, win.location.origin);
    if (pending.length > 400) pending = []; // never let a stalled page build a backlog
  }, 100);
  const sources = new Map<MediaStreamTrack, MediaStreamAudioSourceNode>();
  return {
    connect(track: MediaStreamTrack) {
      if (sources.has(track) || track.readyState === 'ended') return;
      const source = context.createMediaStreamSource(new MediaStream([track]));
      source.connect(processor);
      sources.set(track, source);
      track.addEventListener('ended', () => {
        source.disconnect();
        sources.delete(track);
      });
    },
    stop() {
      win.clearInterval(timer);
      sources.forEach((s) => s.disconnect());
      void context.close().catch(() => undefined);
    },
  };
}
