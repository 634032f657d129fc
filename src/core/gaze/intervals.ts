import type { GazeState, Interval } from '../session/schema';

/** A run of one gaze state, seconds from the start of the visit. */
export interface GazeInterval {
  startS: number;
  endS: number;
  state: GazeState;
}

export const isLookAway = (state: GazeState): boolean => state === 'away' || state === 'down';

/** Longest run of looking away, counting away and down next to each other as one look-away, s. */
export function longestLookAwayS(intervals: readonly GazeInterval[]): number {
  let longest = 0;
  let runStart: number | null = null;
  for (const i of intervals) {
    if (isLookAway(i.state)) {
      runStart ??= i.startS;
      longest = Math.max(longest, i.endS - runStart);
    } else runStart = null;
  }
  return longest;
}

/**
 * Share of the patient's speaking time, while gaze was tracked (within [fromS, toS]), with the
 * clinician's gaze on screen. Null before the patient spoke in that time.
 */
export function onScreenWhileSpeakingShare(intervals: readonly GazeInterval[], speech: readonly Interval[], fromS: number, toS: number): number | null {
  let speakingS = 0;
  let onScreenS = 0;
  for (const [a0, a1] of speech) {
    const a = Math.max(a0, fromS);
    const b = Math.min(a1, toS);
    if (b <= a) continue;
    speakingS += b - a;
    for (const g of intervals) {
      if (g.state !== 'on-screen' || g.endS <= a || g.startS >= b) continue;
      onScreenS += Math.min(g.endS, b) - Math.max(g.startS, a);
    }
  }
  return speakingS > 0 ? Math.min(1, onScreenS / speakingS) : null;
}
