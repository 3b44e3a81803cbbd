// Tests never reach an outside host, not even to probe (ADR 0182). Every TCP/TLS connect, UDP
// send and DNS query is checked: only 127.0.0.0/8, `localhost` and local (Unix) sockets pass.
// Anything else is refused at the call (no packet leaves) and recorded; the vitest setup fails
// the test that did it, even when the code under test swallowed the refusal and retried.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const violations: string[] = [];

/** Whether a host may be contacted from a test: 127.0.0.0/8 or `localhost`. */
export function isAllowedHost(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost') return true;
  const bare = host.startsWith('::ffff:') ? host.slice(7) : host;
  return net.isIPv4(bare) && bare.split('.')[0] === '127';
}

function refuse(what: string, host: string): never {
  const message = `network guard: a test tried to reach ${host} (${what}); tests may only use 127.0.0.0/8`;
  violations.push(message);
  throw new Error(message);
}

function hostOfConnectArgs(args: readonly unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined;
    return typeof options.host === 'string' ? options.host : undefined;
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return undefined; // a Unix socket path
  return typeof second === 'string' ? second : undefined;
}

function guardSockets(): void {
  const socketPrototype = net.Socket.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const connect = socketPrototype.connect;
  if (connect === undefined) throw new Error('net.Socket has no connect');
  socketPrototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    // Node normalises (port, host, cb) into [options, cb] before recursing; check either form.
    const normalised: readonly unknown[] = Array.isArray(args[0]) ? args[0] : args;
    const host = hostOfConnectArgs(normalised);
    if (!isAllowedHost(host)) refuse('TCP/TLS connect', String(host));
    return connect.apply(this, args);
  };
  const udpPrototype = dgram.Socket.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['send', 'connect'] as const) {
    const original = udpPrototype[name];
    if (original === undefined) continue;
    udpPrototype[name] = function guardedUdp(this: dgram.Socket, ...args: unknown[]) {
      const host = args.find((arg, index) => index > 0 && typeof arg === 'string');
      if (typeof host === 'string' && !isAllowedHost(host)) refuse(`UDP ${name}`, host);
      return original.apply(this, args);
    };
  }
}

const dnsFunctions = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveMx',
  'resolveNs',
  'resolveSrv',
  'resolveTxt',
] as const;

function guardDns(): void {
  const callbackApi = dns as unknown as Record<string, (...a: unknown[]) => unknown>;
  const promiseApi = dns.promises as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const api of [callbackApi, promiseApi]) {
    for (const name of dnsFunctions) {
      const original = api[name];
      if (original === undefined) continue;
      api[name] = function guardedDns(this: unknown, ...args: unknown[]) {
        const host = args[0];
        if (typeof host === 'string' && !isAllowedHost(host)) refuse(`DNS ${name}`, host);
        return original.apply(this, args);
      };
    }
  }
}

let installed = false;

/** Installs the guard once per worker. */
export function installNetworkGuard(): void {
  if (installed) return;
  installed = true;
  guardSockets();
  guardDns();
  syncBuiltinESMExports();
}

/** The refusals recorded since the last call, cleared. */
export function takeNetworkViolations(): string[] {
  return violations.splice(0, violations.length);
}

/** Throws (failing the test) when the test tried to reach an outside host. */
export function assertNoNetworkViolations(): void {
  const found = takeNetworkViolations();
  if (found.length > 0)
    throw new Error(`${found.length} outside connection(s) attempted:\n${found.join('\n')}`);
}
