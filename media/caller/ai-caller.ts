import { EventEmitter, once } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { CallVocabulary, SpeechRecognizer } from '../asr/recognizer.js';
import { isAbortError } from '../asr/recognizer.js';
import { createRandom, type Random } from '../random.js';
import type { SpeechSynthesizer, Voice } from '../speech/synthesizer.js';
import type { SileroModel } from '../vad/vad.js';
import { BACKCHANNEL, BargeInPolicy } from './barge-in.js';
import { Listening, type HeardTiming, type HeardTurn, type Turn } from './listening.js';
import type { CallerActivity, CallerPipeline, CallerPipelineEvents, CallerSteer, TurnTiming } from './pipeline.js';
import { ReplyHandle } from './reply.js';
import { Speaker } from './speaker.js';
import { Speculation } from './speculation.js';
import type { Fallback, Mind, MindReply, Player } from './stages.js';

// The AI caller in a live call: it hears through Listening (voice activity, turn detection,
// recognition), decides barge-ins through BargeInPolicy, asks the mind what to say and speaks
// through the Speaker onto the player. Each reply is one ReplyHandle from understanding to
// play-out: a newer trainee turn, a barge-in, a hold or the call's end cancels it in every
// stage at once, so nothing stale is ever spoken. At the trainee's first pause the answer is
// made speculatively (speculation.ts) and played once the endpoint confirms the turn.

const TICK_MS = 250;

export type AiCallerDeps = {
  /** What the caller knows and decides: the server supplies it. */
  mind: Mind;
  /** The call's places, names and numbers, for the recognizer. */
  vocabulary: CallVocabulary;
  /** The persona's voice (the catalogue's name, and its pitch). */
  voice: Voice;
  /** 0..1: how likely an upset caller talks on over the trainee. */
  controlDifficulty: number;
  seed: number;
  vad: SileroModel;
  recognizer: SpeechRecognizer;
  synthesizer: SpeechSynthesizer;
  /** Speaks a sentence the synthesizer failed on (the embedded engine behind a hosted one). */
  fallbackSynthesizer?: SpeechSynthesizer | undefined;
  player: Player;
  /** The call was answered already (a realtime session was lost): this caller carries on with its mind and waits to be spoken to. */
  answered?: boolean | undefined;
  /** ms since the call's media started: the clock the frames and the timeline share. */
  now: () => number;
};

