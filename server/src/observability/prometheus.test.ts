import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FliteSynthesizer } from '../../../media/speech/flite.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../test/harness.js';
import { ok, PlainPeer } from '../../test/plain-peer.js';
import { request } from '../../test/socket.js';
import { PROJECT_ROOT } from '../config/config.js';
import { freePort } from '../free-port.js';
import { registry } from './metrics.js';
import { metricsRoute } from './routes.js';

// /metrics as a real Prometheus (Debian's 2.42) scrapes it: a call runs through the real server,
// its SFU and the AI caller (Silero, PocketSphinx, the scripted mind, flite) while Prometheus
// scrapes every second; then Prometheus's own query API must hold each series.

const TOKEN = 'metrics-test-token-0123456789abcdef';
const QUESTION = 'What is the address of your emergency?';

let server: TestServer;
let prometheus: { url: string; stop(): Promise<void> };
const peers: PlainPeer[] = [];

async function startPrometheus(target: URL): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-prometheus-'));
  const port = await freePort();
  await writeFile(path.join(dir, 'token'), TOKEN);
  await writeFile(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, scrape_timeout: 1s }',
      'scrape_configs:',
      '  - job_name: ringdown',
      `    authorization: { type: Bearer, credentials_file: ${path.join(dir, 'token')} }`,
      `    static_configs: [{ targets: ['${target.host}'] }]`,
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    path.join(PROJECT_ROOT, 'vendor/prometheus/usr/bin/prometheus'), // scripts/install-system.sh unpacks it
    [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`prometheus exited (${code})`))));
  const ready = (async () => {
    while ((await fetch(`${url}/-/ready`).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 200));
  })();
  await Promise.race([ready, exited]);
  return {
    url,
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An instant query: each series' labels and value. */
async function query(promql: string): Promise<{ metric: Record<string, string>; value: number }[]> {
  const res = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await res.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success') throw new Error(`query ${promql}: ${JSON.stringify(body)}`);
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}
const total = async (promql: string) => (await query(`sum(${promql})`))[0]?.value ?? 0;

beforeAll(async () => {
  server = await startTestServer({ env: { METRICS_TOKEN: TOKEN } });
  prometheus = await startPrometheus(new URL(server.url));
}, 60_000);
afterAll(async () => {
  peers.forEach((p) => p.close());
  await prometheus?.stop();
  await server?.close();
});

describe('Prometheus metrics', () => {
  it('a real Prometheus scrapes a call: turn latency by stage, calls, transports, socket acks, HTTP routes, login failures and worker CPU', async () => {
    await expect.poll(() => total('up{job="ringdown"}'), { timeout: 10_000, interval: 500 }).toBe(1);

    const wrong = await server.user('trainee');
    expect((await server.api('POST', '/api/v1/auth/login', { body: { email: wrong.email, password: `${TEST_PASSWORD}!` } })).status).toBe(401);
    const instructorCookie = await server.login(await server.user('instructor'));
    const scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id as string;
    const trainee = await server.person('trainee');
    const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
    // Opening the call's media readies its caller's models: seconds on a busy machine.
    ok(await request(trainee.socket, 'rtc:join', { callId }, 60_000), 'rtc:join');
    const peer = await PlainPeer.join(trainee.socket, callId, async () => (await server.live.get(callId))!.room, { speaks: true });
    peers.push(peer);
    await peer.consume();
    ok(await request(trainee.socket, 'call:answer', { callId }), 'call:answer');
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await request(trainee.socket, 'call:hold', { callId: nobody })).ok).toBe(false);
    expect((await request(trainee.socket, 'toString', {})).ok).toBe(false);
    expect((await server.api('GET', `/api/v1/calls/${nobody}`, { cookie: trainee.cookie })).status).toBe(404);
    const question = await new FliteSynthesizer().synthesize(QUESTION, { name: 'rms' });
    const withPause = new Int16Array(question.length + 2 * 16_000);
    withPause.set(question);
    await peer.speak(withPause);

    // The caller answered a spoken turn: every stage of it is in Prometheus.
    await expect.poll(() => total('ringdown_turn_seconds_count'), { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);
    peer.silent();
    for (const stage of ['endpoint', 'recognition', 'mind', 'synthesis', 'first_packet']) {
      expect(await total(`ringdown_turn_stage_seconds_count{stage="${stage}"}`), stage).toBeGreaterThan(0);
    }
    expect(await total('ringdown_calls_live')).toBe(1);
    expect(await total('ringdown_calls_started_total')).toBe(1);
    expect(await total('ringdown_pacer_lateness_seconds_count')).toBeGreaterThan(0);
    expect(await total('ringdown_transports_open{kind="plain"}')).toBe(2); // the trainee's send and receive
    expect(await total('ringdown_transports_open{kind="direct"}')).toBeGreaterThan(0);
    expect(await total('ringdown_sockets_connected')).toBe(1);
    expect(await total('ringdown_socket_request_seconds_count{event="call:answer",outcome="ok"}')).toBe(1);
    expect(await total('ringdown_socket_request_seconds_count{event="call:hold",outcome="not_found"}')).toBe(1);
    expect(await total('ringdown_login_failures_total{reason="wrong_credentials"}')).toBe(1);
    expect(await total('ringdown_mediasoup_worker_cpu_seconds_total')).toBeGreaterThan(0);
    // Routes by pattern: no call id in any label.
    expect(await total('ringdown_http_request_seconds_count{route="/api/v1/calls/start",method="POST",status="201"}')).toBe(1);
    // A route that threw (404 from the service) keeps its whole pattern, not the router's tail.
    expect(await total('ringdown_http_request_seconds_count{route="/api/v1/calls/:id",method="GET",status="404"}')).toBe(1);
    const routes = (await query('ringdown_http_request_seconds_count')).map((s) => s.metric.route);
    expect(routes.filter((r) => r?.includes(callId) || r?.includes(nobody))).toEqual([]);
    expect(await total('ringdown_socket_request_seconds_count{event="unknown",outcome="bad_request"}')).toBe(1);

    ok(await request(trainee.socket, 'call:end', { callId }), 'call:end');
    await expect.poll(() => total('ringdown_calls_ended_total{outcome="completed"}'), { timeout: 10_000, interval: 500 }).toBe(1);
    expect(await total('ringdown_calls_live')).toBe(0);
    expect(await total('ringdown_transports_open')).toBe(0);
  }, 120_000);

  it('refuses /metrics without the token, with a wrong one, and to everyone when no token is configured', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ringdown_turn_seconds_bucket');

    const off = express().get('/metrics', metricsRoute(undefined));
    const listening = off.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    const { port } = listening.address() as { port: number };
    try {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      listening.close();
    }
  });

  it("the Grafana dashboard's queries are PromQL Prometheus accepts, over metrics this process exports", async () => {
    type Panel = { title: string; targets: { expr: string }[] };
    const dashboard = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'deploy/grafana/ringdown.json'), 'utf8')) as { panels: Panel[] };
    const exported = new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
    for (const { title, targets } of dashboard.panels) {
      for (const { expr } of targets) {
        await query(expr.replaceAll('$__rate_interval', '1m').replaceAll('$instance', '.*')); // throws on a bad query
        for (const name of expr.match(/ringdown_\w+/g) ?? []) expect(exported, `${title}: ${name}`).toContain(name.replace(/_(bucket|count|sum)$/, ''));
      }
    }
  });
});
