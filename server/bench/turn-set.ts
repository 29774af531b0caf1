import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FRAME_SAMPLES, PCM_RATE_HZ } from '../../media/format.js';
import { readWav } from '../../media/wav.js';
import { addNoise, benchVoice } from './asr-voices.js';

// What the trainees say in bench:turns: a folder of WAV files (--questions DIR), or by default
// our own lines (questions, statements, instructions, the things a call-taker says) spoken in
// several voices, among them voices the recogniser's language model was never tuned on. Each
// turn goes down a telephone line: band-limited to 300-3400 Hz with a room's hiss under it,
// also in the silence after it, where the turn detector has to find its end.

/** Our lines: each is something a caller answers. */
const LINES = [
  'Nine one one, what is the address of your emergency?',
  'What is the phone number you are calling from?',
  'Okay, tell me exactly what happened.',
  'Is he awake and is he breathing?',
  'I need you to stay on the line with me.',
  'Can you see any smoke or flames from where you are?',
  'Help is already on the way to you.',
  'What is your name, sir?',
  'Are there any weapons in the house?',
  'Listen carefully, I am going to tell you what to do.',
  'How old is she?',
  'Tell me when you are next to him.',
];
/** flite's rms is what the recogniser was tuned on; the others it was not. */
const VOICES = ['flite:kal16', 'flite:awb', 'espeak:en-us', 'hts:slt', 'flite:rms'];
/** Room and line hiss this far below the speech. */
const SNR_DB = 20;
/** Quiet after each line: room for the caller's answer before the next line. */
export const ANSWER_ROOM_MS = 3000;

export type Turn = {
  label: string;
  /** 16 kHz PCM: the line, then silence (with hiss) for the caller's answer. */
  pcm: Int16Array;
  /** Where the speech ends, in 20 ms frames from the start. */
  speechEndFrame: number;
};

export async function turnSet(folder: string | undefined, silenceMs: number): Promise<Turn[]> {
  const spoken: { label: string; pcm: Int16Array }[] = [];
  if (folder) {
    for (const file of (await readdir(folder)).filter((f) => f.toLowerCase().endsWith('.wav')).sort()) {
      const wav = await readWav(path.join(folder, file));
      spoken.push({ label: file, pcm: wav.sampleRateHz === PCM_RATE_HZ ? wav.channels[0]! : await resample(wav.channels[0]!, wav.sampleRateHz) });
    }
    if (spoken.length === 0) throw new TypeError(`${folder} has no .wav files`);
  } else {
    // Every line once per round, the voices taking turns: any run of turns hears several lines and voices.
    for (const spec of VOICES) await benchVoice(spec).prepare(LINES);
    for (let round = 0; round < VOICES.length; round++) {
      for (const [i, line] of LINES.entries()) {
        const spec = VOICES[(i + round) % VOICES.length]!;
        spoken.push({ label: `${spec} "${line}"`, pcm: await benchVoice(spec).speak(line) });
      }
    }
  }
  return Promise.all(spoken.map(async ({ label, pcm }) => {
    const speechEndFrame = lastVoicedFrame(pcm) + 1;
    const padded = new Int16Array(speechEndFrame * FRAME_SAMPLES + (silenceMs * PCM_RATE_HZ) / 1000);
    padded.set(pcm.subarray(0, speechEndFrame * FRAME_SAMPLES));
    return { label, speechEndFrame, pcm: await telephone(addNoise(padded, SNR_DB, label, speechEndFrame * FRAME_SAMPLES)) };
  }));
}

/** The last 20 ms frame loud enough to be speech. */
function lastVoicedFrame(pcm: Int16Array): number {
  let last = 0;
  for (let f = 0; f * FRAME_SAMPLES < pcm.length; f++) {
    let sum = 0;
    const end = Math.min(pcm.length, (f + 1) * FRAME_SAMPLES);
    for (let i = f * FRAME_SAMPLES; i < end; i++) sum += pcm[i]! * pcm[i]!;
    if (Math.sqrt(sum / FRAME_SAMPLES) > 300) last = f;
  }
  return last;
}

function telephone(pcm: Int16Array): Promise<Int16Array> {
  return sox(pcm, PCM_RATE_HZ, ['sinc', '300-3400']);
}

function resample(pcm: Int16Array, rateHz: number): Promise<Int16Array> {
  return sox(pcm, rateHz, []);
}

function sox(pcm: Int16Array, rateHz: number, effects: string[]): Promise<Int16Array> {
  const raw = (r: number) => ['-t', 'raw', '-r', String(r), '-e', 'signed', '-b', '16', '-c', '1'];
  return new Promise((resolve, reject) => {
    const child = spawn('sox', ['-q', ...raw(rateHz), '-', ...raw(PCM_RATE_HZ), '-', ...effects], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`sox exited ${code}`));
      const bytes = Buffer.concat(chunks);
      resolve(new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1).slice());
    });
    child.stdin.end(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  });
}
