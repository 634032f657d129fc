import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelBundleError, readBundleEntry } from '../../../src/core/gaze/model-bundle';

const SHARED_TASK = resolve(import.meta.dirname, '../../../../shared/models/face_landmarker.task');

/** A zip archive written by hand: local headers, the central directory, the end record (CRC left 0: not read). */
function zipOf(entries: Array<{ name: string; data: Uint8Array; method?: number }>, comment = ''): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(8, e.method ?? 0, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.data.length, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, e.data);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(10, e.method ?? 0, true);
    central.setUint32(20, e.data.length, true);
    central.setUint32(24, e.data.length, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const directorySize = directory.reduce((n, p) => n + p.length, 0);
  const commentBytes = enc.encode(comment);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  end.setUint16(20, commentBytes.length, true);
  const all = [...parts, ...directory, new Uint8Array(end.buffer), commentBytes];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('reading one model out of a MediaPipe .task bundle', () => {
  const detector = new Uint8Array([1, 2, 3, 4, 5]);
  const landmarks = new Uint8Array([9, 8, 7]);

  it('finds a stored entry by name, whatever its position, with or without an archive comment', () => {
    const bundle = zipOf([
      { name: 'face_landmarks_detector.tflite', data: landmarks },
      { name: 'face_detector.tflite', data: detector },
    ]);
    expect(Array.from(readBundleEntry(bundle, 'face_detector.tflite'))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(readBundleEntry(bundle, 'face_landmarks_detector.tflite'))).toEqual([9, 8, 7]);
    const commented = zipOf([{ name: 'face_detector.tflite', data: detector }], 'made by hand');
    expect(Array.from(readBundleEntry(commented, 'face_detector.tflite'))).toEqual([1, 2, 3, 4, 5]);
  });

  it('says clearly what is wrong: a missing entry, a compressed one, not a zip, a cut-off file', () => {
    const bundle = zipOf([{ name: 'face_detector.tflite', data: detector }]);
    expect(() => readBundleEntry(bundle, 'face_blendshapes.tflite')).toThrow(/face_blendshapes.tflite is not in the model bundle/);
    expect(() => readBundleEntry(zipOf([{ name: 'face_detector.tflite', data: detector, method: 8 }]), 'face_detector.tflite')).toThrow(/compressed/);
    expect(() => readBundleEntry(new TextEncoder().encode('not a zip at all, just some text here'), 'x')).toThrow(ModelBundleError);
    expect(() => readBundleEntry(new Uint8Array(4), 'x')).toThrow(ModelBundleError);
    const cut = bundle.slice();
    new DataView(cut.buffer).setUint32(0, 0, true); // the local header's signature gone
    expect(() => readBundleEntry(cut, 'face_detector.tflite')).toThrow(/damaged/);
  });

  it.skipIf(!existsSync(SHARED_TASK))('reads the face detector out of the genuine face_landmarker.task', () => {
    const model = readBundleEntry(new Uint8Array(readFileSync(SHARED_TASK)), 'face_detector.tflite');
    expect(model.length).toBe(229_746);
    // TensorFlow Lite flatbuffers carry "TFL3" at byte 4.
    expect(new TextDecoder().decode(model.subarray(4, 8))).toBe('TFL3');
  });
});
