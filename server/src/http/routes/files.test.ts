import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UrlSigner } from '../../storage/storage.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

// The signed-link file route, on a server whose data folder is a dot-folder as the default
// `./.data` is.

const SECRET = 's'.repeat(40);
const signer = new UrlSigner(SECRET);
const KEY = 'recordings/call-1/1700000000000.wav';
const WAV = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt 0123456789abcdef');
let server: TestServer;

const link = (key: string, expiresAt = Date.now() + 60_000) => `${server.url}/api/v1/files/${key}?expires=${expiresAt}&sig=${signer.sign(key, expiresAt)}`;

beforeAll(async () => {
  const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-files-')), '.data');
  server = await startTestServer({ env: { DATA_DIR: dataDir, URL_SIGNING_SECRET: SECRET } });
  const source = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-wav-')), 'in.wav');
  await writeFile(source, WAV);
  await server.storage.put(KEY, source, 'audio/wav');
});
afterAll(() => server?.close());

describe('the signed file link', () => {
  it('serves a recording stored under a dot-folder data directory (every link answered 500 from ./.data)', async () => {
    const res = await fetch(link(KEY));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(WAV);
  });

  it('answers a range request with that part of the file, so the player can seek', async () => {
    const res = await fetch(link(KEY), { headers: { range: 'bytes=4-11' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 4-11/${WAV.length}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(WAV.subarray(4, 12));
  });

  it('answers 416 to a range beyond the end of the file', async () => {
    const res = await fetch(link(KEY), { headers: { range: `bytes=${WAV.length + 10}-` } });
    expect(res.status).toBe(416);
  });

  it('answers 404 when the signed file does not exist', async () => {
    const res = await fetch(link('recordings/call-1/404.wav'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers 403 to an expired link and says to ask for a new one', async () => {
    const res = await fetch(link(KEY, Date.now() - 1000));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/expired/) });
  });

  it('answers 403 to a missing or tampered signature', async () => {
    expect((await fetch(`${server.url}/api/v1/files/${KEY}`)).status).toBe(403);
    const tampered = link(KEY).replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const res = await fetch(tampered);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden', message: 'invalid signature' });
  });

  it('answers 400 to a signed key that storage never makes', async () => {
    const res = await fetch(link('recordings//x.wav'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'bad_request' });
  });

  it('never serves a dot-file inside the storage root, signed or not', async () => {
    const source = path.join(server.config.dataDir, 'hidden.wav');
    await writeFile(source, WAV);
    await server.storage.put('recordings/.hidden.wav', source, 'audio/wav');
    expect((await fetch(link('recordings/.hidden.wav'))).status).toBe(404);
  });
});
