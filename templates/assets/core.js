/* motcua offline client, shared part: enhances pages that already work without JavaScript.
 * - registers the service worker (offline pages, app shell by content hash) and shows
 *   an "update available" prompt instead of silently mixing two versions;
 * - loads the WebAssembly core only when a tool is used (prepaid data is precious) and
 *   runs the same calculations as `motcua calc` on the data published beside the page;
 * - keeps what a citizen types (checklist ticks, answers, drafts) in IndexedDB.
 * Each tool is a script of its own (deadline.js, checklist.js, fee.js, form.js, drafts.js),
 * loaded after this one only by the pages that have it; it registers with motcua.tool() and
 * every registered tool starts, in a fixed order, once the page is parsed.
 * Plain ES2017, no framework, no build step. */
(function () {
  'use strict';

  var body = document.body;
  var ROOT = body.getAttribute('data-root') || '';
  // The page is enhanced: styles for what only JavaScript shows apply at once.
  document.documentElement.classList.add('js');

  // ---------------------------------------------------------------- utilities
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'className') e.className = attrs[k];
        else if (attrs[k] === true) e.setAttribute(k, '');
        else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  var WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  // "2026-02-27" -> "Thứ Sáu, 27/02/2026" (dates are calendar dates: no time zone games).
  function dateText(iso) {
    var p = iso.split('-').map(Number);
    var wd = new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay();
    return WEEKDAYS[wd] + ', ' + pad(p[2]) + '/' + pad(p[1]) + '/' + p[0];
  }
  // The current moment in Vietnam (UTC+7), for the default of date-time inputs.
  function nowInVietnam() {
    var d = new Date(Date.now() + 7 * 3600 * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + 'T' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  // An error worded for the citizen; any other (the browser's "Failed to fetch", a parse
  // error, an engine message for developers) is never shown as is: see citizenText.
  function citizenError(message) {
    var e = new Error(message);
    e.citizen = true;
    return e;
  }
  function citizenText(e) {
    return e && e.citizen ? e.message : 'Chưa tính được lúc này. Kiểm tra kết nối mạng, tải lại trang rồi thử lại.';
  }
  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw citizenError('Không tải được dữ liệu để tính. Kiểm tra kết nối mạng rồi thử lại.');
      return r.text();
    });
  }
  var uid = 0;
  function nextId(prefix) { uid += 1; return prefix + '-' + uid; }
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }

  // ---------------------------------------------------------------- storage
  // IndexedDB: "drafts" (one record per draft form) and "kv" (checklist ticks, answers).
  var dbPromise = null;
  function db() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise(function (resolve, reject) {
      if (!('indexedDB' in window)) { reject(new Error('IndexedDB không khả dụng')); return; }
      var req = indexedDB.open('motcua', 1);
      req.onupgradeneeded = function () {
        var d = req.result;
        if (!d.objectStoreNames.contains('drafts')) d.createObjectStore('drafts', { keyPath: 'id' });
        if (!d.objectStoreNames.contains('kv')) d.createObjectStore('kv');
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
    return dbPromise;
  }
  function tx(store, mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(store, mode);
        var result;
        Promise.resolve(fn(t.objectStore(store))).then(function (r) { result = r; });
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error); };
      });
    });
  }
  function reqValue(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  var persistAsked = false;
  function askPersistence() {
    if (persistAsked) return;
    persistAsked = true;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
  }
  var store = {
    get: function (key) {
      return tx('kv', 'readonly', function (s) { return reqValue(s.get(key)); });
    },
    set: function (key, value) {
      askPersistence();
      return tx('kv', 'readwrite', function (s) { s.put(value, key); });
    },
    drafts: function () {
      return tx('drafts', 'readonly', function (s) { return reqValue(s.getAll()); });
    },
    draft: function (id) {
      return tx('drafts', 'readonly', function (s) { return reqValue(s.get(id)); });
    },
    saveDraft: function (draft) {
      askPersistence();
      return tx('drafts', 'readwrite', function (s) { s.put(draft); });
    },
    deleteDraft: function (id) {
      return tx('drafts', 'readwrite', function (s) { s.delete(id); });
    }
  };

  // ---------------------------------------------------------------- engine
  // The WebAssembly core, loaded on first use. Page and module come from the same build
  // (hashed names); the core also refuses data of another schema version.
  var enginePromise = null;
  function engine() {
    if (enginePromise) return enginePromise;
    var jsUrl = body.getAttribute('data-wasm-js');
    var wasmUrl = body.getAttribute('data-wasm');
    enginePromise = new Promise(function (resolve, reject) {
      if (!jsUrl || !wasmUrl) { reject(citizenError('Công cụ tính chưa có trong bản dựng này.')); return; }
      var s = document.createElement('script');
      s.src = jsUrl;
      s.onload = function () {
        /* global createMotcua */
        createMotcua({ locateFile: function () { return wasmUrl; } }).then(resolve, reject);
      };
      s.onerror = function () { reject(citizenError('Không tải được công cụ tính. Kiểm tra kết nối mạng rồi thử lại.')); };
      document.head.appendChild(s);
    });
    enginePromise.catch(function () { enginePromise = null; });
    return enginePromise;
  }
  function callEngine(mod, name, args) {
    var ptrs = args.map(function (a) {
      var n = mod.lengthBytesUTF8(a) + 1;
      var p = mod._malloc(n);
      mod.stringToUTF8(a, p, n);
      return p;
    });
    var out = mod[name].apply(null, ptrs);
    ptrs.forEach(function (p) { mod._free(p); });
    var text = mod.UTF8ToString(out);
    mod._motcua_free(out);
    return JSON.parse(text);
  }
  // Runs `motcua calc <name>` in the browser: {ok, result}.
  function calc(name, dataText, request) {
    return engine().then(function (mod) {
      return callEngine(mod, '_motcua_calc', [name, dataText, JSON.stringify(request)]);
    });
  }
  // The core this page was built with (assets/motcua.<hash>.wasm, or on the declaration forms
  // and the drafts page assets/motcua-forms.<hash>.wasm). Data is asked for under
  // its name, so that after a site update the service worker still has, for a page kept
  // from an older version, the data that page's own core reads (the core refuses another
  // schema_version). Static hosts ignore the query.
  var CORE = (/motcua(?:-forms)?\.([0-9a-f]+)\.wasm$/.exec(body.getAttribute('data-wasm') || '') || [])[1] || '';
  function dataUrl(url) {
    var u = new URL(url, location.href);
    if (CORE) u.searchParams.set('core', CORE);
    return u.href;
  }
  var dataCache = {};
  function data(url) {
    if (!dataCache[url]) {
      dataCache[url] = fetchJson(dataUrl(url));
      dataCache[url].catch(function () { delete dataCache[url]; });
    }
    return dataCache[url];
  }

  // ---------------------------------------------------------------- shared by the tools
  var CHANNELS = { direct: 'Nộp trực tiếp', online: 'Nộp trực tuyến', postal: 'Nộp qua dịch vụ bưu chính công ích' };
  function configOf(box) {
    try { return JSON.parse(box.getAttribute('data-config')); } catch (e) { return null; }
  }
  function toolError(out, message) {
    out.textContent = '';
    out.appendChild(el('p', { className: 'field-error', text: message }));
  }
  function download(name, text) {
    var blob = new Blob([text], { type: 'application/json' });
    var a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function exportName(prefix) {
    var d = nowInVietnam().replace(/[:T]/g, '-');
    return prefix + '-' + d + '.json';
  }
  // Once the page has loaded (an idle moment can come before the load event) and the
  // browser is idle, or after a short wait where it cannot say.
  function whenIdle(fn) {
    function idle() {
      if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 4000 });
      else setTimeout(fn, 1500);
    }
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle);
  }

  // ---------------------------------------------------------------- service worker
  function serviceWorker() {
    if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
    var banner = document.getElementById('update-banner');
    function offer(worker) {
      if (!banner || !navigator.serviceWorker.controller) return;
      banner.textContent = '';
      var b = el('button', { type: 'button', className: 'button', text: 'Tải lại để cập nhật' });
      b.addEventListener('click', function () {
        updateRequested = true;
        worker.postMessage({ type: 'skip-waiting' });
      });
      banner.appendChild(el('p', null, ['Đã có phiên bản mới của trang. ', b]));
      banner.hidden = false;
    }
    // Reload only when the citizen asked for the new version: the first install taking
    // control of the page must not reload it under their fingers.
    var reloading = false, updateRequested = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (reloading || !updateRequested) return;
      reloading = true;
      location.reload();
    });
    // Once the worker has kept this page and its tools' data, the footer says so: on a weak
    // network a citizen knows the page will open without signal.
    navigator.serviceWorker.addEventListener('message', function (event) {
      var msg = event.data || {};
      var status = document.querySelector('[data-offline-status]');
      if (msg.type === 'kept' && msg.complete && status) status.hidden = false;
    });
    if (navigator.serviceWorker.startMessages) navigator.serviceWorker.startMessages();
    navigator.serviceWorker.register(ROOT + 'sw.js').then(function (reg) {
      if (reg.waiting) offer(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed') offer(w);
        });
      });
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      // Keep this page and the data its tools use for offline visits.
      var urls = [location.href.split('#')[0]];
      document.querySelectorAll('[data-config]').forEach(function (t) {
        try {
          var c = JSON.parse(t.getAttribute('data-config'));
          ['calendar', 'data'].forEach(function (k) { if (c[k]) urls.push(dataUrl(c[k])); });
        } catch (e) { /* a tool without data */ }
      });
      if (reg.active) reg.active.postMessage({ type: 'keep', urls: urls });
    }).catch(function () { /* no offline support: the site still works online */ });
  }

  // ---------------------------------------------------------------- moved pages
  // A province has its own page of a procedure only where it changes something of the
  // national one; an old link to "<province>/thu-tuc/<code>/" of another lands on the 404
  // page, which sends it on to the national page of the code.
  function movedProcedure() {
    var note = document.querySelector('[data-province-slugs]');
    if (!note) return;
    var m = /^(.*\/)([a-z0-9-]+)\/thu-tuc\/([0-9]+\.[0-9]+)\/(?:index\.html)?$/.exec(location.pathname);
    if (!m || note.getAttribute('data-province-slugs').split(' ').indexOf(m[2]) < 0) return;
    var target = m[1] + 'thu-tuc/' + m[3] + '/';
    var link = note.querySelector('a');
    link.setAttribute('href', target);
    note.hidden = false;
    location.replace(target);
  }

  // ---------------------------------------------------------------- start
  // A tool script registers its start function; they run in this order (the order the
  // single script ran them in, so generated ids stay the same), then the service worker.
  var ORDER = ['deadline', 'checklist', 'fee', 'form', 'drafts'];
  var tools = {};
  var started = false;
  function tool(name, startTool) {
    tools[name] = startTool;
    if (started) startTool();  // a script that came after the start
  }
  function start() {
    if (started) return;
    started = true;
    movedProcedure();
    ORDER.concat(Object.keys(tools).filter(function (n) { return ORDER.indexOf(n) < 0; })).forEach(function (n) {
      if (tools[n]) tools[n]();
    });
    // Its install precaches the app shell, the WebAssembly core among it: on a first visit
    // the core is downloaded when a tool is first used or once the page is loaded and idle.
    whenIdle(serviceWorker);
  }
  window.motcua = { store: store, calc: calc, data: data, el: el, dateText: dateText, nowInVietnam: nowInVietnam,
    download: download, exportName: exportName, nextId: nextId, root: ROOT, dataUrl: dataUrl, number: number,
    citizenText: citizenText, configOf: configOf, toolError: toolError, CHANNELS: CHANNELS, whenIdle: whenIdle,
    tool: tool };
  // The tool scripts are deferred like this one and run after it, before DOMContentLoaded.
  if (document.readyState === 'complete') start();
  else {
    document.addEventListener('DOMContentLoaded', start);
    window.addEventListener('load', start);  // in case this script came after DOMContentLoaded
  }
})();
