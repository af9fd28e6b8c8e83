import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

// A static host for a built site, as the deploy targets serve it (folders from index.html, 404.html for
// unknown paths), that a test can stop outright: the offline test's way to make the origin unreachable.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** "http://127.0.0.1:PORT" */
  readonly origin: string;
  /** Stops the server and drops every open connection: from then on the origin cannot be reached. */
  close(): Promise<void>;
}

async function fileAt(root: string, pathname: string): Promise<string | undefined> {
  const path = normalize(
    join(root, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : ''),
  );
  if (!path.startsWith(root + sep)) return undefined;
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() ? path : undefined;
}

/** Serves `root` on 127.0.0.1 at a port the system picks. */
export async function serveDirectory(root: string): Promise<StaticSite> {
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://site.invalid');
    const file = await fileAt(root, pathname);
    const served = file ?? join(root, '404.html');
    response.writeHead(file ? 200 : 404, {
      'Content-Type': TYPES[extname(served)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(await readFile(served));
  };
  // A file that cannot be read is a 500, never an unhandled rejection that ends the test run.
  const server = createServer((request, response) => {
    answer(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
