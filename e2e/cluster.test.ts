import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { RECORDING_CHANNELS } from '../media/bridge.js';
import { freePort } from '../server/src/free-port.js';
import { processName } from '../server/src/live/ownership.js';
import type { CallDetail } from '../server/src/protocol/api.js';
import type { ProcessLoad } from '../server/src/cluster/load.js';
import { scenarioFixture } from '../server/test/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/test/harness.js';
import { startServerProcess, type ServerProcess } from '../server/test/server-process.js';
import { connectSocket, request, type ClientSocket } from '../server/test/socket.js';
import { launchBrowser, login, speechWav } from './browser.js';
import { startNginx, type Ingress } from './nginx.js';
import { byTestId, energyGain, inboundEnergy, supervisedCallPages } from './session.js';

// Scale-out end to end: three ringdown processes (npm start's entry point) sharing one Redis,
// one PostgreSQL and one recordings folder, behind Debian's nginx as a round-robin ingress on
// loopback. A trainee takes a call in Chromium through nginx; a supervisor and an instructor
// whose sockets land on other processes than the call's owner monitor, coach and barge, from
// audio evidence; the call has one router and one AI caller in the whole cluster. The owner
// killed outright: the call ends as lost on the floor elsewhere within 15 s and keeps its
// transcript and its recording up to the last seconds. SIGTERM drains a process.

type Node = ServerProcess & { name: string; port: number; dataDir: string };

const HEARD = 1e-3;
const redis = createClient({ url: inject('redisUrl') });
let helper: TestServer;
let ingress: Ingress;
let scenarioId: string;
const nodes: Node[] = [];
const browsers: Browser[] = [];
const sockets: ClientSocket[] = [];
const warnings: string[] = [];

beforeAll(async () => {
  await redis.connect();
  helper = await startTestServer(); // users and the scenario; no member of the cluster
  const created = await helper.api('POST', '/api/v1/scenarios', { cookie: await helper.login(await helper.user('instructor')), body: scenarioFixture() });
  scenarioId = created.body.id;
  const ingressPort = await freePort();
  const storageDir = await mkdtemp(path.join(tmpdir(), 'ringdown-shared-'));
  const ports = await Promise.all([0, 1, 2].map(() => freePort()));
  nodes.push(
    ...(await Promise.all(
      ports.map(async (port, i) => {
        const dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-node-'));
        const proc = await startServerProcess({
          PORT: String(port),
          DATA_DIR: dataDir,
          DATABASE_URL: inject('databaseUrl'),
          REDIS_URL: inject('redisUrl'),
          STORAGE_DIR: storageDir,
          URL_SIGNING_SECRET: 's'.repeat(32),
          PUBLIC_URL: `http://127.0.0.1:${ingressPort}`,
          // Each process its own media ports, as on separate machines.
          RTC_MIN_PORT: String(41000 + i * 200),
          RTC_MAX_PORT: String(41000 + i * 200 + 199),
          DRAIN_TIMEOUT_MS: '120000',
        });
        const name = processName('redis', dataDir);
        // What went wrong on a process is shown with the test's output; warnings too if the test fails.
        proc.child.stdout!.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) {
            if (/"level":(5|6)0/.test(line)) console.warn(`[${port}] ${line.slice(0, 600)}`);
            else if (/"level":40/.test(line)) warnings.push(`[${port}] ${line.slice(0, 600)}`);
          }
        });
        return { ...proc, port, name, dataDir };
      }),
    )),
  );
  ingress = await startNginx(ingressPort, ports.map((p) => `127.0.0.1:${p}`));
  const voices = await Promise.all([
    speechWav('Nine one one, what is the address of your emergency?', 'rms', 1.5),
    speechWav('This is the shift supervisor, I am only listening in.', 'slt', 1.5),
    speechWav('Ask her whether anybody is still inside the house.', 'awb', 0.3),
  ]);
  browsers.push(...(await Promise.all(voices.map((wav) => launchBrowser(wav)))));
}, 240_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(browsers.map((b) => b.close()));
  await ingress?.close();
  await Promise.all(nodes.map(async (n) => n.child.exitCode === null && n.child.signalCode === null && (n.child.kill('SIGKILL'), await n.exited)));
  await helper?.close();
  await redis.quit();
});

const ownerOf = async (callId: string) => {
  const lease = await redis.get(`lease:call:${callId}`);
  return lease ? nodes.find((n) => n.name === (JSON.parse(lease) as { owner: string }).owner) : undefined;
};
/** The live calls each of this test's processes carries, most first. */
const liveCalls = async () =>
  Object.values(await redis.hGetAll('cluster:load'))
    .map((json) => JSON.parse(json) as ProcessLoad)
    .filter((l) => nodes.some((n) => n.name === l.process))
    .map((l) => l.liveCalls)
    .sort((a, b) => b - a);

