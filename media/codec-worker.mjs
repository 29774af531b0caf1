// Entry point of a codec worker thread. A worker does not reliably inherit its parent's
// TypeScript loader (under vitest the parent's TS goes through vite, not a Node loader), so
// it registers tsx itself, resolved from this folder rather than from the process's cwd.
import { tsImport } from 'tsx/esm/api';

await tsImport('./codec-worker.ts', import.meta.url);
