import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; every module takes a child logger (`{ module }`, `{ callId }`). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'ringdown' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], remove: true },
  });
}
