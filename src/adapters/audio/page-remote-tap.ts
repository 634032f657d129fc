import * as v from 'valibot';
import { createChannelFeatureStream } from '../../core/audio/channel-features';
import { TapCommandSchema } from './page-tap-protocol';
import { offerTapPort } from './page-tap-handoff';
import { wrapNativeConstructor } from './native-lookalike';

/**
 * Runs in the call page's own JavaScript world (MAIN), from document_start: wraps
 * RTCPeerConnection before the page's scripts run so that it sees the remote audio tracks,
 * and, only while a visit is coached, turns them into 10 ms frame energies that it posts to
 * the content script on a private MessagePort (handed over once at document_start; see
 * page-tap-protocol.ts). Raw audio never leaves the page; the page's own playback is untouched.
 */
export function installPageRemoteTap(win: Window & typeof globalThis): void {
  const remoteTracks = new Set<MediaStreamTrack>();
  let tap: ReturnType<typeof startTap> | null = null;

  const Native = win.RTCPeerConnection;
  if (Native) {
    // Indistinguishable from the native constructor where practical (issue 17.6).
    const Wrapped = wrapNativeConstructor(win, Native, (pc) => {
      pc.addEventListener('track', (event) => {
        if (event.track.kind !== 'audio') return;
        remoteTracks.add(event.track);
        event.track.addEventListener('ended', () => remoteTracks.delete(event.track));
        tap?.connect(event.track);
      });
    });
    win.RTCPeerConnection = Wrapped;
    if ('webkitRTCPeerConnection' in win) (win as unknown as Record<string, unknown>).webkitRTCPeerConnection = Wrapped;
  }

  offerTapPort(win, (port) => {
    port.onmessage = (event) => {
      const command = v.safeParse(TapCommandSchema, event.data);
      if (!command.success) return;
      tap?.stop();
      tap = null;
      if (command.output.type === 'start') {
        tap = startTap(win, port);
        remoteTracks.forEach((t) => tap!.connect(t));
      }
    };
  });
}

/** Mixes every remote audio track into one far-end channel and posts its frame energies. */
function startTap(win: Window & typeof globalThis, port: MessagePort) {
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
    port.postMessage({ type: 'frames', energyDb: pending.splice(0, 400) });
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
