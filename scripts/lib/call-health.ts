/**
 * Whether the call itself stutters, from the call's own WebRTC statistics (W3C webrtc-stats
 * names) read at two moments: the audio the receiver had to conceal or stretch (network jitter
 * or a receiving thread that ran late), the audio the playout had to synthesize because the
 * device asked for samples that were not there (a glitch the clinician hears), and the video the
 * sender encoded: how long it ran, and how long WebRTC held its quality back because the CPU
 * could not keep up (`qualityLimitationDurations.cpu`). The cost benchmark reads them in the
 * call page of both browsers, so the extension's effect on the call is the difference.
 */
export type RtcStat = Record<string, unknown> & { type: string; kind?: string };

export interface CallStatsReading {
  sender: RtcStat[];
  receiver: RtcStat[];
}

export interface CallHealth {
  /** Received audio samples concealed (not silence) or stretched to ride out a late packet, % of those received. */
  audioConcealedPct: number | null;
  audioStretchedPct: number | null;
  /** Playout: ms of audio synthesized because the device found nothing to play, and how many times. */
  audioSynthesizedMs: number | null;
  audioSynthesizedEvents: number | null;
  /** Receiver's video: frames it dropped before showing them, and freezes. */
  videoFramesDropped: number | null;
  videoFreezes: number | null;
  /** Sender's video: frames encoded, mean encode time per frame, and seconds its quality was held back for CPU. */
  videoFramesEncoded: number | null;
  videoEncodeMsPerFrame: number | null;
  videoCpuLimitedS: number | null;
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Sum of `field` over the stats of `type` (and `kind`, if given); null if there is none. */
function total(stats: readonly RtcStat[], type: string, kind: string | null, field: (s: RtcStat) => number): number | null {
  const matching = stats.filter((s) => s.type === type && (kind === null || s.kind === kind));
  return matching.length === 0 ? null : matching.reduce((sum, s) => sum + field(s), 0);
}

/** A statistic the first reading lacks started after it (a track the call had not received yet): it counts from 0. */
const delta = (a: number | null, b: number | null): number | null => (b === null ? null : b - (a ?? 0));
const ratio = (part: number | null, whole: number | null, scale: number): number | null => (part === null || !whole ? null : (scale * part) / whole);

/** What happened to the call between two readings of its statistics. */
export function callHealth(start: CallStatsReading, end: CallStatsReading): CallHealth {
  const both = (side: keyof CallStatsReading, type: string, kind: string | null, field: (s: RtcStat) => number) =>
    delta(total(start[side], type, kind, field), total(end[side], type, kind, field));
  const received = both('receiver', 'inbound-rtp', 'audio', (s) => num(s.totalSamplesReceived));
  const concealed = both('receiver', 'inbound-rtp', 'audio', (s) => num(s.concealedSamples) - num(s.silentConcealedSamples));
  const stretched = both('receiver', 'inbound-rtp', 'audio', (s) => num(s.insertedSamplesForDeceleration) + num(s.removedSamplesForAcceleration));
  const synthesizedS = both('receiver', 'media-playout', null, (s) => num(s.synthesizedSamplesDuration));
  const frames = both('sender', 'outbound-rtp', 'video', (s) => num(s.framesEncoded));
  const encodeS = both('sender', 'outbound-rtp', 'video', (s) => num(s.totalEncodeTime));
  const cpuLimitedS = both('sender', 'outbound-rtp', 'video', (s) => num((s.qualityLimitationDurations as Record<string, unknown> | undefined)?.cpu));
  return {
    audioConcealedPct: ratio(concealed, received, 100),
    audioStretchedPct: ratio(stretched, received, 100),
    audioSynthesizedMs: synthesizedS === null ? null : 1000 * synthesizedS,
    audioSynthesizedEvents: both('receiver', 'media-playout', null, (s) => num(s.synthesizedSamplesEvents)),
    videoFramesDropped: both('receiver', 'inbound-rtp', 'video', (s) => num(s.framesDropped)),
    videoFreezes: both('receiver', 'inbound-rtp', 'video', (s) => num(s.freezeCount)),
    videoFramesEncoded: frames,
    videoEncodeMsPerFrame: ratio(encodeS, frames, 1000),
    videoCpuLimitedS: cpuLimitedS,
  };
}
