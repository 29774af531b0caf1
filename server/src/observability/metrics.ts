import type { Router, Transport } from 'mediasoup/lib/types.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Fallback } from '../../../media/caller/stages.js';

// Every Prometheus metric this process exports, in one registry served on /metrics (see
// routes.ts for who may read it). Labels only ever take values from a fixed set (a route's
// pattern, a request's name, an outcome code), never an id, so the series stay few.

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'ringdown_' });

/** Seconds, from 5 ms to 10 s: a turn's steps are tens to hundreds of ms, a slow turn seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

export const callsLive = new Gauge({ name: 'ringdown_calls_live', help: 'Calls whose media this process carries now', registers: [registry] });
export const callsStarted = new Counter({ name: 'ringdown_calls_started_total', help: 'Calls whose media this process opened', registers: [registry] });
export const callsEnded = new Counter({
  name: 'ringdown_calls_ended_total',
  help: "Calls this process carried that ended, by outcome (lost: the trainee's browser, the media worker or the server went away)",
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const TURN_STAGES = ['endpoint', 'recognition', 'mind', 'synthesis', 'first_packet'] as const;
export type TurnStage = (typeof TURN_STAGES)[number];
const turnStage = new Histogram({
  name: 'ringdown_turn_stage_seconds',
  help: "Each step of the AI caller's answer to a spoken turn: endpoint (end of speech to the turn detected), recognition (to the final text), mind (to the reply), synthesis (its first sentence), first_packet (handed to the line to its first packet out)",
  labelNames: ['stage'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});
const turnTotal = new Histogram({
  name: 'ringdown_turn_seconds',
  help: "End of the trainee's speech to the first packet of the AI caller's reply",
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** One answered turn, in ms per stage and end to end. */
export function observeTurn(stages: Record<TurnStage, number>, totalMs: number): void {
  for (const stage of TURN_STAGES) turnStage.observe({ stage }, stages[stage] / 1000);
  turnTotal.observe(totalMs / 1000);
}

export const pacerLateness = new Histogram({
  name: 'ringdown_pacer_lateness_seconds',
  help: "How late each packet of the caller's voice left against its 20 ms slot",
  buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.5],
  registers: [registry],
});

const transportsOpen = new Gauge({
  name: 'ringdown_transports_open',
  help: 'mediasoup transports open, by kind (webrtc: a browser; direct: the AI caller and the bridge; plain)',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const socketsConnected = new Gauge({ name: 'ringdown_sockets_connected', help: 'socket.io connections to this process', registers: [registry] });
export const socketRequests = new Histogram({
  name: 'ringdown_socket_request_seconds',
  help: "Socket requests by event and the ack's outcome (ok or the error code); an unknown event name counts as 'unknown'",
  labelNames: ['event', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const httpRequests = new Histogram({
  name: 'ringdown_http_request_seconds',
  help: "HTTP requests by method, route pattern ('static' for files, 'unmatched' for no route) and status",
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export type LoginFailure = 'wrong_credentials' | 'throttled';
const loginFailures = new Counter({
  name: 'ringdown_login_failures_total',
  help: 'Refused password sign-ins, by reason',
  labelNames: ['reason'] as const,
  registers: [registry],
});
export function countLoginFailure(reason: LoginFailure): void {
  loginFailures.inc({ reason });
}

/** Where a hosted provider can be replaced by an embedded one, as the dashboard names it. */
export type FallbackStage = 'recognition' | 'intents' | 'mind' | 'synthesis' | 'realtime';
export type FallbackReason = 'timeout' | 'error' | 'refused' | 'unavailable';
const fallbacks = new Counter({
  name: 'ringdown_provider_fallbacks_total',
  help: 'Times a hosted provider was not used and the embedded one answered instead, by stage and reason',
  labelNames: ['stage', 'reason'] as const,
  registers: [registry],
});
/** The caller's stages (media/caller/stages.ts) by their metric label. */
const STAGE_LABEL: Record<Fallback['stage'], FallbackStage> = { recognition: 'recognition', understanding: 'intents', phrasing: 'mind', synthesis: 'synthesis', realtime: 'realtime' };
/** Counts a stage's fallback; its free-text reason (kept in the call's events) becomes one of a few labels. */
export function countFallback(stage: Fallback['stage'], reason: string): void {
  fallbacks.inc({ stage: STAGE_LABEL[stage], reason: fallbackReason(reason) });
}
export function fallbackReason(reason: string): FallbackReason {
  if (/^refused\b/i.test(reason)) return 'refused';
  if (/\btime(d)? ?out\b/i.test(reason)) return 'timeout';
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|connection error|fetch failed|unreachable|\b50[234]\b/i.test(reason)) return 'unavailable';
  return 'error';
}

type WorkerUsage = () => Promise<{ index: number; cpuMs: number }[]>;
const workerSources = new Set<WorkerUsage>();
new Counter({
  name: 'ringdown_mediasoup_worker_cpu_seconds_total',
  help: 'CPU time used by each mediasoup worker (user + system), read at each scrape; a replaced worker starts again from 0',
  labelNames: ['worker'] as const,
  registers: [registry],
  // The workers keep their own totals: the counter is set to them when scraped.
  async collect() {
    const usage = (await Promise.all([...workerSources].map((source) => source().catch(() => [])))).flat();
    this.reset();
    for (const { index, cpuMs } of usage) this.inc({ worker: String(index) }, cpuMs / 1000);
  },
});

/** Reports `usage` (a worker pool's) at each scrape until the returned function is called. */
export function watchWorkers(usage: WorkerUsage): () => void {
  workerSources.add(usage);
  return () => workerSources.delete(usage);
}

/** Counts the transports a call's router opens, by kind, while they are open. */
export function watchTransports(router: Router): void {
  router.observer.on('newtransport', (transport: Transport) => {
    const kind = transport.constructor.name.replace(/Transport$/, '').toLowerCase();
    transportsOpen.inc({ kind });
    transport.observer.once('close', () => transportsOpen.dec({ kind }));
  });
}
