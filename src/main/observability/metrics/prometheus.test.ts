// The Prometheus endpoint serves valid text exposition on 127.0.0.1 only, and refuses any Host
// but its own and any request a web page made (an Origin header): DNS-rebinding and browser defence.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { createPrometheusExposition } from './prometheus.ts';
import { startPrometheusServer, type PrometheusServer } from './prometheus-server.ts';
import { createMetricsRegistry } from './registry.ts';

function get(
  port: number,
  headers: Record<string, string>,
  path = '/metrics',
  method = 'GET',
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Prometheus endpoint', () => {
  let server: PrometheusServer;
  beforeAll(async () => {
    const metrics = createMetricsRegistry({ windowMs: 60_000, histogramCapacity: 64, now: () => Date.now() });
    for (const ms of [3, 5, 8, 13, 21])
      metrics.histogram('rest_request_ms', { route: 'POST /api/v1/orders' }).observe(ms);
    metrics.counter('alert_deliveries_total', { channel: 'telegram', outcome: 'sent' }).inc(2);
    metrics.setGauge('position_unprotected_seconds', { symbol: 'XBTUSDTM' }, 0);
    server = await startPrometheusServer(createPrometheusExposition(metrics, { processMetrics: true }), {
      port: 0,
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves text exposition with HELP, TYPE and the series', async () => {
    const answer = await get(server.port, { Host: `127.0.0.1:${server.port}` });
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toContain('# TYPE bulwark_alert_deliveries_total counter');
    expect(answer.body).toContain('bulwark_alert_deliveries_total{channel="telegram",outcome="sent"} 2');
    expect(answer.body).toContain('bulwark_rest_request_ms{route="POST /api/v1/orders",quantile="0.5"} 8');
    expect(answer.body).toContain('bulwark_rest_request_ms{route="POST /api/v1/orders",quantile="0.99"} 21');
    expect(answer.body).toContain('bulwark_rest_request_ms_window_count{route="POST /api/v1/orders"} 5');
    expect(answer.body).toContain('bulwark_position_unprotected_seconds{symbol="XBTUSDTM"} 0');
    expect(answer.body).toContain('bulwark_process_cpu_seconds_total');
    // Every line is a comment or `name{labels} value`: what a scraper parses (Go's ParseFloat reads NaN in any case).
    for (const line of answer.body
      .trim()
      .split('\n')
      .filter((text) => text !== ''))
      expect(line).toMatch(/^(#.*|[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? (-?[0-9.e+-]+|nan|[+-]inf))$/i);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/metrics`);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example:9464' }, 421],
    ['localhost instead of 127.0.0.1', { Host: 'localhost' }, 421],
    // HTTP/1.1 requires a Host: Node's server refuses the request before our guard sees it.
    ['no Host at all', {}, 400],
  ])('refuses %s', async (_label, headers, status) => {
    const answer = await get(server.port, headers);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain('bulwark_');
  });

  it('refuses a request from a web page (Origin header), even with the right Host', async () => {
    const answer = await get(server.port, {
      Host: `127.0.0.1:${server.port}`,
      Origin: 'https://evil.example',
    });
    expect(answer).toMatchObject({ status: 403 });
    expect(answer.body).not.toContain('bulwark_');
  });

  it('serves /metrics only, by GET', async () => {
    expect((await get(server.port, { Host: `127.0.0.1:${server.port}` }, '/')).status).toBe(404);
    expect((await get(server.port, { Host: `127.0.0.1:${server.port}` }, '/metrics', 'POST')).status).toBe(
      405,
    );
  });
});
