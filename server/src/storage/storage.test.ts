import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage, recordingKey, S3Storage, UrlSigner } from './storage.js';

const signer = new UrlSigner('x'.repeat(32));

describe('recordingKey', () => {
  it('follows recordings/{callId}/{timestamp}-{process}.wav', () => {
    expect(recordingKey('c1', '0123456789ab', new Date(1700000000000))).toBe('recordings/c1/1700000000000-0123456789ab.wav');
  });
});

describe('UrlSigner', () => {
  it('accepts its own signature until it expires', () => {
    const expires = Date.now() + 1000;
    const sig = signer.sign('recordings/a/1.wav', expires);
    expect(signer.verify('recordings/a/1.wav', String(expires), sig)).toBe('ok');
    expect(signer.verify('recordings/a/1.wav', String(expires), sig, expires + 1)).toBe('expired');
  });

  it('refuses another key, another expiry, another secret or a missing signature', () => {
    const expires = Date.now() + 1000;
    const sig = signer.sign('recordings/a/1.wav', expires);
    expect(signer.verify('recordings/b/1.wav', String(expires), sig)).toBe('bad-signature');
    expect(signer.verify('recordings/a/1.wav', String(expires + 1), sig)).toBe('bad-signature');
    expect(new UrlSigner('y'.repeat(32)).verify('recordings/a/1.wav', String(expires), sig)).toBe('bad-signature');
    expect(signer.verify('recordings/a/1.wav', undefined, sig)).toBe('bad-signature');
    expect(signer.verify('recordings/a/1.wav', String(expires), undefined)).toBe('bad-signature');
  });
});

describe('LocalStorage', () => {
  it('stores a file under its key and refuses keys that climb out of the root', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'ringdown-store-'));
    const storage = new LocalStorage(root, signer);
    const source = path.join(root, 'in.wav');
    await writeFile(source, 'RIFF');
    await storage.put('recordings/c/1.wav', source);
    expect(await storage.exists('recordings/c/1.wav')).toBe(true);
    expect(await readFile(storage.pathOf('recordings/c/1.wav'), 'utf8')).toBe('RIFF');
    for (const bad of ['../etc/passwd', 'recordings/../../x', '/abs', 'a//b', 'recordings/./x']) {
      expect(() => storage.pathOf(bad)).toThrow(TypeError);
    }
    await storage.putBytes('recordings/c/live/000000.pcm', Buffer.from('piece'));
    expect((await storage.read('recordings/c/live/000000.pcm'))?.toString()).toBe('piece');
    await storage.remove('recordings/c/live/000000.pcm');
    expect(await storage.read('recordings/c/live/000000.pcm')).toBeNull();
    const url = await storage.signedUrl('recordings/c/1.wav', 60_000);
    const params = new URL(url, 'http://x').searchParams;
    expect(signer.verify('recordings/c/1.wav', params.get('expires')!, params.get('sig')!)).toBe('ok');
  });
});

// s3rver speaks the S3 protocol the minio client uses, but checks no signatures: this tests
// the protocol path (bucket, upload, presigned GET), not access control.
describe('S3Storage', () => {
  let s3: S3rver;
  let endPoint: string;
  beforeAll(async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ringdown-s3-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const address = (await s3.run()) as AddressInfo;
    endPoint = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => s3?.close());

  it('creates its bucket, uploads, and serves the object through a presigned URL', async () => {
    const storage = new S3Storage({ endPoint, accessKey: 'S3RVER', secretKey: 'S3RVER', region: 'us-east-1' }, `rd-${randomUUID().slice(0, 8)}`);
    await expect(storage.ping()).rejects.toThrow(/does not exist/);
    await storage.ensureBucket();
    await storage.ping();
    const source = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-s3src-')), 'a.wav');
    await writeFile(source, 'RIFF-s3');
    const key = recordingKey('call-1', '0123456789ab');
    await storage.put(key, source, 'audio/wav');
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.exists('recordings/none/1.wav')).toBe(false);
    const url = await storage.signedUrl(key, 60_000);
    expect(url).toContain('X-Amz-Expires=60');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('RIFF-s3');
  });

  it('keeps bytes under a key, reads them back, and reads a missing key as null', async () => {
    const storage = new S3Storage({ endPoint, accessKey: 'S3RVER', secretKey: 'S3RVER', region: 'us-east-1' }, `rd-${randomUUID().slice(0, 8)}`);
    await storage.ensureBucket();
    await storage.putBytes('recordings/c/live/000000.pcm', Buffer.from([1, 2, 3, 4]), 'application/octet-stream');
    expect([...((await storage.read('recordings/c/live/000000.pcm')) ?? [])]).toEqual([1, 2, 3, 4]);
    await storage.remove('recordings/c/live/000000.pcm');
    expect(await storage.read('recordings/c/live/000000.pcm')).toBeNull();
  });
});
