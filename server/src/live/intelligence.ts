import { capturedFacts } from '../intelligence/captured.js';
import { buildChecklist } from '../intelligence/checklist.js';
import { extractEntities } from '../intelligence/extract.js';
import { recordOf, type StoredParts } from '../intelligence/record.js';
import { CALL_PARTIES, type ChecklistItem } from '../intelligence/types.js';
import type { Logger } from '../logger.js';
import type { CallEventView, CallMode, CapturedFactView, ChecklistMarkView, TranscriptSegmentView } from '../protocol/api.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import type { CallJournal } from './call-journal.js';
import type { LiveNotifier } from './live-calls.js';

// What a live call has understood so far: each final line's entities (stored and pushed as
// they are found), the facts captured, and the NENA checklist, pushed whenever they change.
// It keeps the call's lines, entities and events as they were stored and reads them through
// the same record builder as the final score (intelligence/record.ts), on the same clock, so
// what the trainee saw live is what the review recomputes. Each change of the checklist is
// journalled with its time. In practice mode the trainee sees the checklist and the captured
// facts; in exam mode only the floor does.

export type IntelligenceDeps = { journal: CallJournal; notifier: LiveNotifier; logger: Logger };

export class LiveIntelligence {
  readonly #parts: StoredParts & { transcript: TranscriptSegmentView[]; events: CallEventView[] };
  readonly #scenario: ScenarioInput;
  readonly #deps: IntelligenceDeps;
  #checklist: ChecklistItem[];
  #captured: CapturedFactView[] = [];
  #emotion: string | undefined;

  constructor(
    readonly callId: string,
    scenario: ScenarioInput,
    readonly mode: CallMode,
    /** Call.mediaStartedAt as stored: the clock of every time here. */
    mediaStartedAt: Date,
    deps: IntelligenceDeps,
  ) {
    this.#scenario = scenario;
    this.#deps = deps;
    const origin = mediaStartedAt.toISOString();
    this.#parts = { transcript: [], entities: [], events: [], mediaStartedAt: origin, startedAt: origin, endedAt: null };
    this.#checklist = buildChecklist(recordOf(this.#parts, scenario));
    deps.notifier.checklist(callId, this.#checklist, mode); // the floor board shows 0 of N from the start
  }

  get checklist(): readonly ChecklistItem[] {
    return this.#checklist;
  }

  get captured(): readonly CapturedFactView[] {
    return this.#captured;
  }

  /** A final transcript line was stored: a party's line is read for entities (stored and pushed), then the list re-checked. */
  async segment(segment: TranscriptSegmentView): Promise<void> {
    if (!segment.isFinal) return;
    this.#parts.transcript.push(segment);
    if (CALL_PARTIES.includes(segment.speaker)) {
      const found = extractEntities({ id: segment.id, speaker: segment.speaker, text: segment.text, startMs: segment.startMs, endMs: segment.endMs });
      const stored = await this.#deps.journal.entities(
        this.callId,
        found.map(({ type, raw, normalized, segmentId, atMs }) => ({ type, raw, normalized, segmentId, atMs })),
      );
      this.#parts.entities.push(...stored);
      if (stored.length > 0) this.#deps.notifier.entities(this.callId, stored);
    }
    this.#update();
  }

  /** A call event as stored (answer, hold, transfer, coach...): the checklist may depend on it. */
  event(event: CallEventView): void {
    this.#parts.events.push(event);
    this.#update();
  }

  /** The caller's emotion: stored as an event when it changes, for the review's emotion track and scoring. */
  async emotion(emotion: string): Promise<void> {
    if (emotion === this.#emotion) return;
    this.#emotion = emotion;
    this.event(await this.#deps.journal.event(this.callId, 'emotion', null, { emotion }));
  }

  #update(): void {
    const record = recordOf(this.#parts, this.#scenario);
    const captured = capturedFacts(record.entities);
    if (JSON.stringify(captured) !== JSON.stringify(this.#captured)) {
      this.#captured = captured;
      this.#deps.notifier.captured(this.callId, captured, this.mode);
    }
    const next = buildChecklist(record);
    if (JSON.stringify(next) === JSON.stringify(this.#checklist)) return;
    const before = new Map(this.#checklist.map((i) => [i.id, i.status]));
    const marks: ChecklistMarkView[] = next.filter((i) => i.status !== (before.get(i.id) ?? 'open')).map((i) => ({ item: i.id, status: i.status, atMs: record.atMs }));
    this.#checklist = next;
    this.#deps.notifier.checklist(this.callId, next, this.mode);
    // Journalled at once, so in order with the line that caused it and before the call's end.
    this.#deps.journal.marks(this.callId, marks).catch((error: unknown) => this.#deps.logger.warn({ err: error, callId: this.callId }, 'checklist change not stored'));
  }
}
