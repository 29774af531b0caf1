import https from 'node:https';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../test/harness.js';
import { isLoopback, loadOrCreateCertificate } from './tls.js';

describe('HTTPS beyond localhost', () => {
  it('treats only loopback names as secure without TLS', () => {
    expect(['localhost', '127.0.0.1', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '127.0.0.2', 'ringdown.lan'].some(isLoopback)).toBe(false);
  });

  it('generates a self-signed certificate once and reuses it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-tls-'));
    const first = await loadOrCreateCertificate(undefined, dir, '10.1.2.3');
    expect(first.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect((await loadOrCreateCertificate(undefined, dir, '10.1.2.3')).cert).toBe(first.cert);
  });

  it('serves HTTPS with secure cookies when bound to another interface', async () => {
    const server = await startTestServer({ env: { HOST: '127.0.0.2' } });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
      const user = await server.user('trainee');
      const status = await new Promise<{ code: number; cookie: string; hsts: string | undefined }>((resolve, reject) => {
        const req = https.request(
          `${server.url}/api/v1/auth/login`,
          { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } },
          (res) => resolve({ code: res.statusCode!, cookie: String(res.headers['set-cookie']), hsts: res.headers['strict-transport-security'] }),
        );
        req.on('error', reject);
        req.end(JSON.stringify({ email: user.email, password: 'correct horse battery staple' }));
      });
      expect(status.code).toBe(200);
      expect(status.cookie).toMatch(/; Secure/);
      expect(status.hsts).toBe('max-age=15552000'); // only over HTTPS (plain HTTP: probe.test.ts)
    } finally {
      await server.close();
    }
  });
});
