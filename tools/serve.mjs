#!/usr/bin/env node
/**
 * Serves basira's page (build/wasm/site) on 127.0.0.1 only, with the headers the page relies on:
 * a Content-Security-Policy that allows nothing but this origin (plus compiling our own wasm),
 * the right MIME types, and no caching surprises.
 *
 *   node tools/serve.mjs [--root DIR] [--port N]     (port 0 picks a free one)
 */
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts the server. Resolves to {server, url} once it listens.
 * @param {{root: string, port?: number, host?: string}} options
 */
export function startServer({root, port = 8080, host = '127.0.0.1'}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error(), {code: 'ENOENT'});
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream'});
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const notFound = e.code === 'ENOENT' || e.code === 'EISDIR' || e instanceof URIError;
      res.writeHead(notFound ? 404 : 500, {...headers, 'Content-Type': 'text/plain; charset=utf-8'});
      res.end(notFound ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const {port: actual} = server.address();
      resolvePromise({server, url: `http://${host}:${actual}/`});
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = opt('--root', join(here, '..', 'build', 'wasm', 'site'));
  const port = Number(opt('--port', process.env.PORT || 8080));
  startServer({root, port}).then(({url}) => {
    console.log(`basira is served at ${url} (from ${root}); Ctrl-C stops it`);
  }, (e) => {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
}
