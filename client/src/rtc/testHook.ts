import type { InboundAudio } from './media.js';

// Test hook, for e2e only: Playwright calls `window.__ringdown.media.inboundAudio()` to check
// what audio really arrives on a page, keyed by source (the softphone: caller, agency,
// instructor; a supervisor's page: caller, trainee, instructor), and `transportIds()` to check
// that a supervision mode switch kept the same transports, and `audioBytes()` for RTP bytes
// both ways (the Firefox test reads it over WebDriver BiDi). Read-only; nothing in the app reads it.

type Inspectable = {
  inboundAudio(): Promise<InboundAudio>;
  audioBytes(): Promise<{ sent: number; received: number }>;
  transportIds(): { send: string | null; recv: string | null };
};

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

if (typeof window !== 'undefined') {
  window.__ringdown = {
    media: {
      inboundAudio: () => current?.inboundAudio() ?? Promise.resolve({}),
      audioBytes: () => current?.audioBytes() ?? Promise.resolve({ sent: 0, received: 0 }),
      transportIds: () => current?.transportIds() ?? { send: null, recv: null },
    },
  };
}
