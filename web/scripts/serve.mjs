// Serves the built app (web/dist) on loopback: what scripts/dev-node.sh runs beside the dev
// chain, and what the browser tests load.
//
//   node web/scripts/serve.mjs [port]      # default 8080; prints the address
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Serves `dir` on 127.0.0.1:`port` (0: any free port); resolves to the server and its URL. */
export async function serveStatic(dir, port = 0, host = '127.0.0.1') {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
    let file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) return response.writeHead(403).end();
    // A single-page app: anything that is not a file is the page.
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, url: `http://${host}:${server.address().port}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error('web/dist is missing: run `npm run build` in web/ first');
    process.exit(1);
  }
  const port = Number.parseInt(process.argv[2] ?? '8080', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`not a port: ${process.argv[2]}`);
    process.exit(2);
  }
  try {
    const { url } = await serveStatic(dist, port);
    console.log(`web app: ${url}`);
  } catch (error) {
    console.error(`cannot serve on port ${port}: ${error.message}`);
    process.exit(1);
  }
}
