import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EMOTION_PRESETS } from '../../../media/speech/colour.js';
import { FliteSynthesizer } from '../../../media/speech/flite.js';
import type { Emotion } from '../../../media/speech/synthesizer.js';
import { wavHeader } from '../../../media/wav.js';
import type { Command, CliIo } from './command.js';

const USAGE = `usage: ringdown speak "<text>" [--voice slt|rms|awb|kal16] [--emotion ${Object.keys(EMOTION_PRESETS).join('|')}] --out <file.wav>

Speaks text with the caller's embedded voice (flite) into a 16 kHz mono WAV.`;

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { voice: { type: 'string', default: 'slt' }, emotion: { type: 'string', default: 'calm' }, out: { type: 'string' } } });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const text = positionals.join(' ').trim();
  if (!text || !values.out) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!(values.emotion! in EMOTION_PRESETS)) {
    io.stderr.write(`unknown emotion ${JSON.stringify(values.emotion)}\n${USAGE}\n`);
    return 2;
  }
  const pcm = await new FliteSynthesizer().synthesize(text, { name: values.voice!, emotion: values.emotion as Emotion });
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  await writeFile(values.out, Buffer.concat([wavHeader(1, 16_000, data.length), data]));
  io.stdout.write(`${JSON.stringify({ out: values.out, durationMs: Math.round(pcm.length / 16), voice: values.voice, emotion: values.emotion })}\n`);
  return 0;
}

export const speak: Command = { name: 'speak', summary: "speak text in a caller's voice into a WAV file", usage: USAGE, run };
