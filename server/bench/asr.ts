// npm run bench:asr — word error rate of the embedded recogniser (PocketSphinx + a language
// model built per call) on what call-takers say, spoken by synthetic voices, and whether the
// caller still understands the line's primary intent (server/src/caller/intents.ts) when it
// comes from the recogniser rather than from the text.
//
// Line sets (BENCH_ASR_SETS, default all four):
// - scenario: media/asr/testdata/trainee-utterances.json, read-backs of each scenario's own
//   streets, names and numbers (its "tuning" and "heldOut" halves, as written there);
// - corpus: lines of media/language/corpus/call-taker.jsonl, which the language model is
//   trained on: a BEST CASE, every line is in the model (BENCH_ASR_CORPUS_LINES, default 30,
//   spread over the file);
// - dev: the corpus's development split (dev/call-taker.jsonl), lines the model is not trained
//   on, in no form; the decoder and the corpus weights were tuned on these
//   (BENCH_ASR_DEV_LINES, default 60);
// - heldout: every held-out folder's call-taker.jsonl (HELDOUT_FOLDERS: heldout/ ... heldout4/), each
//   written by someone who never saw the models and never used to tune them, each reported on
//   its own: the honest figures (BENCH_ASR_HELDOUT_LINES per folder, default 150, spread over
//   the file; their lines are never printed). A folder that is not there is skipped, with a line
//   saying so; a folder's name instead of "heldout" measures only that one.
// Corpus and held-out lines are spread over the scenarios, so each call still has a
// scenario's vocabulary in its model, as a real call does.
//
// Voices (BENCH_ASR_VOICES, see asr-voices.ts): the decoder and corpus weights were tuned on
// TUNED_VOICES only; every other voice, shift, noise and codec run is one it was not tuned on.
//
// Scoring: reference and hypothesis both go through the same normalisation (lowercase, no
// punctuation, spoken numbers -> digits), so a number is one token on both sides and any
// wrong digit makes the whole number wrong. The raw WER over spoken words is printed too.
// Audio is fed in 20 ms frames at BENCH_ASR_SPEEDUP x real time (default 8, well inside the
// decoder's speed), so finish() latency is the end-of-turn work, not a backlog. The defaults
// (12 voices x 324 lines) are ~3,900 utterances: pick a subset on a shared machine.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALL_TAKER_CORPUS, CALL_TAKER_TRAINING, callTakerLines, callTakingSentences, spokenVariants } from '../../media/asr/corpus.js';
import { PocketSphinxRecognizer, type PocketSphinxCall } from '../../media/asr/pocketsphinx.js';
import type { CallVocabulary } from '../../media/asr/recognizer.js';
import { wordErrors, type WordErrors } from '../../media/asr/wer.js';
import { FRAME_SAMPLES, PCM_RATE_HZ } from '../../media/format.js';
import { HELDOUT_FOLDERS } from '../../media/language/corpus/held-out.js';
import { understand } from '../src/caller/intents.js';
import { benchVoice } from './asr-voices.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEV = path.join(path.dirname(CALL_TAKER_CORPUS), 'dev/call-taker.jsonl');
const TUNED_VOICES = ['flite:rms', 'flite:slt'];
const DEFAULT_VOICES = [
  ...TUNED_VOICES,
  'flite:awb', 'flite:kal16', 'hts:slt', 'espeak:en-us+m3', 'espeak:en-us+f3',
  'flite:awb@-250/0.9', 'hts:slt@+200/1.1', 'flite:kal16+noise15', 'hts:slt+opus', 'espeak:en-us+m3+noise10+opus',
];
const env = process.env;
const VOICES = (env.BENCH_ASR_VOICES ?? DEFAULT_VOICES.join(',')).split(',');
const SETS = (env.BENCH_ASR_SETS ?? 'scenario,corpus,dev,heldout').split(',');
const CORPUS_LINES = Number(env.BENCH_ASR_CORPUS_LINES ?? 30);
const DEV_LINES = Number(env.BENCH_ASR_DEV_LINES ?? 60);
const HELDOUT_LINES = Number(env.BENCH_ASR_HELDOUT_LINES ?? 150);
const SPEEDUP = Number(env.BENCH_ASR_SPEEDUP ?? 8);
// Voices run at once: 2 keeps both of a 2-core machine's decoder threads busy (then the
// latencies are those of 2 calls at a time).
const PARALLEL = Number(env.BENCH_ASR_PARALLEL ?? 1);
const VERBOSE = env.BENCH_ASR_VERBOSE === '1';
const DECODER_ARGS: Record<string, string> = JSON.parse(env.BENCH_ASR_DECODER_ARGS ?? '{}');
const weightOf = (name: string) => (env[name] ? Number(env[name]) : undefined);
// "off", or "weight,words,unsureBelow" for the background pass (default: the recogniser's). It
// runs whatever the host's load (busyLoad Infinity): this bench weighs what it hears, not when it is shed.
const BACKGROUND = env.BENCH_ASR_BACKGROUND;
const TARGET_WER = 0.25;
const TARGET_INTENT = 0.8;

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

