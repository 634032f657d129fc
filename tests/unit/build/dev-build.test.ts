import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { isDevBuild, withoutLocalDemoPages } from '../../../scripts/build/dev-build';
import { ALL_CALL_PAGE_MATCHES } from '../../../src/core/platforms/catalog';

/** The manifest WXT generates for our three content scripts and the panel's CSS (shape of .output/chrome-mv3/manifest.json). */
function generatedManifest(): Browser.runtime.Manifest {
  const hostOnly = ALL_CALL_PAGE_MATCHES.map((m) => m.replace(/^(\w+:\/\/[^/]+)\/.*$/, '$1/*'));
  return {
    manifest_version: 3,
    name: 'Attune',
    version: '0.1.0',
    content_scripts: [
      { matches: [...ALL_CALL_PAGE_MATCHES], js: ['content-scripts/call.js'] },
      { matches: [...ALL_CALL_PAGE_MATCHES], js: ['content-scripts/page-tap.js'], run_at: 'document_start', world: 'MAIN' } as never,
      { matches: ['http://localhost/attune-demo/*'], js: ['content-scripts/demo-only.js'] },
    ],
    web_accessible_resources: [{ resources: ['content-scripts/call.css'], matches: hostOnly, use_dynamic_url: true } as never],
  };
}

describe('the store build (issue 17.7)', () => {
  it('is the default; dev/test builds are asked for by ATTUNE_DEV_BUILD=1 or wxt dev', () => {
    expect(isDevBuild({}, 'build')).toBe(false);
    expect(isDevBuild({ ATTUNE_DEV_BUILD: '0' }, 'build')).toBe(false);
    expect(isDevBuild({ ATTUNE_DEV_BUILD: '1' }, 'build')).toBe(true);
    expect(isDevBuild({}, 'serve')).toBe(true);
  });

  it('runs on no local host: no content-script match and no web-accessible match on 127.0.0.1 or localhost', () => {
    const manifest = generatedManifest();
    expect(JSON.stringify(manifest)).toMatch(/127\.0\.0\.1|localhost/); // the catalog has the demo page
    withoutLocalDemoPages(manifest);
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(manifest.content_scripts?.map((c) => c.js)).toEqual([['content-scripts/call.js'], ['content-scripts/page-tap.js']]);
    expect(manifest.content_scripts?.[0]?.matches).toContain('https://meet.google.com/*');
    expect((manifest.web_accessible_resources as Array<{ matches: string[] }>)[0]?.matches).toContain('https://meet.google.com/*');
  });
});
