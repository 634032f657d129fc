import type { GazeSummary, Interval, LiveGaze } from '../session/schema';
import { createGazeTracker, type GazeTracker, type GazeTrackerOptions } from './tracker';

/**
 * Gaze as a part of a live session: the tracker plus the talk engine's view of the patient's
 * speech and the visit clock, asked for at the moment of reading (live 4×/s, checkpoints, end).
 */
export interface SessionGaze {
  tracker: GazeTracker;
  live(): LiveGaze;
  summary(): GazeSummary;
}

export function createSessionGaze(options: GazeTrackerOptions, talkNow: () => { patientSpeech: Interval[]; nowS: number }): SessionGaze {
  const tracker = createGazeTracker(options);
  return {
    tracker,
    live() {
      const t = talkNow();
      return tracker.live(t.patientSpeech, t.nowS);
    },
    summary() {
      const t = talkNow();
      return tracker.summary(t.patientSpeech, t.nowS);
    },
  };
}
