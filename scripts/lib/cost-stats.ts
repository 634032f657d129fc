/**
 * Figures of a cost benchmark from paired samples: the extension's browser and the baseline
 * browser (no extension) sampled at the same moments, so each 10-second window compares the same
 * stretch of time on the same busy machine.
 */
export interface PairedSample {
  /** ms since the visit started. */
  atMs: number;
  ext: { cpuS: number; pssMb: number };
  base: { cpuS: number; pssMb: number };
  /**
   * The bench itself worked between the previous sample and this one (forced collections and
   * memory dumps in both browsers): no CPU window spans it.
   */
  afterBenchWork?: boolean;
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, c) => a + c, 0) / xs.length : NaN);

export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
}

export interface CpuWindow {
  fromMs: number;
  extPct: number;
  basePct: number;
  extraPct: number;
}

/** CPU in % of one core per window of at least `windowMs` (between consecutive samples); none spans the bench's own work. */
export function cpuWindows(samples: readonly PairedSample[], windowMs = 10_000): CpuWindow[] {
  const out: CpuWindow[] = [];
  let i = 0;
  for (let j = 1; j < samples.length; j++) {
    const [a, b] = [samples[i]!, samples[j]!];
    if (b.afterBenchWork) {
      i = j;
      continue;
    }
    const dtS = (b.atMs - a.atMs) / 1000;
    if (dtS * 1000 < windowMs) continue;
    const extPct = (100 * (b.ext.cpuS - a.ext.cpuS)) / dtS;
    const basePct = (100 * (b.base.cpuS - a.base.cpuS)) / dtS;
    out.push({ fromMs: a.atMs, extPct, basePct, extraPct: extPct - basePct });
    i = j;
  }
  return out;
}

export interface MemoryFigures {
  peakExtraMb: number;
  peakAtS: number;
  /** Extra memory at the 2-minute mark (the first sample from then on), null for a shorter visit. */
  extraAt2MinMb: number | null;
  endExtraMb: number;
  /** end / 2-minute mark − 1; null without a 2-minute mark. */
  growth: number | null;
  extPeakMb: number;
  basePeakMb: number;
}

export function memoryFigures(samples: readonly PairedSample[]): MemoryFigures {
  const extra = samples.map((s) => s.ext.pssMb - s.base.pssMb);
  const at2 = samples.findIndex((s) => s.atMs >= 120_000);
  const last = samples.length - 1;
  const extraAt2MinMb = at2 >= 0 && at2 < last ? extra[at2]! : null;
  const peakExtraMb = Math.max(...extra);
  return {
    peakExtraMb,
    peakAtS: samples[extra.indexOf(peakExtraMb)]!.atMs / 1000,
    extraAt2MinMb,
    endExtraMb: extra[last]!,
    growth: extraAt2MinMb ? extra[last]! / extraAt2MinMb - 1 : null,
    extPeakMb: Math.max(...samples.map((s) => s.ext.pssMb)),
    basePeakMb: Math.max(...samples.map((s) => s.base.pssMb)),
  };
}
