/**
 * Dev and test builds versus the store build. `ATTUNE_DEV_BUILD=1 wxt build` (what `npm run demo`,
 * `npm test`'s end-to-end build and `wxt` dev mode use) adds what only automation and the local
 * demo need:
 *   - the local demo page (`http://127.0.0.1|localhost/attune-demo/*`) among the content scripts'
 *     matches and the web-accessible panel CSS's matches;
 *   - an open shadow root for the panel, so the end-to-end tests and the demo can read it
 *     (Playwright's locators cannot enter a closed one).
 * `npm run build` (the store build) has neither: no local hosts, and a closed shadow root.
 */
import type { Browser } from 'wxt/browser';

export const DEV_BUILD_ENV = 'ATTUNE_DEV_BUILD';

export function isDevBuild(env: Record<string, string | undefined>, command: 'build' | 'serve'): boolean {
  return command === 'serve' || env[DEV_BUILD_ENV] === '1';
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];
const isLocalMatch = (pattern: string): boolean => LOCAL_HOSTS.some((host) => new RegExp(`^[a-z*]+://${host.replace(/\./g, '\\.')}[:/]`).test(pattern));

/** The manifest without any content-script or web-accessible match on a local host (the store build). */
export function withoutLocalDemoPages(manifest: Browser.runtime.Manifest): void {
  manifest.content_scripts = manifest.content_scripts
    ?.map((script) => ({ ...script, matches: script.matches?.filter((m) => !isLocalMatch(m)) }))
    .filter((script) => (script.matches?.length ?? 0) > 0);
  const resources = manifest.web_accessible_resources as Array<string | { matches?: string[] }> | undefined;
  manifest.web_accessible_resources = resources
    ?.map((entry) => (typeof entry === 'string' ? entry : { ...entry, matches: entry.matches?.filter((m) => !isLocalMatch(m)) }))
    .filter((entry) => typeof entry === 'string' || (entry.matches?.length ?? 0) > 0) as typeof manifest.web_accessible_resources;
}
