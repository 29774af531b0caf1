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
