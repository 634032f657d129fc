import { describe, expect, it } from 'vitest';
import { AdaptationSection, type AdaptationSectionProps } from '../../../src/ui/options/AdaptationSection';
import { click, mount, queryAllByRole, rerender } from './dom';

const props = (over: Partial<AdaptationSectionProps> = {}): AdaptationSectionProps => ({
  corrections: 0,
  openLogOdds: 0,
  problem: null,
  status: null,
  onReset: () => undefined,
  ...over,
});

describe('label adaptation on the options page', () => {
  it('says nothing was learnt yet and offers no reset', () => {
    const root = mount(<AdaptationSection {...props()} />);
    expect(root.textContent).toContain('No corrections yet');
    expect(queryAllByRole(root, 'button')).toEqual([]);
    expect(queryAllByRole(root, 'region', 'Labels that learn from your corrections')).toHaveLength(1);
  });

  it('describes the lean and resets only after a confirmation, then announces it', () => {
    let resets = 0;
    const view = (over: Partial<AdaptationSectionProps>) => <AdaptationSection {...props({ corrections: 12, openLogOdds: 0.7, onReset: () => resets++, ...over })} />;
    const root = mount(view({}));
    expect(root.textContent).toContain('Learnt from 12 corrections');
    expect(root.textContent).toContain('leans towards calling a question open (odds × 2.0)');
    click(queryAllByRole(root, 'button', 'Reset what Attune learnt')[0]!);
    expect(resets).toBe(0); // the first click only asks
    click(queryAllByRole(root, 'button', 'Cancel')[0]!);
    expect(resets).toBe(0);
    click(queryAllByRole(root, 'button', 'Reset what Attune learnt')[0]!);
    click(queryAllByRole(root, 'button', 'Yes, forget 12 corrections')[0]!);
    expect(resets).toBe(1);
    rerender(root, view({ corrections: 0, openLogOdds: 0, status: 'Reset: labels are the classifier’s own again.' }));
    expect(queryAllByRole(root, 'status')[0]?.textContent).toBe('Reset: labels are the classifier’s own again.');
  });

  it('shows why a stored adaptation could not be read, and still offers the reset', () => {
    const root = mount(<AdaptationSection {...props({ problem: 'What Attune learnt from your corrections could not be read (x).' })} />);
    expect(queryAllByRole(root, 'alert')[0]?.textContent).toMatch(/could not be read/);
    click(queryAllByRole(root, 'button', 'Reset what Attune learnt')[0]!);
    expect(queryAllByRole(root, 'button', 'Yes, start again')).toHaveLength(1);
  });
});
