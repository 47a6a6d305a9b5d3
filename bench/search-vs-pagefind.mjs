// Queries the same catalog through Pagefind and through motcua's search in Debian's Chromium
// and natively, and prints one side-by-side table (measurements only, nothing passes or fails).
// Run by bench/search-vs-pagefind.sh, which installs Pagefind, builds both sites and measures
// the builds; see bench/README.md.
//
// node bench/search-vs-pagefind.mjs --pagefind-site DIR --motcua-site DIR --queries FILE
//   [--pagefind-time FILE] [--motcua-time FILE] [--search-time FILE] [--motcua CLI]
//   [--content DIR] [--json FILE] [--repeat N]
//
// Time files are GNU `time -v` outputs: --pagefind-time of `pagefind --site`, --motcua-time of
// `motcua build` (the whole site with its search index), --search-time of one `motcua search`
// (load the content, build the index in memory, answer one query).
//
// Bytes: the servers here send bodies uncompressed, and each response counts as the gzip -9
// size of its body, or its raw size when gzip makes it no smaller (Pagefind's index and
// fragment files are already gzip-compressed): what a static host that compresses by
// content type would transfer, without HTTP headers.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { repeat: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    opts[key] = argv[i + 1];
  }
  for (const need of ['pagefindSite', 'motcuaSite', 'queries']) {
    if (!opts[need]) throw new Error(`--${need.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} is required`);
  }
  opts.repeat = Number(opts.repeat);
  return opts;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.xml': 'application/xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

// A plain static server of `root` at "/": index.html for folders, no compression. Every request
// is logged with the bytes it counts for (see the header comment).
function serve(root) {
  const gzCache = new Map();
  const log = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    let file = path.join(root, url);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      log.push({ url, status: 404, raw: 0, bytes: 0 });
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end();
      return;
    }
    const body = fs.readFileSync(file);
    if (!gzCache.has(file)) gzCache.set(file, Math.min(body.length, zlib.gzipSync(body, { level: 9 }).length));
    log.push({ url, status: 200, raw: body.length, bytes: gzCache.get(file) });
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'public, max-age=600',
    });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ base: `http://127.0.0.1:${server.address().port}/`, log, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// The two engines, each as: how to get ready in a loaded page, and one query → top-3 codes.
