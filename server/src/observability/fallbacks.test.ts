import { describe, expect, it } from 'vitest';
import { countFallback, fallbackReason, registry } from './metrics.js';

// The caller's stages report a fallback with a free-text reason (kept whole in the call's
// events); the counter takes the dashboard's fixed stage and reason labels.

async function counted(stage: string, reason: string): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'ringdown_provider_fallbacks_total');
  const values = (metric as { values: { labels: Record<string, string>; value: number }[] } | undefined)?.values ?? [];
  return values.find((v) => v.labels.stage === stage && v.labels.reason === reason)?.value ?? 0;
}

describe('countFallback', () => {
  it('counts each caller stage under its metric label', async () => {
    countFallback('understanding', 'timeout after 1500 ms');
    countFallback('phrasing', 'refused: a fact the caller does not know');
    countFallback('synthesis', 'coqui: fetch failed');
    countFallback('recognition', 'reply does not match the schema');
    countFallback('realtime', 'lost: not reopened after 5 attempts: connect ECONNREFUSED 127.0.0.1:443; embedded caller takes over');
    expect(await counted('intents', 'timeout')).toBe(1);
    expect(await counted('mind', 'refused')).toBe(1);
    expect(await counted('synthesis', 'unavailable')).toBe(1);
    expect(await counted('recognition', 'error')).toBe(1);
    expect(await counted('realtime', 'unavailable')).toBe(1);
  });

  it('reads the kind of failure from the reason', () => {
    expect(fallbackReason('timeout after 4000 ms')).toBe('timeout');
    expect(fallbackReason('Request timed out.')).toBe('timeout');
    expect(fallbackReason('refused: names a street the caller never said')).toBe('refused');
    expect(fallbackReason('connect ECONNREFUSED 127.0.0.1:9')).toBe('unavailable');
    expect(fallbackReason('503 Service Unavailable')).toBe('unavailable');
    expect(fallbackReason('empty completion')).toBe('error');
  });
});
