import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CallerMind, type Reply } from '../../src/caller/mind.js';
import { LIBRARY_DIR, loadScenarioFile } from '../../src/caller/scenario-file.js';
import type { Command, CliIo } from './command.js';

const USAGE = `usage: ringdown converse --scenario <id> [--seed <n>] [--step <s>] [--dir <path>]
                         [--llm-base-url <url> --llm-model <name> --llm-key-file <path> [--llm-timeout-ms <ms>]]

Talk to the simulated caller of a scenario (prisma/scenarios/<id>.json) as the call-taker.
Type what the call-taker says; the caller answers with [emotion].
  --seed       the call's seed (default 1): same seed, same names, address, number and caller
  --step       seconds of call time each line takes when input is piped (default 4)
  --llm-*      phrase the caller with an OpenAI-compatible endpoint; the key is read from a file
Lines starting with / are commands:
  /wait <s>    let <s> seconds pass (timeline events, silence)
  /hold <s>    put the caller on hold for <s> seconds
  /state       show emotion and the facts given so far
  /quit        end the call`;

function print(io: CliIo, reply: Reply | null, atMs: number): void {
  if (!reply?.text) return;
  const revealed = reply.revealed.length ? `  (revealed: ${reply.revealed.join(', ')})` : '';
  const fellBack = reply.fallbacks.map((f) => `${f.stage}: ${f.reason}`).join('; ');
  const source = [reply.source === 'llm' ? 'llm' : fellBack && 'scripted', fellBack].filter(Boolean).map((s) => ` ${s}`).join(',');
  io.stdout.write(`${(atMs / 1000).toFixed(0).padStart(4)}s caller [${reply.emotion}${source}]: ${reply.text}${revealed}\n`);
}

async function run(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        scenario: { type: 'string', short: 's' },
        seed: { type: 'string', default: '1' },
        step: { type: 'string', default: '4' },
        dir: { type: 'string', default: LIBRARY_DIR },
        'llm-base-url': { type: 'string' },
        'llm-model': { type: 'string' },
        'llm-key-file': { type: 'string' },
        'llm-timeout-ms': { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const seed = Number(values.seed);
  const stepMs = Number(values.step) * 1000;
  if (!values.scenario || !Number.isInteger(seed) || !(stepMs >= 0)) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const baseUrl = values['llm-base-url'];
  const model = values['llm-model'];
  const llm = baseUrl && model ? { baseUrl, model, apiKey: values['llm-key-file'] ? (await readFile(values['llm-key-file'], 'utf8')).trim() : 'none', timeoutMs: Number(values['llm-timeout-ms'] ?? 600) } : undefined;

  let mind: CallerMind;
  try {
    mind = new CallerMind(await loadScenarioFile(values.scenario, values.dir, seed), seed, llm ? { llm } : {});
  } catch (error) {
    io.stderr.write(`ringdown converse: ${(error as Error).message}\n`);
    return 1;
  }

  // At a terminal the call runs on the wall clock; piped input advances a simulated clock per
  // line, so a script of lines gives the same conversation every time.
  const interactive = io.stdin.isTTY === true;
  const started = Date.now();
  let simulatedMs = 0;
  const now = () => (interactive ? Date.now() - started : simulatedMs);
  const pass = (ms: number) => {
    if (interactive) return;
    for (const end = simulatedMs + ms; simulatedMs < end; ) {
      simulatedMs = Math.min(end, simulatedMs + 500);
      print(io, mind.tick(simulatedMs), simulatedMs);
    }
  };
  const ticker = interactive ? setInterval(() => print(io, mind.tick(now()), now()), 500) : null;

  io.stdout.write(`scenario ${values.scenario}, seed ${seed}. You are the call-taker; /quit ends the call.\n`);
  const lines = createInterface({ input: io.stdin, terminal: false });
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      const [cmd, arg] = line.split(/\s+/);
      if (cmd === '/quit') break;
      if (cmd === '/state') {
        io.stdout.write(`emotion ${mind.emotion}; revealed: ${mind.revealed.join(', ') || 'nothing yet'}\n`);
      } else if (cmd === '/wait') {
        pass(Number(arg ?? 10) * 1000);
      } else if (cmd === '/hold') {
        mind.onHold(now());
        pass(Number(arg ?? 10) * 1000);
        print(io, mind.offHold(now()), now());
      } else {
        pass(stepMs);
        io.stdout.write(`${(now() / 1000).toFixed(0).padStart(4)}s you: ${line}\n`);
        print(io, await mind.respond({ text: line, atMs: now() }), now());
      }
    }
  } finally {
    if (ticker) clearInterval(ticker);
    mind.close();
  }
  return 0;
}

export const converse: Command = { name: 'converse', summary: 'talk to the simulated caller of a scenario in the terminal', usage: USAGE, run };
