import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { decodeWavFrames, parseWavHeaderAt, WavFormatError, zeroNonFiniteSamples, type WavHeader } from '../core/audio/wav';
import { CliError } from './cli-error';

/** A WAV file read in chunks, so that hours of audio never sit in memory at once. */
export interface WavFile {
  path: string;
  header: WavHeader;
  /** Chunks of about `chunkS` seconds, one Float32Array per channel. */
  chunks(chunkS?: number): AsyncGenerator<Float32Array[]>;
  close(): Promise<void>;
}

/** Above this share of NaN/infinite samples a float file is refused as damaged; below it, a warning. */
export const MAX_NON_FINITE_SHARE = 0.01;

/** `warn` prints a line on stderr (the CLI's warnings). */
export async function openWavFile(path: string, warn: (line: string) => void = (line) => void process.stderr.write(`attune: ${line}\n`)): Promise<WavFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String(code ?? error);
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CliError(`cannot read ${path}: ${stats.isDirectory() ? 'is a folder' : 'not a regular file'}`);
    const { size } = stats;
    // Chunk headers are read where they are (a large LIST chunk may come before the data).
    const readAt = (offset: number, length: number) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      return bytes.subarray(0, readSync(handle.fd, bytes, 0, bytes.length, offset));
    };
    const header = parseWavHeaderAt(readAt, size);
    return {
      path,
      header,
      async *chunks(chunkS = 1) {
        const chunkBytes = Math.max(1, Math.round(header.sampleRate * chunkS)) * header.blockAlign;
        const buffer = new Uint8Array(chunkBytes);
        let nonFinite = 0;
        for (let done = 0; done < header.dataBytes; ) {
          const want = Math.min(chunkBytes, header.dataBytes - done);
          const { bytesRead } = await handle.read(buffer, 0, want, header.dataOffset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
          const whole = bytesRead - (bytesRead % header.blockAlign);
          const channels = decodeWavFrames(header, buffer.subarray(0, whole));
          if (header.encoding === 'float') nonFinite += zeroNonFiniteSamples(channels);
          yield channels;
        }
        reportNonFinite(path, nonFinite, header.dataBytes / (header.bitsPerSample / 8), warn);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    if (error instanceof WavFormatError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

function reportNonFinite(path: string, nonFinite: number, samples: number, warn: (line: string) => void): void {
  if (nonFinite === 0) return;
  const share = nonFinite / Math.max(1, samples);
  const what = `${nonFinite} of ${samples} samples are not numbers (NaN or infinite)`;
  if (share > MAX_NON_FINITE_SHARE) throw new CliError(`${path}: ${what}; the file is damaged`);
  warn(`${path}: ${what}; they were read as silence`);
}
