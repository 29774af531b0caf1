import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { extractEntities } from '../../src/intelligence/extract.js';
import type { Segment } from '../../src/intelligence/types.js';
import type { Command, CliIo } from './command.js';

const SPEAKERS = ['caller', 'trainee', 'instructor', 'agency'] as const;

const USAGE = `usage: ringdown extract "<text>" [--speaker ${SPEAKERS.join('|')}]
       ringdown extract --file <utterances.jsonl> [--speaker ${SPEAKERS.join('|')}]

Extracts the entities a call-taker listens for (address, callback number, nature, breathing...)
from a transcript line, the way the live checklist does. Prints them as JSON. With --file, reads
one {"text": "...", "speaker"?: "..."} per line and prints one JSON line per input line:
{"text", "speaker", "entities"}. The speaker defaults to caller.`;

const Line = z.object({ text: z.string(), speaker: z.enum(SPEAKERS).optional() });

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { speaker: { type: 'string' }, file: { type: 'string' } } });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const text = positionals.join(' ');
  const speaker = values.speaker ?? 'caller';
  if (!isSpeaker(speaker)) {
    io.stderr.write(`unknown speaker ${JSON.stringify(speaker)}\n${USAGE}\n`);
    return 2;
  }
  if ((values.file === undefined) === (positionals.length === 0)) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (values.file === undefined) {
    io.stdout.write(`${JSON.stringify(extractEntities({ id: 'cli', speaker, text, startMs: 0, endMs: 0 }), null, 2)}\n`);
    return 0;
  }

  let content: string;
  try {
    content = await readFile(values.file, 'utf8');
  } catch (error) {
    io.stderr.write(`ringdown extract: cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  // Every line is checked before anything is printed, so a bad file gives an error, not half an answer.
  const lines: { n: number; text: string; speaker: Segment['speaker'] }[] = [];
  for (const [i, raw] of content.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      io.stderr.write(`ringdown extract: ${values.file} line ${i + 1}: not valid JSON (${(error as Error).message})\n`);
      return 1;
    }
    const line = Line.safeParse(json);
    if (!line.success) {
      const issue = line.error.issues[0]!;
      io.stderr.write(`ringdown extract: ${values.file} line ${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}\n`);
      return 1;
    }
    lines.push({ n: i + 1, text: line.data.text, speaker: line.data.speaker ?? speaker });
  }
  for (const line of lines) {
    const entities = extractEntities({ id: `line-${line.n}`, speaker: line.speaker, text: line.text, startMs: 0, endMs: 0 });
    io.stdout.write(`${JSON.stringify({ text: line.text, speaker: line.speaker, entities })}\n`);
  }
  return 0;
}

const isSpeaker = (s: string): s is Segment['speaker'] => (SPEAKERS as readonly string[]).includes(s);

export const extract: Command = { name: 'extract', summary: 'extract call entities (address, callback, nature...) from text as JSON', usage: USAGE, run };
