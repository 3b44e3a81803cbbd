/**
 * The opt-in Prometheus endpoint (`observability.prometheus.enabled`, off by default): GET
 * /metrics on 127.0.0.1 only, behind the loopback guard, so a trader running Grafana locally can
 * scrape it and nothing else on the network — nor a web page in the browser — can.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import { loopbackRefusal } from '../loopback-guard.ts';
import type { PrometheusExposition } from './prometheus.ts';

/** The running endpoint. */
export interface PrometheusServer {
  /** `http://127.0.0.1:<port>/metrics` */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(`${text}\n`);
}

function serve(exposition: PrometheusExposition, port: () => number, logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const refusal = loopbackRefusal(request, port());
    if (refusal !== undefined) {
      logger.warn('metrics-request-refused', { reason: refusal.reason, host: request.headers.host });
      answer(response, refusal.status, refusal.reason);
      return;
    }
    if (request.url !== '/metrics') {
      answer(response, 404, 'only /metrics is served here');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      answer(response, 405, 'only GET');
      return;
    }
    exposition.text().then(
      (text) => {
        response.writeHead(200, { 'Content-Type': exposition.contentType, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        logger.error('metrics-exposition-failed', { error });
        answer(response, 500, 'metrics could not be collected');
      },
    );
  };
}

/** Listens on 127.0.0.1:`port` (0 = any free port). Rejects when the port is taken. */
export async function startPrometheusServer(
  exposition: PrometheusExposition,
  options: { readonly port: number; readonly logger: Logger },
): Promise<PrometheusServer> {
  let bound = 0;
  const server = createServer(serve(exposition, () => bound, options.logger));
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  bound = (server.address() as AddressInfo).port;
  options.logger.info('metrics-endpoint-listening', { url: `http://127.0.0.1:${bound}/metrics` });
  return {
    url: `http://127.0.0.1:${bound}/metrics`,
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
