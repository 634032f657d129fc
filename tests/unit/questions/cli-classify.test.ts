import { describe, expect, it } from 'vitest';
import { classifyLine, runClassify } from '../../../src/cli/classify';

async function* from(lines: string[]): AsyncIterable<string> {
  for (const l of lines) yield l;
}

async function run(lines: string[]): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  await runClassify(from(lines), (l) => out.push(l));
  return out.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('attune classify (runClassify)', () => {
  it('writes one result line per input line, keeping ids', async () => {
    const out = await run([
      JSON.stringify({ id: 'a1', text: 'What brings you in today?', prev_text: null }),
      JSON.stringify({ id: 2, text: 'are you still smoking at the moment', prev_text: 'my chest has been tight' }),
      JSON.stringify({ id: 'a3', text: 'Mm-hmm.' }),
    ]);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: 'a1', label: 'open_question' });
    expect(out[1]).toMatchObject({ id: 2, label: 'closed_question' });
    expect(out[2]).toMatchObject({ id: 'a3', label: 'other' });
    for (const o of out) {
      expect(typeof o.confidence).toBe('number');
      expect(o).not.toHaveProperty('error');
      if (o.label !== 'reflection') expect(o).not.toHaveProperty('reflection_type');
    }
  });

  it('adds reflection_type only for reflections', async () => {
    const [o] = await run([
      JSON.stringify({
        id: 'r',
        text: "So you're really worn out by all these appointments.",
        prev_text: "I'm just so tired of all these appointments, every week there's another one.",
      }),
    ]);
    expect(o?.label).toBe('reflection');
    if ('reflection_type' in (o ?? {})) expect(['simple', 'complex']).toContain(o?.reflection_type);
  });

  it('reports malformed lines as error lines and keeps going', async () => {
    const out = await run([
      '{not json',
      JSON.stringify({ id: 'x', prev_text: 'hello' }),
      JSON.stringify({ id: 'y', text: 42 }),
      JSON.stringify({ id: 'z', text: '   ' }),
      JSON.stringify({ id: 'p', text: 'How are you?', prev_text: 7 }),
      JSON.stringify([1, 2]),
      'null',
      JSON.stringify({ text: 'Okay.', id: { nested: true } }),
      JSON.stringify({ id: 'ok', text: 'How are you?' }),
    ]);
    expect(out).toHaveLength(9);
    expect(out[0]).toMatchObject({ id: null });
    expect(typeof out[0]?.error).toBe('string');
    expect(out[1]).toMatchObject({ id: 'x' });
    expect(out[1]?.error).toMatch(/text/);
    expect(out[2]).toMatchObject({ id: 'y' });
    expect(out[2]?.error).toMatch(/text/);
    expect(out[3]).toMatchObject({ id: 'z' });
    expect(out[3]?.error).toMatch(/empty/);
    expect(out[4]).toMatchObject({ id: 'p' });
    expect(out[4]?.error).toMatch(/prev_text/);
    expect(out[5]).toMatchObject({ id: null });
    expect(out[6]).toMatchObject({ id: null });
    expect(out[7]).toMatchObject({ id: null, label: 'other' });
    expect(out[8]).toMatchObject({ id: 'ok', label: 'open_question' });
  });

  it('skips blank lines and strips CR line endings', async () => {
    const out = await run(['', '   ', JSON.stringify({ id: 1, text: 'Okay.' }) + '\r', '\t']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: 1 });
  });

  it('accepts final_pitch_rise and validates it', () => {
    const ok = JSON.parse(classifyLine(JSON.stringify({ id: 1, text: 'you saw the doctor last week', final_pitch_rise: true })));
    expect(ok.label).toBe('closed_question');
    const bad = JSON.parse(classifyLine(JSON.stringify({ id: 2, text: 'you took it', final_pitch_rise: 'yes' })));
    expect(bad).toMatchObject({ id: 2 });
    expect(bad.error).toMatch(/final_pitch_rise/);
  });
});
