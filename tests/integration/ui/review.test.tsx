import { describe, expect, it, vi } from 'vitest';
import { REVIEW_AT_MOST, reviewQueue, uncertainIds, UNCERTAIN_BELOW } from '../../../src/core/questions/review';
import type { SummaryActions } from '../../../src/ui/summary/actions';
import { VisitDetail } from '../../../src/ui/summary/VisitDetail';
import { click, fire, getByRole, mount, queryByRole, rerender } from './dom';
import { visit } from './fixtures';

/**
 * Issue 19.5 / 13 §4: in privacy-local mode, correcting labels meant a time and a dropdown per
 * row, in time order. The summary now offers "Review N uncertain labels" first, least confident
 * first, through the existing correction path.
 */
const u = (id: string, startS: number, confidence: number, extra = {}) => ({ id, startS, endS: startS + 2, label: 'closed_question' as const, confidence, ...extra });
const utterances = [u('a', 10, 0.9), u('b', 20, 0.41), u('c', 30, 0.55), u('d', 40, 0.35, { correctedLabel: 'open_question' as const }), u('e', 50, 0.2)];

describe('review uncertain labels', () => {
  it('queues the uncorrected labels under the cut-off, least confident first', () => {
    expect(reviewQueue(utterances).map((x) => x.id)).toEqual(['e', 'b', 'c']);
    expect(UNCERTAIN_BELOW).toBeGreaterThan(0.5);
  });

  it('offers at most the REVIEW_AT_MOST least confident, and does not refill as labels are corrected', () => {
    // 12 labels at confidence 0.30, 0.35, … 0.85, and one at 0.95 (never uncertain)
    const many = Array.from({ length: 12 }, (_, i) => u(`m${i}`, i * 10, 0.3 + i * 0.05)).concat([u('sure', 200, 0.95)]);
    expect(REVIEW_AT_MOST).toBe(8);
    expect(reviewQueue(many).map((x) => x.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    const corrected = many.map((x) => (x.id === 'm0' ? { ...x, correctedLabel: 'open_question' as const } : x));
    expect(reviewQueue(corrected).map((x) => x.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(uncertainIds(corrected).has('m8')).toBe(false);
    expect(uncertainIds([u('sure', 0, 0.95)]).size).toBe(0);
  });

  it('the summary offers them first and corrects through the existing path', () => {
    const onCorrectLabel = vi.fn();
    const actions = { onCorrectLabel, onSetGoal: vi.fn(), onExport: vi.fn(), onDeleteVisit: vi.fn(), onDeleteAll: vi.fn(), onImport: vi.fn(), onPrint: vi.fn() } as unknown as SummaryActions;
    const c = mount(<VisitDetail visit={visit({ utterances, privacyLocal: true })} actions={actions} />);
    const review = getByRole(c, 'region', 'Uncertain labels');
    expect(review.querySelector('h4')!.textContent).toBe('Review 3 uncertain labels');
    expect(Array.from(review.querySelectorAll('.attune-review__time')).map((t) => t.textContent)).toEqual(['0:50', '0:20', '0:30']);
    expect(review.textContent).toMatch(/Privacy-local mode kept no words/);
    const select = review.querySelector('select')!;
    select.value = 'open_question';
    fire(select, new Event('change', { bubbles: true }));
    expect(onCorrectLabel).toHaveBeenCalledWith('v1', 'e', 'open_question');
    // The full list marks them too.
    expect(c.querySelectorAll('.attune-utterances .attune-uncertain')).toHaveLength(3);
  });

  it('confirms a right label from the keyboard; the list says so and can undo it', () => {
    const onConfirmLabel = vi.fn();
    const actions = { onCorrectLabel: vi.fn(), onConfirmLabel } as unknown as SummaryActions;
    const c = mount(<VisitDetail visit={visit({ utterances, privacyLocal: true })} actions={actions} />);
    const review = getByRole(c, 'region', 'Uncertain labels');
    expect(review.textContent).toMatch(/Confirm each one that is right and change each one that is wrong/);
    const confirm = getByRole(review, 'button', 'Confirm closed question at 0:50');
    expect(confirm.tagName).toBe('BUTTON');
    click(confirm);
    expect(onConfirmLabel).toHaveBeenCalledWith('v1', 'e', true);

    // Saved: it leaves the review (which does not refill), the full list marks it confirmed, not uncertain.
    const confirmed = utterances.map((x) => (x.id === 'e' ? { ...x, labelConfirmed: true as const } : x));
    expect(reviewQueue(confirmed).map((x) => x.id)).toEqual(['b', 'c']);
    const after = mount(<VisitDetail visit={visit({ utterances: confirmed, privacyLocal: true })} actions={actions} />);
    expect(queryByRole(getByRole(after, 'region', 'Uncertain labels'), 'button', /0:50/)).toBeNull();
    const row = Array.from(after.querySelectorAll('.attune-utterances tbody tr')).find((r) => r.textContent?.startsWith('0:50'))!;
    expect(row.textContent).toMatch(/you confirmed it; undo/);
    expect(row.querySelector('.attune-uncertain')).toBeNull();
    click(getByRole(row, 'button', 'Undo your confirmation of the label at 0:50'));
    expect(onConfirmLabel).toHaveBeenLastCalledWith('v1', 'e', false);
  });

  it('after a label leaves the review, the keyboard focus goes to the next one', () => {
    const actions = { onCorrectLabel: vi.fn(), onConfirmLabel: vi.fn() } as unknown as SummaryActions;
    const c = mount(<VisitDetail visit={visit({ utterances, privacyLocal: true })} actions={actions} />);
    getByRole(c, 'button', 'Confirm closed question at 0:50').focus();
    const confirmed = utterances.map((x) => (x.id === 'e' ? { ...x, labelConfirmed: true as const } : x));
    rerender(c, <VisitDetail visit={visit({ utterances: confirmed, privacyLocal: true })} actions={actions} />);
    expect(document.activeElement).toBe(getByRole(c, 'button', 'Confirm closed question at 0:20'));
  });

  it('shows the words where they were kept (privacy-local off)', () => {
    const onCorrectLabel = vi.fn();
    const c = mount(<VisitDetail visit={visit({ utterances: [u('x', 5, 0.3, { text: 'So you are worried?' })], privacyLocal: false })} actions={{ onCorrectLabel } as unknown as SummaryActions} />);
    expect(getByRole(c, 'region', 'Uncertain labels').textContent).toMatch(/So you are worried\?/);
  });
});
