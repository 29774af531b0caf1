import type { CallerPipeline, TurnTiming } from '../../../media/caller/pipeline.js';
import type { Pacer } from '../../../media/pacer.js';
import { observeTurn, type TurnStage } from './metrics.js';

// A turn's last step happens in the media plane: the reply's first packet leaving the pacer.
// The caller reports the steps before it (TurnTiming); this adds that one and the whole.

export type TimedTurn = { stages: Record<TurnStage, number>; totalMs: number };

/** Times every answered turn of `pipeline` played by `pacer`, handing each to `record`. */
export function timeTurns(pipeline: CallerPipeline, pacer: Pacer, record: (turn: TimedTurn) => void = (t) => observeTurn(t.stages, t.totalMs)): void {
  // Only the newest answer can still reach the line: a newer reply cancels the one before.
  let pending: (TurnTiming & { saidAt: number }) | undefined;
  pipeline.on('turn', (timing) => (pending = { ...timing, saidAt: performance.now() }));
  pacer.on('sent', (_frame, _slot, utteranceId) => {
    if (pending?.utteranceId !== utteranceId) return;
    const now = performance.now();
    const { endpointMs, recognitionMs, mindMs, synthesisMs, saidAt, speechEndedAt } = pending;
    pending = undefined;
    record({
      stages: { endpoint: endpointMs, recognition: recognitionMs, mind: mindMs, synthesis: synthesisMs, first_packet: now - saidAt },
      totalMs: now - speechEndedAt,
    });
  });
}
