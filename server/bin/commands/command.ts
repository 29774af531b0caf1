import { ConfigError, loadConfig, type Config } from '../../src/config/config.js';

/** Where a command reads and writes; tests pass streams of their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** One `ringdown <name>` subcommand, in its own module. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit code of a command whose configuration is unusable (sysexits' EX_CONFIG). */
export const CONFIG_EXIT = 78;

/** The configuration from the environment, or null once its error is written to stderr. */
export function configOrExit(io: CliIo): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return null;
  }
}
