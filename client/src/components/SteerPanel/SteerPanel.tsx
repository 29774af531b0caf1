import { useState } from 'preact/hooks';
import { BACKGROUND_NOISES, Emotion, type SteerCommand } from '../../protocol.js';
import type { SteerStore } from '../../state/steer.js';

type Noise = (typeof BACKGROUND_NOISES)[number] | 'none';
const EMOTIONS = Emotion.options;
const label = (v: string) => v.replace(/_/g, ' ');

/**
 * An instructor's hand on the simulated caller: mood, facts, background noise, something
 * happening where they are, hanging up. The trainee hears none of it, only what the caller
 * does next; every steer is logged on the call.
 */
export function SteerPanel({ steer }: { steer: SteerStore }) {
  const facts = steer.facts.value;
  const [fact, setFact] = useState('');
  const [noise, setNoise] = useState<Noise>('none');
  const [say, setSay] = useState('');
  const [emotion, setEmotion] = useState('');
  const busy = steer.sending.value;
  const status = steer.status.value;
  const chosenFact = facts.includes(fact) ? fact : (facts[0] ?? '');
  const send = (command: SteerCommand) => steer.send(command);

  const factSteer = (action: 'reveal' | 'withhold' | 'release') => chosenFact && void send({ action, fact: chosenFact });

  async function changeNoise(next: Noise): Promise<void> {
    const before = noise;
    setNoise(next);
    if (!(await send({ action: 'noise', noise: next }))) setNoise(before);
  }

  async function sendEvent(e: Event): Promise<void> {
    e.preventDefault();
    const text = say.trim();
    if (!text) return;
    const command: SteerCommand = emotion ? { action: 'event', say: text, emotion: emotion as Emotion } : { action: 'event', say: text };
    if (await send(command)) setSay('');
  }

  return (
    <section class="panel steer-panel" aria-labelledby="steer-title">
      <div class="panel-head">
        <h2 id="steer-title">Steer the caller</h2>
      </div>
      <p class="panel-hint">Unheard by the trainee; every steer is logged on the call.</p>
      <div class="controls" role="group" aria-label="Caller's mood">
        <button type="button" class="btn" data-testid="steer-escalate" disabled={busy} onClick={() => void send({ action: 'escalate' })}>
          Escalate
        </button>
        <button type="button" class="btn" data-testid="steer-calm" disabled={busy} onClick={() => void send({ action: 'calm' })}>
          Calm
        </button>
        <button type="button" class="btn btn-danger" data-testid="steer-hangup" disabled={busy} onClick={() => void send({ action: 'hangUp' })}>
          Hang up
        </button>
      </div>
      <div class="steer-row">
        <label for="steer-fact">Fact</label>
        <select id="steer-fact" data-testid="steer-fact" value={chosenFact} disabled={facts.length === 0} onChange={(e) => setFact(e.currentTarget.value)}>
          {facts.length === 0 && <option value="">No facts in this scenario</option>}
          {facts.map((f) => (
            <option key={f} value={f}>
              {label(f)}
            </option>
          ))}
        </select>
        <div class="controls" role="group" aria-label="The chosen fact">
          <button type="button" class="btn" data-testid="steer-reveal" disabled={busy || !chosenFact} onClick={() => factSteer('reveal')}>
            Reveal
          </button>
          <button type="button" class="btn" data-testid="steer-withhold" disabled={busy || !chosenFact} onClick={() => factSteer('withhold')}>
            Withhold
          </button>
          <button type="button" class="btn" data-testid="steer-release" disabled={busy || !chosenFact} onClick={() => factSteer('release')}>
            Release
          </button>
        </div>
      </div>
      <div class="steer-row">
        <label for="steer-noise">Background</label>
        <select id="steer-noise" data-testid="steer-noise" value={noise} disabled={busy} onChange={(e) => void changeNoise(e.currentTarget.value as Noise)}>
          <option value="none">None</option>
          {BACKGROUND_NOISES.map((n) => (
            <option key={n} value={n}>
              {label(n)}
            </option>
          ))}
        </select>
      </div>
      <form class="steer-row steer-event" onSubmit={(e) => void sendEvent(e)}>
        <label for="steer-event-text">Event</label>
        <input
          id="steer-event-text"
          data-testid="steer-event-text"
          type="text"
          maxLength={300}
          placeholder="What happens, in the caller's words"
          value={say}
          onInput={(e) => setSay(e.currentTarget.value)}
        />
        <select data-testid="steer-event-emotion" aria-label="The caller's mood after it" value={emotion} onChange={(e) => setEmotion(e.currentTarget.value)}>
          <option value="">Mood unchanged</option>
          {EMOTIONS.map((m) => (
            <option key={m} value={m}>
              {label(m)}
            </option>
          ))}
        </select>
        <button type="submit" class="btn btn-primary" data-testid="steer-event-send" disabled={busy || !say.trim()}>
          Send
        </button>
      </form>
      <p class={`steer-status${status ? (status.ok ? ' pass' : ' fail') : ''}`} data-testid="steer-status" data-ok={status ? String(status.ok) : ''} role="status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
