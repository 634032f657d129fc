import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIVACY_OFF_NOTE } from '../../../src/ui/popup/Popup';

/**
 * Issue 17.4: wherever Attune promises that nothing leaves the computer, it also names the one
 * exception (Chrome's server speech recognition, chosen with privacy-local mode off).
 */
const sources = {
  'manifest description (wxt.config.ts)': /description: "([^"]+)"/.exec(readFileSync('wxt.config.ts', 'utf8'))?.[1] ?? '',
  'popup (privacy-local off)': PRIVACY_OFF_NOTE,
  'README.md': readFileSync('README.md', 'utf8').split('## Privacy')[1]?.split('\n## ')[0] ?? '',
  'docs/PRIVACY.md (in one paragraph)': readFileSync('docs/PRIVACY.md', 'utf8').split('## In one paragraph')[1]?.split('\n## ')[0] ?? '',
};

describe('the privacy promise is exact everywhere', () => {
  it.each(Object.entries(sources))('%s names Chrome’s speech recognition as the exception', (_where, text) => {
    expect(text.length).toBeGreaterThan(20);
    expect(text).toMatch(/Chrome['’]s (online )?speech (recognition|engine)/);
  });

  it('the manifest description fits the store’s 132 characters and makes no unconditional promise', () => {
    const description = sources['manifest description (wxt.config.ts)'];
    expect(description.length).toBeLessThanOrEqual(132);
    expect(description).not.toMatch(/Nothing leaves your computer\.$/);
  });
});
