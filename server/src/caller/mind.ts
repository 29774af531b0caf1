import type { Emotion, ScenarioInput, TimelineEvent, TraineeIntent } from '../protocol/scenario.js';
import type { CallerSteer } from '../../../media/caller/pipeline.js';
import type { Fallback, Mind, MindCheckpoint, MindReply } from '../../../media/caller/stages.js';
import { abortError } from '../../../media/asr/recognizer.js';
import { askBack, isUnsure } from './ask-back.js';
import { refusalReason, type PhrasePlan } from './guard.js';
import { intentModel } from './intent-model.js';
import { understand, type Understanding } from './intents.js';
import { soundsComplete } from './sounds-complete.js';
import { LlmIntentClassifier } from './llm-intents.js';
import { LlmPhraser, type LlmOptions } from './llm.js';
import { Patience, patienceOf } from './patience.js';
import { band, PHRASES, type PhraseKind } from './phrases.js';
import { createRandom } from '../../../media/random.js';
import { createState, say, spoken, worry, type MindState } from './state.js';
import { saveState } from './checkpoint.js';
import { changesSince, factStates, type Fact, type FactChanges, type FactState } from './facts.js';
import { composeTurn, volunteer, type Composed } from './turn.js';

/** One thing the trainee said, as speech recognition heard it, at a time since the call started. */
export interface Utterance {
  text: string;
  atMs: number;
}

/** What the caller says back. */
export interface Reply {
  /** Short spoken sentences; the voice speaks them one by one. */
  text: string;
  emotion: Emotion;
  /** Facts (reveal-rule keys) that came out for the first time in this reply. */
  revealed: string[];
  /** What the caller understood the trainee to be doing; null when the caller spoke unprompted. */
  intent: TraineeIntent | null;
  source: 'scripted' | 'llm';
  /** Providers this reply did without: the LLM's understanding or wording (timeout, error, leaked a fact). */
  fallbacks: Fallback[];
}

export interface CallerMindOptions {
  /** Phrase replies with an LLM; without it the scripted engine speaks. */
  llm?: LlmOptions;
  /** Understand the trainee with an LLM (structured output); the local intent model is the fallback. */
  classifier?: LlmOptions;
  /** Quiet this long makes an upset caller speak up, instead of the persona's own patience (patience.ts). */
  silenceMs?: number;
  /** Every this much on hold makes the caller one step more upset. */
  holdStepMs?: number;
}

/** What of a steer the mind does; hanging up and background noise happen to the call, not in it. */
export type Steer = CallerSteer;

export class InvalidStateError extends Error {
  override name = 'InvalidStateError';
}

const HISTORY_TURNS = 8;

/** The stock phrases an answer to the trainee opens with (not the prompts into a silent line, a hold's or CPR's). */
const OPENING_PHRASES: PhraseKind[] = ['ack', 'alreadyDoing', 'reassured', 'dontKnow', 'nothing', 'notUnderstood', 'evade', 'resist', 'confirm', 'correction', 'told', 'yesBreathing', 'yesAwake', 'here'];

/**
 * The simulated caller's mind: what they know, what they will say, how upset they are.
 * It decides; an optional LLM only phrases. Deterministic for a seed when scripted.
 */
export class CallerMind implements Mind {
  readonly #state: MindState;
  readonly #timeline: TimelineEvent[];
  readonly #phraser: LlmPhraser | null;
  readonly #classifier: LlmIntentClassifier | null;
  readonly #holdStepMs: number;
  readonly #history: { role: 'trainee' | 'caller'; text: string }[] = [];
  #nextEvent = 0;
  #holdStartedAt: number | null = null;
  #heldLines: string[] = [];
  #heldRevealed: string[] = [];
  #askedBack = false;
  #closed = false;
  /** What each reply gave away, and the timeline lines it carried, in case none of it is heard. */
  readonly #gave = new WeakMap<MindReply, { changes: FactChanges; lines: string[]; revealed: string[] }>();
  /** The last reply that said or changed each fact: only that one may take its change back. */
  #lastTouch = new Map<Fact, MindReply>();
  /** Timeline lines of replies nobody heard: said with the next reply. */
  #missed: { lines: string[]; revealed: string[] } = { lines: [], revealed: [] };
  /** Replies made since the open checkpoint, forgotten if it is rewound. */
  #sinceCheckpoint: Set<MindReply> | undefined;
  /** When a silent line makes the caller speak up; the live caller tells it when its words end and when it hears voice. */
  readonly patience: Patience;

