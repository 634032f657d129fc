import { describe, expect, it, vi } from 'vitest';
import { handleTabUpdate } from '../../src/adapters/background/tab-updates';

describe('a call tab navigating', () => {
  const deps = (url: string | undefined) => ({ navigated: vi.fn(async () => undefined), tabUrl: vi.fn(async () => url) });

  it('passes a readable new address on', async () => {
    const d = deps(undefined);
    await handleTabUpdate(3, { url: 'https://meet.google.com/x' }, d);
    expect(d.navigated).toHaveBeenCalledWith(3, 'https://meet.google.com/x');
    expect(d.tabUrl).not.toHaveBeenCalled();
  });

  it('a load whose address Attune may not read counts as leaving (empty host)', async () => {
    const d = deps(undefined);
    await handleTabUpdate(3, { status: 'loading' }, d);
    expect(d.navigated).toHaveBeenCalledWith(3, '');
  });

  it('a reload on the call site keeps its address; other updates are ignored', async () => {
    const d = deps('https://meet.google.com/x');
    await handleTabUpdate(3, { status: 'loading' }, d);
    expect(d.navigated).toHaveBeenCalledWith(3, 'https://meet.google.com/x');
    await handleTabUpdate(3, { status: 'complete' }, d);
    expect(d.navigated).toHaveBeenCalledTimes(1);
  });

  it('a tab that is already gone reads as leaving', async () => {
    const d = { navigated: vi.fn(async () => undefined), tabUrl: vi.fn(async () => Promise.reject(new Error('No tab with id: 3'))) };
    await handleTabUpdate(3, { status: 'loading' }, d);
    expect(d.navigated).toHaveBeenCalledWith(3, '');
  });
});
