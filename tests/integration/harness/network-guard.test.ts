// The guard that keeps tests off the internet (tests/harness/network-guard.ts) must itself work:
// each way out is tried and must be refused and recorded, loopback must still work.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertNoNetworkViolations,
  isAllowedHost,
  takeNetworkViolations,
} from '../../harness/network-guard.ts';

describe('the network guard of the test setup', () => {
  afterEach(() => {
    // These tests trip the guard on purpose; what they tripped is checked in the test itself.
    takeNetworkViolations();
  });

  it('refuses a TCP connect outside 127.0.0.0/8 before any packet leaves, and records it', () => {
    expect(() => net.connect({ host: '93.184.215.14', port: 443 })).toThrow(
      /network guard.*93\.184\.215\.14/,
    );
    expect(() => net.createConnection(443, '10.0.0.1')).toThrow(/10\.0\.0\.1/);
    expect(takeNetworkViolations()).toHaveLength(2);
  });

  it('refuses TLS, UDP and DNS towards outside hosts', async () => {
    expect(() => tls.connect({ host: 'api-futures.kucoin.com', port: 443 })).toThrow(
      /api-futures\.kucoin\.com/,
    );
    const socket = dgram.createSocket('udp4');
    try {
      expect(() => {
        socket.send('x', 53, '8.8.8.8');
      }).toThrow(/8\.8\.8\.8/);
    } finally {
      socket.close();
    }
    expect(() => {
      dns.lookup('example.com', () => undefined);
    }).toThrow(/example\.com/);
    await expect(async () => dns.promises.lookup('api-futures.kucoin.com')).rejects.toThrow(/api-futures/);
    expect(takeNetworkViolations().length).toBe(4);
  });

  it('fails the test afterwards even when the code swallowed the refusal', () => {
    try {
      net.connect(443, '1.1.1.1');
    } catch {
      // a retrying client would swallow this
    }
    expect(() => {
      assertNoNetworkViolations();
    }).toThrow(/1 outside connection\(s\) attempted/);
  });

  it('lets loopback through', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
      expect(body).toBe('ok');
      expect(takeNetworkViolations()).toEqual([]);
    } finally {
      server.close();
    }
    expect(isAllowedHost('127.4.5.6')).toBe(true);
    expect(isAllowedHost('localhost')).toBe(true);
    expect(isAllowedHost('128.0.0.1')).toBe(false);
  });
});
