import type { InboundAudio } from './media.js';

// Test hook, for e2e only: Playwright calls `window.__ringdown.media.inboundAudio()` to check
// that the caller's (and the agency's) audio really arrives, keyed by source. Read-only;
// nothing in the app reads it.

type Inspectable = { inboundAudio(): Promise<InboundAudio> };

declare global {
  interface Window {
    __ringdown?: { media: Inspectable };
  }
}

let current: Inspectable | null = null;

export function exposeForTests(media: Inspectable, open = true): void {
  if (open) current = media;
  else if (current === media) current = null;
}

if (typeof window !== 'undefined') window.__ringdown = { media: { inboundAudio: () => current?.inboundAudio() ?? Promise.resolve({}) } };
