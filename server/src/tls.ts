import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

// Browsers give the microphone only to secure contexts: http://localhost is one, any other
// address needs HTTPS. Without a given certificate we make a self-signed one and keep it.

export const isLoopback = (host: string) => ['localhost', '127.0.0.1', '::1', '[::1]'].includes(host);

type Served = { tls?: unknown; host: string; publicUrl?: string | undefined };

/** HTTPS when a certificate is given or the server is bound beyond this machine. */
export const servesHttps = (config: Served): boolean => Boolean(config.tls) || !isLoopback(config.host);

/** The origin people open: PUBLIC_URL as given, else the scheme, host and `port` the server binds. */
export function siteOrigin(config: Served, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `${servesHttps(config) ? 'https' : 'http'}://${host}:${port}`;
}

export async function loadOrCreateCertificate(
  given: { certFile: string; keyFile: string } | undefined,
  dir: string,
  host: string,
): Promise<{ cert: string; key: string; generated: boolean }> {
  if (given) return { cert: await readFile(given.certFile, 'utf8'), key: await readFile(given.keyFile, 'utf8'), generated: false };
  const certFile = path.join(dir, 'self-signed.crt');
  const keyFile = path.join(dir, 'self-signed.key');
  if (existsSync(certFile) && existsSync(keyFile)) {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8'), generated: true };
  }
  const ipHost = /^[\d.]+$|:/.test(host);
  const pems = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [ipHost ? { type: 7, ip: host } : { type: 2, value: host }, { type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }],
      },
    ],
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyFile, pems.private, { mode: 0o600 });
  await writeFile(certFile, pems.cert);
  return { cert: pems.cert, key: pems.private, generated: true };
}
