import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

// Three tiers (see docs/INTERNALS.md): pure core units in Node, integration with the fake
// browser / fake IndexedDB / happy-dom, and end-to-end in Debian's Chromium with the built extension.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/integration/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Node 20's WebSocket (a raw DevTools client in tests/e2e/request-watch.ts); Node 22 has it by default.
          execArgv: ['--experimental-websocket'],
        },
      },
    ],
  },
});
