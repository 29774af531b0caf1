// npm run bench:asr — word error rate of the embedded recognizer (PocketSphinx + a language
// model generated per call) on trainee utterances spoken by flite voices, with each
// scenario's own vocabulary (prisma/scenarios/*.json). Target: overall WER < 15 %.
//
// Scoring: reference and hypothesis both go through the same normalisation (lowercase, no
// punctuation, spoken numbers -> digits), so a number is one token on both sides and any
// wrong digit makes the whole number wrong. The raw WER over spoken words is printed too.
// Audio is fed in 20 ms frames at BENCH_ASR_SPEEDUP x real time (default 8, well inside the
// decoder's speed), so finish() latency is the end-of-turn work, not a backlog.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callTakingSentences, vocabularySentences } from '../../media/asr/corpus.js';
import { PocketSphinxRecognizer, type PocketSphinxCall } from '../../media/asr/pocketsphinx.js';
import type { CallVocabulary } from '../../media/asr/recognizer.js';
import { wordErrors, type WordErrors } from '../../media/asr/wer.js';
import { FRAME_SAMPLES, PCM_RATE_HZ } from '../../media/format.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VOICES = (process.env.BENCH_ASR_VOICES ?? 'rms,slt,awb,kal16').split(',');
const SPEEDUP = Number(process.env.BENCH_ASR_SPEEDUP ?? 8);
const VERBOSE = process.env.BENCH_ASR_VERBOSE === '1';
const DECODER_ARGS: Record<string, string> = JSON.parse(process.env.BENCH_ASR_DECODER_ARGS ?? '{}');
const VOCABULARY_WEIGHT = process.env.BENCH_ASR_VOCABULARY_WEIGHT ? Number(process.env.BENCH_ASR_VOCABULARY_WEIGHT) : undefined;
// "off", or "weight,words" for the general model interpolated with each call's.
const BACKGROUND = process.env.BENCH_ASR_BACKGROUND;
const TARGET_WER = 0.15;

interface ScenarioFile {
  id: string;
  groundTruth: {
    location: { address: string; unit?: string; city: string; crossStreet?: string; landmarks: string[] };
    callerName: string;
    callbackNumber: string;
  };
  persona: { name: string };
}

/** What a trainee may read back on this scenario's call. */
function scenarioVocabulary(s: ScenarioFile): CallVocabulary {
  const { location, callerName, callbackNumber } = s.groundTruth;
  const places = [location.city, location.crossStreet, location.unit, ...location.landmarks].filter((p): p is string => !!p);
  return { addresses: [location.address], places, names: [...new Set([callerName, s.persona.name])], phoneNumbers: [callbackNumber] };
}

interface Tally extends WordErrors {
  rawErrors: number;
  rawWords: number;
  audioMs: number;
  decodeMs: number;
  latencies: number[];
  utterances: number;
}
const tally = (): Tally => ({ errors: 0, words: 0, rawErrors: 0, rawWords: 0, audioMs: 0, decodeMs: 0, latencies: [], utterances: 0 });

type UtteranceSet = 'tuning' | 'heldOut';
const corpus = JSON.parse(await readFile(path.join(ROOT, 'media/asr/testdata/trainee-utterances.json'), 'utf8')) as {
  scenarios: Record<string, Record<UtteranceSet, string[]>>;
};
const scenarioDir = path.join(ROOT, 'prisma/scenarios');
const scenarios = new Map<string, ScenarioFile>();
for (const file of (await readdir(scenarioDir)).filter((f) => f.endsWith('.json'))) {
  const s = JSON.parse(await readFile(path.join(scenarioDir, file), 'utf8')) as ScenarioFile;
  scenarios.set(s.id, s);
}

const flite = new FliteSynthesizer();
const background = BACKGROUND === 'off' ? false : BACKGROUND ? { weight: Number(BACKGROUND.split(',')[0]), words: Number(BACKGROUND.split(',')[1]) } : undefined;
const recognizer = new PocketSphinxRecognizer({ decoderArgs: DECODER_ARGS, vocabularyWeight: VOCABULARY_WEIGHT, background });
const byVoice = new Map(VOICES.map((v) => [v, tally()]));
const overall = tally();
const bySet = new Map<UtteranceSet, Tally>([['tuning', tally()], ['heldOut', tally()]]);
const prepareMs: number[] = [];
let inTraining = 0;
let utterances = 0;
const builtIn = new Set(callTakingSentences());
const started = performance.now();

