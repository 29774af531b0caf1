import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallRecognizer, CallVocabulary, RecognitionStream, SpeechRecognizer } from '../../../media/asr/recognizer.js';
import { isAbortError } from '../../../media/asr/recognizer.js';
import type { CallerActivity, CallerPipeline, CallerPipelineEvents, CallerSteer, TurnTiming } from '../../../media/caller/pipeline.js';
import { FRAME_MS, PCM_RATE_HZ } from '../../../media/format.js';
import { SpeechCache } from '../../../media/speech/cache.js';
import { sentences, type SpeechSynthesizer, type Voice } from '../../../media/speech/synthesizer.js';
import { TurnDetector, type SpeechEnd } from '../../../media/vad/turns.js';
import type { SileroModel, VoiceActivityDetector } from '../../../media/vad/vad.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import type { LlmOptions } from './llm.js';
import { DEFAULT_CLASSIFY_TIMEOUT_MS } from './llm-intents.js';
import { understand } from './intents.js';
import { CallerMind, type Reply } from './mind.js';
import { createRandom, type Random } from '../../../media/random.js';
import { spoken } from './state.js';

// The AI caller in a live call: voice activity and turn taking on what it hears, speech
// recognition per turn, the mind for what to say, synthesis sentence by sentence. One
// AbortController per reply: a barge-in, a hold or a newer reply cancels the old one, and
// sentences still being made for it are dropped.

/** Words that acknowledge without taking the turn: they never interrupt the caller. */
const BACKCHANNEL = /^(uh[- ]?huh|mm+[- ]?hmm+|m+|okay|ok|yeah|yep|yes|right|alright|got it|i see|uh|um)$/;
/** The words acknowledgements are made of, as the recognizer spells them. */
const BACKCHANNEL_WORDS = new Set(['uh', 'huh', 'um', 'mm', 'hmm', 'm', 'okay', 'ok', 'yeah', 'yep', 'yes', 'right', 'alright', 'got', 'it', 'i', 'see']);
/**
 * How long after the trainee's speech is confirmed the caller decides whether it was talked
 * over: it stops then unless what it heard so far is an acknowledgement ("uh-huh", "okay").
 * The recognizer needs this long: its first guesses at a word are often other words
 * ("uh-huh" starts out as "by" or "how" and becomes "uh huh" 380-430 ms after its onset).
 */
const BARGE_IN_DECISION_MS = 150;
/**
 * A recognizer behind on its audio (a busy host) has not yet heard what the decision is
 * about: its partial then is empty or the first guess at a word. The decision waits for a
 * partial that has heard the turn up to the decision time (less one ~100 ms step of partials),
 * for at most this long; still behind, it decides as for an acknowledgement, by how long the
 * trainee keeps talking.
 */
const LATE_PARTIAL_MS = 400;
const PARTIAL_STEP_MS = 100;
/**
 * An acknowledgement is short: still talking this long after the decision, the trainee is
 * taking the turn. (The running transcript is no guide meanwhile: "uh huh" can turn into
 * "i have" for a moment before it settles back.) A short turn is judged by its final.
 */
const ACKNOWLEDGEMENT_MS = 600;
/**
 * A turn whose running transcript is already a whole question or read-back ends after this
 * much silence instead of the detector's default (400 ms): the trainee has asked, and waits.
 */
const QUICK_END_SILENCE_MS = 240;
/** A question that ends on one of these is not finished yet ("what is the address of..."). */
const DANGLING = new Set(['a', 'an', 'the', 'of', 'to', 'your', 'my', 'his', 'her', 'their', 'our', 'is', 'are', 'was', 'were', 'and', 'or', 'but', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'what', 'whats', 'where', 'wheres', 'who', 'how', 'when', 'which', 'any', 'did', 'does', 'do', 'can', 'could', 'has', 'have', 'had', 'that', 'this', 'there', 'if', 'so', 'um', 'uh']);
const TICK_MS = 250;
/** A reply's next sentence goes to the line this long before the one playing ends: no gap. */
const SENTENCE_LEAD_MS = 300;
const PCM_SAMPLES_PER_MS = PCM_RATE_HZ / 1000;

