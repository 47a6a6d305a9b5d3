/* motcua search: results as the citizen types, on every search box of the site.
 * The engine is the core's own (motcua-search.wasm, the same code as `motcua search`); the
 * index is split in small parts (docs/search.md) and a query downloads only the parts it
 * needs. The service worker keeps every part fetched, so search works offline for what was
 * already downloaded, and says so plainly when a part is missing.
 * Without JavaScript (or WebAssembly) the forms lead to /tim-kiem/: the A–Z and field lists. */
(function () {
  'use strict';

  // ------------------------------------------------------------------ the engine
  // The standalone module needs two imports; its exports keep their names.
  function instantiate(bytes) {
    var imports = {
      env: { emscripten_notify_memory_growth: function () {} },
      wasi_snapshot_preview1: { proc_exit: function (code) { throw new Error('motcua-search exit ' + code); } }
    };
    return WebAssembly.instantiate(bytes, imports).then(function (r) {
      var x = r.instance.exports;
      if (x._initialize) x._initialize();
      return x;
    });
  }

  // ------------------------------------------------------------------ the client
  // `x`: the module's exports (instantiate); `fetchText(name)`: a part's text (a Promise).
  function Client(x, fetchText) {
    this.x = x;
    this.fetchText = fetchText;
    this.broken = {};  // parts that could not be fetched (offline): asked again when online
  }
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  Client.prototype.call = function (fn, a, b) {
    var x = this.x;
    function str(s) {
      var bytes = encoder.encode(s);
      var p = x.malloc(bytes.length + 1);
      var heap = new Uint8Array(x.memory.buffer);  // after malloc: the memory may have grown
      heap.set(bytes, p);
      heap[p + bytes.length] = 0;
      return p;
    }
    var pa = str(a);
    var pb = str(b);
    var out = x[fn](pa, pb);
    x.free(pa);
    x.free(pb);
    var heap = new Uint8Array(x.memory.buffer);
    var end = out;
    while (heap[end] !== 0) end += 1;
    var text = decoder.decode(heap.subarray(out, end));
    x.motcua_search_free(out);
    return text;
  };
  Client.prototype.load = function (name) {
    var self = this;
    return this.fetchText(name).then(function (text) {
      var error = self.call('motcua_search_add', name, text);
      if (error) throw new Error(error);
      delete self.broken[name];
    }, function () { self.broken[name] = true; });
  };
  // opts: {limit, province, here, level, field, boundary, online}. Resolves to the engine's
  // reply: {query, results: [{code, name, score, url, levels, field, local}], also,
  // incomplete, unavailable}.
  Client.prototype.query = function (q, opts) {
    var self = this;
    var o = opts || {};
    var params = ['limit=' + (o.limit || 10)];
    ['province', 'here', 'level', 'field'].forEach(function (k) { if (o[k]) params.push(k + '=' + o[k]); });
    if (o.boundary) params.push('boundary=1');
    if (o.online) params.push('online=1');
    var base = params.join('&');
    var partial = false;
    var rounds = 0;
    function step() {
      var reply = JSON.parse(self.call('motcua_search_query', q, base + (partial ? '&partial=1' : '')));
      if (!reply.missing.length) return Promise.resolve(reply);
      // At most a few rounds: the query's shards, then the vocabulary for a typo or the
      // shards of a synonym, then the names of the results.
      if (++rounds > 6) { partial = true; return step(); }
      var wanted = reply.missing.filter(function (n) { return !self.broken[n]; });
      if (wanted.length < reply.missing.length) partial = true;
      if (!wanted.length) return step();
      return Promise.all(wanted.map(function (n) { return self.load(n); })).then(function () {
        if (wanted.some(function (n) { return self.broken[n]; })) partial = true;
        return step();
      });
    }
    return step();
  };

  if (typeof module === 'object' && module.exports) {
    module.exports = { Client: Client, instantiate: instantiate };
    return;
  }

  // ------------------------------------------------------------------ the page
  var body = document.body;
  var root = body.getAttribute('data-root') || '';
  var headName = (body.getAttribute('data-search-head') || '').replace(/^.*\//, '');
  var wasmUrl = body.getAttribute('data-search-wasm');
  var here = body.getAttribute('data-here') || '';
  if (!headName || !wasmUrl || typeof WebAssembly !== 'object' || !window.fetch || !window.TextDecoder) return;

  function textOf(r) {
    if (!r.ok) throw new Error(r.status);
    return r.text();
  }
  // Parts are named by the hash of their bytes: any copy is right. The head has one name for
  // every build: it is asked of the server (a new build is seen at once), and the copy at
  // hand is used when the server cannot be reached.
  function fetchText(name) {
    var url = root + 'search/' + name;
    if (name !== headName) return fetch(url).then(textOf);
    return fetch(url, { cache: 'no-cache' }).then(textOf).catch(function () {
      return fetch(url, { cache: 'force-cache' }).then(textOf);
    });
  }

  var ready = null;
  // The engine and the index head, loaded once, on the first search.
  function client() {
    if (ready) return ready;
    ready = fetch(wasmUrl).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.arrayBuffer();
    }).then(instantiate).then(function (x) {
      var c = new Client(x, fetchText);
      return c.load(headName).then(function () {
        if (c.broken[headName]) throw new Error('head');
        return c;
      });
    });
    ready.catch(function () { ready = null; });
    return ready;
  }
  window.addEventListener('online', function () {
    if (ready) ready.then(function (c) { c.broken = {}; }).catch(function () {});
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  var LEVELS = { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp bộ', khac: 'Cơ quan khác' };

  function enhance(form, index) {
    var input = form.querySelector('input[type="search"]');
    if (!input) return;
    var onSearchPage = form.classList.contains('search-page');
    var panel = el('div', 'search-results');
    panel.id = 'ket-qua-' + index;
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Kết quả tìm kiếm');
    var status = el('p', 'search-status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    var list = el('ol', 'search-list');
    var more = el('button', 'search-more', 'Xem thêm kết quả');
    more.type = 'button';
    more.hidden = true;
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(more);
    panel.hidden = true;
    form.parentNode.insertBefore(panel, form.nextSibling);
    input.setAttribute('aria-controls', panel.id);

    var limit = onSearchPage ? 20 : 6;
    var seq = 0;
    function value(name) {
      var f = form.elements[name];
      if (!f) return '';
      return f.type === 'checkbox' ? (f.checked ? '1' : '') : f.value;
    }
    function options() {
      var province = value('tinh');
      return {
        limit: limit,
        province: province,
        here: province || here,
        level: value('cap'),
        field: value('linh-vuc'),
        boundary: value('phi-dia-gioi') === '1',
        online: value('toan-trinh') === '1'
      };
    }
    function show(reply, q) {
      list.textContent = '';
      reply.results.forEach(function (r) {
        var li = el('li');
        var a = el('a');
        a.href = root + r.url;
        a.appendChild(el('strong', '', r.name));
        var meta = [];
        if (r.levels) meta.push(r.levels.split(',').map(function (l) { return LEVELS[l] || l; }).join(', '));
        if (r.field) meta.push(r.field);
        if (r.code) meta.push('Mã ' + r.code);
        if (r.local) meta.push('Bản của tỉnh');
        a.appendChild(el('span', 'meta', meta.join(' · ')));
        li.appendChild(a);
        list.appendChild(li);
      });
      var n = reply.results.length;
      var filtered = ['tinh', 'cap', 'linh-vuc', 'phi-dia-gioi', 'toan-trinh'].some(function (k) { return value(k); });
      var text = '';
      if (reply.incomplete) {
        text = n ? 'Bạn đang ngoại tuyến: một phần bộ tìm kiếm chưa có trên máy này, nên kết quả có thể thiếu. Khi có mạng, hãy tìm lại. '
                 : 'Bạn đang ngoại tuyến: phần bộ tìm kiếm cần cho “' + q + '” chưa có trên máy này. Khi có mạng, hãy tìm lại.';
      }
      if (n) {
        text += (n >= limit ? n + ' thủ tục phù hợp nhất' : 'Tìm thấy ' + n + ' thủ tục') + ' cho “' + q + '”.';
      } else if (!reply.incomplete) {
        text += 'Không tìm thấy thủ tục nào cho “' + q + '”' + (filtered
          ? ' với bộ lọc đã chọn. Hãy bỏ bớt bộ lọc.'
          : '. Hãy kiểm tra chính tả, thử từ khác, hoặc xem danh sách thủ tục theo chữ cái và theo lĩnh vực.');
      }
      if (reply.also && n) text += ' Đã tìm thêm theo nghĩa: ' + reply.also + '.';
      status.textContent = text;
      more.hidden = n < limit || limit >= 100;
      panel.hidden = false;
    }
    function run() {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) {
        panel.hidden = true;
        return;
      }
      if (onSearchPage && window.history && history.replaceState) {
        // The address keeps the query and its filters: shared or reloaded, it gives the same list.
        var parts = ['q=' + encodeURIComponent(q)];
        ['tinh', 'cap', 'linh-vuc', 'phi-dia-gioi', 'toan-trinh'].forEach(function (name) {
          var v = value(name);
          if (v) parts.push(name + '=' + encodeURIComponent(v));
        });
        history.replaceState(null, '', '?' + parts.join('&'));
      }
      client().then(function (c) {
        return c.query(q, options());
      }).then(function (reply) {
        if (mine === seq) show(reply, q);
      }).catch(function () {
        if (mine !== seq) return;
        list.textContent = '';
        status.textContent = navigator.onLine === false
          ? 'Bạn đang ngoại tuyến và bộ tìm kiếm chưa có trên máy này. Khi có mạng, hãy mở lại trang một lần; sau đó tìm được cả khi mất mạng.'
          : 'Chưa tải được bộ tìm kiếm. Hãy thử lại, hoặc xem danh sách thủ tục theo chữ cái và lĩnh vực.';
        panel.hidden = false;
      });
    }
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    input.addEventListener('focus', function () { client().catch(function () {}); }, { once: true });
    form.addEventListener('change', function (e) {
      if (e.target !== input) run();
    });
    form.addEventListener('submit', function (e) {
      // On the search page the results are already here; elsewhere go there (the URL keeps it).
      if (onSearchPage) {
        e.preventDefault();
        run();
      }
    });
    more.addEventListener('click', function () {
      limit = Math.min(100, limit + 20);
      run();
    });
    if (onSearchPage) {
      var params = new URLSearchParams(location.search);
      ['tinh', 'cap', 'linh-vuc', 'phi-dia-gioi', 'toan-trinh'].forEach(function (name) {
        var f = form.elements[name];
        var v = params.get(name);
        if (!f || v === null) return;
        if (f.type === 'checkbox') f.checked = v === '1';
        else f.value = v;
        // A filter in the address is shown, not hidden in a closed box.
        var box = form.querySelector('details');
        if (box && v) box.open = true;
      });
      var q = params.get('q');
      if (q) {
        input.value = q;
        run();
      }
    }
  }

  var forms = document.querySelectorAll('form.search');
  for (var i = 0; i < forms.length; i += 1) enhance(forms[i], i);
  window.motcuaSearch = {
    // For tests and benchmarks: the same path as typing (parts fetched as needed).
    query: function (q, opts) { return client().then(function (c) { return c.query(q, opts); }); }
  };
})();
