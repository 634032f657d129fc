/**
 * Nods from the head's pitch: the head goes down by at least `minDeg` from where it was and comes
 * back up by at least `returnFraction` of that, all within `maxS`, while it does not turn (a
 * turn also moves pitch a little). Each nod is dated at its lowest point; the search then starts
 * afresh from the current frame, so one movement is never counted twice. A slow look down that
 * stays down (charting) is not a nod: it does not come back within `maxS`.
 */
export interface NodOptions {
  minDeg: number;
  returnFraction: number;
  maxS: number;
  /** Yaw may vary at most this much within the movement, degrees. */
  maxYawSpreadDeg: number;
}

export const DEFAULT_NODS: NodOptions = { minDeg: 5, returnFraction: 0.6, maxS: 1.2, maxYawSpreadDeg: 10 };

interface Sample {
  tS: number;
  pitchDeg: number;
  yawDeg: number;
}

export function createNodDetector(options: Partial<NodOptions> = {}) {
  const o = { ...DEFAULT_NODS, ...options };
  let window: Sample[] = [];
  return {
    /** One frame's head pitch and yaw (degrees, pitch > 0 down); returns the nod's time when one completed. */
    push(tS: number, pitchDeg: number, yawDeg: number): number | null {
      window.push({ tS, pitchDeg, yawDeg });
      while (window.length && tS - window[0]!.tS > o.maxS) window.shift();
      let peak = 0;
      for (let i = 1; i < window.length; i++) if (window[i]!.pitchDeg > window[peak]!.pitchDeg) peak = i;
      const now = window[window.length - 1]!;
      if (peak === 0 || peak === window.length - 1) return null;
      let start = window[0]!.pitchDeg;
      for (let i = 1; i < peak; i++) start = Math.min(start, window[i]!.pitchDeg);
      const depth = window[peak]!.pitchDeg - start;
      const back = window[peak]!.pitchDeg - now.pitchDeg;
      if (depth < o.minDeg || back < depth * o.returnFraction) return null;
      const yaws = window.map((s) => s.yawDeg);
      if (Math.max(...yaws) - Math.min(...yaws) > o.maxYawSpreadDeg) return null;
      const at = window[peak]!.tS;
      window = [now];
      return at;
    },
    /** A gap in tracking (no face): a nod cannot span it. */
    reset(): void {
      window = [];
    },
  };
}
export type NodDetector = ReturnType<typeof createNodDetector>;
