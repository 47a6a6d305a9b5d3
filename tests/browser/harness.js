// Shared by the browser tests: build the site, serve it under a sub-path from a tiny
// static server, and drive Debian's Chromium with playwright-core (never a downloaded
// browser).
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const repo = path.join(__dirname, '..', '..');
const SUBPATH = '/tinh/thu-tuc-hanh-chinh/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

// Builds the shipped content into <dir>/site (a new temporary dir unless `dir` is given, so a
// second build can replace a served site the way a deploy does). `templates`, `wasm` and
// `content` stand in for a changed build.
function buildSite({ dir, templates, wasm, content } = {}) {
  const cli = process.env.MOTCUA_CLI;
  if (!cli) throw new Error('MOTCUA_CLI must point at the motcua command (run through ctest)');
  dir = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-browser-'));
  const args = ['build', '--content', content || path.join(repo, 'content'), '--out', path.join(dir, 'site'),
    '--base-url', 'http://127.0.0.1' + SUBPATH];
  if (templates) args.push('--templates', templates);
  wasm = wasm || process.env.MOTCUA_WASM_DIR;
  if (wasm) args.push('--wasm', wasm);
  execFileSync(cli, args, { stdio: 'pipe' });
  return dir;
}

// Serves `root` at SUBPATH like a plain static host: index.html for folders, 404.html otherwise.
// `requests` lists the absolute URLs asked, in order (what reached the network).
// `seen(url)` is told of each request as it arrives; `hold(url)` gives the milliseconds to
// wait before answering it (a slow image, say), 0 for none.
function serve(root, { seen = () => {}, hold = () => 0 } = {}) {
  const requests = [];
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(new URL(req.url, base).href);
    seen(req.url);
    const ms = hold(req.url);
    if (ms > 0) { setTimeout(() => answer(req, res), ms); return; }
    answer(req, res);
  });
  function answer(req, res) {
    let url = decodeURIComponent(req.url.split('?')[0]);
    if (!url.startsWith(SUBPATH)) { res.writeHead(404); res.end(); return; }
    let file = path.join(root, url.slice(SUBPATH.length));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      res.end(fs.readFileSync(path.join(root, '404.html')));
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  }
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return new Promise((resolve) => {
    // A test that fails before closing its server must not keep the test process alive
    // (node --test would wait for it forever instead of reporting the failure).
    server.unref();
    server.listen(0, '127.0.0.1', () => {
      base = 'http://127.0.0.1:' + server.address().port + SUBPATH;
      resolve({
        base,
        requests,
        // Stops answering at once, like a phone losing its signal.
        close: () => new Promise((done) => { sockets.forEach((s) => s.destroy()); server.close(() => done()); }),
      });
    });
  });
}

async function launch() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

// Collects console errors and uncaught exceptions of a page.
function watchErrors(page) {
  const errors = [];
  // A failed load names its address, so a failure says which file was missing.
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location() && m.location().url;
    errors.push(/^Failed to load resource/.test(m.text()) && where ? m.text() + ' ' + where : m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

// Polls `fn(arg)` in the page until it returns something truthy. Unlike page.waitForFunction
// (which takes a returned promise for a truthy value), this awaits async checks such as
// those reading the Cache API or IndexedDB.
async function until(page, fn, arg, { timeout = 15000, interval = 100, message } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch(() => undefined);  // a reload in between
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting until ' + (message || String(fn)));
    await new Promise((r) => setTimeout(r, interval));
  }
}

// Waits until the service worker controls the page and has kept the page itself and the
// data its tools read (core.js asks the worker to keep them all; each is fetched on its own,
// so the page may be kept before its data).
async function waitUntilKept(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
    null, { timeout: 15000 });
  const missing = async () => {
    const urls = [location.href.split('#')[0]];
    document.querySelectorAll('[data-config]').forEach((t) => {
      const c = JSON.parse(t.getAttribute('data-config'));
      ['calendar', 'data'].forEach((k) => { if (c[k]) urls.push(new URL(c[k], location.href).href); });
    });
    const kept = await Promise.all(urls.map((u) => caches.match(u, { ignoreSearch: u !== urls[0] })));
    return urls.filter((u, i) => !kept[i]);
  };
  try {
    await until(page, async (f) => (await eval(f)()).length === 0, missing.toString());
  } catch (e) {
    const left = await page.evaluate(async (f) => eval(f)(), missing.toString()).catch((x) => [String(x)]);
    throw new Error('the page and its data are not kept for offline use: ' + left.join(' '));
  }
}

// Each browser test file: the site built once, served under SUBPATH, and Chromium, all
// closed after the file's tests. A test that cuts the signal (site.server.close()) serves
// the site again with site.reopen().
function useSite(test) {
  const site = { dir: null, server: null, browser: null };
  site.root = () => path.join(site.dir, 'site');
  site.reopen = async () => { site.server = await serve(site.root()); };
  test.before(async () => {
    site.dir = buildSite();
    await site.reopen();
    site.browser = await launch();
  });
  test.after(async () => {
    if (site.browser) await site.browser.close();
    if (site.server) await site.server.close().catch(() => {});
    if (site.dir) fs.rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}

module.exports = { buildSite, serve, launch, useSite, watchErrors, waitUntilKept, until, SUBPATH, repo };
