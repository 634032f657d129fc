import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Camera clips for Chromium's fake camera (`--use-file-for-fake-video-capture`, y4m only), made
 * with ffmpeg at test time into a temp dir: nothing is committed. Chromium loops them.
 */

/** The 10-bit frame index in 16 px blocks along the bottom-left corner (read by gaze-probe.ts). */
const FRAME_MARKER =
  "geq=lum='if(lt(Y,H-16),lum(X,Y),if(lt(X,160),if(mod(floor(N/pow(2,floor(X/16))),2),235,16),lum(X,Y)))':cb='if(lt(Y,H-16),cb(X,Y),128)':cr='if(lt(Y,H-16),cr(X,Y),128)'";

/** A clip converted for the fake camera, each frame marked with its index. */
export function makeMarkedClip(video: string, dir: string): string {
  const out = join(dir, 'marked.y4m');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', video, '-vf', FRAME_MARKER, '-pix_fmt', 'yuv420p', out]);
  return out;
}

/**
 * From one portrait, 12 s: the face alone (0–5 s: on screen), nobody (5–8 s: no face), two
 * faces side by side (8–12 s: gaze must pause). 640×480, 30 fps.
 */
export const PORTRAIT_CLIP_SEGMENTS = [
  { fromS: 0, toS: 5, state: 'on-screen' },
  { fromS: 5, toS: 8, state: 'no-face' },
  { fromS: 8, toS: 12, state: 'multiple-faces' },
] as const;

export function makePortraitClip(portrait: string, dir: string): string {
  const out = join(dir, 'portrait.y4m');
  const same = 'fps=30,format=yuv420p,setsar=1';
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y'],
    ...['-loop', '1', '-t', '5', '-i', portrait],
    ...['-f', 'lavfi', '-t', '3', '-i', 'color=c=gray:s=640x480:r=30'],
    ...['-loop', '1', '-t', '4', '-i', portrait],
    '-filter_complex',
    [
      `[0]scale=-2:440,pad=640:480:(ow-iw)/2:20:gray,${same}[one]`,
      `[1]${same}[none]`,
      `[2]scale=-2:300,split[l][r];[l][r]hstack,pad=640:480:(ow-iw)/2:(oh-ih)/2:gray,${same}[two]`,
      '[one][none][two]concat=n=3:v=1:a=0',
    ].join(';'),
    ...['-pix_fmt', 'yuv420p', out],
  ]);
  return out;
}
