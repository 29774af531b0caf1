import { EventEmitter } from 'node:events';
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { CallerActivity, CallerPipeline, CallerPipelineEvents, CallerSteer, TurnTiming } from '../../../media/caller/pipeline.js';
import type { Fallback, Player } from '../../../media/caller/stages.js';
import { PCM_RATE_HZ } from '../../../media/format.js';
import { RealtimeConnection, type RealtimeEndpoint, type ReconnectPolicy } from '../../../media/realtime/connection.js';
import { base64ToPcm, pcmToBase64, Resampler } from '../../../media/realtime/resample.js';
import { StreamedLines, type FinishedLine } from '../../../media/realtime/streamed-lines.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import { CallerMind, type Reply } from './mind.js';
import { callerInstructions, callerSession, RECALL, sayNow, SESSION_RATE_HZ, type ConversationLine } from './realtime-session.js';

// The AI caller on a hosted speech-to-speech model (an OpenAI Realtime-compatible endpoint).
// The model hears the trainee and speaks; the caller's mind still decides every fact: on each
// trainee turn the model calls `recall`, the mind answers under the reveal rules, and the
// model says that answer in character, through the call's player. The endpoint's turn
// detection says when the trainee starts and stops; talking over the caller stops the player,
// cancels the response and truncates the model's memory of it to what was heard. A dropped link is reopened with the
// conversation so far; one that cannot be is replaced by the embedded pipeline, same mind (a
// fallback, reported like the embedded caller's own). Each answered spoken turn is timed as the
// embedded caller times its own: the endpoint's turn detection, its call to `recall`, the mind,
// and the model's first audio of the answer.

/** How the state machine of a realtime voice agent shows as the caller's activity. */
type Phase = 'greeting' | 'listening' | 'processing' | 'responding';
const ACTIVITY: Record<Phase, CallerActivity> = { greeting: 'speaking', listening: 'listening', processing: 'thinking', responding: 'speaking' };
const TICK_MS = 250;
/** Rate-limited responses are asked for again this many times before the reply is given up. */
const RATE_LIMIT_RETRIES = 3;

export type RealtimeCallerDeps = {
  scenario: ScenarioInput;
  seed: number;
  endpoint: RealtimeEndpoint;
  voice?: string | undefined;
  transcriptionModel?: string | undefined;
  reconnect?: ReconnectPolicy | undefined;
  /** The caller's voice on the line. */
  player: Player;
  /** The embedded pipeline: from the start when no session opens, or carrying on with this mind when it is lost. */
  fallback: (mind?: CallerMind) => Promise<CallerPipeline>;
  now: () => number;
};

/** The steps of a spoken turn's answer before its first audio, and when the mind had answered (performance.now()). */
type AnswerTiming = Omit<TurnTiming, 'utteranceId' | 'synthesisMs'> & { answeredAt: number };
/** `answer`: this response says the answer to a spoken turn, timed up to the mind. */
type ResponseRequest = { tool_choice: 'none' | { type: 'function'; name: string }; answer?: AnswerTiming | undefined };

