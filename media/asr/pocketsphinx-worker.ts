// One PocketSphinx worker thread of the pool: it serves several calls, each with its own
// language model, dictionary and decoder, and decodes their turns as their audio arrives.
// The order of work is what keeps replies fast when calls compete for the thread: a turn
// that has ended (the caller is waiting to answer) goes first, with whatever of its audio is
// still queued; then audio in arrival order; preparing a new call's model last, so a call
// being set up never holds up the ones already talking (unless it has waited OPEN_WAIT_MS:
// under a load that never lets the queue empty, a new call must still get its model).
// Loaded through pocketsphinx-worker.mjs, which registers tsx first.
import { mkdtemp, rm } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import koffi from 'koffi';
import { writeCallModel } from './language-model.js';
import { BackgroundPass, GeneralModel } from './pocketsphinx-background.js';
import { commonWords, SphinxDecoder } from './pocketsphinx-binding.js';
import type { SphinxReply, SphinxRequest, WorkerSetup } from './pocketsphinx-messages.js';

if (!parentPort) throw new Error('pocketsphinx-worker.ts must run in a worker thread');
const port = parentPort;
const SAMPLES_PER_MS = 16;
// The decoder normalises audio by a running cepstral mean that starts from the acoustic
// model's average speaker and adapts at the end of each utterance. A fresh decoder garbles
// the call's first turn ("is anyone hurt" -> "when"; first-turn WER 5 % -> 54-90 % on the
// four flite voices). So a first turn is restarted once this much of it has been heard, with
// the mean adapted to it (first-turn WER 5-9 %, where decoding the whole turn again at its end
// gave 5-7 % and cost a second pass while the caller waits to answer); a first turn shorter
// than that, and any turn until WARM_AFTER_MS have been heard, is decoded again at its end.
// A decoder started from another call's mean (same line, same codec) needs neither.
const RESTART_FIRST_TURN_AFTER_MS = 1_200;
const WARM_AFTER_MS = 1_000;
const OPEN_WAIT_MS = 1_000;
// A decoder's mean is handed back for the next calls once it rests on this much speech.
const TRUSTED_AFTER_MS = 3_000;
// The background pass (pocketsphinx-background.ts) catches up on its turn this much audio at a
// time while the thread has nothing else to do, so a message that arrives meanwhile waits
// ~15 ms at most.
const BACKGROUND_STEP_MS = 100;

interface CallDecoder {
  decoder: SphinxDecoder;
  dir: string;
  turn: number;
  lastPartial: string;
  audioMs: number;
  decodeMs: number;
  heardMs: number;
  /** The mean already fits this line: no second pass. */
  primed: boolean;
  /** This turn's start was decoded twice (a restart or a second pass). */
  passes: 1 | 2;
  kept: Int16Array[];
  background: BackgroundPass | undefined;
}

const calls = new Map<number, CallDecoder>();
const queue: SphinxRequest[] = [];
/** When each queued 'open' arrived. */
const openedAt = new WeakMap<SphinxRequest, number>();
const commonWordCache = new Map<string, string[]>();
const general = new GeneralModel();
let scheduled = false;
let stopping = false;
let stopped = false;

const reply = (message: SphinxReply) => port.postMessage(message);

/**
 * Decoding is bulk work beside the media path (RTP, Opus, voice activity), which needs little
 * CPU but needs it on time: asked to (PocketSphinxOptions.nice), this thread yields the cores
 * to it. Linux keeps a nice value per thread, so only this one is lowered.
 */
function lowerPriority(nice: number): void {
  try {
    const gettid = koffi.load('libc.so.6').func('int gettid()');
    setPriority(gettid() as number, nice);
  } catch {
    // Not Linux with glibc: the thread keeps the process's priority.
  }
}
const { nice } = (workerData ?? {}) as { nice?: number };
if (nice) lowerPriority(nice);

