// Entry point of the spawn host process (spawn-host.ts). Like the worker entry points, it
// registers tsx itself, resolved from this folder, so it runs the same under vitest and tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./spawn-host-child.ts', import.meta.url);
