import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * Serves the demo visit on 127.0.0.1: the page at /attune-demo/ and its recorded patient
 * audio at /attune-demo/audio/. Only those two folders, nothing else from the disk. The same
 * page is also served at /elsewhere/, an address outside Attune's catalog of call sites, to
 * stand for any other telehealth site.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const mountsFor = (audioDir: string): Array<[prefix: string, dir: string]> => [
  ['/attune-demo/audio/', audioDir],
  ['/attune-demo/', join(ROOT, 'demo/page')],
  ['/elsewhere/', join(ROOT, 'demo/page')],
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wav': 'audio/wav',
};

export interface DemoServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** Serve the visit's audio (patient.wav, truth.json) from here instead of demo/audio (e.g. a longer visit). */
  audioDir?: string;
}

export async function startDemoServer(port = 0, options: DemoServerOptions = {}): Promise<DemoServer> {
  const requests: string[] = [];
  const mounts = mountsFor(resolve(options.audioDir ?? join(ROOT, 'demo/audio')));
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    const [prefix, dir] = mount;
    const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/attune-demo/`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
