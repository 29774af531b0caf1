import type { ReadonlySignal } from '@preact/signals';

/**
 * A horizontal level bar (0..1). It reads the signal itself, so only this bar re-renders at
 * the meter's rate, not the whole softphone.
 */
export function LevelMeter({ level, label, testid, tone = 'mic' }: { level: ReadonlySignal<number>; label: string; testid: string; tone?: 'mic' | 'muted' | 'caller' }) {
  const v = Math.min(1, Math.max(0, level.value));
  return (
    <div class={`level-meter tone-${tone}`} data-testid={testid} data-level={v.toFixed(2)} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={1} aria-valuenow={v}>
      <div class="level-meter-fill" style={{ transform: `scaleX(${v})` }} />
    </div>
  );
}
