import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './commands/command.js';
import { COMMANDS } from './commands/index.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return ['usage: ringdown <command> [options]', '', 'commands:', ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), '', 'ringdown <command> --help for its options', ''].join('\n');
}

/** Dispatches to a subcommand from the table; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`ringdown: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

export const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

// Run when started directly (`tsx server/bin/ringdown.ts`); ringdown.mjs calls main() itself.
if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) process.exitCode = await main(process.argv.slice(2), processIo());
