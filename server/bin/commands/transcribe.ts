import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { CallVocabulary } from '../../../media/asr/recognizer.js';
import { PocketSphinxRecognizer } from '../../../media/asr/pocketsphinx.js';
import { TurnDetector, type SpeechEnd } from '../../../media/vad/turns.js';
import { SileroModel } from '../../../media/vad/vad.js';
import { readWav } from '../../../media/wav.js';
import { vocabularyOf } from '../../src/caller/live-caller.js';
import { LIBRARY_DIR, loadScenarioFile } from '../../src/caller/scenario-file.js';
import type { Command, CliIo } from './command.js';

const USAGE = `usage: ringdown transcribe <file.wav> [<file.wav>...] [--scenario <id>]

Transcribes recordings the way a live call hears the trainee: voice activity splits each into
turns, the embedded recogniser transcribes each turn (with the scenario's streets, names and
numbers when --scenario is given). The models load once for all the files. Prints one JSON
line per file: file, text, segments with times, confidence.`;

const FRAME = 320;

export interface Transcript {
  text: string;
  confidence: number | null;
  segments: { startMs: number; endMs: number; text: string; confidence: number | null }[];
}

/** Voice activity and the recogniser, loaded once, for any number of recordings. */
export async function openTranscriber(vocabulary: CallVocabulary): Promise<{ transcribe(file: string): Promise<Transcript>; close(): Promise<void> }> {
  const vad = await SileroModel.load({ thread: 'main' });
  const recognizer = await new PocketSphinxRecognizer().prepare(vocabulary);
  return {
    async transcribe(file) {
      const pcm = await readAs16kMono(file);
      const turns: SpeechEnd[] = [];
      const detector = new TurnDetector();
      detector.on('speechEnd', (end) => turns.push(end));
      const stream = vad.stream();
      for (let at = 0; at + FRAME <= pcm.length; at += FRAME) {
        const frame = pcm.subarray(at, at + FRAME);
        detector.push(frame, (at / 16_000) * 1000, await stream.process(frame));
      }
      // Trailing silence shorter than the endpoint: end the last turn at the end of the file.
      const tail = new Int16Array(FRAME);
      for (let i = 0; detector.speaking && i < 50; i++) detector.push(tail, (pcm.length / 16_000) * 1000 + i * 20, 0);
      const segments: Transcript['segments'] = [];
      for (const turn of turns) {
        const recognition = recognizer.startTurn();
        for (let at = 0; at < turn.audio.length; at += FRAME) recognition.push(turn.audio.subarray(at, at + FRAME));
        const result = await recognition.finish();
        if (result.text) segments.push({ startMs: Math.round(turn.startMs), endMs: Math.round(turn.endMs), text: result.text, confidence: result.confidence });
      }
      const confidences = segments.map((s) => s.confidence).filter((c): c is number => c !== null);
      return { text: segments.map((s) => s.text).join(' '), confidence: confidences.length ? confidences.reduce((a, b) => a + b) / confidences.length : null, segments };
    },
    async close() {
      await recognizer.close();
      await vad.close();
    },
  };
}

/** The recognition vocabulary of --scenario, or none. */
export async function scenarioVocabulary(scenario: string | undefined, dir: string): Promise<CallVocabulary> {
  return scenario ? vocabularyOf(await loadScenarioFile(scenario, dir)) : {};
}

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { scenario: { type: 'string' }, dir: { type: 'string', default: LIBRARY_DIR } } });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const transcriber = await openTranscriber(await scenarioVocabulary(parsed.values.scenario, parsed.values.dir));
  try {
    for (const file of files) io.stdout.write(`${JSON.stringify({ file, ...(await transcriber.transcribe(file)) })}\n`);
    return 0;
  } finally {
    await transcriber.close();
  }
}

/** The recording as 16 kHz mono, converted by sox when it is anything else. */
async function readAs16kMono(file: string): Promise<Int16Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-transcribe-'));
  try {
    const converted = path.join(dir, 'in.wav');
    await promisify(execFile)('sox', [file, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', converted]);
    return (await readWav(converted)).channels[0]!;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const transcribe: Command = { name: 'transcribe', summary: 'transcribe WAV recordings as JSON lines (text, segments, confidence)', usage: USAGE, run };