type HeldOut = (typeof HELDOUT_FOLDERS)[number];
type SetName = 'scenario' | 'corpus' | 'dev' | HeldOut;
const isHeldOut = (set: string): set is HeldOut => (HELDOUT_FOLDERS as readonly string[]).includes(set);
interface Line {
  set: SetName;
  /** As written: what the voice says and the intent matcher reads. */
  text: string;
  /** The primary intent labelled, when the set has labels. */
  intent?: string;
}

const scenarioDir = path.join(ROOT, 'prisma/scenarios');
const scenarios = new Map<string, ScenarioFile>();
for (const file of (await readdir(scenarioDir)).filter((f) => f.endsWith('.json'))) {
  const s = JSON.parse(await readFile(path.join(scenarioDir, file), 'utf8')) as ScenarioFile;
  scenarios.set(s.id, s);
}
const scenarioIds = [...scenarios.keys()].sort();
const linesByScenario = new Map<string, Line[]>(scenarioIds.map((id) => [id, []]));

if (SETS.includes('scenario')) {
  const file = JSON.parse(await readFile(path.join(ROOT, 'media/asr/testdata/trainee-utterances.json'), 'utf8')) as {
    scenarios: Record<string, { tuning: string[]; heldOut: string[] }>;
  };
  for (const [id, halves] of Object.entries(file.scenarios)) {
    const lines = linesByScenario.get(id);
    if (!lines) throw new Error(`trainee-utterances.json names scenario ${id}, which prisma/scenarios does not have`);
    for (const text of [...halves.tuning, ...halves.heldOut]) lines.push({ set: 'scenario', text });
  }
}

/** Labelled call-taker lines, spread over the scenarios in turn. */
async function addLabelled(set: SetName, file: string, limit: number): Promise<number> {
  const all = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; intents: string[] });
  const step = Math.max(1, all.length / limit);
  const picked = Array.from({ length: Math.min(limit, all.length) }, (_, k) => all[Math.floor(k * step)]!);
  picked.forEach((l, k) => linesByScenario.get(scenarioIds[k % scenarioIds.length]!)!.push({ set, text: l.text, intent: l.intents[0] }));
  return all.length;
}
const available: Partial<Record<SetName, number>> = {};
if (SETS.includes('corpus')) available.corpus = await addLabelled('corpus', CALL_TAKER_CORPUS, CORPUS_LINES);
if (SETS.includes('dev')) available.dev = await addLabelled('dev', DEV, DEV_LINES);
// "heldout" measures every held-out folder; naming one ("heldout2") measures only that one.
for (const folder of HELDOUT_FOLDERS.filter((f) => SETS.includes('heldout') || SETS.includes(f))) {
  const file = path.join(path.dirname(CALL_TAKER_CORPUS), folder, 'call-taker.jsonl');
  if (existsSync(file)) available[folder] = await addLabelled(folder, file, HELDOUT_LINES);
  else console.log(`no held-out lines at ${path.relative(ROOT, file)}: that set is skipped`);
}

