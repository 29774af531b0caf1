import { z } from 'zod';

// Text people type, as every request schema takes it. Control characters are refused with the
// field named: a NUL stops PostgreSQL storing the row (it answered 500, or a typed line was
// acknowledged and then dropped), and the others are invisible in a line. Lone surrogates are
// refused too: they are not text, and would be stored as U+FFFD. Multi-line fields keep tab
// and line breaks.

const IN_A_LINE = /[\p{Cc}\p{Cs}]/u;
const IN_PROSE = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

function refuse(pattern: RegExp) {
  return (value: string, ctx: z.RefinementCtx) => {
    const found = pattern.exec(value);
    if (!found) return;
    const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const what = /\p{Cs}/u.test(found[0]) ? 'a lone surrogate' : 'a control character';
    ctx.addIssue({ code: 'custom', message: `contains ${what} (${code} at character ${found.index + 1})` });
  };
}

/** A single line of text: no control characters at all. */
export const line = () => z.string().superRefine(refuse(IN_A_LINE));

/** Text of several lines: tab, CR and LF allowed, no other control character. */
export const prose = () => z.string().superRefine(refuse(IN_PROSE));
