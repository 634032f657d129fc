import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lint can then see (and forbid) browser APIs in src/core.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Attune — listening coach',
    description: 'On-device active-listening coach for telehealth visits. Nothing leaves your computer.',
  },
});