/** A session cookie of the cluster's (kept in Redis), signed in through nginx. */
async function clusterCookie(role: 'trainee' | 'instructor'): Promise<string> {
  const res = await fetch(`${ingress.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: (await helper.user(role)).email, password: TEST_PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
async function storedCall(callId: string, cookie: string): Promise<CallDetail> {
  return (await fetch(`${ingress.url}/api/v1/calls/${callId}`, { headers: { cookie } })).json() as Promise<CallDetail>;
}

/** Opens `url` until the page's socket lands on a process that is not `avoid`; returns the process it landed on. */
async function openAwayFrom(page: Page, url: string, avoid: Node): Promise<Node> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let upstream = '';
  cdp.on('Network.webSocketHandshakeResponseReceived', (e: { response: { headers: Record<string, string> } }) => {
    upstream = e.response.headers['X-Upstream'] ?? e.response.headers['x-upstream'] ?? upstream;
  });
  for (let attempt = 0; attempt < 6; attempt++) {
    upstream = '';
    await page.goto(url);
    await expect.poll(() => upstream, { timeout: 10_000 }).not.toBe('');
    const node = nodes.find((n) => upstream.endsWith(`:${n.port}`))!;
    if (node !== avoid) return node;
    // Round-robin: a page load's requests can come round to the same process every time; one more request moves the turn on.
    await fetch(`${ingress.url}/health`);
  }
  throw new Error('the socket always landed on the same process');
}

async function signIn(page: Page, role: 'trainee' | 'supervisor' | 'instructor'): Promise<void> {
  await login(page, ingress.url, (await helper.user(role)).email, TEST_PASSWORD);
}

async function takeCall(page: Page): Promise<string> {
  await signIn(page, 'trainee');
  await page.locator(`[data-testid="scenario-card"][data-scenario-id="${scenarioId}"]`).getByTestId('take-call').click();
  await byTestId(page, 'ani').waitFor();
  const callId = page.url().split('/calls/')[1]!.split(/[/?#]/)[0]!;
  await byTestId(page, 'answer-call').click();
  try {
    await expect.poll(() => byTestId(page, 'connection-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
  } catch (error) {
    const stored = await storedCall(callId, await clusterCookie('instructor'));
    const alert = await page.locator('[role="alert"]').allInnerTexts();
    throw new Error(`the call's audio did not connect: ${JSON.stringify({ alert, status: stored.status, outcome: stored.outcome, endReason: stored.endReason })}`, { cause: error });
  }
  return callId;
}

