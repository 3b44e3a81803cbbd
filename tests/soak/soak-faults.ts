// The soak's faults, one after another at even intervals, each injected at the venue or a peer.
import type { RunningVenue } from '../../src/main/venue/index.ts';
import type { HttpPeer } from '../integration/alerts/peers/http-peer.ts';

interface Fault {
  readonly name: string;
  /** Starts the fault; returns what ends it (or nothing when it is one instant). */
  readonly begin: () => (() => void) | undefined;
}

function biggestPositionSymbol(
  venue: RunningVenue,
  userId: string,
): { symbol: string; long: boolean } | undefined {
  const positions = venue.exchange
    .positions(userId)
    .filter((p) => p.currentQty !== 0)
    .sort((a, b) => Math.abs(b.currentQty) - Math.abs(a.currentQty));
  const top = positions[0];
  return top === undefined ? undefined : { symbol: top.symbol, long: top.currentQty > 0 };
}

function faultList(venue: RunningVenue, peers: { slack: HttpPeer }, symbols: readonly string[]): Fault[] {
  const userId = venue.keys[0]?.userId ?? '';
  const rule = (spec: Parameters<RunningVenue['admin']['addFault']>[0]) => () => {
    const id = venue.admin.addFault(spec);
    return () => {
      venue.admin.removeFault(id);
    };
  };
  return [
    { name: '5xx burst', begin: rule({ kind: 'server-error', httpStatus: 503, rate: 0.6 }) },
    {
      name: 'dropped order answers',
      begin: rule({ kind: 'drop-response', method: 'POST', path: '/api/v1/orders', rate: 0.4 }),
    },
    // Once on, repeated clientOids stay accepted to the end: any blind resend shows as a duplicate.
    {
      name: 'duplicate clientOid accepted',
      begin: () => {
        venue.admin.addFault({ kind: 'accept-duplicate-client-oid' });
        return undefined;
      },
    },
    {
      name: 'WebSocket death',
      begin: () => {
        venue.admin.disconnectWebSockets();
        return undefined;
      },
    },
    {
      name: 'token expiry',
      begin: () => {
        venue.admin.expireTokens();
        return undefined;
      },
    },
    {
      name: 'clock skew',
      begin: () => {
        venue.admin.setClockSkewMs(4_000);
        return () => {
          venue.admin.setClockSkewMs(0);
        };
      },
    },
    {
      name: 'price jump toward liquidation',
      begin: () => {
        const target = biggestPositionSymbol(venue, userId) ?? {
          symbol: symbols[0] ?? 'XBTUSDTM',
          long: true,
        };
        venue.admin.jumpPrice(target.symbol, target.long ? -6 : 6);
        return undefined;
      },
    },
    {
      name: 'alert channel down',
      begin: () => {
        peers.slack.mode = 'hang';
        return () => {
          peers.slack.mode = 'answer';
        };
      },
    },
  ];
}

/** Schedules the eight faults over `durationMs`, each lasting half its slot. */
export function soakFaults(
  venue: RunningVenue,
  peers: { slack: HttpPeer },
  durationMs: number,
  symbols: readonly string[],
) {
  const faults = faultList(venue, peers, symbols);
  const slotMs = durationMs / (faults.length + 1);
  const timers: NodeJS.Timeout[] = [];
  const enders: (() => void)[] = [];
  const applied: { name: string; at: number }[] = [];
  return {
    start(): void {
      faults.forEach((fault, i) => {
        timers.push(
          setTimeout(
            () => {
              applied.push({ name: fault.name, at: Date.now() });
              const end = fault.begin();
              if (end === undefined) return;
              enders.push(end);
              timers.push(
                setTimeout(() => {
                  end();
                  enders.splice(enders.indexOf(end), 1);
                }, slotMs / 2),
              );
            },
            slotMs * (i + 0.5),
          ),
        );
      });
    },
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      for (const end of enders.splice(0)) end();
    },
    applied: () => applied,
  };
}
