import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attune } from './run-attune';
import { boundedLines } from '../../../src/cli/bounded-lines';

/** Issue 17.8: inputs an attacker (or a damaged disk) might hand the CLI. */
const FIX = 'tests/fixtures/audio';
const tmp = mkdtempSync(join(tmpdir(), 'attune-cli-'));


const riffChunk = (id: string, body: Uint8Array) => {
  const out = new Uint8Array(8 + body.length + (body.length % 2));
  out.set(Buffer.from(id, 'latin1'), 0);
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
};
const riff = (...chunks: Uint8Array[]) => {
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
};

/** A mono 32-bit float WAV of `samples`. */
function floatWav(samples: Float32Array, rate = 16000): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(3, 0); // IEEE float
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * 4, 8);
  fmt.writeUInt16LE(4, 12);
  fmt.writeUInt16LE(32, 14);
  return riff(riffChunk('fmt ', fmt), riffChunk('data', new Uint8Array(samples.buffer)));
}

describe('attune analyze on hostile files', () => {
  it('a folder given as a WAV is a clear error (exit 2), not a stack trace', async () => {
    const r = await attune('analyze', '--mic', tmp, '--remote', `${FIX}/short-remote.wav`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*: is a folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a valid WAV whose data chunk comes after a large LIST chunk reads the same as without it', async () => {
    const original = readFileSync(`${FIX}/short-mic.wav`);
    const fmtSize = original.readUInt32LE(16);
    const afterFmt = 20 + fmtSize;
    const list = riffChunk('LIST', new Uint8Array(200_000).fill(65));
    const withList = riff(original.subarray(12, afterFmt), list, original.subarray(afterFmt));
    writeFileSync(join(tmp, 'list.wav'), withList);
    const plain = await attune('analyze', '--mic', `${FIX}/short-mic.wav`, '--remote', `${FIX}/short-remote.wav`, '--json');
    const listed = await attune('analyze', '--mic', join(tmp, 'list.wav'), '--remote', `${FIX}/short-remote.wav`, '--json');
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('an all-NaN/infinite float file is refused as damaged, not analysed as silence', async () => {
    const samples = new Float32Array(16000 * 2).map((_, i) => (i % 2 ? Number.NaN : Number.POSITIVE_INFINITY));
    writeFileSync(join(tmp, 'nan.wav'), floatWav(samples));
    const r = await attune('analyze', '--mic', join(tmp, 'nan.wav'), '--remote', join(tmp, 'nan.wav'), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/32000 of 32000 samples are not numbers \(NaN or infinite\); the file is damaged/);
  });

  it('a few non-finite samples are read as silence, with a warning', async () => {
    const samples = new Float32Array(16000 * 2);
    samples[100] = Number.NaN;
    samples[200] = Number.NEGATIVE_INFINITY;
    writeFileSync(join(tmp, 'few-nan.wav'), floatWav(samples));
    const r = await attune('analyze', '--mic', join(tmp, 'few-nan.wav'), '--remote', join(tmp, 'few-nan.wav'), '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 of 32000 samples are not numbers.*read as silence/);
    expect(JSON.parse(r.stdout).duration_s).toBeCloseTo(2, 1);
  });
});

describe('attune classify line cap', () => {
  it('answers an over-long line with an error line, and goes on', async () => {
    const lines: unknown[] = [];
    for await (const line of boundedLines((async function* () {
      yield 'short\n' + 'x'.repeat(60);
      yield 'y'.repeat(60) + '\nnext';
      yield '\n';
    })(), 100)) lines.push(line);
    expect(lines).toEqual(['short', { tooLongChars: 120 }, 'next']);
  });

  it('a 20 MB line gets an error line, and the next line still gets its answer', async () => {
    const child = spawn('node', ['bin/attune.mjs', 'classify']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const huge = `{"id": 1, "text": "${'a '.repeat(10_000_000)}"}\n`;
    child.stdin.write(huge);
    child.stdin.end('{"id": 2, "text": "How are you feeling today?", "prev_text": null}\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const answers = out.trim().split('\n').map((l) => JSON.parse(l) as { id: number | null; error?: string; label?: string });
    expect(answers).toHaveLength(2);
    expect(answers[0]!.error).toMatch(/line too long \(20000\d+ characters; at most 100000\)/);
    expect(answers[1]).toMatchObject({ id: 2, label: 'open_question' });
  });
});
