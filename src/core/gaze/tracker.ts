import type { GazeState, GazeSummary, Interval, LiveGaze } from '../session/schema';
import { createCalibrator, type Calibrator, type GazeCalibration } from './calibration';
import { createGazeClassifier, type GazeClassifier, type GazeClassifierOptions } from './classifier';
import type { GazeFrame } from './frame';
import { headPoseFromMatrix } from './pose';
import { isLookAway, longestLookAwayS, onScreenWhileSpeakingShare, type GazeInterval } from './intervals';
import { createNodDetector, type NodOptions } from './nods';

/**
 * One visit's gaze: frames in (from the face worker), live gaze and the saved summary out.
 * Camera conditions the worker cannot see (denied, busy, model unavailable) are set from outside
 * and override the frames until cleared. The patient's speech comes from the talk engine at the
 * moment of asking, so gaze and talk never need to share a clock tick.
 *
 * Without the clinician's calibration the tracker learns one from the visit itself: the median
 * direction over the first `autoCalibrationS` of frames with a face (people mostly look at the
 * call as it starts; a camera above the screen would otherwise make everything look "down").
 * Until then it says `calibrating`; the frames are kept and replayed, so the summary's
 * intervals cover that time too.
 */
export interface GazeTrackerOptions {
  calibration?: GazeCalibration | null;
  /** Seconds of face frames to learn the on-screen direction from, when there is no calibration. */
  autoCalibrationS?: number;
  classifier?: Partial<GazeClassifierOptions>;
  nods?: Partial<NodOptions>;
}

export type CameraCondition = Extract<GazeState, 'camera-denied' | 'camera-busy' | 'unavailable' | 'calibrating'>;

export function createGazeTracker(options: GazeTrackerOptions = {}) {
  const calibrated = !!options.calibration;
  let classifier: GazeClassifier | null = options.calibration ? createGazeClassifier(options.calibration, options.classifier) : null;
  const newLearner = () => createCalibrator({ durationS: options.autoCalibrationS ?? 5, minSamples: 5, maxSpreadDeg: Number.POSITIVE_INFINITY });
  let learner: Calibrator = newLearner();
  let waiting: GazeFrame[] = [];
  const nods = createNodDetector(options.nods);
  const closed: GazeInterval[] = [];
  let current: { state: GazeState; startS: number } | null = null;
  let condition: { state: CameraCondition; message: string | null } | null = null;
  let firstS: number | null = null;
  let lastS = 0;
  const nodTimesS: number[] = [];

  function enter(state: GazeState, atS: number): void {
    if (current?.state === state) return;
    if (current) {
      // A state dated back may begin before the current one did (it was pending all along).
      const endS = Math.max(current.startS, atS);
      if (endS > current.startS) closed.push({ startS: current.startS, endS, state: current.state });
    }
    current = { state, startS: Math.max(atS, current?.startS ?? atS) };
  }

  function intervals(nowS: number): GazeInterval[] {
    const all = [...closed];
    if (current && nowS > current.startS) all.push({ startS: current.startS, endS: nowS, state: current.state });
    return all;
  }

  const now = (nowS?: number) => Math.max(nowS ?? 0, lastS);

  function classify(c: GazeClassifier, frame: GazeFrame): void {
    const change = c.push(frame);
    if (change && !condition) enter(change.state, change.sinceS);
  }

  return {
    push(frame: GazeFrame): void {
      if (frame.tS <= lastS && firstS !== null) return; // out of order: frames must move forward
      firstS ??= frame.tS;
      lastS = frame.tS;
      if (frame.face && frame.faceCount === 1) {
        const pose = headPoseFromMatrix(frame.face.matrix);
        const nod = nods.push(frame.tS, pose.pitchDeg, pose.yawDeg);
        if (nod !== null) nodTimesS.push(nod);
      } else nods.reset();
      if (classifier) return classify(classifier, frame);
      waiting.push(frame);
      if (frame.faceCount === 1 && frame.face) learner.push(frame);
      if (!learner.done) return;
      const learnt = learner.outcome();
      if (!learnt.ok) {
        learner = newLearner(); // faces came and went: keep learning
        return;
      }
      const c = createGazeClassifier(learnt.calibration, options.classifier);
      classifier = c;
      waiting.forEach((f) => classify(c, f));
      waiting = [];
    },

    /** A camera condition from outside (null clears it: frames decide again). */
    setCondition(atS: number, state: CameraCondition | null, message: string | null = null): void {
      firstS ??= atS;
      lastS = Math.max(lastS, atS);
      condition = state ? { state, message } : null;
      if (state) enter(state, atS);
      else if (classifier?.current) enter(classifier.current.state, atS);
    },

    live(patientSpeech: readonly Interval[], nowS?: number): LiveGaze {
      const t = now(nowS);
      const state: GazeState = current?.state ?? 'calibrating';
      return {
        state,
        awayForS: current && isLookAway(current.state) ? t - current.startS : 0,
        nods: nodTimesS.length,
        onScreenWhilePatientSpeaksShare: firstS === null ? null : onScreenWhileSpeakingShare(intervals(t), patientSpeech, firstS, t),
        message: condition?.message ?? null,
      };
    },

    summary(patientSpeech: readonly Interval[], nowS?: number): GazeSummary {
      const t = now(nowS);
      const all = intervals(t);
      return {
        onScreenWhilePatientSpeaksShare: firstS === null ? null : onScreenWhileSpeakingShare(all, patientSpeech, firstS, t),
        longestLookAwayS: longestLookAwayS(all),
        nods: nodTimesS.length,
        nodTimesS: [...nodTimesS],
        intervals: all,
        calibrated,
      };
    },
  };
}
export type GazeTracker = ReturnType<typeof createGazeTracker>;
