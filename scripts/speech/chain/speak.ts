/**
 * AnnoMI text spoken by espeak-ng, as 16 kHz mono samples, cached under .cache/chain/audio so
 * that reruns do not speak again. Voice and rate are chosen deterministically (voiceFor).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_SAMPLE_RATE } from '../../../src/core/audio/constants';
import { resampleWhole } from '../../../src/core/audio/resample';
import { decodeWavFrames, encodeWav16, parseWavHeader } from '../../../src/core/audio/wav';

/** espeak-ng voices (language + variant): American and British, male and female. */
export const CHAIN_VOICES = ['en-us+m3', 'en-us+f3', 'en-gb+m1', 'en-gb+f2', 'en-us+m7', 'en-us+f4', 'en-gb-x-rp+m4', 'en-us+f1'] as const;
/** Speaking rates, words per minute (espeak-ng's default is 175). */
export const CHAIN_RATES_WPM = [150, 160, 170, 180, 190] as const;

/** One voice per transcript (one clinician), the rate varying from utterance to utterance. */
export function voiceFor(transcriptId: number, utteranceId: number): { voice: string; rateWpm: number } {
  return {
    voice: CHAIN_VOICES[transcriptId % CHAIN_VOICES.length]!,
    rateWpm: CHAIN_RATES_WPM[(transcriptId * 3 + utteranceId * 7) % CHAIN_RATES_WPM.length]!,
  };
}

export function espeakAvailable(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const key = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);

/** The text spoken with the voice and rate, at 16 kHz (cached as a 16-bit WAV). */
export function speak(cacheDir: string, text: string, voice: string, rateWpm: number): Float32Array {
  const dir = join(cacheDir, 'audio');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${key(voice, String(rateWpm), text)}.wav`);
  if (!existsSync(path)) {
    // The text goes in on stdin ("--" would not stop espeak-ng reading a leading "-" as an option).
    const wav = execFileSync('espeak-ng', ['-v', voice, '-s', String(rateWpm), '--stdin', '--stdout'], { input: text, maxBuffer: 1 << 28 });
    const pcm = to16k(new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength));
    writeFileSync(`${path}.${process.pid}.tmp`, encodeWav16([pcm], ENGINE_SAMPLE_RATE));
    renameSync(`${path}.${process.pid}.tmp`, path);
  }
  return readWav16k(path);
}

function to16k(wav: Uint8Array): Float32Array {
  const header = parseWavHeader(wav, wav.length);
  // espeak-ng writing to a pipe cannot seek back to fill in the sizes: the data runs to the end.
  const dataBytes = Math.min(header.dataBytes, wav.length - header.dataOffset);
  const whole = dataBytes - (dataBytes % header.blockAlign);
  const samples = decodeWavFrames(header, wav.subarray(header.dataOffset, header.dataOffset + whole))[0]!;
  return resampleWhole(samples, header.sampleRate, ENGINE_SAMPLE_RATE);
}

function readWav16k(path: string): Float32Array {
  const bytes = new Uint8Array(readFileSync(path));
  const header = parseWavHeader(bytes, bytes.length);
  return decodeWavFrames(header, bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes))[0]!;
}
