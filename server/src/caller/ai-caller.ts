import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { CallRecognizer, CallVocabulary, RecognitionStream, SpeechRecognizer } from '../../../media/asr/recognizer.js';
import { isAbortError } from '../../../media/asr/recognizer.js';
import type { CallerActivity, CallerPipeline, CallerPipelineEvents, CallerSteer } from '../../../media/caller/pipeline.js';
import { sentences, type SpeechSynthesizer, type Voice } from '../../../media/speech/synthesizer.js';
import { TurnDetector, type SpeechEnd } from '../../../media/vad/turns.js';
import type { SileroModel, VoiceActivityDetector } from '../../../media/vad/vad.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import type { LlmOptions } from './llm.js';
import { CallerMind, type Reply } from './mind.js';
import { createRandom, type Random } from './random.js';

// The AI caller in a live call: voice activity and turn taking on what it hears, speech
// recognition per turn, the mind for what to say, synthesis sentence by sentence. One
// AbortController per reply: a barge-in, a hold or a newer reply cancels the old one, and
// sentences still being made for it are dropped.

/** Words that acknowledge without taking the turn: they never interrupt the caller. */
const BACKCHANNEL = /^(uh[- ]?huh|mm+[- ]?hmm+|m+|okay|ok|yeah|yes|right|alright|got it|i see|uh|um)$/;
/** How long after the trainee starts talking the caller decides whether it was interrupted. */
const BARGE_IN_DECISION_MS = 150;
const TICK_MS = 250;

export type AiCallerDeps = {
  scenario: ScenarioInput;
  seed: number;
  vad: SileroModel;
  recognizer: SpeechRecognizer;
  synthesizer: SpeechSynthesizer;
  llm?: LlmOptions | undefined;
  /** ms since the call's media started: the clock the frames and the timeline share. */
  now: () => number;
};

