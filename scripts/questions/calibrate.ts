/**
 * Calibration of the classifier's probabilities: a temperature and per-class offsets on the
 * logits (`softmax(scale · log p + offset)`), fitted by minimising the (unweighted) negative
 * log-likelihood of held-out predictions. The trainer weights closed questions 2.2× and other
 * 0.75×, which buys closed-question recall but biases the probabilities (and so any visit-level
 * count) towards closed; the offsets undo that, the scale undoes over- or under-confidence.
 * Both fold into a linear model exactly (weights × scale, offsets × scale + offset), so the
 * shipped scoring code is unchanged. Deterministic (plain gradient descent from fixed values).
 */
import type { QuestionModel } from '../../src/core/questions/model';

export interface Calibration {
  scale: number;
  offsets: number[];
}

export const IDENTITY = (k: number): Calibration => ({ scale: 1, offsets: new Array<number>(k).fill(0) });

/** Applies a calibration to probabilities (renormalised). */
export function applyCalibration(p: readonly number[], cal: Calibration): number[] {
  const z = p.map((x, c) => cal.scale * Math.log(Math.max(x, 1e-12)) + (cal.offsets[c] ?? 0));
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Mean negative log-likelihood of gold class indices under calibrated probabilities. */
export function meanNll(rows: readonly { p: readonly number[]; y: number }[], cal: Calibration): number {
  let s = 0;
  for (const r of rows) s -= Math.log(Math.max(applyCalibration(r.p, cal)[r.y] as number, 1e-12));
  return s / rows.length;
}

/**
 * Fits scale and offsets (offsets sum to 0) by full-batch Adam on the mean NLL, which is convex
 * in them. `fitScale: false` keeps the scale at 1 (class-prior correction only); `fitOffsets:
 * false` keeps the offsets at 0 (temperature only).
 */
export function fitCalibration(
  rows: readonly { p: readonly number[]; y: number }[],
  k: number,
  { fitScale = true, fitOffsets = true, iterations = 500, learningRate = 0.02 } = {},
): Calibration {
  const logp = rows.map((r) => r.p.map((x) => Math.log(Math.max(x, 1e-12))));
  const theta = [1, ...new Array<number>(k).fill(0)];
  const m = new Array<number>(k + 1).fill(0);
  const v = new Array<number>(k + 1).fill(0);
  for (let it = 1; it <= iterations; it++) {
    const g = new Array<number>(k + 1).fill(0);
    rows.forEach((r, i) => {
      const l = logp[i] as number[];
      const z = l.map((x, c) => (theta[0] as number) * x + (theta[c + 1] as number));
      const max = Math.max(...z);
      const e = z.map((x) => Math.exp(x - max));
      const s = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < k; c++) {
        const d = (e[c] as number) / s - (c === r.y ? 1 : 0);
        g[0] = (g[0] as number) + d * (l[c] as number);
        g[c + 1] = (g[c + 1] as number) + d;
      }
    });
    for (let j = 0; j <= k; j++) {
      if ((j === 0 && !fitScale) || (j > 0 && !fitOffsets)) continue;
      const gj = (g[j] as number) / rows.length;
      m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
      v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
      const mh = (m[j] as number) / (1 - 0.9 ** it);
      const vh = (v[j] as number) / (1 - 0.999 ** it);
      theta[j] = (theta[j] as number) - (learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const offsets = theta.slice(1);
  const mean = offsets.reduce((a, b) => a + b, 0) / k;
  return { scale: theta[0] as number, offsets: offsets.map((x) => x - mean) };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The model with the calibration folded into its weights and offsets (exact up to rounding). */
export function calibratedModel(model: QuestionModel, cal: Calibration): QuestionModel {
  const w: Record<string, number[]> = {};
  for (const [name, ws] of Object.entries(model.w)) w[name] = ws.map((x) => round(x * cal.scale));
  return {
    ...model,
    offsets: model.offsets.map((o, c) => round(o * cal.scale + (cal.offsets[c] ?? 0))),
    w,
    meta: { ...model.meta, calibrationScale: round(cal.scale), calibrationOffsets: cal.offsets.map(round).join(' ') },
  };
}
