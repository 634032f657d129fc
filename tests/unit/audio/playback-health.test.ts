import { describe, expect, it } from 'vitest';
import { playbackHealth } from '../../../src/adapters/audio/playback-health';

/** The browser's two counters of the captured tab's playback, in the units the bench prints. */
describe('what the clinician hears of a captured tab', () => {
  const context = { underrunDuration: 0.25, underrunEvents: 12, totalDuration: 600.5, averageLatency: 0.031, maximumLatency: 0.0329 };

  it('turns the context’s seconds into ms and the capture’s undelivered audio into ms', () => {
    const h = playbackHealth(context, { deliveredFramesDuration: 599_000, totalFramesDuration: 600_000, averageLatency: 4.5 });
    expect(h.underrunMs).toBeCloseTo(250);
    expect(h.underrunEvents).toBe(12);
    expect(h.playedMs).toBeCloseTo(600_500);
    expect(h.outputLatencyMs).toBeCloseTo(31);
    expect(h.maxOutputLatencyMs).toBeCloseTo(32.9);
    expect(h.captureUndeliveredMs).toBe(1000);
    expect(h.captureLatencyMs).toBe(4.5);
  });

  it('says nothing of the capture where the browser does not count it', () => {
    const h = playbackHealth(context, null);
    expect(h.captureUndeliveredMs).toBeNull();
    expect(h.captureLatencyMs).toBeNull();
  });
});
