import { describe, expect, it } from 'vitest';
import { cpuWindows, memoryFigures, percentile, type PairedSample } from '../../../scripts/lib/cost-stats';
import { kindOf } from '../../../scripts/lib/proc-tree';
import { treeTotals } from '../../../scripts/lib/tree-sampler';

const sample = (atS: number, extCpuS: number, baseCpuS: number, extMb: number, baseMb: number): PairedSample => ({
  atMs: atS * 1000,
  ext: { cpuS: extCpuS, pssMb: extMb },
  base: { cpuS: baseCpuS, pssMb: baseMb },
});

describe('bench:visit figures', () => {
  it('turns cumulative CPU seconds into % of one core per 10-s window, extension minus baseline', () => {
    // Every 2 s: the extension's browser uses 0.6 s of CPU per 2 s (30%), the baseline 0.4 s (20%).
    const samples = Array.from({ length: 11 }, (_, i) => sample(2 * i, 0.6 * i, 0.4 * i, 500, 300));
    const windows = cpuWindows(samples);
    expect(windows).toHaveLength(2);
    for (const w of windows) {
      expect(w.extPct).toBeCloseTo(30);
      expect(w.basePct).toBeCloseTo(20);
      expect(w.extraPct).toBeCloseTo(10);
    }
  });

  it('leaves out of every window the stretch in which the bench itself worked (its forced collections)', () => {
    // 0–10 s at 30% vs 20%; then 60 s of the bench's collections at 200% vs 150%; then 10 s as before.
    const samples = [sample(0, 0, 0, 500, 300), sample(10, 3, 2, 500, 300), { ...sample(70, 123, 92, 500, 300), afterBenchWork: true }, sample(80, 126, 94, 500, 300)];
    const windows = cpuWindows(samples);
    expect(windows.map((w) => w.fromMs)).toEqual([0, 70_000]);
    for (const w of windows) expect(w.extraPct).toBeCloseTo(10);
  });

  it('reports the extra memory peak, the 2-minute mark, the end and the growth between them', () => {
    const samples = [sample(0, 0, 0, 400, 300), sample(60, 0, 0, 700, 300), sample(120, 0, 0, 600, 300), sample(600, 0, 0, 660, 310)];
    const m = memoryFigures(samples);
    expect(m.peakExtraMb).toBe(400);
    expect(m.peakAtS).toBe(60);
    expect(m.extraAt2MinMb).toBe(300);
    expect(m.endExtraMb).toBe(350);
    expect(m.growth).toBeCloseTo(350 / 300 - 1);
  });

  it('has no 2-minute mark (and no growth) for a visit that ends by then', () => {
    const m = memoryFigures([sample(0, 0, 0, 400, 300), sample(120, 0, 0, 450, 300)]);
    expect(m.extraAt2MinMb).toBeNull();
    expect(m.growth).toBeNull();
  });

  it('takes the p95 as the value at or above 95% of the windows', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95)).toBe(19);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('names Chromium processes by their (rewritten, space-separated) command lines', () => {
    const split = (line: string) => line.split(/[\0 ]/);
    expect(kindOf(split('/usr/lib/chromium/chromium --type=renderer --extension-process --lang=en'), false)).toBe('extension renderer');
    expect(kindOf(split('/usr/lib/chromium/chromium --type=renderer --lang=en'), false)).toBe('tab renderer');
    expect(kindOf(split('/usr/lib/chromium/chromium --type=utility --utility-sub-type=audio.mojom.AudioService'), false)).toBe('audio service');
    expect(kindOf(split('/usr/lib/chromium/chromium --type=utility --utility-sub-type=video_capture.mojom.VideoCaptureService'), false)).toBe('video capture');
    expect(kindOf(split('/usr/lib/chromium/chromium --type=gpu-process'), false)).toBe('gpu');
    expect(kindOf(split('/usr/lib/chromium/chromium --type=utility --utility-sub-type=tracing.mojom.TracingService'), false)).toBe('tracing');
    expect(kindOf(split('/usr/lib/chromium/chromium --headless'), true)).toBe('browser');
  });
});

describe('treeTotals', () => {
  it("leaves the benchmark's tracing service out of a tree's CPU and memory, and counts every other kind", () => {
    const byKind = {
      browser: { cpuS: 10, pssMb: 90, processes: 1 },
      'extension renderer': { cpuS: 5, pssMb: 250, processes: 1 },
      tracing: { cpuS: 2, pssMb: 390, processes: 1 },
      other: { cpuS: 1, pssMb: 40, processes: 2 },
    };
    expect(treeTotals(byKind)).toEqual({ cpuS: 16, pssMb: 380 });
  });
});
