import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A proxy that forwards nothing and records everything. Chromium is started with it as its
 * proxy, so every request the browser or the extension tries to send anywhere but loopback
 * (which Chromium never proxies) lands here, is refused and is counted.
 */
export interface NetworkGuard {
  proxyUrl: string;
  /** Each attempted destination, e.g. "CONNECT example.com:443" or "GET http://example.com/". */
  attempts: string[];
  close(): Promise<void>;
}

export async function startNetworkGuard(): Promise<NetworkGuard> {
  const attempts: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(403).end('blocked by the Attune test network guard');
  });
  server.on('connect', (req, socket: Socket) => {
    attempts.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    attempts,
    close: () =>
      new Promise((ok) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => ok());
      }),
  };
}
