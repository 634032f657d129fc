/**
 * What the clinician hears of the call while Attune plays a captured tab back: capturing a tab
 * mutes it, so the patient's voice reaches the clinician through the capture and Attune's playback
 * context. Chrome counts both: the context's output (`AudioContext.playbackStats`: time the device
 * found nothing to play, and the output latency) and the captured track (`MediaStreamTrack.stats`:
 * frames the capture did not deliver, and its latency). Both are cumulative from their start; the
 * engine host logs them when the visit ends (bench:visit reads them beside the call's own figures).
 * Browsers without them (Firefox) give null.
 */
export interface PlaybackHealth {
  /** Time the playback context's output found nothing to play (a gap the clinician hears), ms. */
  underrunMs: number;
  underrunEvents: number;
  /** How much the context played, ms. */
  playedMs: number;
  /** The context's output latency (its buffering before the device), mean and highest, ms. */
  outputLatencyMs: number;
  maxOutputLatencyMs: number;
  /** The captured tab: audio it captured but did not deliver, ms, and its mean latency, ms (null where the browser does not count them). */
  captureUndeliveredMs: number | null;
  captureLatencyMs: number | null;
}

/** `AudioContext.playbackStats` (Chrome 137+; not yet in TypeScript's DOM types): seconds. */
export interface ContextPlaybackStats {
  underrunDuration: number;
  underrunEvents: number;
  totalDuration: number;
  averageLatency: number;
  maximumLatency: number;
}

/** `MediaStreamTrack.stats` of an audio track (Chrome 125+): durations and latencies in ms. */
export interface AudioTrackStats {
  deliveredFramesDuration: number;
  totalFramesDuration: number;
  averageLatency: number;
}

export function playbackHealth(context: ContextPlaybackStats, track: AudioTrackStats | null): PlaybackHealth {
  return {
    underrunMs: 1000 * context.underrunDuration,
    underrunEvents: context.underrunEvents,
    playedMs: 1000 * context.totalDuration,
    outputLatencyMs: 1000 * context.averageLatency,
    maxOutputLatencyMs: 1000 * context.maximumLatency,
    captureUndeliveredMs: track ? Math.max(0, track.totalFramesDuration - track.deliveredFramesDuration) : null,
    captureLatencyMs: track ? track.averageLatency : null,
  };
}

/** The live figures of a playback context and the tab track it plays, or null where the browser has none. */
export function readPlaybackHealth(context: AudioContext, tabTrack: MediaStreamTrack | undefined): PlaybackHealth | null {
  const stats = (context as AudioContext & { playbackStats?: ContextPlaybackStats }).playbackStats;
  if (!stats) return null;
  const trackStats = (tabTrack as (MediaStreamTrack & { stats?: AudioTrackStats }) | undefined)?.stats ?? null;
  return playbackHealth(stats, trackStats);
}
