import type { CallState } from '../../protocol.js';

type Caller = CallState['caller'];

/** The wire value as text (on_hold), read as words (On hold): the underscore is drawn blank. */
function WireText({ value }: { value: string }) {
  const words = value.split('_');
  return <>{words.flatMap((w, i) => (i === 0 ? [w] : [<span key={i} class="wire-sep">_</span>, w]))}</>;
}

/**
 * What the simulated caller is doing and how they are, as a console's caller line shows it.
 * Not a live region: the activity flips with every turn and would drown a screen reader.
 * The text is the wire value (the e2e contract); the stylesheet makes it read as a label.
 */
export function CallerStatus({ caller }: { caller: Caller }) {
  return (
    <p class="caller-status" data-testid="caller-status" data-speaking={String(caller.speaking)}>
      <span class="caller-status-label">Caller</span>
      <span class={`caller-dot${caller.speaking ? ' is-speaking' : ''}`} aria-hidden="true" />
      <span class={`caller-activity activity-${caller.activity}`} data-testid="caller-activity" data-activity={caller.activity}>
        <WireText value={caller.activity} />
      </span>
      <span class={`emotion emotion-${caller.emotion}`} data-testid="caller-emotion" data-emotion={caller.emotion}>
        <WireText value={caller.emotion} />
      </span>
    </p>
  );
}
