/**
 * MediaPipe's `.task` files are zip archives of stored (uncompressed) TensorFlow Lite models.
 * The face landmarker's bundle already holds the face detector it runs inside; reading that one
 * entry out lets the worker count faces with it on its own, every few seconds, without
 * shipping a second copy of the model.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;

export class ModelBundleError extends Error {
  override name = 'ModelBundleError';
}

/** The bytes of the stored entry `name` (a view, not a copy); throws ModelBundleError when it is not there. */
export function readBundleEntry(bundle: Uint8Array, name: string): Uint8Array {
  const view = new DataView(bundle.buffer, bundle.byteOffset, bundle.byteLength);
  const end = findEndOfDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ModelBundleError('the model bundle’s directory is damaged');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    if (decoder.decode(bundle.subarray(at + 46, at + 46 + nameLength)) === name) {
      if (method !== STORED) throw new ModelBundleError(`${name} is compressed in the model bundle (only stored entries can be read)`);
      if (localAt + 30 > view.byteLength || view.getUint32(localAt, true) !== LOCAL_HEADER) throw new ModelBundleError(`${name}: damaged entry in the model bundle`);
      const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
      if (dataAt + size > view.byteLength) throw new ModelBundleError(`${name} is cut short in the model bundle`);
      return bundle.subarray(dataAt, dataAt + size);
    }
    at += 46 + skip;
  }
  throw new ModelBundleError(`${name} is not in the model bundle`);
}

/** The end-of-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ModelBundleError('not a model bundle (no zip directory found)');
}
