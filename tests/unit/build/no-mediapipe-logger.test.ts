import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MEDIAPIPE_LOG_URL, withoutUsageLogger } from '../../../scripts/build/no-mediapipe-logger';

const bundle = readFileSync(createRequire(import.meta.url).resolve('@mediapipe/tasks-vision'), 'utf8');

describe('MediaPipe usage logger removal (issue 17.3)', () => {
  it('switches the pinned bundle’s logger off: no flush timer, born in its "sending failed" state', () => {
    const patched = withoutUsageLogger(bundle);
    expect(bundle).toContain('setInterval(()=>{this.flush()},6e4)');
    expect(patched).not.toContain('setInterval(()=>{this.flush()},6e4)');
    // The state in which the bundle's own code queues nothing and never sends (`if(this.error)`).
    const logger = patched.slice(patched.lastIndexOf('class{', patched.indexOf(MEDIAPIPE_LOG_URL)), patched.indexOf(MEDIAPIPE_LOG_URL));
    expect(logger).toMatch(/constructor\(\w+\)\{[^}]*this\.error=Error\("usage logging removed at build time"\)/);
    expect(logger).toContain('flush(t,e){if(this.error)');
  });

  it('fails the build when the logger has moved, rather than shipping it', () => {
    expect(() => withoutUsageLogger(bundle.replace('setInterval(()=>{this.flush()},6e4)', 'setInterval(()=>{this.flush()},3e4)'))).toThrow(/usage logger is not where/);
    expect(() => withoutUsageLogger(`${bundle}\n"${MEDIAPIPE_LOG_URL}"`)).toThrow(/usage logger is not where/);
  });
});
