import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenIpsFor } from './listen-ips.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;
const machine = [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true), nic('fe80::1', 'IPv6'), nic('169.254.3.4', 'IPv4'), nic('192.168.1.20', 'IPv4'), nic('2001:db8::20', 'IPv6')];
const local = { host: 'localhost', announcedIp: undefined, loopbackOnly: false };

describe('where WebRTC listens', () => {
  it("on localhost also listens on the machine's own address, which Firefox can pair with (Firefox got no audio at localhost)", () => {
    expect(listenIpsFor(local, machine)).toEqual([{ ip: '127.0.0.1', announcedIp: undefined }, { ip: '192.168.1.20' }]);
  });

  it('falls back to a global IPv6 address, and to loopback alone on a machine with no network', () => {
    expect(listenIpsFor(local, machine.filter((i) => i.address !== '192.168.1.20'))[1]).toEqual({ ip: '2001:db8::20' });
    expect(listenIpsFor(local, machine.slice(0, 4))).toEqual([{ ip: '127.0.0.1', announcedIp: undefined }]);
  });

  it('keeps media on loopback when told to, or when an address is announced', () => {
    expect(listenIpsFor({ ...local, loopbackOnly: true }, machine)).toEqual([{ ip: '127.0.0.1', announcedIp: undefined }]);
    expect(listenIpsFor({ ...local, announcedIp: '10.0.0.5' }, machine)).toEqual([{ ip: '127.0.0.1', announcedIp: '10.0.0.5' }]);
  });

  it("on every interface announces the machine's address unless one is given", () => {
    expect(listenIpsFor({ ...local, host: '0.0.0.0' }, machine)).toEqual([{ ip: '0.0.0.0', announcedIp: '192.168.1.20' }]);
    expect(listenIpsFor({ ...local, host: '0.0.0.0', announcedIp: '203.0.113.7' }, machine)).toEqual([{ ip: '0.0.0.0', announcedIp: '203.0.113.7' }]);
    expect(listenIpsFor({ ...local, host: '192.168.1.20' }, machine)).toEqual([{ ip: '192.168.1.20', announcedIp: undefined }]);
  });
});
