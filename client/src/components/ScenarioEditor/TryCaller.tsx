import { useSignal } from '@preact/signals';
import type { TryCaller as TryCallerBody, TryCallerReply } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import type { ScenarioDraft } from '../../state/scenarioDraft.js';
import { humanize } from '../../words.js';
import { FormError, useAction } from '../Form/useAction.js';

/**
 * "Try the caller": a text conversation with the caller of the draft as it stands, before it
 * is saved. Each line is sent with the ones before it and the time it was typed, so timeline
 * events and a silent line's "hello?" come as they would on a call.
 */
export function TryCaller({ draft }: { draft: ScenarioDraft }) {
  const { scenarios } = useStores();
  const lines = useSignal<{ text: string; atMs: number }[]>([]);
  const typed = useSignal('');
  const reply = useSignal<TryCallerReply | null>(null);
  const startedAt = useSignal(0);
  /** Which draw of names, address and number the caller speaks with, as a call's seed. */
  const seed = useSignal(1);
  const action = useAction();

  async function send(next: { text: string; atMs: number }[]) {
    const answer = await action.run(() => scenarios.tryCaller({ scenario: draft.draft.value as TryCallerBody['scenario'], seed: seed.value, lines: next }));
    if (!answer) return;
    lines.value = next;
    reply.value = answer;
    typed.value = '';
  }

  function start() {
    startedAt.value = Date.now();
    void send([]);
  }

  function say(e: Event) {
    e.preventDefault();
    const text = typed.value.trim();
    if (text) void send([...lines.value, { text, atMs: Date.now() - startedAt.value }]);
  }

  return (
    <section class="panel try-caller" aria-labelledby="try-title">
      <h2 id="try-title">Try the caller</h2>
      <p class="muted">Talk to the caller of this draft as a call-taker would, in text. Nothing is saved or scored. Each draw gives the names, address and number a call with that seed would.</p>
      {reply.value === null ? (
        <div class="field-inline">
          <label for="try-seed">Draw</label>
          <input id="try-seed" type="number" min={0} class="seed" value={seed.value} onInput={(e) => (seed.value = Math.max(0, Math.trunc(Number(e.currentTarget.value)) || 0))} />
          <button type="button" class="btn" data-testid="try-start" disabled={action.busy.value} onClick={start}>
            Call the caller
          </button>
        </div>
      ) : (
        <>
          <ol class="try-turns" aria-live="polite" data-testid="try-turns">
            {reply.value.turns.map((turn, i) => (
              <li key={i} class={`turn-${turn.speaker}`} data-testid="try-turn" data-speaker={turn.speaker}>
                <span class="muted mono">{(turn.atMs / 1000).toFixed(0)} s</span> <strong>{turn.speaker === 'caller' ? 'Caller' : 'You'}</strong>
                {turn.emotion && <span class="muted"> ({humanize(turn.emotion)})</span>}: {turn.text}
                {turn.revealed && turn.revealed.length > 0 && <span class="muted"> gave: {turn.revealed.join(', ')}</span>}
              </li>
            ))}
          </ol>
          <form class="field-inline" onSubmit={say}>
            <label for="try-line" class="visually-hidden">
              What you say
            </label>
            <input id="try-line" data-testid="try-line" maxLength={500} value={typed.value} onInput={(e) => (typed.value = e.currentTarget.value)} />
            <button type="submit" class="btn btn-primary" data-testid="try-say" disabled={action.busy.value}>
              Say
            </button>
            <button type="button" class="btn" onClick={() => ((reply.value = null), (lines.value = []))}>
              Hang up
            </button>
          </form>
        </>
      )}
      <FormError error={action.error.value} testId="try-error" />
    </section>
  );
}