export class AiCaller extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  readonly #mind: Mind;
  readonly #listening: Listening;
  readonly #bargeIn: BargeInPolicy;
  readonly #speaker: Speaker;
  readonly #player: Player;
  readonly #voice: Voice;
  readonly #random: Random;
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout;
  #reply: ReplyHandle | undefined;
  /** The answer being made at the trainee's pause, before the endpoint confirms the turn. */
  #speculation: Speculation | undefined;
  /** Trainee turns heard and not yet answered: the caller does not speak up meanwhile. */
  #answering = 0;
  #preparedEmotion: string | undefined;
  #answered = false;
  #onHold = false;
  #speaking = false;
  #closed = false;

  static async create(deps: AiCallerDeps): Promise<AiCaller> {
    const caller = new AiCaller(deps, new Listening({
      vad: deps.vad.stream(),
      recognizer: await deps.recognizer.prepare(deps.vocabulary),
      soundsComplete: (partial) => deps.mind.soundsComplete(partial),
      now: deps.now,
    }));
    caller.#prepareSpeech(); // while the phone rings
    return caller;
  }

  private constructor(deps: AiCallerDeps, listening: Listening) {
    super();
    this.#mind = deps.mind;
    this.#listening = listening;
    this.#player = deps.player;
    this.#voice = deps.voice;
    this.#now = deps.now;
    this.#answered = deps.answered ?? false;
    this.#random = createRandom(deps.seed + 1);
    this.#speaker = new Speaker(deps.synthesizer, deps.player, deps.fallbackSynthesizer);
    this.#bargeIn = new BargeInPolicy(
      {
        pause: () => this.#player.pause(),
        resume: () => this.#player.resume(),
        interrupt: () => this.#interrupt(),
      },
      {
        partials: deps.recognizer.capabilities.partials,
        talksOn: () => ['panicked', 'hysterical', 'angry'].includes(this.#mind.emotion) && this.#random.chance(deps.controlDifficulty),
      },
    );
    this.#speaker.on('said', (line) => this.emit('said', line));
    this.#speaker.on('turn', (timing) => this.emit('turn', timing));
    this.#speaker.on('fallback', (fallback) => this.#fallback(fallback));
    this.#speaker.on('error', (error) => this.#fail(error));
    listening.on('voice', (atMs) => this.#mind.patience.voiceHeard(atMs)); // someone talks: the line is not silent
    listening.on('candidate', () => this.#bargeIn.candidate(this.#listening.turn !== undefined));
    listening.on('candidateDropped', () => this.#bargeIn.resume());
    listening.on('turnStart', (turn) => {
      this.#mood('listening');
      this.#bargeIn.turnStarted(turn);
    });
    listening.on('partial', (turn, atMs) => this.#heard(turn.id, turn.partial, false, turn.startMs, atMs, null));
    listening.on('turnStop', (turn) => {
      this.#bargeIn.turnStopped(turn);
      this.#answering++;
    });
    listening.on('pause', (turn, endMs) => void this.#speculate(turn, endMs));
    listening.on('resumed', () => this.#dropSpeculation());
    listening.on('turnEnd', (heard) => void this.#onTurnEnd(heard));
    listening.on('error', (error) => this.#fail(error));
    this.#player.on('speaking', this.#onSpeaking);
    this.#player.on('silent', this.#onSilent);
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
  }

  answer(): void {
    if (this.#answered) return;
    this.#answered = true;
    this.#speak(this.#mind.opening(this.#now()), this.#newReply());
  }

  hear(frame: Int16Array, atMs: number): void {
    if (this.#closed || this.#onHold || !this.#answered) return;
    this.#listening.hear(frame, atMs);
  }

  hearText(text: string, atMs: number): void {
    if (this.#closed || this.#onHold || !text.trim()) return;
    this.#dropSpeculation();
    this.emit('heard', { id: randomUUID(), text, isFinal: true, startMs: atMs, endMs: atMs, confidence: null, typed: true });
    this.#answering++;
    void this.#respond(text, atMs).finally(() => this.#answering--);
  }

  steer(command: CallerSteer): void {
    if (this.#closed) return;
    this.#dropSpeculation(); // before the steer changes the mind: the rewind would undo it
    const reply = this.#mind.steer(command, this.#now());
    if (reply && !this.#onHold) this.#speak(reply, this.#newReply());
    else this.#mood(this.#onHold ? 'on_hold' : this.#speaking ? 'speaking' : 'listening');
  }

  setOnHold(onHold: boolean): void {
    if (this.#onHold === onHold || this.#closed) return;
    this.#dropSpeculation();
    this.#onHold = onHold;
    const now = this.#now();
    this.#listening.setDeaf(onHold);
    if (onHold) {
      this.#bargeIn.reset();
      this.#reply?.cancel('held');
      this.#reply = undefined;
      this.#player.stop(); // the caller is cut off
      this.#mind.onHold(now);
      this.#mood('on_hold');
    } else {
      this.#speak(this.#mind.offHold(now), this.#newReply());
    }
  }

  /**
   * Regression: the trainee's unfinished line at "Complete transfer" was missing from the
   * transcript; closing cancelled the turn they were still speaking. Now the call's end first
   * finishes that turn's recognition and reports it, as what was heard so far.
   */
  async flush(): Promise<void> {
    const heard = await this.#listening.flush();
    if (heard?.text && !this.#closed) this.#heard(heard.turn.id, heard.text, true, heard.startMs, heard.endMs, heard.confidence);
  }

  close(): void {
    if (this.#closed) return;
    this.#dropSpeculation();
    this.#closed = true;
    clearInterval(this.#timer);
    this.#reply?.cancel('closed');
    this.#bargeIn.reset();
    this.#player.off('speaking', this.#onSpeaking);
    this.#player.off('silent', this.#onSilent);
    this.#listening.close();
    this.#mind.close();
    this.removeAllListeners();
  }

  readonly #onSpeaking = (): void => {
    this.#speaking = true;
    this.#bargeIn.setSpeaking(true);
    this.#mood('speaking');
  };

  readonly #onSilent = (): void => {
    this.#speaking = false;
    this.#bargeIn.setSpeaking(false);
    this.#mind.patience.callerFinished(this.#now());
    this.#mood('listening');
  };

  async #onTurnEnd({ turn, text, confidence, startMs, endMs, timing }: HeardTurn): Promise<void> {
    try {
      if (this.#closed || this.#onHold) return;
      if (text) this.#heard(turn.id, text, true, startMs, endMs, confidence);
      const speculation = this.#speculation;
      this.#speculation = undefined;
      if (!this.#bargeIn.turnEnded(turn, text)) speculation?.drop();
      else if (speculation?.answers(turn, text)) {
        speculation.confirm(timing);
        this.#mood(speculation.made ? 'speaking' : 'thinking');
      } else {
        speculation?.drop();
        await this.#respond(text, endMs, timing);
      }
    } finally {
      this.#answering--;
      if (!this.#listening.turn) this.#bargeIn.resume(); // a failed recognition must not leave the caller silent
    }
  }

  /** The answer to a trainee's line: a newer line cancels it wherever it is, even at the LLM. */
  async #respond(text: string, atMs: number, heard?: HeardTiming): Promise<void> {
    const reply = this.#newReply();
    this.#mood('thinking');
    try {
      const thinking = performance.now();
      const said = await this.#mind.respond({ text, atMs }, reply.signal);
      for (const fallback of said.fallbacks) this.#fallback(fallback);
      this.#speak(said, reply, (signal) => this.#floorFree(signal), heard && { ...heard, mindMs: performance.now() - thinking });
    } catch (error) {
      if (!isAbortError(error) && !reply.cancelled) this.#fail(error);
    }
  }

  /**
   * The trainee paused: their words so far are recognised now and the answer made, to wait
   * for the endpoint. Only into a quiet line with nothing else to say or answer (while the
   * caller talks, the barge-in decision reads the turn's running transcript, which a second
   * stream would restart); an acknowledgement gets no answer anyway.
   */
  async #speculate(turn: Turn, endMs: number): Promise<void> {
    const quiet = () => !this.#closed && !this.#onHold && this.#answered && !this.#speaking && !this.#reply && this.#answering === 0 && !this.#bargeIn.paused && !this.#speculation;
    if (!quiet()) return;
    const heard = await this.#listening.finishEarly(turn, endMs);
    const text = heard?.text;
    if (!text || BACKCHANNEL.test(text) || !quiet()) return;
    const speculation = new Speculation(turn, text, this.#mind.checkpoint());
    this.#speculation = speculation;
    const { reply } = speculation;
    this.#newReply(reply);
    try {
      const thinking = performance.now();
      const said = await this.#mind.respond({ text, atMs: endMs }, reply.signal);
      speculation.madeIn(performance.now() - thinking);
      for (const fallback of said.fallbacks) this.#fallback(fallback);
      this.#speak(said, reply, (signal) => speculation.mayStart(signal), speculation.timing, true);
    } catch (error) {
      if (!isAbortError(error) && !reply.cancelled) this.#fail(error);
    }
  }

  /** The answer made at a pause is not the answer (the trainee went on, or something came first). */
  #dropSpeculation(): void {
    const speculation = this.#speculation;
    this.#speculation = undefined;
    if (!speculation) return;
    speculation.drop();
    if (this.#reply === speculation.reply) this.#reply = undefined;
  }

  /** A newer reply supersedes the one before it, in every stage still working on it. */
  #newReply(reply = new ReplyHandle()): ReplyHandle {
    this.#reply?.cancel('superseded');
    this.#reply = reply;
    return reply;
  }

  /**
   * Speaks a reply. An answer to the trainee waits while they are still talking: their newer
   * line cancels it if it is a turn, and it goes on after a cough or an "uh-huh".
   */
  #speak(said: MindReply, reply: ReplyHandle, mayStart: (signal: AbortSignal) => Promise<void> = async () => undefined, timing?: Omit<TurnTiming, 'utteranceId' | 'synthesisMs'>, speculative = false): void {
    // Not a word of it played (superseded, talked over at its first sound, put on hold): the
    // mind takes back what it gave away, so the next ask gets it again.
    void reply.done.then((played) => !played.some((line) => line.text) && !this.#closed && this.#mind.unheard(said));
    if (this.#closed || this.#onHold || reply.cancelled || reply !== this.#reply) return reply.cancel(this.#closed ? 'closed' : this.#onHold ? 'held' : 'superseded');
    const voice: Voice = { ...this.#voice, emotion: said.emotion };
    if (!speculative) this.#mood('speaking', said.emotion); // a speculative answer is the caller's once confirmed
    if (said.emotion !== this.#preparedEmotion) this.#prepareSpeech();
    void this.#speaker.speak(said.text, voice, reply, mayStart, timing).then(() => {
      if (this.#reply === reply) this.#reply = undefined; // all of it is on the line
    });
  }

  async #floorFree(signal: AbortSignal): Promise<void> {
    try {
      while (this.#listening.turn && !signal.aborted) await once(this.#listening, 'turnStop', { signal });
    } catch {
      // cancelled while waiting: the speaker sees the signal
    }
  }

  #tick(): void {
    // Not while the trainee talks or waits for an answer: "Hello? Are you there?" on top of
    // the answer to their question made the answer itself come too late to count.
    // Nor while an answer is still being made: under load its first sentence can take seconds,
    // and a prompt then would cancel the answer itself.
    if (this.#closed || this.#onHold || !this.#answered || this.#listening.turn || this.#answering > 0 || this.#speaking || this.#reply) return;
    const reply = this.#mind.tick(this.#now());
    if (reply) this.#speak(reply, this.#newReply());
  }

  /** Talked over: one signal stops every stage (mind and LLM, synthesis, the line). */
  #interrupt(): void {
    this.#dropSpeculation();
    this.#reply?.cancel('interrupted');
    this.#reply = undefined;
    this.#player.stop();
    this.emit('interrupt');
  }

  /** What this caller is most likely to say, made ahead in its current voice while the line is quiet. */
  #prepareSpeech(): void {
    if (this.#closed) return;
    const emotion = this.#mind.emotion;
    this.#preparedEmotion = emotion;
    this.#speaker.prepare(this.#mind.likelyLines(), { ...this.#voice, emotion });
  }

  #heard(id: string, text: string, isFinal: boolean, startMs: number, endMs: number, confidence: number | null): void {
    if (!this.#closed) this.emit('heard', { id, text, isFinal, startMs, endMs, confidence });
  }

  #fallback(fallback: Fallback): void {
    if (!this.#closed) this.emit('fallback', fallback);
  }

  #mood(activity: CallerActivity, emotion = this.#mind.emotion): void {
    if (!this.#closed) this.emit('mood', { emotion, activity });
  }

  #fail(error: unknown): void {
    if (!this.#closed) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}
