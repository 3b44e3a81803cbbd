// Serves the built renderer (out/renderer) on loopback with exactly the headers app:// sends,
// using the shell's own serveAppRequest, so the e2e page runs under the production CSP.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveAppRequest } from '../../src/main/app/serve.ts';

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts the static server on an ephemeral loopback port. */
export async function serveBuiltRenderer(
  rendererDir = join(process.cwd(), 'out', 'renderer'),
): Promise<RendererServer> {
  const server: Server = createServer((req, res) => {
    void serveAppRequest(
      new Request(`app://bulwark${req.url ?? '/'}`, { method: req.method ?? 'GET' }),
      rendererDir,
    ).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