export type AiCallerDeps = {
  scenario: ScenarioInput;
  seed: number;
  vad: SileroModel;
  recognizer: SpeechRecognizer;
  synthesizer: SpeechSynthesizer;
  llm?: LlmOptions | undefined;
  /** The mind of a call already answered (a realtime session was lost): this caller carries on from it and waits to be spoken to. */
  mind?: CallerMind | undefined;
  /** ms since the call's media started: the clock the frames and the timeline share. */
  now: () => number;
};

export class AiCaller extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  readonly #mind: CallerMind;
  readonly #vad: VoiceActivityDetector;
  readonly #turns = new TurnDetector();
  readonly #recognizer: CallRecognizer;
  readonly #scenario: ScenarioInput;
  readonly #synthesizer: SpeechCache;
  readonly #voice: Voice;
  readonly #controlDifficulty: number;
  readonly #random: Random;
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout;
  /** Frames kept while no turn is open, so a turn's recognition starts at its real onset. */
  #recent: { frame: Int16Array; atMs: number }[] = [];
  #turn: Turn | undefined;
  #reply: AbortController | undefined;
  #vadChain: Promise<void> = Promise.resolve();
  /** The recognition of the last turn that ended, until its final text is out. */
  #hearing: Promise<unknown> = Promise.resolve();
  #lastHeardAtMs = -Infinity;
  /** performance.now() when what the caller has handed to the line will have been played. */
  #playsUntil = 0;
  /** Trainee turns heard and not yet answered: the caller does not speak up meanwhile. */
  #answering = 0;
  #preparedEmotion: string | undefined;
  #answered = false;
  #onHold = false;
  #speaking = false;
  /** The caller fell silent for a possible interruption and waits to know what it was. */
  #paused = false;
  #closed = false;

  static async create(deps: AiCallerDeps): Promise<AiCaller> {
    const caller = new AiCaller(deps, await deps.recognizer.prepare(vocabularyOf(deps.scenario)));
    caller.#prepareSpeech(); // while the phone rings
    return caller;
  }

  private constructor(deps: AiCallerDeps, recognizer: CallRecognizer) {
    super();
    this.#scenario = deps.scenario;
    this.#mind = deps.mind ?? new CallerMind(deps.scenario, deps.seed, deps.llm ? { llm: deps.llm, classifier: { ...deps.llm, timeoutMs: DEFAULT_CLASSIFY_TIMEOUT_MS } } : {});
    this.#answered = deps.mind !== undefined;
    this.#vad = deps.vad.stream();
    this.#recognizer = recognizer;
    this.#synthesizer = SpeechCache.for(deps.synthesizer);
    const persona = deps.scenario.persona;
    this.#voice = { name: persona.voice, pitchHz: persona.languageLevel === 'child' ? 260 : undefined };
    this.#controlDifficulty = persona.controlDifficulty;
    this.#random = createRandom(deps.seed + 1);
    this.#now = deps.now;
    this.#turns.on('candidate', () => this.#onCandidate());
    this.#turns.on('candidateDropped', () => this.#resume());
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
    // Stream time must move forward for the turn detector; the bridge's clock can step back
    // a few hundred ms when it re-anchors after a stall. Frames keep their real spacing.
    if (atMs <= this.#lastHeardAtMs) atMs = this.#lastHeardAtMs + FRAME_MS;
    this.#lastHeardAtMs = atMs;
    // VAD results come back in order; the turn detector sees frames in stream order.
    const probability = this.#vad.process(frame);
    this.#vadChain = this.#vadChain.then(async () => {
      const p = await probability;
      if (this.#closed || this.#onHold) return;
      if (p >= this.#turns.options.startThreshold) this.#mind.patience.voiceHeard(atMs); // someone talks: the line is not silent
      if (this.#turn) this.#push(this.#turn, frame);
      else this.#remember(frame, atMs);
      this.#turns.push(frame, atMs, p);
    }).catch((error: unknown) => this.#fail(error));
  }

  hearText(text: string, atMs: number): void {
    if (this.#closed || this.#onHold || !text.trim()) return;
    const id = randomUUID();
    this.emit('heard', { id, text, isFinal: true, startMs: atMs, endMs: atMs, confidence: null, typed: true });
    this.#answering++;
    void this.#respond(text, atMs)
      .catch((error: unknown) => this.#fail(error))
      .finally(() => this.#answering--);
  }

  steer(command: CallerSteer): void {
    if (this.#closed) return;
    const reply = this.#mind.steer(command, this.#now());
    if (reply && !this.#onHold) this.#speak(reply);
    else this.#mood(this.#onHold ? 'on_hold' : this.#speaking ? 'speaking' : 'listening');
  }

  setSpeaking(speaking: boolean): void {
    this.#speaking = speaking;
    if (!speaking) {
      this.#playsUntil = 0; // all said
      this.#mind.patience.callerFinished(this.#now());
    }
    this.#mood(speaking ? 'speaking' : 'listening');
  }

  setOnHold(onHold: boolean): void {
    if (this.#onHold === onHold || this.#closed) return;
    this.#onHold = onHold;
    const now = this.#now();
    if (onHold) {
      this.#paused = false; // the line's voice is cut off on hold anyway
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

  /**
   * Regression: the trainee's unfinished line at "Complete transfer" was missing from the
   * transcript; closing cancelled the turn they were still speaking. Now the call's end first
   * finishes that turn's recognition and reports it, as what was heard so far.
   */
  async flush(): Promise<void> {
    await this.#vadChain;
    await this.#hearing; // a turn that just ended reports itself
    const turn = this.#turn;
    if (this.#closed || !turn) return;
    this.#turn = undefined;
    clearTimeout(turn.bargeIn);
    try {
      const result = await turn.stream.finish();
      const text = result.text.trim() || turn.partial.trim();
      const endMs = Math.max(turn.startMs, this.#lastHeardAtMs);
      if (text && !this.#closed) this.emit('heard', { id: turn.id, text, isFinal: true, startMs: turn.startMs, endMs, confidence: result.confidence });
    } catch (error) {
      if (!isAbortError(error)) this.#fail(error);
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
    const turn: Turn = { id, stream, startMs: atMs, partial: '', pushedMs: 0, bargeIn: undefined };
    stream.on('partial', (text) => {
      turn.partial = text;
      this.emit('heard', { id, text, isFinal: false, startMs: atMs, endMs: this.#now(), confidence: null });
      if (this.#turn !== turn) return;
      this.#turns.setEndSilence(soundsComplete(text) ? QUICK_END_SILENCE_MS : undefined);
    });
    for (const { frame, atMs: at } of this.#recent) if (at >= atMs - 300) this.#push(turn, frame);
    this.#recent = [];
    this.#turn = turn;
    this.#mood('listening');
    // Talked over: the caller fell silent at the first sound (a candidate); now it decides.
    if (this.#paused) turn.bargeIn = setTimeout(() => this.#decideBargeIn(turn), BARGE_IN_DECISION_MS);
  }

  /**
   * The first sound of a possible turn while the caller talks: a compliant caller falls silent
   * at once (it may be a cough or an "uh-huh"; it goes on if so). A panicked caller with a hard
   * persona may talk on.
   */
  #onCandidate(): void {
    if (!this.#speaking || this.#paused || this.#turn) return;
    const upset = ['panicked', 'hysterical', 'angry'].includes(this.#mind.emotion);
    if (upset && this.#random.chance(this.#controlDifficulty)) return;
    this.#paused = true;
    this.emit('pause');
  }

  /** Not talked over after all: the caller goes on from where it stopped. */
  #resume(): void {
    if (!this.#paused || this.#closed) return;
    this.#paused = false;
    this.emit('resume');
  }

  /**
   * Stops the caller for a turn that talks over it, at the decision time unless it sounds
   * like an acknowledgement so far (or the recognizer is still behind, see LATE_PARTIAL_MS);
   * then only if the trainee keeps talking (or, when the turn ends, if its final transcript
   * is not one).
   */
  #decideBargeIn(turn: Turn): void {
    if (this.#turn !== turn || turn.bargeIn === undefined) return;
    const now = performance.now();
    turn.decision ??= { dueAt: now, audioMs: turn.pushedMs };
    const heard = turn.stream.heardMs;
    const late = heard !== undefined && heard < turn.decision.audioMs - PARTIAL_STEP_MS;
    if (late && now - turn.decision.dueAt < LATE_PARTIAL_MS) {
      turn.bargeIn = setTimeout(() => this.#decideBargeIn(turn), FRAME_MS);
      return;
    }
    if (late || isAcknowledgement(turn.partial)) {
      turn.bargeIn = setTimeout(() => this.#stopIfStillTalking(turn), ACKNOWLEDGEMENT_MS);
      return;
    }
    turn.bargeIn = undefined;
    this.#interrupt();
  }

  #stopIfStillTalking(turn: Turn): void {
    if (this.#turn !== turn || turn.bargeIn === undefined) return;
    turn.bargeIn = undefined;
    this.#interrupt();
  }

  async #onSpeechEnd(end: SpeechEnd): Promise<void> {
    const turn = this.#turn;
    this.#turn = undefined;
    if (!turn) return;
    const heldOff = turn.bargeIn;
    clearTimeout(heldOff);
    turn.bargeIn = undefined;
    this.#answering++;
    // Timed for the metrics: the turn's end is known endpointMs after the speech ended.
    const endpointed = performance.now();
    const endpointMs = this.#now() - end.endMs;
    try {
      const finishing = turn.stream.finish();
      this.#hearing = finishing.catch(() => undefined);
      const result = await finishing;
      const text = result.text.trim();
      if (!text) return this.#resume(); // a noise
      this.emit('heard', { id: turn.id, text, isFinal: true, startMs: end.startMs, endMs: end.endMs, confidence: result.confidence });
      if (BACKCHANNEL.test(text)) return this.#resume(); // an "uh-huh" is not a turn
      if (heldOff !== undefined && (this.#speaking || this.#paused)) this.#interrupt(); // talked over after all
      await this.#respond(text, end.endMs, { speechEndedAt: endpointed - endpointMs, endpointMs, recognitionMs: performance.now() - endpointed });
    } catch (error) {
      if (!isAbortError(error)) this.#fail(error);
    } finally {
      this.#answering--;
      if (!this.#turn) this.#resume(); // a failed recognition must not leave the caller silent
    }
  }

  async #respond(text: string, atMs: number, heard?: HeardTiming): Promise<void> {
    this.#mood('thinking');
    const thinking = performance.now();
    const reply = await this.#mind.respond({ text, atMs });
    if (!this.#closed && !this.#onHold) this.#speak(reply, heard && { ...heard, mindMs: performance.now() - thinking });
  }

  #tick(): void {
    // Not while the trainee talks or waits for an answer: "Hello? Are you there?" on top of
    // the answer to their question made the answer itself come too late to count.
    // Nor while an answer is still being made: under load its first sentence can take seconds,
    // and a prompt then would cancel the answer itself.
    if (this.#closed || this.#onHold || !this.#answered || this.#turn || this.#answering > 0 || this.#speaking || this.#reply) return;
    const reply = this.#mind.tick(this.#now());
    if (reply) this.#speak(reply);
  }

  /**
   * Synthesizes a reply sentence by sentence; the first plays while the rest is made. Each
   * sentence is handed to the line only shortly before the one before it ends, so a newer
   * reply (the trainee asked something while a caller too upset to stop kept talking) follows
   * the sentence being said instead of the rest of a long speech.
   */
  #speak(reply: Reply, timing?: Omit<TurnTiming, 'utteranceId' | 'synthesisMs'>): void {
    this.#cancelReply();
    const abort = new AbortController();
    this.#reply = abort;
    const voice: Voice = { ...this.#voice, emotion: reply.emotion };
    this.#mood('speaking', reply.emotion);
    if (reply.emotion !== this.#preparedEmotion) this.#prepareSpeech();
    void (async () => {
      for (const sentence of sentences(reply.text)) {
        const synthesizing = performance.now();
        const pcm = await this.#synthesizer.synthesize(sentence, voice, abort.signal);
        const synthesisMs = performance.now() - synthesizing;
        if (abort.signal.aborted || this.#closed) return;
        const wait = this.#playsUntil - SENTENCE_LEAD_MS - performance.now();
        if (wait > 0) await sleep(wait, undefined, { signal: abort.signal });
        if (abort.signal.aborted || this.#closed) return;
        this.#playsUntil = Math.max(this.#playsUntil, performance.now()) + pcm.length / PCM_SAMPLES_PER_MS;
        const id = randomUUID();
        if (timing) this.emit('turn', { ...timing, utteranceId: id, synthesisMs });
        timing = undefined; // only the first sentence is the answer's latency
        this.emit('say', { id, text: sentence, pcm });
      }
      if (this.#reply === abort) this.#reply = undefined; // all of it is on the line
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) this.#fail(error);
    });
  }

  #interrupt(): void {
    this.#paused = false;
    this.#cancelReply();
    this.#playsUntil = 0; // the line drops whatever it still had
    this.emit('interrupt');
  }

  #cancelReply(): void {
    this.#reply?.abort();
    this.#reply = undefined;
  }

  /**
   * What this caller is most likely to say, made ahead in its current voice while the line
   * is quiet: its opening, its answers, its worries and its scripted lines. The stock phrases
   * are cached the first time they are said.
   */
  #prepareSpeech(): void {
    if (this.#closed) return;
    const { script, persona } = this.#scenario;
    const emotion = this.#mind.emotion;
    this.#preparedEmotion = emotion;
    const lines = [
      spoken(script.openingLine),
      ...script.revealRules.flatMap((r) => [r.answer, r.wrongFirst ?? '']),
      ...(persona.worries ?? []),
      ...script.timeline.map((e) => e.say ?? ''),
    ];
    this.#synthesizer.prepare(lines.flatMap(sentences), { ...this.#voice, emotion });
  }

  #push(turn: Turn, frame: Int16Array): void {
    turn.stream.push(frame);
    turn.pushedMs += frame.length / PCM_SAMPLES_PER_MS;
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

type HeardTiming = Pick<TurnTiming, 'speechEndedAt' | 'endpointMs' | 'recognitionMs'>;

type Turn = {
  id: string;
  stream: RecognitionStream;
  startMs: number;
  partial: string;
  /** Audio handed to its recognition stream, ms. */
  pushedMs: number;
  /** When the barge-in decision fell due, and how much audio had been pushed by then. */
  decision?: { dueAt: number; audioMs: number };
  /** While this turn talks over the caller and it has not stopped: the next decision's timer. */
  bargeIn: NodeJS.Timeout | undefined;
};

/**
 * A running transcript that is an acknowledgement so far. Its last word is the recognizer's
 * guess at a word still being said ("uh huh" passes through "uh how"), so after other words
 * only those before it must be acknowledgement words.
 */
function isAcknowledgement(partial: string): boolean {
  const words = partial.trim().split(/\s+/).filter(Boolean);
  const settled = words.length > 1 ? words.slice(0, -1) : words;
  return settled.length > 0 && settled.every((w) => BACKCHANNEL_WORDS.has(w));
}

/** A running transcript that already asks something whole: the trainee is done and waits. */
export function soundsComplete(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (!last || words.length < 2 || DANGLING.has(last)) return false;
  const { primary } = understand(text);
  return primary.startsWith('ask_') || primary.startsWith('verify_');
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
