import { useEffect, useRef } from 'preact/hooks';

export type ShortcutHandlers = { answer: () => void; mute: () => void; hold: () => void; end: () => void };

/** Shown in the button titles and the legend; the keys are matched in `actionFor`. */
export const SHORTCUT = { answer: 'A', mute: 'M', hold: 'H', end: 'Shift+E' } as const;

/** Letters typed into a field (notes, the mic list's type-ahead) are not phone commands. */
function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function actionFor(e: KeyboardEvent): keyof ShortcutHandlers | null {
  const key = e.key.toLowerCase();
  if (e.shiftKey) return key === 'e' ? 'end' : null;
  return key === 'a' ? 'answer' : key === 'm' ? 'mute' : key === 'h' ? 'hold' : null;
}

/** Softphone keys on the whole page while `enabled`; the latest handlers are always used. */
export function useShortcuts(enabled: boolean, handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || inField(e.target)) return;
      const action = actionFor(e);
      if (!action) return;
      e.preventDefault();
      latest.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
