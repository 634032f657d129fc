import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BIN, firefoxAvailable } from '../../scripts/firefox/bidi';

/**
 * The Firefox build (MV2) in Debian's Firefox ESR: install, the panel on the demo page, a visit
 * coached through the page tap, the saved summary (scripts/firefox/check.ts, over WebDriver BiDi).
 * Skipped, with a message, where firefox-esr is not installed.
 */
const available = firefoxAvailable();
if (!available) console.info(`SKIP Firefox e2e: ${FIREFOX_BIN} is not installed (apt-get install firefox-esr).`);

describe.skipIf(!available)('the Firefox build in Firefox ESR', () => {
  it('installs, shows the panel, coaches a demo visit through the page tap and saves its summary', () => {
    if (!existsSync('.output/firefox-mv2/manifest.json')) {
      const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { encoding: 'utf8', timeout: 400_000 });
      expect(build.status, build.stderr).toBe(0);
    }
    // Node 20 has WebSocket behind a flag; Node 22 has it by default.
    const flags = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket'] : [];
    const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', 'scripts/firefox/check.ts'], { encoding: 'utf8', timeout: 240_000 });
    console.info(run.stdout);
    expect(run.status, run.stderr.slice(-4000)).toBe(0);
    expect(run.stdout).toMatch(/firefox: PASS/);
    expect(run.stdout).toMatch(/firefox: visit saved/);
  });
});