  constructor(scenario: ScenarioInput, seed: number, options: CallerMindOptions = {}) {
    if (!Number.isFinite(seed)) throw new TypeError('seed must be a number');
    this.#state = createState(scenario, createRandom(seed));
    this.#timeline = [...scenario.script.timeline].sort((a, b) => a.atMs - b.atMs);
    this.#phraser = options.llm ? new LlmPhraser(options.llm) : null;
    this.patience = new Patience(options.silenceMs ?? patienceOf(scenario.persona), createRandom(seed + 2));
    this.#classifier = options.classifier ? new LlmIntentClassifier(options.classifier) : null;
    this.#holdStepMs = options.holdStepMs ?? 15_000;
    intentModel(); // loaded before the call, not during its first turn
  }

  get emotion(): Emotion {
    return this.#state.emotion.emotion;
  }

  /** Every fact the caller has given so far. */
  get revealed(): string[] {
    return this.#state.facts.filter((f) => f.state.revealed).map((f) => f.rule.fact);
  }

  /** The caller's first words, when the call-taker picks up. */
  opening(atMs = 0): Reply {
    this.#assertOpen();
    const { lines, revealed } = this.#advance(atMs);
    this.#state.opened = true;
    return this.#finish({ parts: [spoken(this.#state.scenario.script.openingLine), ...lines], revealed, conveyed: [] }, null, atMs, { lines, revealed });
  }

