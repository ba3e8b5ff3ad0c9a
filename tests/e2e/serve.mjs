// A tiny static file server for dist/ on 127.0.0.1, for the end-to-end tests.
// It serves .wasm with its MIME type (needed for streaming compilation) and can
// add response headers, e.g. a Content-Security-Policy for the CSP test.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

// `routes` maps a path to a function returning [content type, body], or a
// promise of them (a test holds a file back that way), for test pages.
// `gzip` compresses what the client accepts gzip for, as a CDN serves it (the
// benchmark's mobile profile).
export function serve(root, { headers = {}, port = 0, routes = {}, gzip = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      res.writeHead = (status, head) => writeHead(status, { ...head, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end = (body) => end(body === undefined ? body : zlib.gzipSync(body, { level: 9 }));
    }
    if (routes[url.pathname]) {
      Promise.resolve(routes[url.pathname]()).then(([type, body]) => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
      });
      return;
    }
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  })));
}

/** Routes for the built study page with `/<name>.json` in place of the bundled questions, at `/<name>.html`. */
export function studyPageWith(dist, name, json) {
  const studyPage = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return {
    [`/${name}.html`]: () => ['text/html', studyPage.replace(/data-quiz-src="?questions\.json"?/, `data-quiz-src="${name}.json"`)],
    [`/${name}.json`]: () => ['application/json', json],
  };
}

/** A course page as a teacher makes one (viewport, title, main, h1) with one `<quiz-widget heading-level="2">` holding `json` inline. */
export function coursePage(json, title) {
  return () => ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body><main><h1>${title}</h1>
<quiz-widget heading-level="2"><script type="application/json">${json}</script></quiz-widget></main></body></html>`];
}

/** A course page route with one `<quiz-widget>` holding `json` inline, loading the widget from `/quiz-widget.js`. */
export function inlineQuizPage(json, language = 'en') {
  return () => ['text/html', `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/quiz-widget.js"></script></head><body>
<quiz-widget><script type="application/json">${json}</script></quiz-widget></body></html>`];
}
