import type { ReadonlySignal } from '@preact/signals';

/** Above this a muted trainee is probably talking to the caller, who cannot hear them. */
const TALKING = 0.35;

/**
 * The trainee's microphone level. It reads the signal itself, so only this bar re-renders at
 * the meter's 20 Hz, not the whole softphone.
 */
export function MicMeter({ level, muted }: { level: ReadonlySignal<number>; muted: boolean }) {
  const v = Math.min(1, Math.max(0, level.value));
  return (
    <div class="mic-meter-wrap">
      <div
        class={`mic-meter${muted ? ' is-muted' : ''}`}
        data-testid="mic-level"
        data-level={v.toFixed(2)}
        role="meter"
        aria-label="Microphone level"
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={v}
      >
        <div class="mic-meter-fill" style={{ transform: `scaleX(${v})` }} />
      </div>
      {muted && v > TALKING && (
        <span class="mic-talking" role="status">
          You are muted: the caller cannot hear you
        </span>
      )}
    </div>
  );
}
