// One PocketSphinx worker thread serving one call: builds the call's language model and
// dictionary, owns its decoder, and decodes turns in the order their messages arrive.
// Loaded through pocketsphinx-worker.mjs, which registers tsx first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { writeCallModel } from './language-model.js';
import { commonWords, SphinxDecoder } from './pocketsphinx-binding.js';
import type { SphinxReply, SphinxRequest, WorkerSetup } from './pocketsphinx-messages.js';

if (!parentPort) throw new Error('pocketsphinx-worker.ts must run in a worker thread');
const port = parentPort;
const SAMPLES_PER_MS = 16;
// The decoder normalises audio by a running cepstral mean that starts from the acoustic
// model's average speaker and only adapts at the end of an utterance. Until it has heard
// this much of the trainee, a turn is decoded a second time once the first pass has adapted
// it: a fresh decoder otherwise garbles the call's first turn ("is anyone hurt" -> "when").
const WARM_AFTER_MS = 3_000;

let decoder: SphinxDecoder | undefined;
let turn = -1;
let lastPartial = '';
let audioMs = 0;
let decodeMs = 0;
let heardMs = 0;
let kept: Int16Array[] = [];
// Messages wait here while init is still writing the model.
let ready: Promise<void> = Promise.resolve();
let modelDir: string | undefined;

const reply = (message: SphinxReply) => port.postMessage(message);

async function init(setup: WorkerSetup): Promise<void> {
  const started = performance.now();
  const dir = (modelDir = await mkdtemp(path.join(tmpdir(), 'ringdown-asr-')));
  const { background } = setup;
  const extraWords = background ? commonWords(background.lm, background.words, setup.libraries) : [];
  const files = await writeCallModel(setup.vocabulary, dir, {
    lexiconPath: setup.lexiconPath,
    vocabularyWeight: setup.vocabularyWeight,
    extraWords,
  });
  decoder = new SphinxDecoder({
    hmm: setup.hmm,
    lm: files.lmPath,
    dict: files.dictPath,
    args: setup.args,
    libraries: setup.libraries,
    background: background && { lm: background.lm, weight: background.weight },
  });
  reply({ op: 'ready', dir, words: files.model.words.length, guessed: [...files.guessed.keys()], prepareMs: performance.now() - started });
}

function handle(msg: SphinxRequest): void {
  if (msg.op === 'shutdown') {
    decoder?.free();
    decoder = undefined;
    port.close(); // exits between messages, never inside the decoder
    return;
  }
  if (msg.op === 'init') throw new Error('init sent twice');
  if (!decoder) throw new Error('decoder not ready');
  const started = performance.now();
  switch (msg.op) {
    case 'start':
      turn = msg.turn;
      lastPartial = '';
      audioMs = decodeMs = 0;
      kept = [];
      decoder.start();
      break;
    case 'audio': {
      if (msg.turn !== turn || !decoder.inUtterance) return; // late audio of an abandoned turn
      const pcm = new Int16Array(msg.pcm);
      decoder.process(pcm);
      if (heardMs < WARM_AFTER_MS) kept.push(pcm);
      audioMs += pcm.length / SAMPLES_PER_MS;
      const text = decoder.hypothesis();
      if (text !== lastPartial) {
        lastPartial = text;
        reply({ op: 'partial', turn, text });
      }
      break;
    }
    case 'end': {
      if (msg.turn !== turn) return;
      let result = decoder.end();
      if (heardMs < WARM_AFTER_MS && audioMs > 0) {
        decoder.start();
        for (const pcm of kept) decoder.process(pcm);
        result = decoder.end();
      }
      heardMs += audioMs;
      kept = [];
      decodeMs += performance.now() - started;
      reply({ op: 'final', turn, result, audioMs, decodeMs });
      return;
    }
    case 'cancel':
      if (msg.turn === turn) decoder.abandon();
      return;
  }
  decodeMs += performance.now() - started;
}

port.on('message', (msg: SphinxRequest) => {
  if (msg.op === 'init') {
    ready = init(msg.setup).catch(async (err: Error) => {
      reply({ op: 'error', message: `could not prepare recognition: ${err.message}` });
      if (modelDir) await rm(modelDir, { recursive: true, force: true });
      port.close();
    });
    return;
  }
  ready = ready.then(() => {
    try {
      handle(msg);
    } catch (err) {
      // A failed turn fails its own finish(), never the call's later turns.
      if ('turn' in msg) decoder?.abandon();
      reply({ op: 'error', turn: 'turn' in msg ? msg.turn : undefined, message: (err as Error).message });
    }
  });
});
