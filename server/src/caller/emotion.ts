import type { Emotion } from '../protocol/scenario.js';

/**
 * The caller's emotional state: one number, distress (0 calm .. 3 hysterical), and a flavour
 * for the states that are not on that ladder (crying, angry, in shock). A number rather than a
 * transition table so that "reassurance calms more when the caller is easy to control" is
 * one multiplication, and the same turns always give the same emotions (tests assert them).
 */
export const DISTRESS: Readonly<Record<Emotion, number>> = { calm: 0, anxious: 1, panicked: 2, hysterical: 3, crying: 2, angry: 2, in_shock: 2 };

type Flavour = 'crying' | 'angry' | 'in_shock' | null;

export type CalmingKind = 'reassure' | 'command';

export class EmotionState {
  #distress = 0;
  #flavour: Flavour = null;
  #floor = 0;
  readonly #controlDifficulty: number;

  constructor(initial: Emotion, controlDifficulty: number) {
    if (controlDifficulty < 0 || controlDifficulty > 1) throw new TypeError('controlDifficulty must be within 0..1');
    this.#controlDifficulty = controlDifficulty;
    this.set(initial);
  }

  get distress(): number {
    return this.#distress;
  }

  get emotion(): Emotion {
    const d = this.#distress;
    if (d < 0.5) return 'calm';
    if (d < 1.5) return 'anxious';
    return this.#flavour ?? (d < 2.5 ? 'panicked' : 'hysterical');
  }

  /** calm or anxious: can think straight enough to give what they were holding back. */
  get settled(): boolean {
    return this.#distress < 1.5;
  }

  /**
   * The situation changes (a timeline event): the caller is now this upset. A hard-to-control
   * caller will not be talked far below it: the floor is a share of the new level.
   */
  set(emotion: Emotion): void {
    this.#distress = DISTRESS[emotion];
    this.#flavour = emotion === 'crying' || emotion === 'angry' || emotion === 'in_shock' ? emotion : null;
    this.#floor = this.#controlDifficulty * DISTRESS[emotion] * 0.75;
  }

  /** An instructor talks the caller down one step, past the floor a hard caller keeps. */
  soothe(): void {
    this.#distress = Math.max(0, this.#distress - 1);
    this.#floor = Math.min(this.#floor, this.#distress);
    if (this.#distress < 1.5) this.#flavour = null;
  }

  /** Reassurance and clear commands calm; an easy caller (low controlDifficulty) calms more. */
  calm(kind: CalmingKind): void {
    const ease = 1 - this.#controlDifficulty;
    const step = kind === 'reassure' ? 0.5 + 0.5 * ease : 0.25 + 0.5 * ease;
    this.#distress = Math.max(this.#floor, this.#distress - step);
    if (this.#distress < 1.5) this.#flavour = null;
  }

  /** How the caller feels now: calling the result makes them feel so again (a speculative reply is taken back). */
  checkpoint(): () => void {
    const [distress, flavour, floor] = [this.#distress, this.#flavour, this.#floor];
    return () => {
      [this.#distress, this.#flavour, this.#floor] = [distress, flavour, floor];
    };
  }

  /** Repeated questions, silence and holds make things worse; being asked again makes people angry. */
  escalate(amount: number, reason: 'repeat' | 'silence' | 'hold' | 'steer'): void {
    this.#distress = Math.min(3, this.#distress + amount);
    if (reason === 'repeat' && this.#flavour === null && this.#distress >= 1.5) this.#flavour = 'angry';
  }
}
