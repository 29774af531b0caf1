import type { RequestHandler } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';

// Security headers, from helmet. The policy is what the built Preact app needs and no more:
// its own scripts and styles (no inline ones), socket.io on this origin ('self' covers ws: and
// wss: there), recordings from this origin or the S3 endpoint. The softphone's WebRTC media is
// not a fetch, so no directive governs it. No page may frame the app: its one-key shortcuts
// (A answers, Shift+E ends) would be easy to click-jack.

const HSTS_MAX_AGE_S = 180 * 24 * 3600;

export function securityHeaders(options: { mediaOrigins: readonly string[] }): RequestHandler[] {
  const hsts = strictTransportSecurity({ maxAge: HSTS_MAX_AGE_S, includeSubDomains: false });
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          mediaSrc: ["'self'", ...options.mediaOrigins],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      // Sent below, only on HTTPS: over plain HTTP a browser ignores it, and a LAN install that
      // later drops TLS would be locked out for months.
      strictTransportSecurity: false,
    }),
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ];
}
