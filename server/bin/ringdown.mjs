#!/usr/bin/env node
// The npm `bin` entry: node cannot run TypeScript, so register tsx first, then load the CLI.
import { register } from 'tsx/esm/api';

register();
const { main, processIo } = await import('./ringdown.ts');
process.exitCode = await main(process.argv.slice(2), processIo());
