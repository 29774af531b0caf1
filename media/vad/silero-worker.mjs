// Entry point of the Silero worker thread. Like codec-worker.mjs, it registers tsx itself:
// a worker does not reliably inherit its parent's TypeScript loader (vitest goes through vite).
import { tsImport } from 'tsx/esm/api';

await tsImport('./silero-worker.ts', import.meta.url);