async function open(call: number, setup: WorkerSetup): Promise<void> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-asr-'));
  try {
    const { background } = setup;
    let extraWords: string[] = [];
    if (background) {
      const key = `${background.lm}|${background.words}`;
      extraWords = commonWordCache.get(key) ?? commonWords(background.lm, background.words, setup.libraries);
      commonWordCache.set(key, extraWords);
    }
    const files = await writeCallModel(setup.vocabulary, dir, {
      lexiconPath: setup.lexiconPath,
      vocabularyWeight: setup.vocabularyWeight,
      corpusWeight: setup.corpusWeight,
      extraWords,
    });
    const paths = { hmm: setup.hmm, lm: files.lmPath, dict: files.dictPath, args: setup.args, libraries: setup.libraries };
    const decoder = new SphinxDecoder(paths);
    let second: BackgroundPass | undefined;
    try {
      if (background) second = new BackgroundPass(paths, general.get(background.lm, decoder, setup.libraries), background);
    } catch (err) {
      decoder.free();
      throw err;
    }
    calls.set(call, { decoder, dir, turn: -1, lastPartial: '', audioMs: 0, decodeMs: 0, heardMs: 0, primed: false, passes: 1, kept: [], background: second });
    reply({ op: 'ready', call, words: files.model.words.length, guessed: [...files.guessed.keys()], prepareMs: performance.now() - started, generalModelLoads: general.loads });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

function decode(call: number, msg: Exclude<SphinxRequest, { op: 'open' | 'close' | 'shutdown' }>): void {
  const c = calls.get(call);
  if (!c) return; // closed meanwhile
  const { decoder } = c;
  const started = performance.now();
  switch (msg.op) {
    case 'start':
      c.turn = msg.turn;
      c.lastPartial = '';
      c.audioMs = c.decodeMs = 0;
      c.kept = [];
      c.passes = 1;
      if (c.heardMs === 0 && !c.primed && msg.cepstralMean) c.primed = decoder.setCepstralMean(msg.cepstralMean);
      decoder.start();
      c.background?.start([...calls.values()].some((o) => o !== c && o.decoder.inUtterance));
      break;
    case 'audio': {
      if (msg.turn !== c.turn || !decoder.inUtterance) return; // late audio of an abandoned turn
      const pcm = new Int16Array(msg.pcm);
      decoder.process(pcm);
      c.background?.push(pcm);
      if (!c.primed) c.kept.push(pcm);
      c.audioMs += pcm.length / SAMPLES_PER_MS;
      if (!c.primed && c.heardMs === 0 && c.audioMs >= RESTART_FIRST_TURN_AFTER_MS) {
        decoder.adaptCepstralMean();
        decoder.start();
        for (const heard of c.kept) decoder.process(heard);
        c.kept = [];
        c.primed = true;
        c.passes = 2;
      }
      // Every step, changed or not: how much of the turn the words cover is news too.
      c.lastPartial = decoder.hypothesis();
      reply({ op: 'partial', call, turn: c.turn, text: c.lastPartial, audioMs: c.audioMs });
      break;
    }
    case 'end': {
      if (msg.turn !== c.turn || !decoder.inUtterance) return;
      let result = decoder.end();
      if (!c.primed && c.audioMs > 0) {
        decoder.start();
        for (const pcm of c.kept) decoder.process(pcm);
        result = decoder.end();
        c.passes = 2;
      }
      c.heardMs += c.audioMs;
      if (c.heardMs >= WARM_AFTER_MS) c.primed = true;
      c.kept = [];
      const heard = c.background?.finish(result, decoder.cepstralMean()) ?? { result, outcome: 'off' as const };
      c.decodeMs += performance.now() - started;
      const cepstralMean = c.heardMs >= TRUSTED_AFTER_MS ? decoder.cepstralMean() : undefined;
      reply({ op: 'final', call, turn: c.turn, result: heard.result, audioMs: c.audioMs, decodeMs: c.decodeMs, passes: c.passes, background: heard.outcome, cepstralMean });
      return;
    }
    case 'cancel':
      if (msg.turn === c.turn) {
        decoder.abandon();
        c.background?.cancel();
      }
      return;
  }
  c.decodeMs += performance.now() - started;
}

/**
 * One step of a background pass that lags behind its turn, when no message waits: the call
 * that has waited longest for one goes first. False when none has audio to catch up on.
 */
function backgroundStep(): boolean {
  for (const [id, c] of calls) {
    const b = c.background;
    // Not before the call decoder's mean fits the line: the background pass starts from it.
    if (!b?.lagging || !c.primed || !c.decoder.inUtterance) continue;
    const started = performance.now();
    b.step(BACKGROUND_STEP_MS, c.decoder.cepstralMean());
    c.decodeMs += performance.now() - started;
    calls.delete(id);
    calls.set(id, c);
    return true;
  }
  return false;
}

async function close(call: number): Promise<void> {
  const c = calls.get(call);
  calls.delete(call);
  c?.decoder.free();
  c?.background?.free();
  if (c) await rm(c.dir, { recursive: true, force: true });
  reply({ op: 'closed', call });
}

/** The next messages to handle, taken out of the queue; see the order at the top. */
function next(): SphinxRequest[] {
  const urgent = queue.findIndex((m) => m.op === 'end' || m.op === 'cancel' || m.op === 'close');
  if (urgent < 0) {
    const open = queue.findIndex((m) => m.op === 'open');
    const audio = queue.findIndex((m) => m.op !== 'open');
    const overdue = open >= 0 && performance.now() - openedAt.get(queue[open]!)! >= OPEN_WAIT_MS;
    return queue.splice(audio >= 0 && !overdue ? audio : Math.max(open, 0), 1);
  }
  // That call's messages up to the urgent one, in their order; other calls' stay queued.
  const target = queue[urgent] as Extract<SphinxRequest, { call: number }>;
  const taken: SphinxRequest[] = [];
  const rest: SphinxRequest[] = [];
  queue.forEach((m, i) => (i <= urgent && 'call' in m && m.call === target.call ? taken : rest).push(m));
  queue.splice(0, queue.length, ...rest);
  // A call being closed needs nothing else done, nor a cancelled turn's audio decoding.
  if (target.op === 'close') return [target];
  if (target.op === 'cancel') return taken.filter((m) => !((m.op === 'start' || m.op === 'audio') && m.turn === target.turn));
  return taken;
}

async function handle(msg: SphinxRequest): Promise<void> {
  try {
    if (msg.op === 'open') await open(msg.call, msg.setup);
    else if (msg.op === 'close') await close(msg.call);
    else if (msg.op !== 'shutdown') decode(msg.call, msg);
  } catch (err) {
    if (msg.op === 'shutdown') return;
    // A failed turn fails its own finish(), never the call's later turns.
    if (msg.op !== 'open' && msg.op !== 'close') {
      calls.get(msg.call)?.decoder.abandon();
      calls.get(msg.call)?.background?.cancel();
    }
    const turn = 'turn' in msg ? msg.turn : undefined;
    reply({ op: 'error', call: msg.call, turn, message: (err as Error).message });
  }
}

async function drain(): Promise<void> {
  const messages = next();
  for (const msg of messages) await handle(msg);
  const idle = messages.length === 0 && !stopping && backgroundStep();
  scheduled = false;
  if (stopping) shutdown();
  // One step at a time: messages that arrive meanwhile are weighed before the next step.
  // After messages, once more: the background passes may have audio to catch up on.
  else if (queue.length > 0 || messages.length > 0 || idle) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => void drain());
}

function shutdown(): void {
  if (stopped) return;
  stopped = true;
  for (const c of calls.values()) {
    c.decoder.free();
    c.background?.free();
  }
  general.free();
  const dirs = [...calls.values()].map((c) => c.dir);
  calls.clear();
  void Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))).finally(() => port.close()); // exits between messages, never inside the decoder
}

port.on('message', (msg: SphinxRequest) => {
  if (msg.op === 'shutdown') {
    stopping = true;
    queue.length = 0;
    if (!scheduled) shutdown();
    return;
  }
  if (stopping) return;
  if (msg.op === 'open') openedAt.set(msg, performance.now());
  queue.push(msg);
  schedule();
});