interface Tally extends WordErrors {
  rawErrors: number;
  rawWords: number;
  audioMs: number;
  decodeMs: number;
  latencies: number[];
  utterances: number;
  /** Turns whose words came from the background pass. */
  background: number;
  /** Turns the background pass skipped (busy worker, long turn, fell behind, failed). */
  skipped: number;
  labelled: number;
  intentFromText: number;
  intentFromAudio: number;
}
const tally = (): Tally => ({ errors: 0, words: 0, rawErrors: 0, rawWords: 0, audioMs: 0, decodeMs: 0, latencies: [], utterances: 0, background: 0, skipped: 0, labelled: 0, intentFromText: 0, intentFromAudio: 0 });
const tallies = new Map<string, Tally>();
const tallyOf = (key: string) => tallies.get(key) ?? tallies.set(key, tally()).get(key)!;

const [bgWeight, bgWords, bgUnsure] = (BACKGROUND ?? '').split(',').map(Number);
const background = BACKGROUND === 'off' ? false : BACKGROUND ? { weight: bgWeight, words: bgWords, unsureBelow: bgUnsure, busyLoad: Infinity } : { busyLoad: Infinity };
const recognizer = new PocketSphinxRecognizer({
  decoderArgs: DECODER_ARGS,
  vocabularyWeight: weightOf('BENCH_ASR_VOCABULARY_WEIGHT'),
  corpusWeight: weightOf('BENCH_ASR_CORPUS_WEIGHT'),
  background,
});
const trained = new Set([...callTakingSentences(), ...CALL_TAKER_TRAINING.flatMap((f) => callTakerLines(f))]);
const verbatim = new Map<SetName, number>();
const prepareMs: number[] = [];
const started = performance.now();

// One call per scenario and voice, as in real use: one trainee's voice for a whole call.
async function runVoice(spec: string): Promise<void> {
  const voice = benchVoice(spec);
  const group = TUNED_VOICES.includes(spec) ? 'tuned voices' : 'other voices';
  // Synthesis first (it is cached), so the calls below only recognise.
  await voice.prepare([...new Set([...linesByScenario.values()].flat().map((l) => l.text))]);
  for (const id of scenarioIds) {
    const lines = linesByScenario.get(id)!;
    if (lines.length === 0) continue;
    const call = await recognizer.prepare(scenarioVocabulary(scenarios.get(id)!));
    prepareMs.push(call.info!.prepareMs);
    try {
      for (const line of lines) {
        if (spec === VOICES[0] && spokenVariants(line.text).some((s) => trained.has(s))) verbatim.set(line.set, (verbatim.get(line.set) ?? 0) + 1);
        const { text, spoken, latencyMs, audioMs, decodeMs, second } = await recognize(call, await voice.speak(line.text));
        const scored = wordErrors(line.text, text);
        const raw = rawErrors(spokenVariants(line.text)[0] ?? '', spoken);
        const fromText = line.intent !== undefined && understand(line.text).primary === line.intent;
        const fromAudio = line.intent !== undefined && understand(text).primary === line.intent;
        for (const key of [`${line.set}|${spec}`, `${line.set}|${group}`, `all|${group}`]) {
          const t = tallyOf(key);
          t.errors += scored.errors;
          t.words += scored.words;
          t.rawErrors += raw.errors;
          t.rawWords += raw.words;
          t.audioMs += audioMs;
          t.decodeMs += decodeMs;
          t.latencies.push(latencyMs);
          t.utterances++;
          if (second === 'used') t.background++;
          if (second !== 'used' && second !== 'unneeded' && second !== 'off') t.skipped++;
          if (line.intent !== undefined) t.labelled++;
          if (fromText) t.intentFromText++;
          if (fromAudio) t.intentFromAudio++;
        }
        // Held-out lines are never printed: nobody may tune on their individual errors.
        if (VERBOSE && !isHeldOut(line.set) && scored.errors > 0) console.log(`  ${spec} ${line.set} ${id}\n    said  ${line.text}\n    heard ${text}`);
      }
    } finally {
      await call.close();
    }
  }
}
const waiting = [...VOICES];
await Promise.all(Array.from({ length: PARALLEL }, async () => {
  for (let spec = waiting.shift(); spec; spec = waiting.shift()) await runVoice(spec);
}));
await recognizer.close();

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
  const { audioMs, decodeMs, background: second } = turn.stats!;
  return { text: result.text, spoken, latencyMs, audioMs, decodeMs, second };
}

