/* motcua: the embeddable catalog page (nhung/<province>/[<commune>/]). Searches the center's
 * own list as the citizen types (with or without diacritics), first in the page itself,
 * then with the site's search engine (search.js: synonyms, typos), keeping only what this
 * center receives; and tells the embedding page its height (nhung.js sizes the iframe). */
(function () {
  'use strict';
  var input = document.getElementById('q');
  var status = document.getElementById('ket-qua-tim');
  var results = document.getElementById('ket-qua');
  var catalog = document.getElementById('danh-muc');
  if (!input || !results || !catalog) return;
  var province = document.body.getAttribute('data-province') || '';
  // A long catalog lists its fields only (a page each): the site's engine answers alone, and
  // every answer in the province's catalog is one of this page's.
  var all = catalog.hasAttribute('data-all');
  var root = document.body.getAttribute('data-root') || '';

  // Lower case, without diacritics ("Đăng ký" -> "dang ky"), words split on anything else.
  function fold(s) {
    // A dot stays only between digits (a code, "1.001193"); "khai sinh." is "khai sinh".
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .replace(/\.(?!\d)|(^|[^\d])\./g, '$1 ').replace(/[^a-z0-9.]+/g, ' ').trim();
  }
  var items = [];
  var byCode = {};
  catalog.querySelectorAll('li[data-code]').forEach(function (li, i) {
    var group = li.closest('details');
    var field = group ? group.querySelector('summary').firstChild.textContent : '';
    var name = li.querySelector('a').textContent;
    var item = { li: li, code: li.getAttribute('data-code'), order: i,
      name: ' ' + fold(name) + ' ', words: ' ' + fold(name + ' ' + field) + ' ' + li.getAttribute('data-code') + ' ' };
    items.push(item);
    byCode[item.code] = item;
  });

  // Every word typed starts a word of the name or field (or is the code); the name holding
  // the words as typed, in a row, first.
  function local(q) {
    var f = fold(q);
    if (!f) return [];
    var words = f.split(' ');
    var found = items.filter(function (it) {
      return words.every(function (w) { return it.words.indexOf(' ' + w) >= 0; });
    });
    found.sort(function (a, b) {
      var pa = a.name.indexOf(' ' + f) >= 0 ? 0 : 1;
      var pb = b.name.indexOf(' ' + f) >= 0 ? 0 : 1;
      return pa - pb || a.order - b.order;
    });
    return found;
  }

  // A row made from the engine's answer, as the page's own rows are.
  function fromEngine(r) {
    var li = document.createElement('li');
    li.setAttribute('data-code', r.code);
    var a = document.createElement('a');
    a.href = root + r.url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = r.name;
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = 'Mã ' + r.code;
    li.appendChild(a);
    li.appendChild(meta);
    return { li: li, code: r.code };
  }

  function show(list, q, note) {
    results.textContent = '';
    list.forEach(function (it) {
      var li = it.li.cloneNode(true);
      results.appendChild(li);
    });
    results.hidden = false;
    catalog.hidden = true;
    status.textContent = (list.length
      ? 'Tìm thấy ' + list.length + ' thủ tục cho “' + q + '”.'
      : 'Không có thủ tục nào của nơi này cho “' + q + '”. Hãy thử từ khác, hoặc xem danh mục theo lĩnh vực.') +
      (note || '');
    tell();
  }

  var seq = 0;
  function run() {
    var q = input.value.trim();
    var mine = ++seq;
    if (!q) {
      results.hidden = true;
      results.textContent = '';
      catalog.hidden = false;
      status.textContent = '';
      tell();
      return;
    }
    var mineLocal = local(q);
    if (items.length || !all) {
      show(mineLocal, q);
    } else {
      status.textContent = 'Đang tìm “' + q + '”…';
    }
    // The engine knows synonyms ("sổ đỏ", "CCCD") and typos: its answers that this center
    // receives come first, then what the page itself found.
    if (!window.motcuaSearch) return;
    window.motcuaSearch.query(q, { limit: 100, province: province, here: province }).then(function (reply) {
      if (mine !== seq) return;
      var seen = {};
      var list = [];
      reply.results.forEach(function (r) {
        var it = byCode[r.code];
        if (!it && all && r.code) it = fromEngine(r);
        if (it && !seen[it.code]) { seen[it.code] = true; list.push(it); }
      });
      mineLocal.forEach(function (it) { if (!seen[it.code]) { seen[it.code] = true; list.push(it); } });
      show(list, q, reply.incomplete ? ' Một phần bộ tìm kiếm chưa tải được, nên kết quả có thể thiếu.' : '');
    }).catch(function () {});
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  input.form.addEventListener('submit', function (e) {
    // Without the engine, a long catalog's search is the site's search page (a new tab).
    if (all && !items.length && !window.motcuaSearch) return;
    e.preventDefault();
    run();
  });

  // The height of the page, for nhung.js in the embedding page.
  var last = 0;
  function tell() {
    if (window.parent === window) return;
    var h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    window.parent.postMessage({ motcua: 'nhung-chieu-cao', height: h }, '*');
  }
  if (window.ResizeObserver) new ResizeObserver(tell).observe(document.body);
  document.addEventListener('toggle', tell, true);
  window.addEventListener('load', tell);
  tell();
})();
