#!/usr/bin/env node
// `npm test`: unit and integration tests, the extension build (Chrome and Firefox), then the
// end-to-end tests in Debian's Chromium. Ends with one "N passed, N failed" line over all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.e2e', { recursive: true });
let passed = 0;
let failed = 0;
let ok = true;

function step(name, command, args, env = process.env) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

function vitest(name, projects) {
  const report = `.e2e/vitest-${name}.json`;
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  step(name, 'npx', ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    // A suite can fail outside its tests (a hook, a teardown): count it, so the total never hides it.
    if (!json.success && json.numFailedTests === 0) failed += Math.max(1, json.numFailedTestSuites);
  } catch {
    failed += 1; // the runner itself failed before reporting
  }
}

vitest('unit+integration', ['unit', 'integration']);
// The end-to-end tests need the dev/test build (the local demo page; scripts/build/dev-build.ts).
const devBuild = { ...process.env, ATTUNE_DEV_BUILD: '1' };
// …and tests/e2e/store-build.test.ts checks the store build itself (closed panel), built beside it.
const storeBuild = { ...process.env, ATTUNE_DEV_BUILD: '0', ATTUNE_OUT_DIR: '.output/store' };
const built =
  step('build (chrome, dev/test)', 'npx', ['wxt', 'build'], devBuild) &&
  step('build (firefox, dev/test)', 'npx', ['wxt', 'build', '-b', 'firefox'], devBuild) &&
  step('build (chrome, store, into .output/store)', 'npx', ['wxt', 'build'], storeBuild);
if (built) vitest('e2e', ['e2e']);
else failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
