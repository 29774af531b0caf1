import type { ReadonlySignal } from '@preact/signals';
import { LevelMeter } from '../LevelMeter/LevelMeter.js';

/** Above this a muted trainee is probably talking to the caller, who cannot hear them. */
const TALKING = 0.35;

/** The trainee's microphone level, with a warning when they talk into a muted mic. */
export function MicMeter({ level, muted }: { level: ReadonlySignal<number>; muted: boolean }) {
  return (
    <div class="mic-meter-wrap">
      <LevelMeter level={level} label="Microphone level" testid="mic-level" tone={muted ? 'muted' : 'mic'} />
      {muted && level.value > TALKING && (
        <span class="mic-talking" role="status">
          You are muted: the caller cannot hear you
        </span>
      )}
    </div>
  );
}
