/**
 * What a whole coached visit costs: the demo visit (looped to `--minutes`) coached by the built
 * extension in headless Chromium (speech-to-text on; gaze off, on from the fake camera, or both),
 * and the same call at the same time in a second Chromium without the extension (the baseline).
 * Every process of both browsers is sampled from /proc (CPU time, Pss); the difference is what
 * the extension costs. Printed per gaze mode: extra CPU in % of one core (mean and p95 over
 * 10-second windows), extra memory (peak, at 2 minutes, at the end: does it grow?), where it
 * goes (per process kind; per thread of the extension's renderer), JS heaps, panel update latency
 * (patient onset → panel), label latency (end of an utterance → its label), the face worker's
 * time per camera frame, and the machine's load average. Needs the dev/test build first
 * (`ATTUNE_DEV_BUILD=1 npx wxt build`: the store build does not coach the local demo page).
 *
 *   npm run bench:visit -- [--minutes 10] [--gaze off|on|both] [--sample-s 2] [--extension .output/chrome-mv3] [--loop-audio] [--bare-call] [--warm-up-s 0] [--start toolbar|panel]
 *
 * --start panel: coaching starts from the panel (the call page's remote tracks tapped) instead of
 * the toolbar (tab capture, the default): what capturing the tab costs the call and the machine.
 *
 * --warm-up-s S: the extension's browser first runs an unmeasured coached visit of at least S seconds (until its code cache stops growing), so
 * that the measured visit starts with the WebAssembly code cache a clinician's earlier visits
 * leave (Chromium caches the optimised code of onnxruntime and MediaPipe in the profile).
 *
 * The call page opens the clinician's camera and microphone in both browsers, as a real call
 * does (the camera sent as the call's video), so the baseline pays for what the call itself pays;
 * --bare-call leaves them closed (the demo as a person sees it, and the bench before 2026-12-06).
 *
 * Visits over 20 minutes (or with --loop-audio) play one dialogue on a loop, the fake microphone and
 * the call page alike, instead of a track of the whole length: a 2-hour patient track decoded in
 * the call page would take 1.4 GB in each browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeCameraClip } from './lib/camera-clip';
import { demoDialogue, makeLongVisitAudio } from './lib/long-visit-audio';
import { printVisitCost, type Verdict } from './lib/visit-cost-report';
import { runVisitCost } from './lib/visit-cost-run';

const { values } = parseArgs({
  options: { start: { type: 'string', default: 'toolbar' }, 'warm-up-s': { type: 'string', default: '0' }, 'bare-call': { type: 'boolean' }, 'loop-audio': { type: 'boolean' }, minutes: { type: 'string', default: '10' }, gaze: { type: 'string', default: 'both' }, 'sample-s': { type: 'string', default: '2' }, extension: { type: 'string', default: '.output/chrome-mv3' } },
});
const EXTENSION_DIR = resolve(values.extension!);
const minutes = Number(values.minutes);
const modes = values.gaze === 'both' ? [false, true] : values.gaze === 'on' ? [true] : values.gaze === 'off' ? [false] : null;
const start = values.start === 'toolbar' || values.start === 'panel' ? values.start : null;
if (!(minutes > 0) || !modes || !start || !(Number(values['warm-up-s']) >= 0)) {
  console.error('usage: npm run bench:visit -- [--minutes N (> 0)] [--gaze off|on|both] [--sample-s S] [--extension DIR] [--loop-audio] [--bare-call] [--warm-up-s S] [--start toolbar|panel]');
  process.exit(2);
}
if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`bench:visit: no built extension in ${EXTENSION_DIR}: run ATTUNE_DEV_BUILD=1 npx wxt build first`);
  process.exit(2);
}

const LOOP_OVER_MIN = 20;
const tmp = mkdtempSync(join(tmpdir(), 'attune-bench-visit-'));
const verdicts: Verdict[] = [];
try {
  const audio = makeLongVisitAudio(join(tmp, 'audio'), minutes, { loop: values['loop-audio'] === true || minutes > LOOP_OVER_MIN });
  const camera = makeCameraClip(tmp);
  console.log(`bench:visit: ${minutes} min per visit (demo dialogue ×${Math.round(audio.durationS / demoDialogue().durationS)}${audio.looped ? ', looped' : ''}), camera: ${camera.name}; the call page ${values['bare-call'] ? 'opens no camera or microphone (--bare-call)' : 'opens the camera and microphone in both browsers'}; coaching starts from the ${start}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const gaze of modes) {
    console.log(`\n— gaze ${gaze ? 'on' : 'off'}: extension browser and baseline browser side by side…`);
    const loadBefore = loadavg()[0]!;
    const run = await runVisitCost({ extensionDir: EXTENSION_DIR, audio, cameraClip: camera.path, gaze, minutes, sampleMs: Number(values['sample-s']) * 1000, callMedia: values['bare-call'] !== true, start, warmUpS: Number(values['warm-up-s']), log: (l) => console.log(l) });
    verdicts.push(...printVisitCost(run, { gaze, minutes, loadAverage: [loadBefore, loadavg()[0]!] }));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const failed = verdicts.filter((v) => !v.ok);
console.log(`\n${failed.length ? 'COST FAIL' : 'COST PASS'}: ${verdicts.map((v) => `${v.ok ? 'ok' : 'MISS'} ${v.text}`).join('; ')}`);
process.exitCode = failed.length ? 1 : 0;
