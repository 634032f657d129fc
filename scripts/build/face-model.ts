/**
 * Build step: puts MediaPipe's face model and wasm into the extension (the extension makes no
 * network request, so it ships them). The model comes from, in order:
 *   1. the file named by $ATTUNE_FACE_MODEL (`none` builds without it),
 *   2. ../shared/models/face_landmarker.task,
 *   3. a copy downloaded earlier into node_modules/.cache/attune,
 *   4. a download from Google's official URL (then cached).
 * Every candidate must match the published sha256; anything else is refused. Without a model the
 * build still succeeds: the face worker then reports gaze as unavailable. Never commit the model.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export const FACE_MODEL_SHA256 = '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff';
export const FACE_MODEL_URL = 'https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/face_landmarker.task';
/** Output paths; they match FACE_MODEL_PATH and VISION_WASM_DIR in src/adapters/vision/face-worker-protocol.ts. */
const MODEL_DEST = 'models/face_landmarker.task';
const WASM_DEST = 'vision-wasm';
/** The SIMD build only: Chromium and Firefox have wasm SIMD, and the no-SIMD build fails in extension pages anyway. */
const WASM_FILES = ['vision_wasm_internal.js', 'vision_wasm_internal.wasm'];

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export type ModelSource = { path: string; from: string } | { path: null; problems: string[] };

export interface ResolveOptions {
  root: string;
  env?: Record<string, string | undefined>;
  /** Fetches the official file; injected so tests never touch the network. */
  download?: (url: string) => Promise<Uint8Array>;
}

/** The first genuine model among the candidates, downloading (and caching) only as the last resort. */
export async function resolveFaceModel({ root, env = process.env, download = fetchBytes }: ResolveOptions): Promise<ModelSource> {
  const problems: string[] = [];
  const wanted = env.ATTUNE_FACE_MODEL;
  if (wanted === 'none') return { path: null, problems: ['ATTUNE_FACE_MODEL=none'] };
  const cache = join(root, 'node_modules/.cache/attune/face_landmarker.task');
  const candidates: Array<[string, string]> = [
    ...(wanted ? [[resolve(root, wanted), '$ATTUNE_FACE_MODEL'] as [string, string]] : []),
    [resolve(root, '../shared/models/face_landmarker.task'), '../shared/models'],
    [cache, 'download cache'],
  ];
  for (const [path, from] of candidates) {
    if (!existsSync(path)) {
      if (from === '$ATTUNE_FACE_MODEL') problems.push(`${path} (from $ATTUNE_FACE_MODEL) does not exist`);
      continue;
    }
    if (sha256(readFileSync(path)) === FACE_MODEL_SHA256) return { path, from };
    problems.push(`${path} (${from}) is not the genuine model: sha256 differs`);
  }
  try {
    const bytes = await download(FACE_MODEL_URL);
    if (sha256(bytes) !== FACE_MODEL_SHA256) throw new Error('the downloaded file’s sha256 differs');
    mkdirSync(dirname(cache), { recursive: true });
    writeFileSync(`${cache}.part`, bytes);
    renameSync(`${cache}.part`, cache);
    return { path: cache, from: FACE_MODEL_URL };
  } catch (error) {
    problems.push(`download from ${FACE_MODEL_URL} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { path: null, problems };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** WXT's public-file entries (copied or generated); we only add copied ones. */
type PublicFile = { relativeDest: string } & ({ absoluteSrc: string } | { contents: string });

/** The WXT hook (`build:publicAssets`): adds the wasm and, when there is one, the model. */
export async function addFaceModel(wxt: { config: { root: string }; logger: { info(m: string): void; warn(m: string): void } }, files: PublicFile[]): Promise<void> {
  const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@mediapipe/tasks-vision')), 'wasm');
  for (const name of WASM_FILES) files.push({ absoluteSrc: join(wasmDir, name), relativeDest: `${WASM_DEST}/${name}` });
  const model = await resolveFaceModel({ root: wxt.config.root });
  if (model.path !== null) {
    files.push({ absoluteSrc: model.path, relativeDest: MODEL_DEST });
    wxt.logger.info(`face model from ${model.from}`);
  } else {
    wxt.logger.warn(`no face model (gaze cues will show as unavailable): ${model.problems.join('; ')}`);
  }
}
