import { placeholderParts } from '../../protocol.js';
import { placeholderWords } from '../../words.js';

/**
 * Scenario text with its placeholders in words ("{caller.first}, 7, is alone" reads "[caller's
 * first name], 7, is alone"), marked as what each call draws anew.
 */
export function Readable({ text }: { text: string }) {
  return (
    <>
      {placeholderParts(text).map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <span key={i} class="placeholder" title="Drawn anew for each call">
            {placeholderWords(part.key)}
          </span>
        ),
      )}
    </>
  );
}
