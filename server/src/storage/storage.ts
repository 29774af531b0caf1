import { createHmac, timingSafeEqual } from 'node:crypto';
import { access, copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client as MinioClient } from 'minio';
import type { Config } from '../config/config.js';
import { loadOrCreateLocalSecret } from '../config/local-secrets.js';

// Recordings live behind one interface: the local file system by default, S3/MinIO when
// configured. Either way they are read only through expiring signed URLs.

export interface RecordingStorage {
  readonly kind: 'local' | 's3';
  /** Stores the file at `sourceFile` under `key` (e.g. `recordings/{callId}/{ts}.wav`). */
  put(key: string, sourceFile: string, contentType: string): Promise<void>;
  putBytes(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  read(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
  /** A URL that reads `key` until `ttlMs` from now. */
  signedUrl(key: string, ttlMs: number): Promise<string>;
  exists(key: string): Promise<boolean>;
  ping(): Promise<void>;
}

/** Where a call's recording is stored: its start time, and `by`, which process stored it. */
export function recordingKey(callId: string, by: string, at: Date = new Date()): string {
  return `recordings/${callId}/${at.getTime()}-${by}.wav`;
}

const KEY_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9/_.-]{0,300}$/;
/** A key stays under the storage root: no empty, `.` or `..` parts. */
export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key) && !key.split('/').some((part) => part === '..' || part === '.' || part === '');
}
function checkKey(key: string): void {
  if (!isStorageKey(key)) throw new TypeError(`invalid storage key: ${key}`);
}

/** HMAC-signed URLs for files the server serves itself: `/files/{key}?expires=...&sig=...`. */
export class UrlSigner {
  constructor(private readonly secret: string) {}

  sign(key: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${key}\n${expiresAt}`).digest('base64url');
  }

  /** 'ok', or why the URL is refused. */
  verify(key: string, expires: string | undefined, sig: string | undefined, now = Date.now()): 'ok' | 'expired' | 'bad-signature' {
    const expiresAt = Number(expires);
    if (!expires || !sig || !Number.isSafeInteger(expiresAt)) return 'bad-signature';
    const expected = Buffer.from(this.sign(key, expiresAt));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
    return expiresAt < now ? 'expired' : 'ok';
  }
}

/** Where the HTTP API serves local files (see http/routes/files.ts). */
export const LOCAL_FILES_PATH = '/api/v1/files/';

export class LocalStorage implements RecordingStorage {
  readonly kind = 'local';

  constructor(
    readonly root: string,
    private readonly signer: UrlSigner,
  ) {}

  pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, sourceFile: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    if (path.resolve(sourceFile) !== target) await copyFile(sourceFile, target);
  }

  async putBytes(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }

  async read(key: string): Promise<Buffer | null> {
    return readFile(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async signedUrl(key: string, ttlMs: number): Promise<string> {
    checkKey(key);
    const expiresAt = Date.now() + ttlMs;
    return `${LOCAL_FILES_PATH}${key}?expires=${expiresAt}&sig=${this.signer.sign(key, expiresAt)}`;
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then((s) => s.isFile(), () => false);
  }

  async ping(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root);
  }
}

export class S3Storage implements RecordingStorage {
  readonly kind = 's3';
  readonly #client: MinioClient;

  constructor(
    options: { endPoint: string; accessKey: string; secretKey: string; region: string },
    readonly bucket: string,
  ) {
    const url = new URL(options.endPoint);
    this.#client = new MinioClient({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      pathStyle: true,
    });
  }

  /** Creates the bucket on first use; recordings are never public. */
  async ensureBucket(): Promise<void> {
    if (!(await this.#client.bucketExists(this.bucket))) await this.#client.makeBucket(this.bucket);
  }

  async put(key: string, sourceFile: string, contentType: string): Promise<void> {
    checkKey(key);
    await this.#client.fPutObject(this.bucket, key, sourceFile, { 'Content-Type': contentType });
  }

  async putBytes(key: string, bytes: Buffer, contentType: string): Promise<void> {
    checkKey(key);
    await this.#client.putObject(this.bucket, key, bytes, bytes.length, { 'Content-Type': contentType });
  }

  async read(key: string): Promise<Buffer | null> {
    checkKey(key);
    let stream;
    try {
      stream = await this.#client.getObject(this.bucket, key);
    } catch (error) {
      if ((error as { code?: string }).code === 'NoSuchKey') return null;
      throw error;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    await this.#client.removeObject(this.bucket, key);
  }

  async signedUrl(key: string, ttlMs: number): Promise<string> {
    checkKey(key);
    return this.#client.presignedGetObject(this.bucket, key, Math.max(1, Math.round(ttlMs / 1000)));
  }

  async exists(key: string): Promise<boolean> {
    return this.#client.statObject(this.bucket, key).then(() => true, () => false);
  }

  async ping(): Promise<void> {
    if (!(await this.#client.bucketExists(this.bucket))) throw new Error(`bucket ${this.bucket} does not exist`);
  }
}

/** The storage a configuration names (S3 when set, else STORAGE_DIR) and the signer of its local URLs. */
export async function openStorage(config: Config): Promise<{ storage: RecordingStorage; signer: UrlSigner }> {
  const signer = new UrlSigner(config.urlSigningSecret ?? (await loadOrCreateLocalSecret(config.dataDir, 'url-signing-secret')).value);
  if (!config.s3) return { storage: new LocalStorage(config.storageDir, signer), signer };
  const storage = new S3Storage(config.s3, config.s3.bucket);
  await storage.ensureBucket();
  return { storage, signer };
}