const ENGINES = {
  pagefind: {
    label: 'Pagefind',
    async ready(page) {
      return page.evaluate(async () => {
        window.__pf = await import('/pagefind/pagefind.js');
        await window.__pf.init();
        return true;
      });
    },
    // Time to a displayable top 3: search() and the fragments (title, URL) of its first three.
    query: (page, q) => page.evaluate(async (q) => {
      const t0 = performance.now();
      const r = await window.__pf.search(q);
      const top = await Promise.all(r.results.slice(0, 3).map((x) => x.data()));
      const ms = performance.now() - t0;
      const codes = top.map((d) => (d.url.match(/thu-tuc\/([^/]+)\//) || [null, d.url])[1]);
      return { codes, ms, incomplete: false };
    }, q),
  },
  motcua: {
    label: 'motcua',
    async ready(page) {
      // search.js may load after the page; give it a few seconds before calling it absent.
      try {
        await page.waitForFunction(() => window.motcuaSearch && typeof window.motcuaSearch.query === 'function',
          null, { timeout: 5000 });
        return true;
      } catch {
        return false;
      }
    },
    query: (page, q) => page.evaluate(async (q) => {
      const t0 = performance.now();
      const r = await window.motcuaSearch.query(q, { limit: 3 });
      const ms = performance.now() - t0;
      return { codes: r.results.slice(0, 3).map((x) => x.code), ms, incomplete: Boolean(r.incomplete) };
    }, q),
  },
};

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const isHit = (codes, expect) => codes.slice(0, 3).some((c) => expect.includes(c));

function hitSummary(rows, queries) {
  const byKind = {};
  let hits = 0;
  queries.forEach((q, i) => {
    const k = q.kind || 'other';
    byKind[k] = byKind[k] || { hits: 0, total: 0 };
    byKind[k].total++;
    if (rows[i] && isHit(rows[i], q.expect)) { byKind[k].hits++; hits++; }
  });
  return { hits, total: queries.length, byKind };
}

// One query in a fresh context (cold HTTP cache, no service worker): the bytes of every request
// made after the page's load event, plus any made during the load for a URL naming "search"
// or "pagefind" (a search script or index the page pulls in up front belongs to search's cost:
// ours is assets/search.<hash>.js, loaded by every page with `defer`, so before the load event).
async function coldQuery(browser, engine, server, q) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const start = server.log.length;
  await page.goto(server.base + 'index.html', { waitUntil: 'load' });
  const afterLoad = server.log.length;
  // The page's icon, which the browser fetches by itself after the load event.
  const icons = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"]')]
    .map((l) => decodeURIComponent(new URL(l.href).pathname)));
  const ok = await engine.ready(page);
  let result = null;
  if (ok) {
    result = await engine.query(page, q);
    await page.waitForTimeout(300);  // anything the query set off that finishes after it resolves
  }
  const during = server.log.slice(start, afterLoad).filter((r) => /search|pagefind/i.test(r.url));
  // The favicon a browser asks for by itself is not search's doing.
  const after = server.log.slice(afterLoad).filter((r) => r.url !== '/favicon.ico' && !icons.includes(r.url));
  await context.close();
  if (!ok) return null;
  const requests = [...during, ...after];
  return { ...result, bytes: requests.reduce((s, r) => s + r.bytes, 0), requests };
}

async function browserRun(browser, engine, server, queries, repeat) {
  // Cold: every query in its own fresh context.
  const cold = [];
  for (const { q } of queries) {
    const r = await coldQuery(browser, engine, server, q);
    if (!r) return { available: false };
    cold.push(r);
  }
  // Warm: one context; one query first, then the whole set (each query's first run, which may
  // still fetch index parts), then the set again `repeat` times (everything in memory).
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.base + 'index.html', { waitUntil: 'load' });
  await engine.ready(page);
  await engine.query(page, queries[0].q);
  const codes = [];
  const firstMs = [];
  let incomplete = 0;
  for (const { q } of queries) {
    const r = await engine.query(page, q);
    codes.push(r.codes);
    firstMs.push(r.ms);
    if (r.incomplete) incomplete++;
  }
  const repeatMs = [];
  for (let i = 0; i < repeat; i++) {
    for (const { q } of queries) repeatMs.push((await engine.query(page, q)).ms);
  }
  await context.close();
  const coldBytes = cold.map((r) => r.bytes);
  return {
    available: true,
    codes,
    incomplete,
    firstQuery: { q: queries[0].q, bytes: cold[0].bytes, requests: cold[0].requests },
    coldBytes: { median: median(coldBytes), max: Math.max(...coldBytes), maxQuery: queries[coldBytes.indexOf(Math.max(...coldBytes))].q },
    latency: {
      first: { median: median(firstMs), p95: pct(firstMs, 95), max: Math.max(...firstMs) },
      repeat: { median: median(repeatMs), p95: pct(repeatMs, 95), max: Math.max(...repeatMs) },
    },
  };
}

// `motcua search --content DIR --limit 3 QUERY`, one process per query.
function nativeRun(cli, content, queries) {
  if (!cli || !fs.existsSync(cli)) return { available: false, why: 'no motcua binary' };
  const help = spawnSync(cli, ['--help'], { encoding: 'utf8' }).stdout || '';
  if (!/^\s+search\s/m.test(help)) return { available: false, why: 'no `motcua search` command (not in motcua --help)' };
  const codes = [];
  const ms = [];
  const errors = [];
  for (const { q } of queries) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cli, ['search', '--content', content, '--limit', '3', q], { encoding: 'utf8', maxBuffer: 1 << 26 });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) {
      // Counted as a miss and reported, so one failing query does not hide the others.
      errors.push(`${JSON.stringify(q)} ${r.signal ? 'was killed by ' + r.signal : 'exited ' + r.status} ${(r.stderr || '').trim()}`);
      codes.push([]);
      continue;
    }
    codes.push(JSON.parse(r.stdout).results.slice(0, 3).map((x) => x.code));
  }
  if (errors.length === queries.length) return { available: false, why: `every query failed, e.g. ${errors[0]}` };
  return { available: true, codes, errors, processMs: { median: median(ms), max: Math.max(...ms) } };
}

