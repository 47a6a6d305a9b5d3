// The search as the browser runs it: the published site's index parts, the standalone
// motcua-search.wasm and the very client of templates/assets/search.js (fetching only the
// parts a query names). Same answers as `motcua search`; the relevance set's minimum; and
// what a cold first query downloads, gzip, as a phone would.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');

const repo = path.join(__dirname, '..', '..');
const cli = process.env.MOTCUA_CLI;
const wasmPath = process.env.MOTCUA_SEARCH_WASM;
const { Client, instantiate } = require(path.join(repo, 'templates', 'assets', 'search.js'));

let site;
function builtSite() {
  if (site) return site;
  assert.ok(cli, 'MOTCUA_CLI must point at the motcua command (run through ctest)');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-search-')), 'site');
  execFileSync(cli, ['build', '--content', path.join(repo, 'content'), '--wasm', path.dirname(wasmPath), '--out', out],
               { stdio: ['ignore', 'ignore', 'inherit'] });
  const head = fs.readFileSync(path.join(out, 'index.html'), 'utf8').match(/data-search-head="([^"]+)"/)[1];
  const wasm = fs.readFileSync(path.join(out, fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    .match(/data-search-wasm="([^"]+)"/)[1]));
  const script = fs.readFileSync(path.join(out, fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    .match(/<script src="(assets\/search\.[0-9a-f]+\.js)"/)[1]));
  site = { dir: out, head: head.replace(/^.*\//, ''), wasm, script };
  return site;
}

const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

// A client over the built site; `fetched` collects the parts it downloads.
async function client(s, fetched = [], offlineExcept = null) {
  const x = await instantiate(s.wasm);
  const c = new Client(x, async (name) => {
    if (offlineExcept && !offlineExcept.has(name)) throw new Error('offline');
    const bytes = fs.readFileSync(path.join(s.dir, 'search', name));
    fetched.push({ name, gzip: gzip(bytes) });
    return bytes.toString('utf8');
  });
  await c.load(s.head);
  assert.ok(!c.broken[s.head], 'the head loads');
  return c;
}

const set = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'search', 'queries.json'), 'utf8')).queries;
const minimum = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'search', 'minimum.json'), 'utf8')).top3;

test('the relevance set in WebAssembly meets the same minimum as natively', async () => {
  const s = builtSite();
  const c = await client(s);
  let hits = 0;
  const missed = [];
  for (const q of set) {
    const r = await c.query(q.q, { limit: 3 });
    assert.deepStrictEqual(r.missing, []);
    const ok = r.results.some((x) => q.expect.includes(x.code));
    hits += ok ? 1 : 0;
    if (!ok) missed.push(q.q);
  }
  console.log(`# wasm relevance: ${hits}/${set.length} in the top 3; missed: ${missed.join(' | ')}`);
  assert.ok(hits >= minimum, `${hits} < ${minimum}`);
});

test('the browser and the command line give the same answers', async () => {
  const s = builtSite();
  const c = await client(s);
  for (const q of ['khai sinh', 'chung thuc ban sao', 'CCCD', 'đăng ký thường trú', 'khai sinhh', 'sổ đỏ',
                   'giấy phép xây dựng nhà ở', 'lam ho chieu']) {
    const native = JSON.parse(execFileSync(cli, ['search', '--content', path.join(repo, 'content'), '--limit', '5', q],
                                           { encoding: 'utf8' }));
    const wasm = await c.query(q, { limit: 5 });
    assert.deepStrictEqual(wasm.results.map((r) => r.code), native.results.map((r) => r.code), q);
    assert.deepStrictEqual(wasm.results.map((r) => r.url), native.results.map((r) => r.url), q);
    for (let i = 0; i < wasm.results.length; i += 1) {
      assert.ok(Math.abs(wasm.results[i].score - native.results[i].score) < 0.002, q);
    }
  }
});

test('a cold first query downloads at most 50 KB gzip: engine, script and index parts', async () => {
  const s = builtSite();
  const fixed = gzip(s.wasm) + gzip(s.script);
  const sizes = [];
  const each = {};
  for (const q of set) {
    const fetched = [];
    const c = await client(s, fetched);
    const r = await c.query(q.q, { limit: 6 });  // as many as the box under the input shows
    assert.deepStrictEqual(r.missing, []);
    const total = fixed + fetched.reduce((a, f) => a + f.gzip, 0);  // the head among them
    sizes.push(total);
    each[q.q] = total;
  }
  sizes.sort((a, b) => a - b);
  const median = sizes[sizes.length >> 1];
  console.log(`# cold first query, gzip: engine+script ${fixed} B; total median ${median} B, ` +
              `p90 ${sizes[Math.floor(sizes.length * 0.9)]} B, max ${sizes[sizes.length - 1]} B`);
  // What the citizens typed first, and the typical query of the set.
  for (const q of ['khai sinh', 'chung thuc', 'CCCD', 'đăng ký thường trú', 'khai sinhh']) {
    const fetched = [];
    const c = await client(s, fetched);
    await c.query(q, { limit: 6 });
    const total = fixed + fetched.reduce((a, f) => a + f.gzip, 0);
    assert.ok(total <= 50 * 1024, `"${q}": ${total} B`);
  }
  assert.ok(median <= 50 * 1024, `median ${median} B`);
});

test('offline, search answers from the parts already kept and says what is missing', async () => {
  const s = builtSite();
  const fetched = [];
  const online = await client(s, fetched);
  const first = await online.query('khai sinh', { limit: 6 });
  assert.strictEqual(first.results[0].code, '1.001193');
  // The same device offline: only what was fetched is there (what the service worker kept).
  const kept = new Set([s.head, ...fetched.map((f) => f.name)]);
  const offline = await client(s, [], kept);
  const again = await offline.query('khai sinh', { limit: 6 });
  assert.strictEqual(again.incomplete, false);
  assert.deepStrictEqual(again.results.map((r) => r.code), first.results.map((r) => r.code));
  const other = await offline.query('giấy phép xây dựng', { limit: 6 });
  assert.strictEqual(other.incomplete, true);
  assert.ok(other.unavailable.length > 0);
  assert.deepStrictEqual(other.missing, []);
});