describe('three server processes behind nginx', () => {
  it('carry each call on one process, serve its supervisors from the others, survive the owner killed, and drain on SIGTERM', async () => {
    onTestFailed(() => console.warn(`the processes' warnings:\n${warnings.join('\n')}`));
    const { trainee, supervisor, floor, instructor } = await supervisedCallPages(browsers);

    // The trainee takes the call through nginx and hears the caller.
    const callId = await takeCall(trainee);
    await expect.poll(async () => (await inboundEnergy(trainee)).caller ?? 0, { timeout: 20_000 }).toBeGreaterThan(HEARD);
    const owner = (await ownerOf(callId))!;
    expect(owner).toBeDefined();
    // One router and one AI caller in the cluster: one process carries one call, the others none.
    await expect.poll(liveCalls, { timeout: 10_000 }).toEqual([1, 0, 0]);

    // The supervisor and the instructor, each on a process that does not carry the call.
    await signIn(supervisor, 'supervisor');
    const supervisorNode = await openAwayFrom(supervisor, `${ingress.url}/calls/${callId}/supervise`, owner);
    await byTestId(supervisor, 'supervise-monitor').click();
    await signIn(instructor, 'instructor');
    const instructorNode = await openAwayFrom(instructor, `${ingress.url}/calls/${callId}/supervise`, owner);
    await byTestId(instructor, 'supervise-monitor').click();
    for (const page of [supervisor, instructor]) await expect.poll(() => byTestId(page, 'supervision-mode').first().getAttribute('data-mode'), { timeout: 15_000 }).toBe('monitor');
    const floorNode = await openAwayFrom(floor, `${ingress.url}/floor`, owner);
    const row = floor.locator(`[data-testid="call-row"][data-call-id="${callId}"]`);
    await row.waitFor({ timeout: 15_000 });

    // Monitor: the supervisor hears trainee and caller, through the owner's media, straight.
    await expect.poll(() => energyGain(supervisor, 'trainee', 2000), { timeout: 20_000 }).toBeGreaterThan(HEARD);
    await expect.poll(() => energyGain(supervisor, 'caller', 2000), { timeout: 20_000 }).toBeGreaterThan(HEARD);
    // Coach: the trainee hears the instructor; the supervisor does not.
    await byTestId(instructor, 'supervise-coach').click();
    await expect.poll(() => byTestId(instructor, 'supervision-mode').first().getAttribute('data-mode'), { timeout: 10_000 }).toBe('coach');
    await expect.poll(() => energyGain(trainee, 'instructor', 2000), { timeout: 20_000 }).toBeGreaterThan(HEARD);
    expect(await energyGain(supervisor, 'instructor', 2000)).toBe(0);
    // Barge: the supervisor hears the instructor too (on the line with the caller).
    await byTestId(instructor, 'supervise-barge').click();
    await expect.poll(() => byTestId(instructor, 'supervision-mode').first().getAttribute('data-mode'), { timeout: 10_000 }).toBe('barge');
    await expect.poll(() => energyGain(supervisor, 'instructor', 2000), { timeout: 20_000 }).toBeGreaterThan(HEARD);
    // Steering from a process that does not carry the call.
    await byTestId(instructor, 'steer-escalate').click();
    await expect.poll(() => byTestId(instructor, 'steer-status').getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    await expect.poll(liveCalls).toEqual([1, 0, 0]);
    console.log('sockets', { owner: owner.port, supervisor: supervisorNode.port, instructor: instructorNode.port, floor: floorNode.port });

    // The owner killed outright: the floor elsewhere sees the call end within 15 s.
    const cookie = await clusterCookie('instructor');
    const before = await storedCall(callId, cookie);
    // How much the owner had recorded on its own disk when it died (a busy machine records behind the clock).
    // (16-bit samples, 16 per ms, one channel per party.)
    const recordedMs = ((await stat(path.join(owner.dataDir, 'recordings-live', `${callId}.wav`))).size - 44) / (2 * 16 * RECORDING_CHANNELS.length);
    const killedAt = Date.now();
    owner.child.kill('SIGKILL');
    await owner.exited;
    nodes.splice(nodes.indexOf(owner), 1);
    await expect.poll(() => row.count(), { timeout: 15_000, interval: 250 }).toBe(0);
    const endedWithinMs = Date.now() - killedAt;
    expect(endedWithinMs).toBeLessThan(15_000);
    const lost = await storedCall(callId, cookie);
    expect(lost).toMatchObject({ status: 'failed', outcome: 'lost' });
    expect(lost.transcript.filter((s) => s.speaker === 'caller').length).toBeGreaterThan(0);
    expect(lost.transcript.length).toBeGreaterThanOrEqual(before.transcript.length);
    // The recording, joined from the pieces the owner shipped: all but its last 5 s.
    const mediaMs = killedAt - new Date(lost.mediaStartedAt ?? lost.startedAt).getTime();
    expect(lost.recordings).toHaveLength(1);
    expect(lost.recordings[0]!.durationMs).toBeGreaterThan(recordedMs - 5000);
    const wav = await fetch(`${ingress.url}${lost.recordings[0]!.url}`);
    expect(wav.status).toBe(200);
    expect((await wav.arrayBuffer()).byteLength).toBeGreaterThan(44);
    console.log('kill -9 of the owner', { endedWithinMs, mediaMs, recordedOnOwnerMs: Math.round(recordedMs), keptMs: lost.recordings[0]!.durationMs });

    // SIGTERM: the process carrying a new call drains. Nothing new is placed there; its call goes on and ends normally.
    const secondPage = await (await browsers[0]!.newContext()).newPage();
    const secondCall = await takeCall(secondPage);
    const draining = (await ownerOf(secondCall))!;
    const other = nodes.find((n) => n !== draining)!;
    draining.child.kill('SIGTERM');
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${draining.port}/ready`)).status, { timeout: 10_000 }).toBe(503);
    const thirdCookie = await clusterCookie('trainee');
    const started = await fetch(`${ingress.url}/api/v1/calls/start`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: thirdCookie }, body: JSON.stringify({ scenarioId }) });
    const thirdCall = ((await started.json()) as { id: string }).id;
    const socket = await connectSocket(`http://127.0.0.1:${draining.port}`, thirdCookie);
    sockets.push(socket);
    const joined = await request(socket, 'rtc:join', { callId: thirdCall }, 30_000);
    expect(joined, JSON.stringify(joined)).toMatchObject({ ok: true });
    expect((await ownerOf(thirdCall))?.name).toBe(other.name);
    expect(await request(socket, 'call:end', { callId: thirdCall })).toMatchObject({ ok: true });
    await expect.poll(async () => (await inboundEnergy(secondPage)).caller ?? 0, { timeout: 20_000 }).toBeGreaterThan(HEARD);
    expect(draining.child.exitCode).toBeNull();
    await byTestId(secondPage, 'end-call').click();
    await draining.exited;
    expect(draining.child.exitCode).toBe(0);
    const drained = await storedCall(secondCall, cookie);
    expect(drained).toMatchObject({ status: 'ended', outcome: 'completed' });
  }, 420_000);
});
