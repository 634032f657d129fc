/**
 * WAV (RIFF/WAVE) parsing in pure TypeScript: the header once, then the sample data in
 * chunks of any size, so a two-hour file never has to sit in memory whole.
 * Supports PCM 8/16/24/32-bit integer and 32/64-bit float, plain or WAVE_FORMAT_EXTENSIBLE.
 */

export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

export type SampleEncoding = 'int' | 'float';

export interface WavHeader {
  sampleRate: number;
  channelCount: number;
  bitsPerSample: number;
  encoding: SampleEncoding;
  /** Byte offset of the first sample in the file. */
  dataOffset: number;
  /** Bytes of sample data (clamped to what the file holds when the header overstates it). */
  dataBytes: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
}

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;

function fourcc(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/** Reads up to `length` bytes at `offset` (fewer at the end of what can be read). */
export type ReadBytesAt = (offset: number, length: number) => Uint8Array;

/** A hostile file could chain millions of tiny chunks before its data: walk at most this many. */
const MAX_CHUNKS = 10_000;
/** Bytes of a format chunk that are ever read (the extensible form is 40). */
const FMT_READ_BYTES = 64;

/**
 * Parses the header from the first bytes of a file. `fileBytes` is the total file size, used to
 * clamp a data chunk whose size field is wrong (streaming writers often leave 0 or 0xFFFFFFFF
 * there). Chunks past `head` are not seen: for a file, use `parseWavHeaderAt`.
 */
export function parseWavHeader(head: Uint8Array, fileBytes: number = head.byteLength): WavHeader {
  return parseWavHeaderAt((offset, length) => head.subarray(offset, Math.min(offset + length, head.byteLength)), head.byteLength, fileBytes);
}

/**
 * Parses the header by walking the chunk headers wherever they are (a long LIST or other
 * metadata chunk may come before the data), reading only each chunk's 8-byte header and the
 * format chunk's body. `readableBytes` is how far `read` can see; `fileBytes` the file's size.
 */
export function parseWavHeaderAt(read: ReadBytesAt, readableBytes: number, fileBytes: number = readableBytes): WavHeader {
  const riff = read(0, 12);
  const riffView = new DataView(riff.buffer, riff.byteOffset, riff.byteLength);
  if (riff.byteLength < 12 || fourcc(riffView, 0) !== 'RIFF' || fourcc(riffView, 8) !== 'WAVE') {
    throw new WavFormatError('not a WAV file (no RIFF/WAVE header)');
  }
  let offset = 12;
  let fmt: Omit<WavHeader, 'dataOffset' | 'dataBytes'> | null = null;
  for (let chunks = 0; offset + 8 <= readableBytes; chunks++) {
    if (chunks >= MAX_CHUNKS) throw new WavFormatError(`WAV file has more than ${MAX_CHUNKS} chunks before its data`);
    const head = read(offset, 8);
    if (head.byteLength < 8) break;
    const headView = new DataView(head.buffer, head.byteOffset, 8);
    const id = fourcc(headView, 0);
    const size = headView.getUint32(4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = parseFormatChunk(read(body, Math.min(size, FMT_READ_BYTES)), size);
    } else if (id === 'data') {
      if (!fmt) throw new WavFormatError('WAV data chunk comes before its format chunk');
      const available = Math.max(0, fileBytes - body);
      const stated = size === 0 || size === 0xffffffff ? available : size;
      const dataBytes = Math.min(stated, available);
      return { ...fmt, dataOffset: body, dataBytes: dataBytes - (dataBytes % fmt.blockAlign) };
    }
    offset = body + size + (size % 2); // chunks are word-aligned
  }
  throw new WavFormatError(fmt ? 'WAV file has no data chunk' : 'WAV file has no format chunk (truncated?)');
}

function parseFormatChunk(bytes: Uint8Array, size: number): Omit<WavHeader, 'dataOffset' | 'dataBytes'> {
  if (bytes.byteLength < 16) throw new WavFormatError('WAV header is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const formatTag = view.getUint16(0, true);
  const channelCount = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bitsPerSample = view.getUint16(14, true);
  let tag = formatTag;
  if (formatTag === FORMAT_EXTENSIBLE) {
    if (size < 40 || bytes.byteLength < 26) throw new WavFormatError('WAV extensible header is truncated');
    tag = view.getUint16(24, true); // first two bytes of the sub-format GUID
  }
  if (tag !== FORMAT_PCM && tag !== FORMAT_FLOAT) {
    throw new WavFormatError(`unsupported WAV encoding (format tag ${tag}); use PCM or float`);
  }
  const encoding: SampleEncoding = tag === FORMAT_FLOAT ? 'float' : 'int';
  const validBits = encoding === 'float' ? [32, 64] : [8, 16, 24, 32];
  if (!validBits.includes(bitsPerSample)) {
    throw new WavFormatError(`unsupported ${encoding} sample size: ${bitsPerSample} bits`);
  }
  if (channelCount < 1 || sampleRate < 1000 || sampleRate > 384000) {
    throw new WavFormatError(`implausible WAV format: ${channelCount} channels at ${sampleRate} Hz`);
  }
  if (blockAlign !== (channelCount * bitsPerSample) / 8) {
    throw new WavFormatError('WAV block alignment does not match its channels and sample size');
  }
  return { sampleRate, channelCount, bitsPerSample, encoding, blockAlign };
}

/**
 * Replaces NaN and infinite samples (possible only in float files) with silence, in place, and
 * returns how many there were: a damaged float file must not pass as silence unnoticed.
 */
export function zeroNonFiniteSamples(channels: Float32Array[]): number {
  let count = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) {
      if (!Number.isFinite(channel[i]!)) {
        channel[i] = 0;
        count++;
      }
    }
  }
  return count;
}

