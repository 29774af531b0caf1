import { errorMessage } from '../api.js';

const MIC_KEY = 'ringdown.microphone';

/** The trainee's chosen microphone, remembered across calls. */
export const storage = {
  get: (): string => {
    try {
      return localStorage.getItem(MIC_KEY) ?? '';
    } catch {
      return '';
    }
  },
  set: (id: string): void => {
    try {
      localStorage.setItem(MIC_KEY, id);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  },
};

export function micErrorMessage(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError') return 'Microphone access is blocked: allow the microphone for this site, then try again.';
  if (name === 'NotFoundError') return 'No microphone found: plug in a headset, then try again.';
  if (name === 'NotReadableError') return 'The microphone is in use by another application.';
  return errorMessage(err);
}
