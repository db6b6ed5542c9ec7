// A small static server for dist/: directory indexes, the site's 404 page, and the security
// headers from public/_headers, so local runs and tests see what production sends.
//   npm run serve            (http://127.0.0.1:4321/)
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

/** Headers for every response, read from the `/*` block of _headers (Netlify/Cloudflare format). */
function siteHeaders(root: string): Record<string, string> {
  const file = join(root, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (match) headers[match[1]] = match[2].trim();
  }
  return headers;
}

export function serve(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const headers = siteHeaders(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(root))) path = join(root, '404.html');
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { ...headers, Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    const found = existsSync(path) && statSync(path).isFile();
    const file = found ? path : join(root, '404.html');
    res.writeHead(found ? 200 : 404, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '4321'] = process.argv.slice(2);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`${root}/index.html is missing: run npm run build first`);
    process.exit(1);
  }
  await serve(root, Number(port));
  console.log(`Serving ${root} on http://127.0.0.1:${port}/`);
}
