/* motcua offline client: enhances pages that already work without JavaScript.
 * - registers the service worker (offline pages, app shell by content hash) and shows
 *   an "update available" prompt instead of silently mixing two versions;
 * - loads the WebAssembly core only when a tool is used (prepaid data is precious) and
 *   runs the same calculations as `motcua calc` on the data published beside the page;
 * - keeps what a citizen types (checklist ticks, answers, drafts) in IndexedDB.
 * Plain ES2017, no framework, no build step. */
(function () {
  'use strict';

  var body = document.body;
  var ROOT = body.getAttribute('data-root') || '';

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
  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.text();
    });
  }
  var uid = 0;
  function nextId(prefix) { uid += 1; return prefix + '-' + uid; }

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
      if (!jsUrl || !wasmUrl) { reject(new Error('Công cụ tính chưa có trong bản dựng này.')); return; }
      var s = document.createElement('script');
      s.src = jsUrl;
      s.onload = function () {
        /* global createMotcua */
        createMotcua({ locateFile: function () { return wasmUrl; } }).then(resolve, reject);
      };
      s.onerror = function () { reject(new Error('Không tải được công cụ tính. Kiểm tra kết nối mạng rồi thử lại.')); };
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
  var dataCache = {};
  function data(url) {
    if (!dataCache[url]) {
      dataCache[url] = fetchJson(url);
      dataCache[url].catch(function () { delete dataCache[url]; });
    }
    return dataCache[url];
  }

  // ---------------------------------------------------------------- deadline tool
  function deadlineTool(box) {
    var config;
    try { config = JSON.parse(box.getAttribute('data-config')); } catch (e) { return; }
    if (!config.channels || !config.channels.length) return;
    var idAt = nextId('dl-at'), idCh = nextId('dl-ch'), idCenter = nextId('dl-center'), idErr = nextId('dl-err');
    var at = el('input', { type: 'datetime-local', id: idAt, name: 'received_at', value: nowInVietnam(),
      'aria-describedby': idErr });
    var fields = [
      el('h3', { text: 'Khi nào có kết quả?' }),
      el('p', { className: 'muted', text: 'Tính ngày trả kết quả nếu bạn nộp đủ hồ sơ hợp lệ vào lúc dưới đây, ' +
        'theo lịch nghỉ lễ, Tết và giờ làm việc.' }),
      el('div', { className: 'form-group' }, [el('label', { for: idAt, text: 'Ngày giờ nộp hồ sơ' }), at])
    ];
    var channelSelect = null;
    var distinct = config.channels.filter(function (c, i, all) {
      return all.findIndex(function (o) { return o.text === c.text; }) === i;
    });
    if (distinct.length > 1) {
      channelSelect = el('select', { id: idCh, name: 'channel' }, config.channels.map(function (c, i) {
        return el('option', { value: String(i), text: c.label + ': ' + c.text });
      }));
      fields.push(el('div', { className: 'form-group' }, [el('label', { for: idCh, text: 'Cách nộp' }), channelSelect]));
    }
    var centerSelect = null;
    if (config.centers && config.centers.length > 1) {
      centerSelect = el('select', { id: idCenter, name: 'center' }, config.centers.map(function (c) {
        return el('option', { value: c.key, text: c.name });
      }));
      fields.push(el('div', { className: 'form-group' }, [el('label', { for: idCenter, text: 'Nơi nộp' }), centerSelect]));
    }
    var error = el('p', { id: idErr, className: 'field-error', hidden: true });
    var result = el('div', { className: 'tool-result', 'aria-live': 'polite' });
    var button = el('button', { type: 'submit', className: 'button', text: 'Tính ngày trả kết quả' });
    fields.push(error, button);
    var form = el('form', { className: 'tool-form', novalidate: true }, fields);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      error.hidden = true;
      if (!at.value) {
        error.textContent = 'Nhập ngày giờ nộp hồ sơ';
        error.hidden = false;
        at.focus();
        return;
      }
      var channel = config.channels[channelSelect ? Number(channelSelect.value) : 0];
      var request = { received_at: at.value.length === 16 ? at.value + ':00+07:00' : at.value + '+07:00',
        duration: channel.duration };
      var center = centerSelect ? centerSelect.value : (config.centers && config.centers[0] && config.centers[0].key);
      if (center) request.center = center;
      result.textContent = 'Đang tính…';
      data(config.calendar).then(function (text) {
        return calc('deadline', text, request);
      }).then(function (reply) {
        showDeadline(result, reply);
      }).catch(function (e) {
        result.textContent = e.message;
      });
    });
    box.appendChild(form);
    box.appendChild(result);
    box.hidden = false;
  }
  function showDeadline(out, reply) {
    out.textContent = '';
    if (!reply.ok) {
      out.appendChild(el('p', { className: 'field-error', text: reply.result.error.message }));
      return;
    }
    var r = reply.result;
    var due = r.due_at.slice(11, 16) + ' ' + dateText(r.due_date);
    var head = el('p', { className: 'answer' }, ['Hạn trả kết quả: ', el('strong', { text: due })]);
    if (r.estimated) head.appendChild(el('span', { className: 'estimate-badge', text: 'dự kiến' }));
    out.appendChild(head);
    if (r.counted_from && r.counted_from !== r.received_at) {
      out.appendChild(el('p', { text: 'Hồ sơ nộp ngoài giờ làm việc được tính là nhận lúc ' +
        r.counted_from.slice(11, 16) + ' ' + dateText(r.counted_from.slice(0, 10)) + '.' }));
    }
    if (r.skipped && r.skipped.length) {
      out.appendChild(el('p', { text: 'Những ngày không tính:' }));
      out.appendChild(el('ul', { className: 'skipped' }, r.skipped.map(function (s) {
        return el('li', null, [dateText(s.date) + ': ' + s.reason,
          s.estimated ? el('span', { className: 'estimate-badge', text: 'dự kiến' }) : null]);
      })));
    }
    (r.notes || []).forEach(function (n) { out.appendChild(el('p', { className: 'muted', text: n })); });
  }

  // ---------------------------------------------------------------- drafts page
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
  function draftsPage(box) {
    var list = el('ul', { className: 'drafts' });
    var status = el('p', { className: 'muted', 'aria-live': 'polite' });
    var fileId = nextId('import');
    var file = el('input', { type: 'file', id: fileId, accept: 'application/json,.json' });
    var exportAll = el('button', { type: 'button', className: 'button secondary', text: 'Tải tất cả hồ sơ nháp về máy' });
    function render() {
      return store.drafts().then(function (drafts) {
        list.textContent = '';
        drafts.sort(function (a, b) { return (b.updated || '').localeCompare(a.updated || ''); });
        if (!drafts.length) {
          list.appendChild(el('li', { text: 'Chưa có hồ sơ nháp nào trên thiết bị này.' }));
        }
        drafts.forEach(function (d) {
          var open = el('a', { href: ROOT + (d.page || ''), text: d.title || 'Hồ sơ nháp' });
          var del = el('button', { type: 'button', className: 'link-button', text: 'Xóa' });
          del.addEventListener('click', function () {
            if (!window.confirm('Xóa hồ sơ nháp "' + (d.title || '') + '"? Không thể khôi phục.')) return;
            store.deleteDraft(d.id).then(render);
          });
          var exp = el('button', { type: 'button', className: 'link-button', text: 'Tải về' });
          exp.addEventListener('click', function () {
            download(exportName('ho-so-nhap'), JSON.stringify({ format: 'motcua-drafts', version: 1, drafts: [d] }, null, 2));
          });
          list.appendChild(el('li', null, [open, el('span', { className: 'muted',
            text: ' – sửa lần cuối ' + (d.updated ? d.updated.slice(11, 16) + ' ' + dateText(d.updated.slice(0, 10)) : '') }),
          ' ', exp, ' ', del]));
        });
        exportAll.disabled = !drafts.length;
      });
    }
    exportAll.addEventListener('click', function () {
      store.drafts().then(function (drafts) {
        download(exportName('ho-so-nhap'), JSON.stringify({ format: 'motcua-drafts', version: 1, drafts: drafts }, null, 2));
      });
    });
    file.addEventListener('change', function () {
      var f = file.files && file.files[0];
      if (!f) return;
      f.text().then(function (text) {
        var doc = JSON.parse(text);
        if (!doc || doc.format !== 'motcua-drafts' || !Array.isArray(doc.drafts)) {
          throw new Error('Tệp này không phải tệp hồ sơ nháp tải về từ trang này.');
        }
        return Promise.all(doc.drafts.map(function (d) {
          if (!d || typeof d.id !== 'string' || typeof d.values !== 'object') throw new Error('Tệp hồ sơ nháp bị hỏng.');
          return store.saveDraft(d);
        })).then(function () { return doc.drafts.length; });
      }).then(function (n) {
        status.textContent = 'Đã nhập ' + n + ' hồ sơ nháp.';
        file.value = '';
        return render();
      }).catch(function (e) {
        status.textContent = e instanceof SyntaxError ? 'Tệp này không đọc được (không phải JSON).' : e.message;
      });
    });
    box.textContent = '';
    box.appendChild(list);
    box.appendChild(el('div', { className: 'draft-actions' }, [exportAll]));
    box.appendChild(el('div', { className: 'form-group' }, [
      el('label', { for: fileId, text: 'Nhập lại hồ sơ nháp từ tệp đã tải về' }), file]));
    box.appendChild(status);
    box.hidden = false;
    render().catch(function (e) { status.textContent = 'Không đọc được bộ nhớ của trình duyệt: ' + e.message; });
  }

  // ---------------------------------------------------------------- service worker
  function serviceWorker() {
    if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
    var banner = document.getElementById('update-banner');
    function offer(worker) {
      if (!banner || !navigator.serviceWorker.controller) return;
      banner.textContent = '';
      var b = el('button', { type: 'button', className: 'button', text: 'Tải lại để cập nhật' });
      b.addEventListener('click', function () { worker.postMessage({ type: 'skip-waiting' }); });
      banner.appendChild(el('p', null, ['Đã có phiên bản mới của trang. ', b]));
      banner.hidden = false;
    }
    var reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (reloading) return;
      reloading = true;
      location.reload();
    });
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
          ['calendar', 'data'].forEach(function (k) { if (c[k]) urls.push(new URL(c[k], location.href).href); });
        } catch (e) { /* a tool without data */ }
      });
      if (reg.active) reg.active.postMessage({ type: 'keep', urls: urls });
    }).catch(function () { /* no offline support: the site still works online */ });
  }

  // ---------------------------------------------------------------- start
  function start() {
    document.documentElement.classList.add('js');
    document.querySelectorAll('[data-tool="deadline"]').forEach(deadlineTool);
    document.querySelectorAll('[data-tool="drafts"]').forEach(draftsPage);
    serviceWorker();
  }
  window.motcua = { store: store, calc: calc, data: data, el: el, dateText: dateText, nowInVietnam: nowInVietnam,
    download: download, exportName: exportName, nextId: nextId };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
