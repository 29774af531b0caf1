import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('serves the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: 'localhost', port: 3000, databaseUrl: undefined, redisUrl: undefined, s3: undefined, llm: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('switches the production parts on from their variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/ringdown',
      REDIS_URL: 'redis://redis:6379',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
      OPENAI_BASE_URL: 'https://openrouter.ai/api/v1',
      OPENAI_API_KEY: 'k',
      OPENAI_TRANSCRIPTION_MODEL: 'whisper-1',
      OPENAI_TTS_MODEL: 'gpt-4o-mini-tts',
    });
    expect(config.s3).toMatchObject({ endPoint: 'http://minio:9000', bucket: 'ringdown' });
    expect(config.llm).toMatchObject({ baseUrl: 'https://openrouter.ai/api/v1', apiKey: 'k', transcriptionModel: 'whisper-1', speechModel: 'gpt-4o-mini-tts' });
    expect(config.redisUrl).toBe('redis://redis:6379');
  });

  it('keeps a silent monitor unseen unless the centre shows it', () => {
    expect(loadConfig({}).showMonitored).toBe(false);
    expect(loadConfig({ SHOW_MONITORED: 'true' }).showMonitored).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ REDIS_URL: '', DATABASE_URL: ' ' }).redisUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_ACCESS_KEY'],
    [{ OPENAI_BASE_URL: 'http://llm:8000/v1' }, 'OPENAI_API_KEY'],
    [{ OPENAI_REALTIME_MODEL: 'gpt-realtime' }, 'OPENAI_BASE_URL'],
    [{ URL_SIGNING_SECRET: 'short' }, 'URL_SIGNING_SECRET'],
    [{ TLS_CERT_FILE: '/tmp/c.pem' }, 'TLS_KEY_FILE'],
  ])('stops on %j with a message naming %s', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.variable)).toContain(variable);
      expect((error as Error).message).toContain(`${variable}:`);
    }
  });
});
