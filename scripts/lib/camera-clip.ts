import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makePortraitClip } from '../../tests/e2e/gaze-clips';

/**
 * The fake camera's clip for cost benchmarks: ../shared's head-pose clip (a person nodding and
 * turning, 640×480, 10 s, looped by Chromium) converted to y4m, or, without ../shared, the
 * portrait clip the gaze e2e test makes. Written into `dir`; nothing is committed.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHARED_CLIP = resolve(ROOT, '../shared/fixtures/gaze/synth_business-person.mp4');

export function makeCameraClip(dir: string): { path: string; name: string } {
  if (!existsSync(SHARED_CLIP)) return { path: makePortraitClip(join(ROOT, 'tests/fixtures/faces/grace_hopper.jpg'), dir), name: 'portrait clip (no ../shared)' };
  const path = join(dir, 'head-pose.y4m');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', SHARED_CLIP, '-pix_fmt', 'yuv420p', path]);
  return { path, name: 'shared head-pose clip' };
}