// One call per scenario and voice, as in real use: one trainee's voice for a whole call.
for (const voice of VOICES) {
  for (const [id, sets] of Object.entries(corpus.scenarios)) {
    const lines = (['tuning', 'heldOut'] as const).flatMap((set) => sets[set].map((reference) => ({ set, reference })));
    const scenario = scenarios.get(id);
    if (!scenario) throw new Error(`corpus names scenario ${id}, which prisma/scenarios does not have`);
    const vocabulary = scenarioVocabulary(scenario);
    const trained = new Set([...builtIn, ...vocabularySentences(vocabulary)]);
    const call = await recognizer.prepare(vocabulary);
    prepareMs.push(call.info!.prepareMs);
    try {
      for (const { set, reference } of lines) {
        if (voice === VOICES[0]) {
          utterances++;
          if (trained.has(reference)) inTraining++;
        }
        const pcm = await flite.synthesize(reference, { name: voice });
        const { text, spoken, latencyMs, audioMs, decodeMs } = await recognize(call, pcm);
        const scored = wordErrors(reference, text);
        const raw = rawErrors(reference, spoken);
        for (const t of [byVoice.get(voice)!, bySet.get(set)!, overall]) {
          t.errors += scored.errors;
          t.words += scored.words;
          t.rawErrors += raw.errors;
          t.rawWords += raw.words;
          t.audioMs += audioMs;
          t.decodeMs += decodeMs;
          t.latencies.push(latencyMs);
          t.utterances++;
        }
        if (VERBOSE && scored.errors > 0) console.log(`  ${voice.padEnd(5)} ${set.padEnd(7)} ${id}\n    said  ${reference}\n    heard ${text}`);
      }
    } finally {
      await call.close();
    }
  }
}

/** Feeds one turn in 20 ms frames, paced; measures finish() -> final. */
async function recognize(call: PocketSphinxCall, speech: Int16Array) {
  const pad = PCM_RATE_HZ / 4; // 250 ms of silence either side, as a VAD-cut turn has
  const pcm = new Int16Array(speech.length + 2 * pad);
  pcm.set(speech, pad);
  const turn = call.startTurn();
  for (let i = 0; i < pcm.length; i += FRAME_SAMPLES) {
    turn.push(pcm.subarray(i, i + FRAME_SAMPLES));
    if ((i / FRAME_SAMPLES) % 5 === 4) await new Promise((r) => setTimeout(r, 100 / SPEEDUP));
  }
  const finishAt = performance.now();
  const result = await turn.finish();
  const latencyMs = performance.now() - finishAt;
  const spoken = (result.words ?? []).map((w) => w.word).join(' ');
  return { text: result.text, spoken, latencyMs, audioMs: turn.stats!.audioMs, decodeMs: turn.stats!.decodeMs };
}

/** WER over the spoken words themselves, before any number normalisation. */
function rawErrors(reference: string, spoken: string): WordErrors {
  const ref = reference.split(' ');
  const hyp = spoken.split(' ').filter(Boolean);
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    prev = row;
  }
  return { errors: prev[hyp.length]!, words: ref.length };
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
const row = (name: string, t: Tally) =>
  `${name.padEnd(8)} ${String(t.utterances).padStart(4)}  ${pct(t.errors, t.words).padStart(7)}  ${pct(t.rawErrors, t.rawWords).padStart(7)}  ` +
  `${(t.decodeMs / t.audioMs).toFixed(3).padStart(5)}  ${mean(t.latencies).toFixed(0).padStart(5)} ms  ${p95(t.latencies).toFixed(0).padStart(5)} ms`;

console.log(
  `\nASR bench: ${utterances} utterances x ${VOICES.length} voices over ${Object.keys(corpus.scenarios).length} scenarios` +
    ` (${inTraining} of ${utterances} appear verbatim in their call's training sentences)` +
    `\ndecoder args ${JSON.stringify(DECODER_ARGS)}, background ${JSON.stringify(background || 'off')}, prepare per call mean ${mean(prepareMs).toFixed(0)} ms, run ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log('voice    utts  WER(norm)  WER(raw)   RTF  finish->final mean / p95');
for (const [voice, t] of byVoice) console.log(row(voice, t));
for (const [set, t] of bySet) console.log(row(set, t));
console.log(row('overall', overall));
const wer = overall.errors / Math.max(1, overall.words);
console.log(`\n${wer < TARGET_WER ? 'PASS' : 'FAIL'}: overall WER ${pct(overall.errors, overall.words)} (target < ${TARGET_WER * 100} %)`);
if (wer >= TARGET_WER) process.exitCode = 1;