export class RealtimeCaller extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  readonly #deps: RealtimeCallerDeps;
  readonly #mind: CallerMind;
  readonly #connection: RealtimeConnection;
  readonly #up = new Resampler(PCM_RATE_HZ, SESSION_RATE_HZ);
  readonly #down = new Resampler(SESSION_RATE_HZ, PCM_RATE_HZ);
  readonly #lines: StreamedLines;
  readonly #timer: NodeJS.Timeout;
  /** Both sides' words so far: a reopened session is reminded of them. */
  readonly #conversation: ConversationLine[] = [];
  /** What a reopened session was reminded of: kept when its instructions change. */
  #reminder: ConversationLine[] = [];
  #phase: Phase = 'greeting';
  #emotion: string;
  /** What the mind last wanted said and the model has not finished saying: said again after a drop. */
  #unsaid: Reply | null = null;
  /** The mind's reply each spoken item says: one cut before a word was heard is taken back. */
  readonly #itemReplies = new Map<string, Reply>();
  #responding = false;
  #waiting: ResponseRequest[] = [];
  #lastRequest: ResponseRequest | undefined;
  /** The response under way says a spoken turn's answer: timed until its first audio goes to the player. */
  #answerTiming: AnswerTiming | undefined;
  /** Audio appended to this session's input buffer, ms: the endpoint's speech times count from its start. */
  #appendedMs = 0;
  /** When the latest spoken turn ended (performance.now()) and when the endpoint said so. */
  #speechStop: { turn: number; speechEndedAt: number; endpointMs: number; stoppedAt: number } | undefined;
  #rateLimited = 0;
  #retryAfterMs = 500;
  #turnStartMs = 0;
  /** Trainee turns begun: an answer to an older one is not said over a newer one. */
  #turns = 0;
  #turnEndMs = 0;
  #answered = false;
  #onHold = false;
  #speaking = false;
  #closed = false;
  #fallback: CallerPipeline | undefined;

  /** Opens the session while the phone rings; an endpoint that cannot be reached at all leaves the embedded pipeline. */
  static async create(deps: RealtimeCallerDeps): Promise<CallerPipeline> {
    const caller = new RealtimeCaller(deps);
    try {
      await caller.#connection.connect();
      return caller;
    } catch (error) {
      caller.close();
      const embedded = await deps.fallback();
      // Regression: reported at once, before the call had wired its listeners, the error had
      // none and was thrown. Reported once the call's setup (synchronous after this) has run.
      setImmediate(() => embedded.emit('fallback', realtimeFallback(`not opened: ${(error as Error).message}`)));
      return embedded;
    }
  }

  private constructor(deps: RealtimeCallerDeps) {
    super();
    this.#deps = deps;
    this.#mind = new CallerMind(deps.scenario, deps.seed);
    this.#emotion = this.#mind.emotion;
    this.#connection = new RealtimeConnection(deps.endpoint, deps.reconnect);
    this.#lines = new StreamedLines(deps.player, (line) => this.#finished(line));
    deps.player.on('speaking', this.#onSpeaking);
    deps.player.on('silent', this.#onSilent);
    this.#connection.on('open', ({ reconnected }) => this.#restore(reconnected));
    this.#connection.on('event', (event) => this.#onEvent(event));
    this.#connection.on('dropped', (reason) => this.#dropped(reason));
    this.#connection.on('lost', (reason) => void this.#fallBack(reason));
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
  }

  answer(): void {
    if (this.#fallback) return this.#fallback.answer();
    if (this.#answered) return;
    this.#answered = true;
    this.#phase = 'greeting';
    this.#mood();
    this.#say(this.#mind.opening(this.#deps.now()));
  }

  hear(frame: Int16Array, atMs: number): void {
    if (this.#fallback) return this.#fallback.hear(frame, atMs);
    if (this.#closed || this.#onHold || !this.#answered) return;
    if (this.#connection.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(this.#up.push(frame)) })) this.#appendedMs += (frame.length * 1000) / PCM_RATE_HZ;
  }

  hearText(text: string, atMs: number): void {
    if (this.#fallback) return this.#fallback.hearText?.(text, atMs);
    if (this.#closed || this.#onHold || !text.trim()) return;
    this.emit('heard', { id: `typed-${atMs}`, text, isFinal: true, startMs: atMs, endMs: atMs, confidence: null, typed: true });
    this.#conversation.push({ speaker: 'call-taker', text });
    this.#phase = 'processing';
    this.#mood();
    void this.#mind.respond({ text, atMs }).then((reply) => this.#say(reply)).catch((error: unknown) => this.#fail(error));
  }

  steer(command: CallerSteer): void {
    if (this.#fallback) return this.#fallback.steer?.(command);
    if (this.#closed) return;
    const reply = this.#mind.steer(command, this.#deps.now());
    if (reply && !this.#onHold) this.#say(reply);
    else this.#mood();
  }

  setOnHold(onHold: boolean): void {
    if (this.#fallback) return this.#fallback.setOnHold(onHold);
    if (this.#onHold === onHold || this.#closed) return;
    this.#onHold = onHold;
    const now = this.#deps.now();
    if (onHold) {
      this.#interrupt();
      this.#connection.send({ type: 'input_audio_buffer.clear' });
      this.#mind.onHold(now);
      this.emit('mood', { emotion: this.#mind.emotion, activity: 'on_hold' });
    } else {
      this.#say(this.#mind.offHold(now));
    }
  }

  async flush(): Promise<void> {
    await this.#fallback?.flush?.();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#deps.player.off('speaking', this.#onSpeaking);
    this.#deps.player.off('silent', this.#onSilent);
    this.#connection.close();
    this.#fallback?.close();
    this.#mind.close();
    this.removeAllListeners();
  }

  readonly #onSpeaking = (): void => this.#setSpeaking(true);
  readonly #onSilent = (): void => this.#setSpeaking(false);

  /** The player says whether the caller's voice is on the line (the embedded caller, once it took over, hears it itself). */
  #setSpeaking(speaking: boolean): void {
    if (this.#fallback || this.#closed) return;
    this.#speaking = speaking;
    if (!speaking) this.#mind.patience.callerFinished(this.#deps.now());
    this.#mood();
  }

  #onEvent(event: RealtimeServerEvent): void {
    if (this.#closed || this.#fallback) return;
    switch (event.type) {
      case 'input_audio_buffer.speech_started':
        this.#turnStartMs = this.#deps.now();
        this.#turns++;
        this.#mind.patience.voiceHeard(this.#turnStartMs);
        // Talked over: the caller stops at once, and the model forgets what was not heard.
        if (this.#speaking || this.#lines.playing || this.#responding) this.#interrupt();
        this.#phase = 'listening';
        return this.#mood();
      case 'input_audio_buffer.speech_stopped': {
        this.#turnEndMs = this.#deps.now();
        // The endpoint says where in its buffer the speech ended; what was appended since is how long ago.
        const stoppedAt = performance.now();
        const endpointMs = Math.max(0, this.#appendedMs - event.audio_end_ms);
        this.#speechStop = { turn: this.#turns, speechEndedAt: stoppedAt - endpointMs, endpointMs, stoppedAt };
        return;
      }
      case 'input_audio_buffer.committed':
        this.#phase = 'processing';
        this.#mood();
        return this.#request({ tool_choice: { type: 'function', name: RECALL } });
      case 'conversation.item.input_audio_transcription.completed': {
        const text = event.transcript.trim();
        if (!text) return;
        this.#conversation.push({ speaker: 'call-taker', text });
        this.emit('heard', { id: event.item_id, text, isFinal: true, startMs: this.#turnStartMs, endMs: Math.max(this.#turnStartMs, this.#turnEndMs), confidence: null });
        return;
      }
      case 'response.created':
        this.#responding = true;
        this.#answerTiming = this.#lastRequest?.answer;
        return;
      case 'response.output_item.added':
        if (event.item.type === 'message' && event.item.id) {
          this.#lines.start(event.item.id);
          if (this.#unsaid) this.#itemReplies.set(event.item.id, this.#unsaid);
          if (this.#phase !== 'greeting') this.#phase = 'responding';
          this.#mood();
        }
        return;
      case 'response.output_audio_transcript.delta':
        return this.#lines.words(event.item_id, event.delta);
      case 'response.output_audio_transcript.done':
        return this.#lines.words(event.item_id, event.transcript, true);
      case 'response.output_audio.delta': {
        const piece = this.#lines.audio(event.item_id, this.#down.push(base64ToPcm(event.delta)));
        const timing = this.#answerTiming;
        if (piece === undefined || !timing) return;
        this.#answerTiming = undefined;
        // Synthesis here: from the mind's answer to the model's first audio of it (a response still under way first included).
        const { answeredAt, ...steps } = timing;
        this.emit('turn', { ...steps, utteranceId: piece, synthesisMs: performance.now() - answeredAt });
        return;
      }
      case 'response.output_audio.done':
        return this.#lines.end(event.item_id);
      case 'response.done':
        return this.#responseDone(event.response);
      case 'rate_limits.updated': {
        const requests = event.rate_limits.find((r) => r.name === 'requests');
        if (requests?.reset_seconds !== undefined) this.#retryAfterMs = Math.max(100, requests.reset_seconds * 1000);
        return;
      }
      case 'error':
        return this.#serverError(event.error);
    }
  }

  #responseDone(response: Extract<RealtimeServerEvent, { type: 'response.done' }>['response']): void {
    this.#responding = false;
    this.#rateLimited = 0;
    this.#answerTiming = undefined;
    const said = response.status === 'completed' && response.output?.some((item) => item.type === 'message');
    if (said) this.#unsaid = null;
    for (const item of response.output ?? []) {
      if (item.type === 'function_call' && item.name === RECALL && item.call_id) void this.#recall(item.call_id, item.arguments ?? '{}').catch((error: unknown) => this.#fail(error));
    }
    const next = this.#waiting.shift();
    if (next) this.#request(next);
    else if (response.status !== 'in_progress' && !this.#lines.playing && !said) this.#phase = 'listening';
  }

  /** The model asks the mind what the caller knows and says now: the only way a fact reaches it. */
  async #recall(callId: string, args: string): Promise<void> {
    let traineeSaid = '';
    try {
      traineeSaid = String((JSON.parse(args) as { trainee_said?: unknown }).trainee_said ?? '');
    } catch {
      // A malformed call is answered as if nothing was understood: the mind asks back.
    }
    const turn = this.#turns;
    const stop = this.#speechStop?.turn === turn ? this.#speechStop : undefined;
    const thinking = performance.now();
    const reply = await this.#mind.respond({ text: traineeSaid, atMs: this.#turnEndMs || this.#deps.now() });
    if (this.#closed) return;
    if (this.#onHold) return this.#mind.unheard(reply);
    // The model's call is answered either way; a trainee who has started again is not talked
    // over with it, and what it would have given away is given when asked again.
    this.#connection.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output: JSON.stringify({ say: reply.text, emotion: reply.emotion }) } });
    if (turn !== this.#turns) return this.#mind.unheard(reply);
    this.#unsaid = reply;
    this.#updateEmotion();
    // Recognition here: from the endpoint's stop to the model's call for the answer (commit, transcription, its choice).
    const answeredAt = performance.now();
    const answer = stop && { speechEndedAt: stop.speechEndedAt, endpointMs: stop.endpointMs, recognitionMs: thinking - stop.stoppedAt, mindMs: answeredAt - thinking, answeredAt };
    this.#request({ tool_choice: 'none', answer });
  }

  /** A line the mind wants said now: the opening, something that happened, a steer. */
  #say(reply: Reply): void {
    if (this.#closed || !reply.text) return;
    this.#unsaid = reply;
    this.#updateEmotion();
    this.#connection.send({ type: 'conversation.item.create', item: { type: 'message', role: 'system', content: [{ type: 'input_text', text: sayNow(reply.text) }] } });
    this.#request({ tool_choice: 'none' });
  }

  /** One response at a time: the endpoint refuses a second while one is under way. */
  #request(request: ResponseRequest): void {
    if (this.#responding) {
      this.#waiting.push(request);
      return;
    }
    this.#lastRequest = request;
    this.#responding = this.#connection.send({ type: 'response.create', response: { tool_choice: request.tool_choice } });
  }

  #serverError(error: { code?: string | null; message: string; type: string }): void {
    if (error.code === 'response_cancel_not_active') return; // it had finished on its own
    if (error.code === 'rate_limit_exceeded' && this.#lastRequest) {
      this.#responding = false;
      if (this.#rateLimited++ >= RATE_LIMIT_RETRIES) return this.#fail(new Error(`realtime responses rate-limited ${RATE_LIMIT_RETRIES + 1} times; reply given up`));
      const request = this.#lastRequest;
      const waitMs = this.#retryAfterMs * 2 ** (this.#rateLimited - 1);
      setTimeout(() => !this.#closed && !this.#fallback && this.#request(request), waitMs).unref();
      return;
    }
    this.#fail(new Error(`realtime endpoint: ${error.type} ${error.code ?? ''} ${error.message}`));
  }

  #interrupt(): void {
    if (this.#responding) this.#connection.send({ type: 'response.cancel' });
    this.#waiting = [];
    this.#answerTiming = undefined;
    this.#lines.cutAll();
    this.#deps.player.stop(); // each cut piece reports what of it was played
    this.emit('interrupt');
  }

  /** A reply has played or was cut: the transcript keeps what was heard, and so does the model. */
  #finished(line: FinishedLine): void {
    if (line.cut) this.#connection.send({ type: 'conversation.item.truncate', item_id: line.itemId, content_index: 0, audio_end_ms: Math.round(line.playedMs) });
    const reply = this.#itemReplies.get(line.itemId);
    this.#itemReplies.delete(line.itemId);
    if (!line.text) {
      // Cut at its first sound: not said, so not said again after a drop, and given when asked.
      if (reply) this.#mind.unheard(reply);
      if (reply && this.#unsaid === reply) this.#unsaid = null;
      return;
    }
    this.#conversation.push({ speaker: 'caller', text: line.text });
    this.emit('said', { id: line.itemId, text: line.text, playedMs: line.playedMs, totalMs: line.totalMs });
    if (!this.#lines.playing && !this.#responding) {
      this.#phase = 'listening';
      this.#mood();
    }
  }

  #restore(reconnected: boolean): void {
    this.#reminder = reconnected ? [...this.#conversation] : [];
    this.#appendedMs = 0; // a new session's buffer
    this.#connection.send({ type: 'session.update', session: callerSession(this.#instructions(), this.#deps.voice, this.#deps.transcriptionModel) });
    if (!reconnected) return;
    this.#responding = false;
    this.#waiting = [];
    // What the caller was about to say when the link dropped is said now.
    if (this.#unsaid && !this.#onHold) this.#say(this.#unsaid);
  }

  #dropped(reason: string): void {
    // The cut-off reply's pieces still play; nothing more of it will come.
    this.#lines.cutAll();
    this.#fail(new Error(`realtime link dropped, reopening: ${reason}`));
  }

  async #fallBack(reason: string): Promise<void> {
    if (this.#closed) return;
    this.emit('fallback', realtimeFallback(`lost: ${reason}`));
    this.#interrupt();
    const embedded = await this.#deps.fallback(this.#mind);
    if (this.#closed) return embedded.close();
    this.#fallback = embedded;
    for (const name of ['said', 'interrupt', 'heard', 'fallback', 'turn', 'mood', 'error'] as const) {
      embedded.on(name, (...args: unknown[]) => (this.emit as (event: string, ...a: unknown[]) => boolean)(name, ...args));
    }
    if (this.#onHold) embedded.setOnHold(true);
    else if (this.#unsaid) embedded.steer?.({ action: 'event', say: this.#unsaid.text });
  }

  #tick(): void {
    if (this.#closed || this.#fallback || this.#onHold || !this.#answered || this.#speaking || this.#lines.playing || this.#responding) return;
    if (this.#phase !== 'listening') return;
    const reply = this.#mind.tick(this.#deps.now());
    if (reply) this.#say(reply);
  }

  #updateEmotion(): void {
    if (this.#mind.emotion === this.#emotion) return;
    this.#emotion = this.#mind.emotion;
    this.#connection.send({ type: 'session.update', session: { type: 'realtime', instructions: this.#instructions() } });
  }

  #instructions(): string {
    return callerInstructions(this.#deps.scenario.persona, this.#mind.emotion, this.#reminder);
  }

  #mood(): void {
    if (this.#closed) return;
    const activity = this.#speaking ? 'speaking' : ACTIVITY[this.#phase];
    this.emit('mood', { emotion: this.#mind.emotion, activity });
  }

  #fail(error: unknown): void {
    if (!this.#closed) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}

/** The hosted session gave way to the embedded caller: a fallback like any stage's. */
function realtimeFallback(reason: string): Fallback {
  return { stage: 'realtime', reason: `${reason.slice(0, 260)}; embedded caller takes over` };
}
