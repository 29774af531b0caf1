import type { Database } from '../db/database.js';
import { buildChecklist } from '../intelligence/checklist.js';
import { extractEntities } from '../intelligence/extract.js';
import type { CallRecord, ChecklistItem } from '../intelligence/types.js';
import type { Logger } from '../logger.js';
import type { CallMode, TranscriptSegmentView } from '../protocol/api.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import type { LiveNotifier } from './live-calls.js';

// What a live call has understood so far: each final line's entities (stored and pushed as
// they are found), the caller's emotion over time, and the NENA checklist, pushed whenever
// an item ticks. In practice mode the trainee sees the checklist; in exam mode only the floor does.

export type IntelligenceDeps = { db: Database; notifier: LiveNotifier; logger: Logger };

export class LiveIntelligence {
  readonly #record: CallRecord;
  readonly #deps: IntelligenceDeps;
  #checklist: ChecklistItem[];
  #emotion: string | undefined;

  constructor(
    readonly callId: string,
    scenario: ScenarioInput,
    readonly mode: CallMode,
    /** ms since the call's media started. */
    private readonly now: () => number,
    deps: IntelligenceDeps,
  ) {
    this.#deps = deps;
    this.#record = { scenario, segments: [], entities: [], events: [], emotions: [], atMs: 0 };
    this.#checklist = buildChecklist(this.#record);
    deps.notifier.checklist(callId, this.#checklist, mode); // the floor board shows 0 of N from the start
  }

  get checklist(): readonly ChecklistItem[] {
    return this.#checklist;
  }

  /** A final transcript line was stored: extract, store and push its entities, then re-check the list. */
  async segment(segment: TranscriptSegmentView): Promise<void> {
    if (!segment.isFinal) return;
    const line = { id: segment.id, speaker: segment.speaker, text: segment.text, startMs: segment.startMs, endMs: segment.endMs };
    const entities = extractEntities(line);
    this.#record.segments.push(line);
    this.#record.entities.push(...entities);
    this.#update();
    const stored = await this.#deps.db.calls.addEntities(
      this.callId,
      entities.map(({ type, raw, normalized, segmentId, atMs }) => ({ type, raw, normalized, segmentId, atMs })),
    );
    if (stored.length > 0) this.#deps.notifier.entities(this.callId, stored);
  }

  /** A call event (answer, hold, transfer, coach...) the checklist may depend on. */
  event(type: string, data?: Record<string, unknown>): void {
    this.#record.events.push({ type, atMs: this.now(), ...(data ? { data } : {}) });
    this.#update();
  }

  /** The caller's emotion: stored as an event when it changes, for the review's emotion track. */
  async emotion(emotion: string): Promise<void> {
    if (emotion === this.#emotion) return;
    this.#emotion = emotion;
    this.#record.emotions.push({ emotion, atMs: this.now() });
    await this.#deps.db.calls.addEvent(this.callId, 'emotion', null, { emotion });
  }

  #update(): void {
    this.#record.atMs = this.now();
    const next = buildChecklist(this.#record);
    if (JSON.stringify(next) === JSON.stringify(this.#checklist)) return;
    this.#checklist = next;
    this.#deps.notifier.checklist(this.callId, next, this.mode);
  }
}
