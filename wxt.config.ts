import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { addSpeechModels } from './scripts/build/speech-models';
import { addFaceModel } from './scripts/build/face-model';
import { isDevBuild, withoutLocalDemoPages } from './scripts/build/dev-build';
import { addPrivacyPage } from './scripts/build/privacy-page';
import { noMediaPipeLogger } from './scripts/build/no-mediapipe-logger';

/**
 * Nothing remote, ever: extension pages (and the service worker) may load and connect only to
 * the extension itself; 'wasm-unsafe-eval' is for the on-device models' WebAssembly.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "object-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

export default defineConfig({
  // ATTUNE_OUT_DIR puts a second build beside the usual one: `npm test` builds the store build into
  // .output/store for its end-to-end check (tests/e2e/store-build.test.ts) next to the dev/test build.
  outDir: process.env.ATTUNE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lint can then see (and forbid) browser APIs in src/core.
  imports: false,
  vite: (env) => ({
    // MediaPipe's usage logger is cut out of the face worker's bundle (issue 17.3).
    plugins: [preact(), noMediaPipeLogger()],
    // Read by the panel's content script (an open shadow root only in dev/test builds; scripts/build/dev-build.ts).
    define: { __ATTUNE_DEV_BUILD__: JSON.stringify(isDevBuild(process.env, env.command)) },
  }),
  hooks: {
    // The store build never runs on local hosts (the demo page): scripts/build/dev-build.ts.
    'build:manifestGenerated': (wxt, manifest) => {
      if (!isDevBuild(process.env, wxt.config.command)) withoutLocalDemoPages(manifest);
    },
    // Model and wasm files are copied into the build with their checksums verified.
    'build:publicAssets': async (wxt, files) => {
      await addSpeechModels(wxt, files);
      await addFaceModel(wxt, files);
      addPrivacyPage(files);
    },
  },
  // `npm run zip`: the store packages in .output/ (see docs/STORE.md). Firefox's review also gets a
  // sources zip; local test and data folders are not part of either.
  zip: {
    excludeSources: ['.e2e/**', '.output/**', 'docs/screenshots/**', '**/*.wav'],
  },
  manifest: ({ browser }) => ({
    name: 'Attune — listening coach',
    // The promise, exact (issue 17.4): the one exception is the clinician's own choice (tests/unit/security/promises.test.ts).
    description: "On-device listening coach for telehealth visits. Nothing leaves your computer unless you pick Chrome's online speech engine.",
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen', 'tabCapture'])],
    action: { default_title: 'Attune — listening coach' },
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+A' }, description: 'Show or hide the Attune panel' },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'attune@attune.local', strict_min_version: '128.0' } } } : {}),
  }),
});
