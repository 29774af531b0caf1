import { signal } from '@preact/signals';

/**
 * The review's recording as a clock: where playback is, and a way to move it. The page hands
 * in its <audio> element; without one (no recording yet) a seek still moves the clock, so the
 * transcript and timeline follow the reader's clicks.
 */
export function createPlayerStore() {
  const positionMs = signal(0);
  const playing = signal(false);
  let audio: HTMLAudioElement | null = null;

  const sync = () => {
    if (audio) positionMs.value = Math.round(audio.currentTime * 1000);
  };
  const onPlay = () => (playing.value = true);
  const onPause = () => (playing.value = false);
  const EVENTS: [string, () => void][] = [
    ['timeupdate', sync],
    ['seeked', sync],
    ['play', onPlay],
    ['pause', onPause],
    ['ended', onPause],
  ];

  return {
    positionMs,
    playing,

    /** Follow this element until the returned function is called. */
    attach(el: HTMLAudioElement): () => void {
      audio = el;
      EVENTS.forEach(([ev, fn]) => el.addEventListener(ev, fn));
      return () => {
        EVENTS.forEach(([ev, fn]) => el.removeEventListener(ev, fn));
        if (audio === el) audio = null;
      };
    },

    /** Jump to `ms` on the recording's clock and play from there. */
    seek(ms: number): void {
      positionMs.value = Math.max(0, ms);
      if (!audio) return;
      audio.currentTime = positionMs.value / 1000;
      // Autoplay rules may refuse: the position still moved, the reader can press play.
      audio.play().catch(() => undefined);
    },
  };
}

export type PlayerStore = ReturnType<typeof createPlayerStore>;
