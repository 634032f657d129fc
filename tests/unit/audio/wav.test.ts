import { describe, expect, it } from 'vitest';
import { decodeWavFrames, encodeWav16, parseWavHeader, WavFormatError } from '../../../src/core/audio/wav';

/** Builds a WAV by hand so each encoding is tested against values we chose. */
function wav(formatTag: number, bits: number, channels: number, rate: number, body: Uint8Array, extensible = false): Uint8Array {
  const fmtSize = extensible ? 40 : 16;
  const out = new Uint8Array(12 + 8 + fmtSize + 8 + body.length);
  const v = new DataView(out.buffer);
  const put = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  put(0, 'RIFF');
  v.setUint32(4, out.length - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, extensible ? 0xfffe : formatTag, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, (rate * channels * bits) / 8, true);
  v.setUint16(32, (channels * bits) / 8, true);
  v.setUint16(34, bits, true);
  if (extensible) {
    v.setUint16(36, 22, true);
    v.setUint16(38, bits, true);
    v.setUint16(44, formatTag, true); // sub-format GUID starts with the format tag
  }
  const dataAt = 20 + fmtSize;
  put(dataAt, 'data');
  v.setUint32(dataAt + 4, body.length, true);
  out.set(body, dataAt + 8);
  return out;
}

describe('WAV decoding', () => {
  it('decodes 16-bit stereo, de-interleaving channels', () => {
    const body = new Uint8Array(8);
    const v = new DataView(body.buffer);
    [16384, -16384, 32767, -32768].forEach((s, i) => v.setInt16(i * 2, s, true));
    const file = wav(1, 16, 2, 16000, body);
    const h = parseWavHeader(file);
    expect(h).toMatchObject({ sampleRate: 16000, channelCount: 2, bitsPerSample: 16, encoding: 'int' });
    const [l, r] = decodeWavFrames(h, file.subarray(h.dataOffset, h.dataOffset + h.dataBytes));
    expect(Array.from(l!)).toEqual([0.5, 32767 / 32768]);
    expect(Array.from(r!)).toEqual([-0.5, -1]);
  });

  it('decodes 24-bit, 32-bit int, 8-bit unsigned and float samples', () => {
    const b24 = new Uint8Array([0x00, 0x00, 0x40, 0x00, 0x00, 0xc0]); // +0.5, -0.5
    const h24 = parseWavHeader(wav(1, 24, 1, 44100, b24));
    expect(Array.from(decodeWavFrames(h24, b24)[0]!)).toEqual([0.5, -0.5]);

    const b32 = new Uint8Array(4);
    new DataView(b32.buffer).setInt32(0, -1073741824, true);
    expect(decodeWavFrames(parseWavHeader(wav(1, 32, 1, 8000, b32)), b32)[0]![0]).toBe(-0.5);

    const b8 = new Uint8Array([128, 192, 0]);
    expect(Array.from(decodeWavFrames(parseWavHeader(wav(1, 8, 1, 8000, b8)), b8)[0]!)).toEqual([0, 0.5, -1]);

    const bf = new Uint8Array(8);
    new DataView(bf.buffer).setFloat32(0, 0.25, true);
    new DataView(bf.buffer).setFloat32(4, -0.75, true);
    const hf = parseWavHeader(wav(3, 32, 1, 48000, bf, true));
    expect(hf.encoding).toBe('float');
    expect(Array.from(decodeWavFrames(hf, bf)[0]!)).toEqual([0.25, -0.75]);
  });

  it('round-trips its own 16-bit encoder', () => {
    const x = new Float32Array([0, 0.5, -0.5, 0.25]);
    const file = encodeWav16([x], 22050);
    const h = parseWavHeader(file);
    const [y] = decodeWavFrames(h, file.subarray(h.dataOffset));
    y!.forEach((s, i) => expect(s).toBeCloseTo(x[i]!, 4));
  });

  it('clamps a data size that overstates the file (streamed writers)', () => {
    const file = wav(1, 16, 1, 16000, new Uint8Array(10));
    new DataView(file.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWavHeader(file).dataBytes).toBe(10);
  });

  it.each([
    ['text', new TextEncoder().encode('hello, this is not audio at all'), /not a WAV file/],
    ['truncated header', wav(1, 16, 1, 16000, new Uint8Array(4)).subarray(0, 30), /truncated/],
    ['unsupported codec', wav(0x55, 16, 1, 16000, new Uint8Array(4)), /unsupported WAV encoding/],
    ['odd sample size', wav(1, 12, 1, 16000, new Uint8Array(4)), /unsupported int sample size/],
  ])('rejects %s with a clear message', (_name, bytes, message) => {
    expect(() => parseWavHeader(bytes)).toThrow(WavFormatError);
    expect(() => parseWavHeader(bytes)).toThrow(message);
  });
});