// GNU time -v output: wall seconds, CPU seconds (user + system) and peak resident set size in KB.
function readTime(file) {
  if (!file || !fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const wall = text.match(/Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/);
  const rss = text.match(/Maximum resident set size \(kbytes\): (\d+)/);
  const user = text.match(/User time \(seconds\): ([\d.]+)/);
  const sys = text.match(/System time \(seconds\): ([\d.]+)/);
  if (!wall || !rss || !user || !sys) return null;
  const seconds = Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, cpuSeconds: Number(user[1]) + Number(sys[1]), maxRssKb: Number(rss[1]) };
}

function dirBytes(dir) {
  let raw = 0, gz = 0, files = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const d = dirBytes(p); raw += d.raw; gz += d.gz; files += d.files; continue; }
    const b = fs.readFileSync(p);
    raw += b.length; gz += Math.min(b.length, zlib.gzipSync(b, { level: 9 }).length); files++;
  }
  return { raw, gz, files };
}

const kb = (b) => (b == null ? 'n/a' : (b / 1000).toFixed(1) + ' KB');
const ms = (x) => (x == null ? 'n/a' : x < 10 ? x.toFixed(2) + ' ms' : x.toFixed(0) + ' ms');
const rate = (s) => (s ? `${s.hits}/${s.total} (${Math.round((100 * s.hits) / s.total)}%)` : 'n/a');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const queries = JSON.parse(fs.readFileSync(opts.queries, 'utf8')).queries;
  if (!Array.isArray(queries) || !queries.length) throw new Error(`${opts.queries}: /queries must be a non-empty array`);
  const require = createRequire(path.join(repo, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const sites = { pagefind: path.resolve(opts.pagefindSite), motcua: path.resolve(opts.motcuaSite) };
  const out = { date: new Date().toISOString(), queries: opts.queries, count: queries.length, engines: {} };
  try {
    for (const name of ['pagefind', 'motcua']) {
      const server = await serve(sites[name]);
      try {
        out.engines[name] = await browserRun(browser, ENGINES[name], server, queries, opts.repeat);
      } finally {
        await server.close();
      }
    }
    out.chromium = browser.version();
  } finally {
    await browser.close();
  }
  for (const name of ['pagefind', 'motcua']) {
    const e = out.engines[name];
    if (e.available) e.hits = hitSummary(e.codes, queries);
  }
  out.native = nativeRun(opts.motcua, opts.content || path.join(repo, 'content'), queries);
  if (out.native.available) out.native.hits = hitSummary(out.native.codes, queries);
  out.build = { pagefind: readTime(opts.pagefindTime), motcua: readTime(opts.motcuaTime), search: readTime(opts.searchTime) };
  out.pagefindIndex = dirBytes(path.join(sites.pagefind, 'pagefind'));
  // Ours: the index parts (search/) and the search module and script (assets/*search*).
  const searchDir = path.join(sites.motcua, 'search');
  out.motcuaIndex = fs.existsSync(searchDir) ? dirBytes(searchDir) : null;
  const assets = path.join(sites.motcua, 'assets');
  out.motcuaSearchAssets = fs.existsSync(assets)
    ? fs.readdirSync(assets).filter((f) => /search/.test(f)).map((f) => {
      const b = fs.readFileSync(path.join(assets, f));
      return { file: 'assets/' + f, raw: b.length, gz: Math.min(b.length, zlib.gzipSync(b, { level: 9 }).length) };
    })
    : [];

  // The table.
  const pf = out.engines.pagefind, mc = out.engines.motcua, nat = out.native;
  const kinds = [...new Set(queries.map((q) => q.kind || 'other'))];
  const rows = [
    ['', 'Pagefind (Chromium)', 'motcua (Chromium)', 'motcua (native CLI)'],
    [`hits in top 3, ${queries.length} queries`, rate(pf.hits), rate(mc.hits), rate(nat.hits)],
    ...kinds.map((k) => [`  ${k}`, rate(pf.hits && { ...pf.hits.byKind[k] }), rate(mc.hits && { ...mc.hits.byKind[k] }),
      rate(nat.hits && { ...nat.hits.byKind[k] })]),
    [`first query bytes ("${queries[0].q}")`, kb(pf.firstQuery?.bytes), kb(mc.firstQuery?.bytes), '—'],
    ['cold query bytes, median', kb(pf.coldBytes?.median), kb(mc.coldBytes?.median), '—'],
    ['cold query bytes, max', kb(pf.coldBytes?.max), kb(mc.coldBytes?.max), '—'],
    ['latency, first run, median', ms(pf.latency?.first.median), ms(mc.latency?.first.median), '—'],
    ['latency, first run, p95', ms(pf.latency?.first.p95), ms(mc.latency?.first.p95), '—'],
    ['latency, repeated, median', ms(pf.latency?.repeat.median), ms(mc.latency?.repeat.median), '—'],
    ['latency, repeated, p95', ms(pf.latency?.repeat.p95), ms(mc.latency?.repeat.p95), '—'],
    ['results marked incomplete', pf.available ? String(pf.incomplete) : 'n/a', mc.available ? String(mc.incomplete) : 'n/a', '—'],
    ['build wall time', out.build.pagefind ? out.build.pagefind.seconds.toFixed(2) + ' s' : 'n/a',
      out.build.motcua ? out.build.motcua.seconds.toFixed(2) + ' s (whole site)' : 'n/a', '—'],
    ['build CPU time (user + system)', out.build.pagefind ? out.build.pagefind.cpuSeconds.toFixed(2) + ' s' : 'n/a',
      out.build.motcua ? out.build.motcua.cpuSeconds.toFixed(2) + ' s (whole site)' : 'n/a', '—'],
    ['build peak memory (max RSS)', out.build.pagefind ? (out.build.pagefind.maxRssKb / 1024).toFixed(0) + ' MiB' : 'n/a',
      out.build.motcua ? (out.build.motcua.maxRssKb / 1024).toFixed(0) + ' MiB (whole site)' : 'n/a',
      out.build.search ? (out.build.search.maxRssKb / 1024).toFixed(0) + ' MiB (index in memory)' : 'n/a'],
    ['load + index + 1 query, wall / CPU', '—', '—',
      out.build.search ? `${out.build.search.seconds.toFixed(2)} s / ${out.build.search.cpuSeconds.toFixed(2)} s` : 'n/a'],
    ['index files (count, gzip -9 as counted)', `${out.pagefindIndex.files}, ${kb(out.pagefindIndex.gz)}`,
      out.motcuaIndex ? `${out.motcuaIndex.files}, ${kb(out.motcuaIndex.gz)}` : 'n/a', '—'],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  console.log(`\nSearch vs Pagefind: ${queries.length} queries from ${opts.queries}, ${out.chromium ? 'Chromium ' + out.chromium : ''}`);
  for (const r of rows) console.log(r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd());
  if (!mc.available) console.log('motcua (Chromium): n/a — the page has no window.motcuaSearch.query (is data-search-wasm on <body>? build the motcua-search_wasm target)');
  if (!nat.available) console.log(`motcua (native CLI): n/a — ${nat.why}`);
  console.log(`Pagefind's index folder: ${out.pagefindIndex.files} files, ${kb(out.pagefindIndex.raw)} (${kb(out.pagefindIndex.gz)} counted as above)`);
  if (out.motcuaIndex) console.log(`motcua's index folder (search/): ${out.motcuaIndex.files} files, ${kb(out.motcuaIndex.raw)} (${kb(out.motcuaIndex.gz)} counted as above)`);
  for (const a of out.motcuaSearchAssets) console.log(`  ${a.file}: ${kb(a.raw)} (${kb(a.gz)} gzip -9)`);
  console.log(`native CLI process time per query (loads the content each time): ${nat.available ? ms(nat.processMs.median) + ' median' : 'n/a'}`);
  for (const name of ['pagefind', 'motcua']) {
    const e = out.engines[name];
    if (!e.available) continue;
    console.log(`\n${ENGINES[name].label}, first query "${e.firstQuery.q}": ${e.firstQuery.requests.length} requests`);
    for (const r of e.firstQuery.requests) console.log(`  ${String(r.bytes).padStart(8)}  ${r.url}`);
    console.log(`  misses: ${queries.filter((q, i) => !isHit(e.codes[i], q.expect)).map((q) => JSON.stringify(q.q)).join(', ') || 'none'}`);
  }
  if (nat.available && nat.errors.length) {
    console.log(`\nmotcua search failed on ${nat.errors.length} queries (counted as misses):`);
    for (const e of nat.errors) console.log('  ' + e);
  }
  if (nat.available) {
    console.log(`\nmotcua native misses: ${queries.filter((q, i) => !isHit(nat.codes[i], q.expect)).map((q) => JSON.stringify(q.q)).join(', ') || 'none'}`);
  }
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(out, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
