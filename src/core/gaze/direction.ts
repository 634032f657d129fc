import { DEFAULT_EYE_GAZE, eyeGaze, type EyeGazeOptions } from './eyes';
import type { FaceObservation } from './frame';
import { headPoseFromMatrix } from './pose';

/** Head pose plus eyes: where the clinician is looking, in degrees (yaw > 0 image-right, pitch > 0 down). */
export interface GazeAngles {
  headYawDeg: number;
  headPitchDeg: number;
  yawDeg: number;
  pitchDeg: number;
}

export function gazeAngles(face: FaceObservation, eyeOptions: EyeGazeOptions = DEFAULT_EYE_GAZE): GazeAngles {
  const head = headPoseFromMatrix(face.matrix);
  const eyes = eyeGaze(face.eyes, face.blendshapes, eyeOptions);
  return { headYawDeg: head.yawDeg, headPitchDeg: head.pitchDeg, yawDeg: head.yawDeg + eyes.yawDeg, pitchDeg: head.pitchDeg + eyes.pitchDeg };
}
