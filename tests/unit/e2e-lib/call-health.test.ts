import { describe, expect, it } from 'vitest';
import { callHealth, type CallStatsReading } from '../../../scripts/lib/call-health';

/** The bench's reading of whether the call stutters, from the call's own WebRTC statistics at two moments. */
describe('call health between two readings of the call statistics', () => {
  const reading = (at: { received: number; concealed: number; silent: number; inserted: number; synthesizedS: number; events: number; frames: number; encodeS: number; cpuS: number }): CallStatsReading => ({
    sender: [
      { type: 'outbound-rtp', kind: 'video', framesEncoded: at.frames, totalEncodeTime: at.encodeS, qualityLimitationDurations: { none: 100, cpu: at.cpuS, bandwidth: 0, other: 0 } },
      { type: 'outbound-rtp', kind: 'audio', framesEncoded: 999_999 },
      { type: 'transport' },
    ],
    receiver: [
      { type: 'inbound-rtp', kind: 'audio', totalSamplesReceived: at.received, concealedSamples: at.concealed, silentConcealedSamples: at.silent, insertedSamplesForDeceleration: at.inserted, removedSamplesForAcceleration: 0 },
      { type: 'media-playout', kind: 'audio', synthesizedSamplesDuration: at.synthesizedS, synthesizedSamplesEvents: at.events },
      { type: 'inbound-rtp', kind: 'video', framesDropped: at.frames / 30, freezeCount: 0 },
    ],
  });
  const start = reading({ received: 48_000, concealed: 100, silent: 50, inserted: 0, synthesizedS: 0.01, events: 1, frames: 30, encodeS: 0.3, cpuS: 0 });

  it('reports what happened between the readings, not since the call began', () => {
    const end = reading({ received: 48_000 + 480_000, concealed: 100 + 4800, silent: 50 + 2400, inserted: 960, synthesizedS: 0.05, events: 3, frames: 330, encodeS: 3.3, cpuS: 2.5 });
    const h = callHealth(start, end);
    expect(h.audioConcealedPct).toBeCloseTo(0.5); // (4800 − 2400) of 480,000: silence concealed is not a glitch
    expect(h.audioStretchedPct).toBeCloseTo(0.2);
    expect(h.audioSynthesizedMs).toBeCloseTo(40);
    expect(h.audioSynthesizedEvents).toBe(2);
    expect(h.videoFramesEncoded).toBe(300); // the audio sender's figure is not video's
    expect(h.videoFramesDropped).toBe(10);
    expect(h.videoFreezes).toBe(0);
    expect(h.videoEncodeMsPerFrame).toBeCloseTo(10);
    expect(h.videoCpuLimitedS).toBeCloseTo(2.5);
  });

  it('says nothing (null) of what the call does not report, rather than zero', () => {
    const h = callHealth({ sender: [], receiver: [] }, { sender: [], receiver: [] });
    expect(Object.values(h).every((x) => x === null)).toBe(true);
  });

  it('counts a statistic that appeared after the first reading (a track not yet received) from zero', () => {
    const end = reading({ received: 96_000, concealed: 960, silent: 0, inserted: 0, synthesizedS: 0, events: 0, frames: 60, encodeS: 0.6, cpuS: 0 });
    const h = callHealth({ sender: start.sender, receiver: [] }, end);
    expect(h.audioConcealedPct).toBeCloseTo(1);
    expect(h.videoFramesEncoded).toBe(30);
  });
});
