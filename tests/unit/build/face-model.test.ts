import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACE_MODEL_SHA256, resolveFaceModel, sha256 } from '../../../scripts/build/face-model';

const SHARED_MODEL = resolve('../shared/models/face_landmarker.task');
const noDownload = async (): Promise<Uint8Array> => {
  throw new Error('offline');
};

/** A project root in a temp dir, so that ../shared beside it does not exist. */
function tempRoot(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'attune-face-model-')), 'repo');
  mkdirSync(root);
  return root;
}

describe('face model build step', () => {
  it('builds without a model when none is available (and says why)', async () => {
    const root = tempRoot();
    writeFileSync(join(root, 'fake.task'), 'not a model');
    const out = await resolveFaceModel({ root, env: { ATTUNE_FACE_MODEL: 'fake.task' }, download: noDownload });
    expect(out.path).toBeNull();
    if (out.path === null) {
      expect(out.problems.join('\n')).toMatch(/fake\.task .* not the genuine model/);
      expect(out.problems.join('\n')).toMatch(/download .* failed: offline/);
    }
  });

  it('refuses a download whose sha256 differs, and caches nothing', async () => {
    const root = tempRoot();
    const out = await resolveFaceModel({ root, env: {}, download: async () => new TextEncoder().encode('tampered') });
    expect(out.path).toBeNull();
    expect(existsSync(join(root, 'node_modules/.cache/attune/face_landmarker.task'))).toBe(false);
  });

  it('ATTUNE_FACE_MODEL=none skips the model entirely', async () => {
    const out = await resolveFaceModel({ root: tempRoot(), env: { ATTUNE_FACE_MODEL: 'none' }, download: () => Promise.reject(new Error('must not download')) });
    expect(out).toEqual({ path: null, problems: ['ATTUNE_FACE_MODEL=none'] });
  });

  it.skipIf(!existsSync(SHARED_MODEL))('takes the genuine model from $ATTUNE_FACE_MODEL first, and caches a download', async () => {
    expect(sha256(readFileSync(SHARED_MODEL))).toBe(FACE_MODEL_SHA256);
    const root = tempRoot();
    expect(await resolveFaceModel({ root, env: { ATTUNE_FACE_MODEL: SHARED_MODEL }, download: noDownload })).toEqual({ path: SHARED_MODEL, from: '$ATTUNE_FACE_MODEL' });
    // "Downloading" the genuine bytes puts them in the cache, which the next build uses.
    const downloaded = await resolveFaceModel({ root, env: {}, download: async () => new Uint8Array(readFileSync(SHARED_MODEL)) });
    expect(downloaded.path).toBe(join(root, 'node_modules/.cache/attune/face_landmarker.task'));
    expect(await resolveFaceModel({ root, env: {}, download: noDownload })).toMatchObject({ from: 'download cache' });
  });
});
