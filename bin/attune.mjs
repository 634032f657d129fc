#!/usr/bin/env node
// The attune command-line tool. It runs the TypeScript sources directly through tsx so that
// the CLI and the extension always share one copy of the engine, with no build step between.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