export class AiCaller extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  readonly #mind: CallerMind;
  readonly #vad: VoiceActivityDetector;
  readonly #turns = new TurnDetector();
  readonly #recognizer: CallRecognizer;
  readonly #synthesizer: SpeechSynthesizer;
  readonly #voice: Voice;
  readonly #controlDifficulty: number;
  readonly #random: Random;
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout;
  /** Frames kept while no turn is open, so a turn's recognition starts at its real onset. */
  #recent: { frame: Int16Array; atMs: number }[] = [];
  #turn: { id: string; stream: RecognitionStream; startMs: number; partial: string } | undefined;
  #reply: AbortController | undefined;
  #vadChain: Promise<void> = Promise.resolve();
  #answered = false;
  #onHold = false;
  #speaking = false;
  #closed = false;

  static async create(deps: AiCallerDeps): Promise<AiCaller> {
    return new AiCaller(deps, await deps.recognizer.prepare(vocabularyOf(deps.scenario)));
  }

  private constructor(deps: AiCallerDeps, recognizer: CallRecognizer) {
    super();
    this.#mind = new CallerMind(deps.scenario, deps.seed, deps.llm ? { llm: deps.llm } : {});
    this.#vad = deps.vad.stream();
    this.#recognizer = recognizer;
    this.#synthesizer = deps.synthesizer;
    const persona = deps.scenario.persona;
    this.#voice = { name: persona.voice, pitchHz: persona.languageLevel === 'child' ? 260 : undefined };
    this.#controlDifficulty = persona.controlDifficulty;
    this.#random = createRandom(deps.seed + 1);
    this.#now = deps.now;
    this.#turns.on('speechStart', ({ atMs }) => this.#onSpeechStart(atMs));
    this.#turns.on('speechEnd', (end) => void this.#onSpeechEnd(end));
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
  }

  answer(): void {
    if (this.#answered) return;
    this.#answered = true;
    this.#speak(this.#mind.opening(this.#now()));
  }

  hear(frame: Int16Array, atMs: number): void {
    if (this.#closed || this.#onHold || !this.#answered) return;
    // VAD results come back in order; the turn detector sees frames in stream order.
    const probability = this.#vad.process(frame);
    this.#vadChain = this.#vadChain.then(async () => {
      const p = await probability;
      if (this.#closed || this.#onHold) return;
      if (this.#turn) this.#turn.stream.push(frame);
      else this.#remember(frame, atMs);
      this.#turns.push(frame, atMs, p);
    }).catch((error: unknown) => this.#fail(error));
  }

  hearText(text: string, atMs: number): void {
    if (this.#closed || this.#onHold || !text.trim()) return;
    const id = randomUUID();
    this.emit('heard', { id, text, isFinal: true, startMs: atMs, endMs: atMs, confidence: null });
    void this.#respond(text, atMs);
  }

  steer(command: CallerSteer): void {
    if (this.#closed) return;
    const reply = this.#mind.steer(command, this.#now());
    if (reply && !this.#onHold) this.#speak(reply);
    else this.#mood(this.#onHold ? 'on_hold' : this.#speaking ? 'speaking' : 'listening');
  }

  setSpeaking(speaking: boolean): void {
    this.#speaking = speaking;
    this.#mood(speaking ? 'speaking' : 'listening');
  }

  setOnHold(onHold: boolean): void {
    if (this.#onHold === onHold || this.#closed) return;
    this.#onHold = onHold;
    const now = this.#now();
    if (onHold) {
      this.#cancelReply();
      this.#turn?.stream.cancel();
      this.#turn = undefined;
      this.#turns.reset();
      this.#recent = [];
      this.#mind.onHold(now);
      this.#mood('on_hold');
    } else {
      this.#speak(this.#mind.offHold(now));
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#cancelReply();
    this.#turn?.stream.cancel();
    this.#turns.close();
    this.#vad.close();
    this.#mind.close();
    void this.#recognizer.close();
    this.removeAllListeners();
  }

  #onSpeechStart(atMs: number): void {
    const id = randomUUID();
    const stream = this.#recognizer.startTurn();
    const turn = { id, stream, startMs: atMs, partial: '' };
    stream.on('partial', (text) => {
      turn.partial = text;
      this.emit('heard', { id, text, isFinal: false, startMs: atMs, endMs: this.#now(), confidence: null });
    });
    for (const { frame, atMs: at } of this.#recent) if (at >= atMs - 300) stream.push(frame);
    this.#recent = [];
    this.#turn = turn;
    this.#mood('listening');
    if (!this.#speaking) return;
    // Talked over: a compliant caller stops; a panicked one with a hard persona may not.
    const upset = ['panicked', 'hysterical', 'angry'].includes(this.#mind.emotion);
    if (upset && this.#random.chance(this.#controlDifficulty)) return;
    setTimeout(() => {
      if (this.#turn === turn && !BACKCHANNEL.test(turn.partial.trim())) this.#interrupt();
    }, BARGE_IN_DECISION_MS);
  }

  async #onSpeechEnd(end: SpeechEnd): Promise<void> {
    const turn = this.#turn;
    this.#turn = undefined;
    if (!turn) return;
    try {
      const result = await turn.stream.finish();
      const text = result.text.trim();
      if (!text) return;
      this.emit('heard', { id: turn.id, text, isFinal: true, startMs: end.startMs, endMs: end.endMs, confidence: result.confidence });
      if (BACKCHANNEL.test(text)) return; // an "uh-huh" is not a turn
      await this.#respond(text, end.endMs);
    } catch (error) {
      if (!isAbortError(error)) this.#fail(error);
    }
  }

  async #respond(text: string, atMs: number): Promise<void> {
    this.#mood('thinking');
    const reply = await this.#mind.respond({ text, atMs });
    if (!this.#closed && !this.#onHold) this.#speak(reply);
  }

  #tick(): void {
    if (this.#closed || this.#onHold || !this.#answered || this.#turn || this.#speaking) return;
    const reply = this.#mind.tick(this.#now());
    if (reply) this.#speak(reply);
  }

  /** Synthesizes a reply sentence by sentence; the first plays while the rest is made. */
  #speak(reply: Reply): void {
    this.#cancelReply();
    const abort = new AbortController();
    this.#reply = abort;
    const voice: Voice = { ...this.#voice, emotion: reply.emotion };
    this.#mood('speaking', reply.emotion);
    void (async () => {
      for (const sentence of sentences(reply.text)) {
        const pcm = await this.#synthesizer.synthesize(sentence, voice, abort.signal);
        if (abort.signal.aborted || this.#closed) return;
        this.emit('say', { id: randomUUID(), text: sentence, pcm });
      }
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) this.#fail(error);
    });
  }

  #interrupt(): void {
    this.#cancelReply();
    this.emit('interrupt');
  }

  #cancelReply(): void {
    this.#reply?.abort();
    this.#reply = undefined;
  }

  #remember(frame: Int16Array, atMs: number): void {
    this.#recent.push({ frame, atMs });
    if (this.#recent.length > 50) this.#recent.shift(); // 1 s: more than the turn detector's pre-roll and confirmation
  }

  #mood(activity: CallerActivity, emotion = this.#mind.emotion): void {
    if (!this.#closed) this.emit('mood', { emotion, activity });
  }

  #fail(error: unknown): void {
    if (!this.#closed) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}

/** The words a trainee will read back on this call: its places, names and numbers. */
export function vocabularyOf(scenario: ScenarioInput): CallVocabulary {
  const truth = scenario.groundTruth;
  const location = truth.location;
  return {
    addresses: [location.address, scenario.ali.address],
    places: [location.city, location.crossStreet, location.unit, ...location.landmarks, scenario.ali.city].filter((p): p is string => Boolean(p)),
    names: [truth.callerName, scenario.persona.name],
    phoneNumbers: [truth.callbackNumber, scenario.ani],
  };
}
