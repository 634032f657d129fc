/**
 * Synthetic two-channel visits for the talk-engine tests: speech-like bursts (noise shaped by a
 * syllable-rate envelope), room noise, residual echo of the far end in the microphone, optional
 * ducking. Deterministic (seeded), generated on the fly: no audio files.
 */
export type Plan = Array<{ speaker: 'clinician' | 'patient' | 'both' | 'none'; s: number }>;

export function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 4294967296) * 2 - 1;
  };
}

export interface SynthOptions {
  rate?: number;
  /** Residual echo of the patient in the microphone, dB (-Infinity: none). */
  echoDb?: number;
  echoDelayMs?: number;
  noiseDb?: number;
  /** Microphone attenuation while the far end is active, dB. */
  duckDb?: number;
  seed?: number;
}

/** Both channels for a plan, as whole arrays (for short tests). */
export function synthVisit(plan: Plan, o: SynthOptions = {}): { mic: Float32Array; remote: Float32Array } {
  const rate = o.rate ?? 16000;
  const total = Math.round(plan.reduce((a, p) => a + p.s, 0) * rate);
  const mic = new Float32Array(total);
  const remote = new Float32Array(total);
  const r = rng(o.seed ?? 7);
  const noise = Math.pow(10, (o.noiseDb ?? -60) / 20);
  const echo = Math.pow(10, (o.echoDb ?? -Infinity) / 20);
  const delay = Math.round(((o.echoDelayMs ?? 40) * rate) / 1000);
  const duck = Math.pow(10, -(o.duckDb ?? 0) / 20);
  let t = 0;
  const patient = new Float32Array(total);
  for (const p of plan) {
    const n = Math.round(p.s * rate);
    for (let i = 0; i < n; i++, t++) {
      // 4 Hz syllable envelope, never fully silent inside speech
      const env = 0.15 * (0.55 + 0.45 * Math.sin((2 * Math.PI * 4 * t) / rate));
      const c = p.speaker === 'clinician' || p.speaker === 'both' ? env * r() : 0;
      const q = p.speaker === 'patient' || p.speaker === 'both' ? env * r() : 0;
      patient[t] = q;
      remote[t] = q + noise * 0.3 * r();
      mic[t] = c + noise * r();
    }
  }
  for (let i = 0; i < total; i++) {
    const e = i >= delay ? echo * patient[i - delay]! : 0;
    const active = Math.abs(patient[i]!) > 0 || (i >= 800 && Math.abs(patient[i - 800]!) > 0);
    mic[i] = (mic[i]! + e) * (active ? duck : 1);
  }
  return { mic, remote };
}

export async function* chunked(mic: Float32Array, remote: Float32Array, size = 4096) {
  for (let i = 0; i < Math.max(mic.length, remote.length); i += size) {
    yield { clinician: mic.subarray(i, i + size), patient: remote.subarray(i, i + size) };
  }
}

export const seconds = (list: ReadonlyArray<readonly [number, number]>) => list.reduce((a, [x, y]) => a + y - x, 0);
