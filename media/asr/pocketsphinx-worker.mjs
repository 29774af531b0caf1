// Entry point of a PocketSphinx worker thread. Like codec-worker.mjs: a worker does not
// reliably inherit its parent's TypeScript loader, so it registers tsx itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pocketsphinx-worker.ts', import.meta.url);