  /**
   * The caller's answer to what the trainee just said. Once `signal` aborts (a newer line, a
   * barge-in) it rejects with an AbortError: an answer to an older line is never given.
   */
  async respond(utterance: Utterance, signal?: AbortSignal): Promise<Reply> {
    this.#assertOpen();
    const { text, atMs } = utterance;
    this.patience.traineeSpoke(atMs);
    const u = await this.#understand(text, signal);
    if (signal?.aborted) throw abortError('reply superseded');
    const { lines, revealed } = this.#advance(atMs);
    const before = factStates(this.#state.facts);
    let composed: Composed;
    if (!this.#state.opened) {
      // The call-taker spoke first ("911, what's the address?"): the caller blurts out why they called.
      this.#state.opened = true;
      composed = { parts: [...lines, spoken(this.#state.scenario.script.openingLine)], revealed, conveyed: [] };
    } else if (isUnsure(u) && !this.#askedBack) {
      // Not sure what was asked: ask back rather than answer the wrong question; once, so a
      // call-taker who says it the same way again gets the best guess.
      this.#askedBack = true;
      composed = { parts: [...lines, askBack(u, this.#state.rng)], revealed, conveyed: [] };
    } else {
      this.#askedBack = false;
      composed = composeTurn(this.#state, u, atMs);
      composed.parts.unshift(...lines);
      composed.revealed.unshift(...revealed);
    }
    const plan = this.#plan(composed, text);
    this.#history.push({ role: 'trainee', text });
    const reply = this.#finish(composed, u.primary, atMs, { lines, revealed }, before);
    if (u.fallback) reply.fallbacks.push({ stage: 'understanding', reason: u.fallback });
    if (!this.#phraser || !reply.text) return reply;
    const phrased = await this.#phrase(reply, plan, signal);
    if (signal?.aborted) {
      this.unheard(reply);
      throw abortError('reply superseded');
    }
    this.#gave.set(phrased, this.#gave.get(reply)!);
    this.#sinceCheckpoint?.add(phrased);
    for (const [fact, last] of this.#lastTouch) if (last === reply) this.#lastTouch.set(fact, phrased);
    return phrased;
  }

  /**
   * Nothing of this reply was heard (cancelled before it played, or cut at its first sound):
   * a fact it gave away or a wrong answer it gave is given again when asked, and the timeline
   * lines it carried come with the next reply. Regression: a wrong-first address given in a
   * reply that a newer turn cancelled was never heard, yet the next ask got the right one.
   */
  unheard(reply: MindReply): void {
    const gave = this.#gave.get(reply);
    if (!gave) return;
    this.#gave.delete(reply);
    for (const { fact, before } of gave.changes) if (this.#lastTouch.get(fact) === reply) fact.state = { ...before };
    this.#missed.lines.push(...gave.lines);
    this.#missed.revealed.push(...gave.revealed);
  }

  /**
   * Before a speculative answer: rewound, the mind is as if it had never been asked (facts,
   * wrong first answers, timeline lines, mood, history, random draws), and the replies made
   * since are forgotten, so a late `unheard` of one changes nothing.
   */
  checkpoint(): MindCheckpoint {
    this.#assertOpen();
    if (this.#sinceCheckpoint) throw new InvalidStateError('a checkpoint is already open');
    const since = (this.#sinceCheckpoint = new Set<MindReply>());
    const undo = [saveState(this.#state), this.patience.checkpoint()];
    const history = this.#history.map((h) => ({ ...h }));
    const missed = { lines: [...this.#missed.lines], revealed: [...this.#missed.revealed] };
    const saved: [Map<Fact, MindReply>, typeof missed, string[], string[], number, number | null, boolean] = [new Map(this.#lastTouch), missed, [...this.#heldLines], [...this.#heldRevealed], this.#nextEvent, this.#holdStartedAt, this.#askedBack];
    const close = () => void (this.#sinceCheckpoint === since && (this.#sinceCheckpoint = undefined));
    return {
      keep: close,
      rewind: () => {
        if (this.#sinceCheckpoint !== since) return;
        close();
        for (const restore of undo) restore();
        this.#history.splice(0, this.#history.length, ...history);
        [this.#lastTouch, this.#missed, this.#heldLines, this.#heldRevealed, this.#nextEvent, this.#holdStartedAt, this.#askedBack] = saved;
        for (const reply of since) this.#gave.delete(reply);
      },
    };
  }

  /** A running transcript that already asks something whole: the trainee is done and waits. */
  soundsComplete(partial: string): boolean {
    return soundsComplete(partial);
  }

  /**
   * What this caller is most likely to say: its opening, its answers, its worries, its
   * scripted lines, and the stock phrases of its mood that answers open with ("Okay, I'm doing
   * it.", "Like I said."; bench:turns found them made while the trainee waited). Only those:
   * each mood's lines are made again in its voice, and on a busy host that work competes with
   * the calls' media.
   */
  likelyLines(): string[] {
    const { script, persona } = this.#state.scenario;
    const mood = band(this.emotion);
    return [
      spoken(script.openingLine),
      ...script.revealRules.flatMap((r) => [r.answer, r.wrongFirst ?? '']),
      ...(persona.worries ?? []),
      ...script.timeline.map((e) => e.say ?? ''),
      ...OPENING_PHRASES.flatMap((kind) => PHRASES[kind][mood]),
    ].filter(Boolean);
  }

  /**
   * Time passes: timeline events happen and the caller says so; a long silence from the
   * call-taker makes the caller speak up, more upset. Call it every few hundred ms.
   */
  tick(atMs: number): Reply | null {
    this.#assertOpen();
    // Before the caller has spoken nothing has happened yet: events wait for the opening.
    if (!this.#state.opened) return null;
    const { lines, revealed } = this.#advance(atMs);
    if (this.#holdStartedAt !== null) {
      this.#heldLines.push(...lines);
      this.#heldRevealed.push(...revealed);
      return null;
    }
    if (lines.length > 0) return this.#finish({ parts: lines, revealed, conveyed: [] }, null, atMs, { lines, revealed });
    if (!this.patience.due(atMs, this.emotion)) return null;
    if (this.emotion !== 'calm') this.#state.emotion.escalate(0.5, 'silence');
    const before = factStates(this.#state.facts);
    const out: Composed = { parts: [this.patience.prompt(this.emotion)], revealed, conveyed: [] };
    volunteer(this.#state, atMs, out);
    return this.#finish(out, null, atMs, { lines, revealed }, before);
  }

  /** The call-taker put the caller on hold: the caller hears nothing and says nothing until offHold. */
  onHold(atMs: number): void {
    this.#assertOpen();
    this.#holdStartedAt ??= atMs;
  }

  /** Back from hold: a long hold has made things worse, and whatever happened meanwhile comes out. */
  offHold(atMs: number): Reply {
    this.#assertOpen();
    const heldMs = this.#holdStartedAt === null ? 0 : atMs - this.#holdStartedAt;
    this.patience.traineeSpoke(atMs); // the call-taker is back
    this.#holdStartedAt = null;
    const { lines, revealed } = this.#advance(atMs);
    const steps = Math.min(3, Math.floor(heldMs / this.#holdStepMs));
    if (steps > 0) this.#state.emotion.escalate(0.5 * steps, 'hold');
    const back = say(this.#state, steps > 0 ? 'backLong' : 'backShort');
    const parts = [back, ...this.#heldLines, ...lines];
    const allRevealed = [...this.#heldRevealed, ...revealed];
    this.#heldLines = [];
    this.#heldRevealed = [];
    return this.#finish({ parts, revealed: allRevealed, conveyed: [] }, null, atMs, { lines: parts.slice(1), revealed: allRevealed });
  }

  /**
   * An instructor's steer. Returns what the caller says because of it (null: nothing, the
   * change shows in the next reply). Unknown facts are a TypeError. On hold, what the
   * caller would say waits for the trainee to come back, as timeline events do.
   */
  steer(steer: Steer, atMs: number): Reply | null {
    this.#assertOpen();
    const s = this.#state;
    const before = factStates(s.facts);
    const factOf = (key: string) => {
      const fact = s.facts.find((f) => f.rule.fact === key);
      if (!fact) throw new TypeError(`the scenario has no fact "${key}"`);
      return fact;
    };
    const speak = (parts: string[], revealed: string[] = []): Reply | null => {
      if (this.#holdStartedAt !== null) {
        this.#heldLines.push(...parts);
        this.#heldRevealed.push(...revealed);
        return null;
      }
      return this.#finish({ parts, revealed, conveyed: [] }, null, atMs, { lines: [], revealed: [] }, before);
    };
    switch (steer.action) {
      case 'escalate':
        s.emotion.escalate(1, 'steer');
        return speak([worry(s)]);
      case 'calm':
        s.emotion.soothe();
        return null;
      case 'withhold':
        factOf(steer.fact);
        s.withheld.add(steer.fact);
        return null;
      case 'release':
        factOf(steer.fact);
        s.withheld.delete(steer.fact);
        return null;
      case 'reveal': {
        const fact = factOf(steer.fact);
        s.withheld.delete(steer.fact);
        const first = !fact.state.revealed;
        fact.state.revealed = true;
        fact.state.wrongGiven = false;
        return speak([fact.rule.answer], first ? [steer.fact] : []);
      }
      case 'event':
        if (steer.emotion) s.emotion.set(steer.emotion);
        return speak([steer.say]);
    }
  }

  /** Safe to call twice; an LLM request in flight is stopped by its reply's signal. */
  close(): void {
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new InvalidStateError('the caller mind is closed');
  }

  /** Fires the timeline events due by atMs; events at 0 set the scene the persona already describes. */
  #advance(atMs: number): { lines: string[]; revealed: string[] } {
    const lines = this.#missed.lines.splice(0);
    const revealed = this.#missed.revealed.splice(0);
    while (this.#nextEvent < this.#timeline.length && (this.#timeline[this.#nextEvent] as TimelineEvent).atMs <= atMs) {
      const event = this.#timeline[this.#nextEvent++] as TimelineEvent;
      if (event.atMs === 0) continue;
      if (event.emotion) this.#state.emotion.set(event.emotion);
      if (event.say) lines.push(event.say);
      for (const key of event.reveals ?? []) {
        const fact = this.#state.facts.find((f) => f.rule.fact === key);
        if (fact && !fact.state.revealed) {
          fact.state.revealed = true;
          revealed.push(key);
        }
      }
    }
    return { lines, revealed };
  }

  /** `carried`: the reply's timeline lines; `before`: the facts before it was composed. */
  #finish(composed: Composed, intent: TraineeIntent | null, atMs: number, carried: { lines: string[]; revealed: string[] }, before?: FactState[]): Reply {
    const text = composed.parts.filter(Boolean).join(' ');
    this.patience.callerSaid(atMs, text);
    if (text) {
      this.#state.lastCallerText = text;
      this.#history.push({ role: 'caller', text });
    }
    while (this.#history.length > HISTORY_TURNS) this.#history.shift();
    const reply: Reply = { text, emotion: this.emotion, revealed: composed.revealed, intent, source: 'scripted', fallbacks: [] };
    const changes = before ? changesSince(this.#state.facts, before) : [];
    this.#gave.set(reply, { changes, ...carried });
    this.#sinceCheckpoint?.add(reply);
    const said = new Set(composed.conveyed.map((c) => c.fact));
    for (const fact of this.#state.facts) if (said.has(fact.rule.fact) || changes.some((c) => c.fact === fact)) this.#lastTouch.set(fact, reply);
    return reply;
  }

  /** What the LLM may say this turn; built before the turn's reveals are recorded as known. */
  #plan(composed: Composed, traineeText: string): PhrasePlan {
    const { persona } = this.#state.scenario;
    const thisTurn = new Set([...composed.conveyed.map((c) => c.fact), ...composed.revealed]);
    const factByKey = new Map(this.#state.facts.map((f) => [f.rule.fact, f]));
    return {
      persona: { age: persona.age, languageLevel: persona.languageLevel, behaviours: persona.behaviours ?? [] },
      emotion: this.emotion,
      traineeText,
      draft: composed.parts.filter(Boolean).join(' '),
      conveyed: composed.conveyed.map((c) => ({ ...c, tells: factByKey.get(c.fact)?.tells ?? [] })),
      known: this.#state.facts.filter((f) => f.state.revealed && !thisTurn.has(f.rule.fact)).map((f) => ({ fact: f.rule.fact, answer: f.rule.answer })),
      forbidden: this.#state.facts
        .filter((f) => (!f.state.revealed && !composed.revealed.includes(f.rule.fact)) || f.rule.when === 'never')
        .map((f) => ({ fact: f.rule.fact, tells: f.tells })),
      history: [...this.#history],
    };
  }

  /** What the trainee said, by the LLM when there is one (it falls back to the local model itself). */
  async #understand(text: string, signal?: AbortSignal): Promise<Understanding & { fallback?: string }> {
    if (!this.#classifier) return understand(text);
    return this.#classifier.understand(text, signal);
  }

  async #phrase(scripted: Reply, plan: PhrasePlan, signal?: AbortSignal): Promise<Reply> {
    plan.emotion = scripted.emotion;
    const result = await (this.#phraser as LlmPhraser).phrase(plan, signal);
    if (signal?.aborted) return scripted; // the caller (and any checkpoint) has moved on: nothing here is remembered
    const fellBack = (reason: string): Reply => ({ ...scripted, fallbacks: [...scripted.fallbacks, { stage: 'phrasing', reason }] });
    if (!result.ok) return fellBack(result.reason);
    const refused = refusalReason(result.reply, plan);
    if (refused) return fellBack(`refused: ${refused}`);
    const text = result.reply.say.trim();
    this.#state.lastCallerText = text;
    const last = this.#history[this.#history.length - 1];
    if (last?.role === 'caller') last.text = text;
    return { ...scripted, text, source: 'llm' };
  }
}
