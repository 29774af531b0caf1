import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopback } from '../tls.js';
import type { ListenIp } from './room.js';

// Where WebRTC listens and what address its ICE candidates carry.
//
// On localhost, 127.0.0.1 alone is not enough: Firefox's ICE agent never pairs one of its
// own (non-loopback) host candidates with a loopback remote candidate, and it gathers no
// loopback candidate of its own, so ICE has no pair to check and fails with 0 bytes.
// Chromium pairs them. So a local server also listens on one of this machine's own
// addresses: Firefox pairs its host candidate with it, and the packets still never leave
// the machine (the kernel delivers to its own addresses locally).

export type ListenIpsOptions = { host: string; announcedIp: string | undefined; loopbackOnly: boolean };

export function listenIpsFor(options: ListenIpsOptions, interfaces: NetworkInterfaceInfo[]): ListenIp[] {
  const own = ownAddress(interfaces);
  if (isLoopback(options.host)) {
    const loopback = { ip: '127.0.0.1', announcedIp: options.announcedIp };
    return options.loopbackOnly || !own || options.announcedIp ? [loopback] : [loopback, { ip: own }];
  }
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  return [{ ip: wildcard ? '0.0.0.0' : options.host, announcedIp: options.announcedIp ?? (wildcard ? own : undefined) }];
}

/** The machine's first routable address: IPv4 first, then a global IPv6 one. */
function ownAddress(interfaces: NetworkInterfaceInfo[]): string | undefined {
  const routable = interfaces.filter((i) => !i.internal && !i.address.startsWith('169.254.') && !i.address.toLowerCase().startsWith('fe80:'));
  return (routable.find((i) => i.family === 'IPv4') ?? routable.find((i) => i.family === 'IPv6'))?.address;
}