/** WER over the spoken words themselves, before any number normalisation. */
function rawErrors(reference: string, spoken: string): WordErrors {
  const ref = reference.split(' ').filter(Boolean);
  const hyp = spoken.split(' ').filter(Boolean);
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    prev = row;
  }
  return { errors: prev[hyp.length]!, words: ref.length };
}

const share = (a: number, b: number) => (b === 0 ? '     -' : `${((100 * a) / b).toFixed(1).padStart(5)} %`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
const row = (name: string, t: Tally) =>
  `${name.padEnd(34)} ${String(t.utterances).padStart(5)}  ${share(t.errors, t.words)}  ${share(t.rawErrors, t.rawWords)}  ` +
  `${share(t.intentFromText, t.labelled)}  ${share(t.intentFromAudio, t.labelled)}  ${share(t.background, t.utterances)}  ${share(t.skipped, t.utterances)}  ${(t.decodeMs / t.audioMs).toFixed(3)}  ` +
  `${mean(t.latencies).toFixed(0).padStart(4)} / ${p95(t.latencies).toFixed(0).padStart(4)} ms`;

const lineCount = (set: SetName) => [...linesByScenario.values()].flat().filter((l) => l.set === set).length;
console.log(`\nASR bench: ${VOICES.length} voices (tuned on: ${TUNED_VOICES.join(', ')}), one call per voice and scenario`);
for (const set of ['scenario', 'corpus', 'dev', ...HELDOUT_FOLDERS] as const) {
  if (isHeldOut(set) ? available[set] === undefined : !SETS.includes(set)) continue;
  const of = available[set] !== undefined ? ` of ${available[set]}` : '';
  console.log(`  ${set}: ${lineCount(set)}${of} lines, ${verbatim.get(set) ?? 0} of them verbatim in the training sentences${set === 'corpus' ? ' (best case: the model is trained on them)' : ''}`);
}
console.log(
  `${PARALLEL} voice(s) at a time, audio at ${SPEEDUP}x real time, decoder args ${JSON.stringify(DECODER_ARGS)}, background ${background === false ? 'off' : JSON.stringify({ ...background, busyLoad: 'none' })}, ` +
    `prepare per call mean ${mean(prepareMs).toFixed(0)} ms, run ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(`${'set | voice'.padEnd(34)}  utts  WER norm  WER raw   intent   intent  2nd used  skipped   RTF  finish->final`);
console.log(`${''.padEnd(34)}                             (text)  (audio)                     mean / p95`);
const order = (key: string) => [['scenario', 'corpus', 'dev', ...HELDOUT_FOLDERS, 'all'].indexOf(key.split('|')[0]!), key.includes(' voices') ? 1 : 0];
const keys = [...tallies.keys()].sort((a, b) => order(a)[0]! - order(b)[0]! || order(a)[1]! - order(b)[1]! || VOICES.indexOf(a.split('|')[1]!) - VOICES.indexOf(b.split('|')[1]!));
let previous = '';
for (const key of keys) {
  const [set] = key.split('|');
  if (previous && set !== previous) console.log('');
  previous = set!;
  console.log(row(key.replace('|', ' | '), tallies.get(key)!));
}

for (const folder of HELDOUT_FOLDERS) {
  const honest = tallies.get(`${folder}|other voices`);
  if (!honest) continue;
  const wer = honest.errors / Math.max(1, honest.words);
  const intent = honest.intentFromAudio / Math.max(1, honest.labelled);
  console.log(`\n${wer < TARGET_WER ? 'PASS' : 'FAIL'}: ${folder}/ lines, voices not tuned on: WER ${share(honest.errors, honest.words).trim()} (target < ${TARGET_WER * 100} %)`);
  console.log(`${intent >= TARGET_INTENT ? 'PASS' : 'FAIL'}: ${folder}/ lines, voices not tuned on: primary intent from audio ${share(honest.intentFromAudio, honest.labelled).trim()} (target >= ${TARGET_INTENT * 100} %; from the text ${share(honest.intentFromText, honest.labelled).trim()})`);
  if (wer >= TARGET_WER || intent < TARGET_INTENT) process.exitCode = 1;
}
