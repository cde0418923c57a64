/**
 * Serves the built pages (dist/web) on this machine only, for `npm run demo` and the browser tests.
 * Nothing is fetched from elsewhere: the standalone page opens the sample workbook from this origin.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const DEMO_PATH = '/standalone.html?sample=sample-workbook.xlsx&config=sample-config.json';

export function startServer(dir: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path === '/' ? 'standalone.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      ok({ server, url: `http://${host}:${actual}` });
    });
  });
}

async function main(): Promise<void> {
  const dir = resolve(__dirname, '..', 'dist', 'web');
  if (!existsSync(join(dir, 'standalone.html'))) {
    console.error('dist/web/standalone.html is missing: run npm run build:web first');
    process.exit(2);
  }
  const wanted = Number(process.env.PORT ?? 3000);
  const { url } = await startServer(dir, wanted).catch(() => startServer(dir, 0));
  console.log(`Housing Ledger demo: the standalone page with the sample workbook loaded is at\n  ${url}${DEMO_PATH}\nPress Ctrl+C to stop.`);
}

if (require.main === module) void main();
