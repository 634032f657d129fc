import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { RetentionSection } from '../../../src/ui/options/RetentionSection';

describe('retention on the options page', () => {
  it('shows the current choice and reports a new one in days', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const chosen: number[] = [];
    render(<RetentionSection retentionDays={90} onChange={(d) => chosen.push(d)} />, root);
    const select = root.querySelector('select')!;
    expect(select.value).toBe('90');
    select.value = '0';
    select.dispatchEvent(new Event('change'));
    expect(chosen).toEqual([0]);
    render(<RetentionSection retentionDays={45} onChange={() => undefined} />, root);
    expect(root.querySelector('select')!.value).toBe('45'); // a hand-set value is shown, not lost
  });
});