/**
 * Decodes whole frames of interleaved sample bytes into one Float32Array per channel, in [-1, 1].
 * `bytes.byteLength` must be a multiple of `header.blockAlign`.
 */
export function decodeWavFrames(header: WavHeader, bytes: Uint8Array): Float32Array[] {
  const { channelCount, bitsPerSample, encoding, blockAlign } = header;
  const frames = Math.floor(bytes.byteLength / blockAlign);
  const view = new DataView(bytes.buffer, bytes.byteOffset, frames * blockAlign);
  const out = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const bytesPerSample = bitsPerSample / 8;
  for (let c = 0; c < channelCount; c++) {
    const channel = out[c]!;
    let p = c * bytesPerSample;
    for (let i = 0; i < frames; i++, p += blockAlign) {
      channel[i] = readSample(view, p, bitsPerSample, encoding);
    }
  }
  return out;
}

function readSample(view: DataView, p: number, bits: number, encoding: SampleEncoding): number {
  if (encoding === 'float') return bits === 32 ? view.getFloat32(p, true) : view.getFloat64(p, true);
  switch (bits) {
    case 8:
      return (view.getUint8(p) - 128) / 128; // 8-bit WAV is unsigned
    case 16:
      return view.getInt16(p, true) / 32768;
    case 24: {
      const v = view.getUint8(p) | (view.getUint8(p + 1) << 8) | (view.getInt8(p + 2) << 16);
      return v / 8388608;
    }
    default:
      return view.getInt32(p, true) / 2147483648;
  }
}

/** Encodes mono or multi-channel float samples as a 16-bit PCM WAV file (used for fixtures and tests). */
export function encodeWav16(channels: readonly Float32Array[], sampleRate: number): Uint8Array {
  const channelCount = channels.length;
  const frames = channels[0]?.length ?? 0;
  const dataBytes = frames * channelCount * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, s: string) => [...s].forEach((ch, i) => view.setUint8(offset + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channelCount * 2, true);
  view.setUint16(32, channelCount * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let p = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++, p += 2) {
      const s = Math.max(-1, Math.min(1, channels[c]![i]!));
      view.setInt16(p, Math.round(s * 32767), true);
    }
  }
  return out;
}
