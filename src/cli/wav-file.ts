import { open, type FileHandle } from 'node:fs/promises';
import { decodeWavFrames, parseWavHeader, WavFormatError, type WavHeader } from '../core/audio/wav';
import { CliError } from './cli-error';

/** A WAV file read in chunks, so that hours of audio never sit in memory at once. */
export interface WavFile {
  path: string;
  header: WavHeader;
  /** Chunks of about `chunkS` seconds, one Float32Array per channel. */
  chunks(chunkS?: number): AsyncGenerator<Float32Array[]>;
  close(): Promise<void>;
}

const HEADER_PROBE_BYTES = 64 * 1024;

export async function openWavFile(path: string): Promise<WavFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String(code ?? error);
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  try {
    const { size } = await handle.stat();
    const probe = new Uint8Array(Math.min(size, HEADER_PROBE_BYTES));
    await handle.read(probe, 0, probe.length, 0);
    const header = parseWavHeader(probe, size);
    return {
      path,
      header,
      async *chunks(chunkS = 1) {
        const chunkBytes = Math.max(1, Math.round(header.sampleRate * chunkS)) * header.blockAlign;
        const buffer = new Uint8Array(chunkBytes);
        for (let done = 0; done < header.dataBytes; ) {
          const want = Math.min(chunkBytes, header.dataBytes - done);
          const { bytesRead } = await handle.read(buffer, 0, want, header.dataOffset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
          const whole = bytesRead - (bytesRead % header.blockAlign);
          yield decodeWavFrames(header, buffer.subarray(0, whole));
        }
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    if (error instanceof WavFormatError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}
