// The service worker's retention rule, run on the generated sw.js in Node with an in-memory
// Cache API (no browser, so no timing): when a version takes over, the data kept for its own
// cores stays even if no kept page refers to it yet (the first visit keeps the page and its
// data in parallel), and data kept for a core that neither this version nor a kept page uses goes.
// Also what the worker answers a page that asks to be kept.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { buildSite } = require('./harness');

const SCOPE = 'https://xa.example/thu-tuc-hanh-chinh/';

function fakeCaches() {
  const stores = new Map();
  const key = (r) => (typeof r === 'string' ? r : r.url);
  const strip = (u) => u.split('?')[0];
  function open(name) {
    if (!stores.has(name)) stores.set(name, new Map());
    const m = stores.get(name);
    return Promise.resolve({
      keys: () => Promise.resolve([...m.keys()].map((url) => ({ url }))),
      match: (r, o) => Promise.resolve(o && o.ignoreSearch
        ? [...m.entries()].find(([u]) => strip(u) === strip(key(r)))?.[1] : m.get(key(r))),
      put: (r, v) => { m.set(key(r), v); return Promise.resolve(); },
      delete: (r) => Promise.resolve(m.delete(key(r))),
    });
  }
  return {
    stores,
    open,
    keys: () => Promise.resolve([...stores.keys()]),
    delete: (name) => Promise.resolve(stores.delete(name)),
    match: async (r, o) => {
      for (const name of stores.keys()) {
        const hit = await (await open(name)).match(r, o);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

function html(body) {
  return { headers: { get: () => 'text/html; charset=utf-8' }, text: () => Promise.resolve(body), clone() { return this; } };
}
const json = { headers: { get: () => 'application/json' }, text: () => Promise.resolve('{}') };

// Loads sw.js as the active worker of SCOPE; returns its listeners and caches.
function loadWorker(source, fetch = () => Promise.reject(new Error('offline'))) {
  const listeners = {};
  const worker = {};
  const registration = { scope: SCOPE, installing: null, waiting: null, active: worker };
  const caches = fakeCaches();
  const self = {
    registration,
    serviceWorker: worker,
    location: new URL(SCOPE + 'sw.js'),
    addEventListener: (type, fn) => { listeners[type] = fn; },
    clients: { claim: () => Promise.resolve() },
    skipWaiting: () => Promise.resolve(),
  };
  vm.runInNewContext(source, { self, caches, URL, Promise, Response: class {}, Request: class {}, fetch, setTimeout });
  return { listeners, caches };
}

async function activate(worker) {
  let done;
  worker.listeners.activate({ waitUntil: (p) => { done = p; } });
  await done;
}

let dir = null;
let source = null;
test.before(() => {
  dir = buildSite();
  source = fs.readFileSync(path.join(dir, 'site', 'sw.js'), 'utf8');
});
test.after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

test('taking over keeps the data of this version\'s cores and drops data no core uses', async () => {
  const precache = JSON.parse(/var PRECACHE = (\[[^\]]*\]);/.exec(source)[1]);
  const core = precache.map((p) => /^assets\/motcua\.([0-9a-f]+)\.wasm$/.exec(p)).find(Boolean)[1];
  const forms = precache.map((p) => /^assets\/motcua-forms\.([0-9a-f]+)\.wasm$/.exec(p)).find(Boolean)[1];

  const worker = loadWorker(source);
  const pages = await worker.caches.open('motcua-pages');
  // The first visit: the data of a page is kept, the page itself not yet.
  const mine = SCOPE + 'thu-tuc/1.001193/du-lieu.json?core=' + core;
  const form = SCOPE + 'bieu-mau/to-khai/du-lieu.json?core=' + forms;
  const stale = SCOPE + 'thu-tuc/1.001193/du-lieu.json?core=0123456789';
  const usedByKept = SCOPE + 'thu-tuc/2.000815/du-lieu.json?core=abcdef0123';
  for (const u of [mine, form, stale, usedByKept]) await pages.put(u, json);
  // A page kept from an older version, which names its own core.
  await pages.put(SCOPE + 'thu-tuc/2.000815/',
    html('<body data-wasm="../../assets/motcua.abcdef0123.wasm"></body>'));

  await activate(worker);
  const left = (await pages.keys()).map((r) => r.url);
  assert.ok(left.includes(mine), 'the data of this version\'s procedure core stays');
  assert.ok(left.includes(form), 'the data of this version\'s forms core stays');
  assert.ok(left.includes(usedByKept), 'the data of a kept page\'s core stays');
  assert.ok(!left.includes(stale), 'data no core uses goes');
});

// The page shows "saved on this device" only when the worker says everything it asked for is
// kept: what was already there, and what it fetched. A fetch that fails (signal lost, an
// error page) leaves the page without that promise.
test('the worker tells a page whether the page and all its data are now kept', async () => {
  const page = SCOPE + 'thu-tuc/1.001193/';
  const data = page + 'du-lieu.json?core=abc';
  const calendar = SCOPE + 'api/lich-lam-viec.json?core=abc';
  const keep = async (worker, urls) => {
    const replies = [];
    let done;
    worker.listeners.message({
      data: { type: 'keep', urls },
      source: { postMessage: (m) => replies.push(m) },
      waitUntil: (p) => { done = p; },
    });
    await done;
    return JSON.parse(JSON.stringify(replies));  // objects of the worker's own realm, compared as data
  };
  const answers = { [data]: { ok: true }, [calendar]: { ok: true } };
  const online = loadWorker(source, (u) => Promise.resolve(answers[u] || { ok: false }));
  await (await online.caches.open('motcua-pages')).put(page, html('<body></body>'));
  assert.deepStrictEqual(await keep(online, [page, data, calendar]), [{ type: 'kept', complete: true }]);
  const kept = (await (await online.caches.open('motcua-pages')).keys()).map((r) => r.url).sort();
  assert.deepStrictEqual(kept, [calendar, data, page].sort());

  const missing = page + 'khong-co.json?core=abc';
  assert.deepStrictEqual(await keep(online, [page, missing]), [{ type: 'kept', complete: false }]);
  const offline = loadWorker(source);
  assert.deepStrictEqual(await keep(offline, [page, data]), [{ type: 'kept', complete: false }]);
  // Nothing to keep in this scope: no promise either.
  assert.deepStrictEqual(await keep(offline, ['https://elsewhere.example/x/']), [{ type: 'kept', complete: false }]);
});
