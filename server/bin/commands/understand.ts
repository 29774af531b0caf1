import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { understand as understandLine } from '../../src/caller/intents.js';
import { LIBRARY_DIR } from '../../src/caller/scenario-file.js';
import { extractEntities } from '../../src/intelligence/extract.js';
import type { Command, CliIo } from './command.js';
import { openTranscriber, scenarioVocabulary } from './transcribe.js';

const USAGE = `usage: ringdown understand --text "<line>"
       ringdown understand --file <lines.jsonl>
       ringdown understand <file.wav> [<file.wav>...] [--scenario <id>]

What the AI caller understands of a call-taker's line: the primary intent, every intent with
its score (0..1) and the entities in it. --file reads one {"text": "..."} per line; recordings
are transcribed first, as a live call hears them (models loaded once). Prints one JSON line per
line or recording: {"text", "primary", "confidence", "intents": [{"intent", "score"}], "entities"}.`;

const Line = z.object({ text: z.string() });

/** One JSON line: what the caller made of the text. */
function describe(text: string, extra: Record<string, unknown> = {}): string {
  const u = understandLine(text);
  const entities = extractEntities({ id: 'cli', speaker: 'trainee', text, startMs: 0, endMs: 0 });
  return `${JSON.stringify({ ...extra, text, primary: u.primary, confidence: u.confidence, intents: u.intents, entities })}\n`;
}

async function linesOf(file: string, io: CliIo): Promise<string[] | null> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`ringdown understand: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return null;
  }
  // Every line is checked before anything is printed, so a bad file gives an error, not half an answer.
  const texts: string[] = [];
  for (const [i, raw] of content.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    let line;
    try {
      line = Line.safeParse(JSON.parse(raw));
    } catch (error) {
      io.stderr.write(`ringdown understand: ${file} line ${i + 1}: not valid JSON (${(error as Error).message})\n`);
      return null;
    }
    if (!line.success) {
      io.stderr.write(`ringdown understand: ${file} line ${i + 1}: needs {"text": "..."}\n`);
      return null;
    }
    texts.push(line.data.text);
  }
  return texts;
}

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { text: { type: 'string' }, file: { type: 'string' }, scenario: { type: 'string' }, dir: { type: 'string', default: LIBRARY_DIR } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const sources = [values.text !== undefined, values.file !== undefined, positionals.length > 0].filter(Boolean).length;
  if (sources !== 1) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (values.text !== undefined) {
    io.stdout.write(describe(values.text));
    return 0;
  }
  if (values.file !== undefined) {
    const texts = await linesOf(values.file, io);
    if (!texts) return 1;
    for (const text of texts) io.stdout.write(describe(text));
    return 0;
  }
  const transcriber = await openTranscriber(await scenarioVocabulary(values.scenario, values.dir));
  try {
    for (const file of positionals) io.stdout.write(describe((await transcriber.transcribe(file)).text, { file }));
    return 0;
  } finally {
    await transcriber.close();
  }
}

export const understand: Command = { name: 'understand', summary: "what the AI caller understands of a call-taker's line (intents, entities) as JSON", usage: USAGE, run };
