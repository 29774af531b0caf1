import { useState } from 'preact/hooks';
import type { SoftphoneStore } from '../../state/softphone.js';

/** Max length the server accepts for a typed line. */
const MAX_CHARS = 500;

/** A one-line box to type to the caller; Enter sends. Live only while the caller can hear. */
export function TypeLine({ phone }: { phone: SoftphoneStore }) {
  const [text, setText] = useState('');
  const enabled = phone.canType.value;
  const sending = phone.typing.sending.value;
  const error = phone.typing.error.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    const sent = text;
    // Keep anything typed while the line was on its way.
    if (await phone.type(sent)) setText((now) => (now === sent ? '' : now));
  };

  return (
    <form class="type-line" onSubmit={(e) => void submit(e)}>
      <label for="type-line" class="visually-hidden">
        Type to the caller
      </label>
      <div class="type-line-row">
        <input
          id="type-line"
          type="text"
          data-testid="type-line"
          placeholder="Type to the caller"
          autocomplete="off"
          maxLength={MAX_CHARS}
          value={text}
          disabled={!enabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'type-line-error' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="btn" data-testid="type-send" disabled={!enabled || sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
      {error && (
        <p class="error type-line-error" id="type-line-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
