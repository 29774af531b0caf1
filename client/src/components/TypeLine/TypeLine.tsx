import { useState } from 'preact/hooks';
import type { SoftphoneStore } from '../../state/softphone.js';

/** Max length the server accepts for a typed line. */
const MAX_CHARS = 500;

/** A one-line box to type to the caller; Enter sends. Live only while the caller can hear. */
export function TypeLine({ phone }: { phone: SoftphoneStore }) {
  const [text, setText] = useState('');
  const enabled = phone.canType.value;
  const sending = phone.typing.sending.value;
  // maxLength stops typing and pasting past the limit, not a script setting the value.
  const tooLong = text.trim().length > MAX_CHARS;
  const error = tooLong ? `Your line is ${text.trim().length} characters long: at most ${MAX_CHARS}.` : phone.typing.error.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (tooLong) return;
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
          aria-describedby={error ? 'type-line-error' : 'type-line-count'}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="btn" data-testid="type-send" disabled={!enabled || sending || tooLong}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <p class="muted type-line-count" id="type-line-count" data-testid="type-line-count">
        {text.length > MAX_CHARS * 0.8 ? `${text.length} of ${MAX_CHARS} characters` : ''}
      </p>
      {error && (
        <p class="error type-line-error" id="type-line-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
