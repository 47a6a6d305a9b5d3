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
  // The core this page was built with (assets/motcua.<hash>.wasm). Data is asked for under
  // its name, so that after a site update the service worker still has, for a page kept
  // from an older version, the data that page's own core reads (the core refuses another
  // schema_version). Static hosts ignore the query.
  var CORE = (/motcua\.([0-9a-f]+)\.wasm$/.exec(body.getAttribute('data-wasm') || '') || [])[1] || '';
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

  // ---------------------------------------------------------------- deadline tool
  function deadlineTool(box) {
    var config = configOf(box);
    if (!config || !config.channels || !config.channels.length) return;
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
      at.removeAttribute('aria-invalid');
      if (!at.value) {
        result.textContent = '';  // the answer for the time given before no longer holds
        error.textContent = 'Nhập ngày giờ nộp hồ sơ.';
        error.hidden = false;
        at.setAttribute('aria-invalid', 'true');
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
        result.textContent = '';
        result.appendChild(el('p', { className: 'field-error', text: citizenText(e) }));
      });
    });
    box.appendChild(form);
    box.appendChild(result);
    box.hidden = false;
  }
  function showDeadline(out, reply) {
    out.textContent = '';
    if (!reply.ok) {
      // The engine words its errors for developers ("the calendar covers 2025–2026"): the field
      // it names says what to tell the citizen.
      var years = /(\d{4})–(\d{4})/.exec(reply.result.error.message || '');
      out.appendChild(el('p', { className: 'field-error', text: reply.result.error.field === '/received_at'
        ? 'Chưa tính được cho ngày này: ' + (years ? 'chỉ tính được cho ngày nộp từ năm ' + years[1] + ' đến năm ' + years[2]
          : 'lịch nghỉ lễ chưa có năm đó') + '. Chọn lại ngày giờ nộp hồ sơ.'
        : 'Chưa tính được ngày trả kết quả cho thủ tục này. Tải lại trang rồi thử lại.' }));
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

  // ---------------------------------------------------------------- procedure data tools
  var CHANNELS = { direct: 'Nộp trực tiếp', online: 'Nộp trực tuyến', postal: 'Nộp qua dịch vụ bưu chính công ích' };
  function configOf(box) {
    try { return JSON.parse(box.getAttribute('data-config')); } catch (e) { return null; }
  }
  // Storage keys follow the data file, so a province's version keeps its own answers.
  function keyFor(kind, url) { return kind + ':' + new URL(url, location.href).pathname; }
  function radioGroup(name, legend, help, options, checked, onChange) {
    var children = [el('legend', { text: legend })];
    if (help) children.push(el('p', { className: 'muted', text: help }));
    options.forEach(function (o) {
      var id = nextId(name);
      var input = el('input', { type: 'radio', id: id, name: name, value: o.value, checked: o.value === checked });
      input.addEventListener('change', function () { if (input.checked) onChange(o.value); });
      children.push(el('div', { className: 'choice' }, [input, el('label', { for: id, text: o.label })]));
    });
    return el('fieldset', { className: 'question' }, children);
  }
  function toolError(out, message) {
    out.textContent = '';
    out.appendChild(el('p', { className: 'field-error', text: message }));
  }

  // ---------------------------------------------------------------- checklist tool
  // A paper to show ("xuất trình"), per channel: nobody filing online or by post can bring it.
  var PRESENT = {
    direct: 'Mang theo bản chính để đối chiếu.',
    online: 'Chuẩn bị bản điện tử (bản chụp hoặc bản quét rõ nét) để tải lên khi nộp.',
    postal: 'Gửi qua bưu chính: hỏi nơi nhận hồ sơ cách xuất trình giấy tờ này trước khi gửi.',
    '': 'Nộp trực tiếp: mang theo bản chính để đối chiếu. Nộp trực tuyến: tải lên bản chụp hoặc bản quét.'
  };
  // The citizen answers the plain questions; the core returns their own list; ticks
  // and answers stay on the device (IndexedDB), per procedure and province.
  function checklistTool(box) {
    var config = configOf(box);
    if (!config || !config.data) return;
    // The papers are listed once, in the page: the checklist turns that list into the
    // citizen's own (a tick box on each paper, what their answers make unnecessary set
    // aside), instead of repeating it.
    var section = box.parentNode;
    var rows = section.querySelectorAll('ul.dossier > li[data-item]');
    if (!rows.length) return;
    var key = keyFor('checklist', config.data);
    var state = { answers: {}, channel: '', ticks: {} };
    var status = el('div', { className: 'checklist-status', 'aria-live': 'polite' });
    var progress = el('p', { className: 'checklist-progress' });
    var dataText = null, meta = null;

    // The tool says when every answer and tick is on the device (data-saved), so nothing
    // is lost to a reload right after a tick.
    var pending = 0;
    function save() {
      pending += 1;
      box.removeAttribute('data-saved');
      return store.set(key, state).catch(function () {}).then(function () {
        pending -= 1;
        if (!pending) box.setAttribute('data-saved', '');
      });
    }
    function request() {
      var r = { procedure: meta.procedure, answers: state.answers };
      if (meta.province) r.province = meta.province;
      if (state.channel) r.channel = state.channel;
      return r;
    }
    // One paper of the page's list, made a checklist row once.
    function row(li) {
      if (li.ckBox) return li;
      var name = li.querySelector('.dossier-name');
      if (name && !name.id) name.id = nextId('ck-name');
      var box = el('input', { type: 'checkbox', className: 'ck-box', 'aria-labelledby': name ? name.id : null,
        'aria-label': name ? null : 'Đã có giấy tờ này' });
      box.addEventListener('change', function () {
        var id = li.getAttribute('data-item');
        if (box.checked) state.ticks[id] = true; else delete state.ticks[id];
        save();
        count();
      });
      var note = el('div', { className: 'ck-note' });
      li.insertBefore(box, li.firstChild);
      li.appendChild(note);
      li.ckBox = box;
      li.ckNote = note;
      li.parentNode.classList.add('checklist-in-place');
      return li;
    }
    function render(reply) {
      status.textContent = '';
      if (!reply.ok) {
        toolError(status, /^\/answers/.test(reply.result.error.field || '') || reply.result.error.field === '/channel'
          ? 'Câu trả lời đã lưu không còn khớp với thủ tục này (thủ tục vừa được cập nhật). Bấm "Xóa câu trả lời và dấu tích" rồi trả lời lại.'
          : 'Chưa lập được danh sách giấy tờ. Tải lại trang rồi thử lại.');
        return;
      }
      var r = reply.result;
      var byId = {};
      r.items.forEach(function (i) { byId[i.id] = i; });
      Array.prototype.forEach.call(rows, function (li) {
        var i = byId[li.getAttribute('data-item')];
        if (!i) return;
        row(li);
        var skipped = i.status === 'not_needed' || i.status === 'waived';
        li.classList.toggle('ck-skipped', skipped);
        li.classList.toggle('ck-maybe', i.status === 'conditional');
        li.ckBox.hidden = skipped;
        li.ckBox.checked = !skipped && !!state.ticks[i.id];
        var notes = [];
        if (skipped) {
          notes.push('Không cần với trường hợp của bạn: ' + (i.status === 'waived' && i.waiver
            ? 'không phải nộp, ' + i.waiver.reason + ' (' + i.waiver.source + ').' : i.reason));
        } else {
          // The list already says when a paper is needed; the note says what is still open.
          if (i.status === 'conditional') notes.push(li.querySelector('.dossier-if') ? 'Trả lời câu hỏi ở trên để biết bạn có cần giấy tờ này không.' : 'Có thể cần: ' + i.reason);
          if (i.kind === 'present') notes.push(PRESENT[state.channel] || PRESENT['']);
        }
        li.ckNote.textContent = notes.join(' ');
        li.ckNote.hidden = !notes.length;
      });
      if (r.unanswered && r.unanswered.length) {
        status.appendChild(el('p', { className: 'muted', text: 'Trả lời thêm ' + r.unanswered.length +
          ' câu hỏi ở trên để biết chính xác giấy tờ cần chuẩn bị.' }));
      }
      status.appendChild(progress);
      count();
    }
    function count() {
      var have = 0, all = 0;
      Array.prototype.forEach.call(rows, function (li) {
        if (!li.ckBox || li.ckBox.hidden) return;
        all += 1;
        if (li.ckBox.checked) have += 1;
      });
      progress.textContent = 'Đã có ' + have + '/' + all + ' giấy tờ cần chuẩn bị.';
    }
    function update() {
      save();
      return calc('checklist', dataText, request()).then(render).catch(function (e) { toolError(status, citizenText(e)); });
    }

    Promise.all([data(config.data), store.get(key).catch(function () { return null; })]).then(function (got) {
      dataText = got[0];
      var d = meta = JSON.parse(dataText);
      if (got[1]) state = { answers: got[1].answers || {}, channel: got[1].channel || '', ticks: got[1].ticks || {} };
      var children = [el('h3', { text: 'Danh sách giấy tờ của riêng bạn' }),
        el('p', { className: 'muted', text: 'Trả lời vài câu hỏi để biết bạn cần giấy tờ nào trong danh sách dưới đây, rồi đánh dấu ' +
          'giấy tờ đã có. Câu trả lời và dấu tích được lưu trên thiết bị này, kể cả khi không có mạng.' })];
      if (d.channels.length > 1) {
        children.push(radioGroup('kenh', 'Bạn sẽ nộp hồ sơ theo cách nào?', '', d.channels.map(function (c) {
          return { value: c, label: CHANNELS[c] || c };
        }), state.channel, function (v) { state.channel = v; update(); }));
      } else if (d.channels.length === 1) {
        state.channel = d.channels[0];
      }
      d.questions.forEach(function (q) {
        var options = q.type === 'yes_no' ? [{ value: 'true', label: 'Có' }, { value: 'false', label: 'Không' }] : q.options;
        var current = q.id in state.answers ? String(state.answers[q.id]) : '';
        children.push(radioGroup('q-' + q.id, q.text, q.help, options, current, function (v) {
          state.answers[q.id] = q.type === 'yes_no' ? v === 'true' : v;
          update();
        }));
      });
      var reset = el('button', { type: 'button', className: 'link-button', text: 'Xóa câu trả lời và dấu tích' });
      reset.addEventListener('click', function () {
        state = { answers: {}, channel: d.channels.length === 1 ? d.channels[0] : '', ticks: {} };
        box.querySelectorAll('input[type="radio"]').forEach(function (r) { r.checked = false; });
        update();
      });
      children.push(status, reset);
      box.appendChild(el('div', { className: 'tool-form' }, children));
      box.hidden = false;
      return update();
    }).catch(function () { /* no data: the list below still says everything */ });
  }

  // ---------------------------------------------------------------- fee tool
  function todayInVietnam() { return nowInVietnam().slice(0, 10); }
  function feeTool(box) {
    var config = configOf(box);
    if (!config || !config.data) return;
    data(config.data).then(function (dataText) {
      var d = JSON.parse(dataText);
      var fees = d.fees || { inputs: [], rules: [], exemptions: [], adjustments: [] };
      if (!fees.rules.length) return;
      var fields = [el('h3', { text: 'Tính phí, lệ phí phải nộp' })];
      var inputs = {}, defs = {};
      fees.inputs.forEach(function (i) {
        var id = nextId('fee-' + i.name);
        var input = el('input', { type: 'number', id: id, name: i.name, inputmode: 'numeric', min: String(i.min),
          max: i.max ? String(i.max) : null, step: '1', value: String(i['default']) });
        inputs[i.name] = input;
        defs[i.name] = i;
        fields.push(el('div', { className: 'form-group' }, [el('label', { for: id, text: i.label + (i.unit ? ' (' + i.unit + ')' : '') }), input]));
      });
      var channel = null;
      if (d.channels.length > 1) {
        var idCh = nextId('fee-ch');
        channel = el('select', { id: idCh, name: 'channel' }, d.channels.map(function (c) {
          return el('option', { value: c, text: CHANNELS[c] || c });
        }));
        fields.push(el('div', { className: 'form-group' }, [el('label', { for: idCh, text: 'Cách nộp' }), channel]));
      }
      var idDate = nextId('fee-date');
      var date = el('input', { type: 'date', id: idDate, name: 'date', value: todayInVietnam() });
      fields.push(el('div', { className: 'form-group' }, [el('label', { for: idDate, text: 'Ngày nộp' }), date]));
      var used = {};
      fees.exemptions.forEach(function (e) { used[e.category] = true; });
      var categories = (d.applicant_categories || []).filter(function (c) { return used[c.slug]; });
      var category = null;
      if (categories.length) {
        var idCat = nextId('fee-cat');
        category = el('select', { id: idCat, name: 'category' }, [el('option', { value: '', text: 'Không thuộc đối tượng nào' })]
          .concat(categories.map(function (c) { return el('option', { value: c.slug, text: c.name }); })));
        fields.push(el('div', { className: 'form-group' }, [el('label', { for: idCat, text: 'Đối tượng được miễn, giảm' }), category]));
      }
      var out = el('div', { className: 'tool-result', 'aria-live': 'polite' });
      var button = el('button', { type: 'submit', className: 'button', text: 'Tính tiền' });
      fields.push(button);
      var form = el('form', { className: 'tool-form', novalidate: true }, fields);
      function run() {
        // Every number is asked for, never assumed: an empty field is not "1".
        var problem = null;
        var req = { procedure: d.procedure, date: date.value, inputs: {} };
        if (d.province) req.province = d.province;
        if (channel) req.channel = channel.value;
        else if (d.channels.length) req.channel = d.channels[0];
        Object.keys(inputs).forEach(function (n) {
          var v = inputs[n].value.trim();
          var x = Number(v);
          if (!problem && v === '' && !inputs[n].validity.badInput) problem = { field: inputs[n], text: 'Nhập ' + quoted(defs[n].label) + '.' };
          else if (!problem && (v === '' || !Number.isInteger(x) || x < defs[n].min || (defs[n].max && x > defs[n].max))) {
            problem = { field: inputs[n], text: wholeNumberText(defs[n]) };
          }
          req.inputs[n] = x;
        });
        if (!problem && !date.value) problem = { field: date, text: 'Chọn ngày nộp hồ sơ.' };
        if (category && category.value) req.applicant = { categories: [category.value] };
        if (problem) { showFeeProblem(out, problem.field, problem.text, inputs, date); return Promise.resolve(); }
        return calc('fee', dataText, req).then(function (reply) { showFee(out, reply, inputs, defs, date); })
          .catch(function (e) { toolError(out, citizenText(e)); });
      }
      form.addEventListener('submit', function (ev) { ev.preventDefault(); run(); });
      form.addEventListener('change', function () { run(); });
      box.appendChild(form);
      box.appendChild(out);
      box.hidden = false;
    }).catch(function () { /* the fee table above still says everything */ });
  }
  function quoted(label) { return '“' + label + '”'; }
  function wholeNumberText(def) {
    return quoted(def.label) + ' là một số nguyên từ ' + number(def.min) +
      (def.max ? ' đến ' + number(def.max) : ' trở lên') + (def.unit ? ' (' + def.unit + ')' : '') + '.';
  }
  // The message goes under the form, named by the field's label; the field is marked and
  // described by it.
  function clearFeeMarks(inputs, date) {
    [date].concat(Object.keys(inputs).map(function (n) { return inputs[n]; })).forEach(function (f) {
      f.removeAttribute('aria-invalid');
      f.removeAttribute('aria-describedby');
    });
  }
  function showFeeProblem(out, field, text, inputs, date) {
    clearFeeMarks(inputs, date);
    toolError(out, text);
    if (field) {
      var id = nextId('fee-err');
      out.firstChild.id = id;
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', id);
    }
  }
  function showFee(out, reply, inputs, defs, date) {
    clearFeeMarks(inputs, date);
    out.textContent = '';
    if (!reply.ok) {
      // The engine words its errors for developers ("\"pages\" (…) is a whole number…"): the
      // field it names (a JSON Pointer) says what to tell the citizen.
      var e = reply.result.error;
      var field = e.field || '';
      var m = /^\/inputs\/(.+)$/.exec(field);
      if (m && inputs[m[1]]) showFeeProblem(out, inputs[m[1]], wholeNumberText(defs[m[1]]), inputs, date);
      else if (field === '/date') showFeeProblem(out, date, 'Chọn ngày nộp hồ sơ.', inputs, date);
      else if (field === '/inputs') showFeeProblem(out, null, 'Số tiền tính ra quá lớn. Kiểm tra lại các số đã nhập.', inputs, date);
      else if (/^\/applicant/.test(field)) showFeeProblem(out, null, 'Chọn lại đối tượng được miễn, giảm.', inputs, date);
      else if (field === '/channel') showFeeProblem(out, null, 'Chọn lại cách nộp hồ sơ.', inputs, date);
      else showFeeProblem(out, null, 'Chưa tính được phí, lệ phí cho thủ tục này. Tải lại trang rồi thử lại.', inputs, date);
      return;
    }
    var r = reply.result;
    var head = el('p', { className: 'answer' }, ['Tổng cộng: ', el('strong', { text: r.total_text })]);
    if (r.sample) head.appendChild(el('span', { className: 'sample-badge', text: 'Dữ liệu minh họa' }));
    out.appendChild(head);
    if (r.exempt) out.appendChild(el('p', { text: 'Bạn thuộc đối tượng được miễn.' }));
    if (r.lines.length) {
      out.appendChild(el('table', { className: 'fee-lines' }, [
        el('caption', { className: 'visually-hidden', text: 'Chi tiết cách tính' }),
        el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Khoản' }), el('th', { scope: 'col', text: 'Số tiền' }),
          el('th', { scope: 'col', text: 'Căn cứ' })])]),
        el('tbody', null, r.lines.map(function (l) {
          return el('tr', null, [el('th', { scope: 'row' }, [l.label, l.detail ? el('br') : null,
            l.detail ? el('span', { className: 'muted', text: l.detail }) : null]),
          el('td', { text: l.amount_text }), el('td', { className: 'source', text: l.source })]);
        }))]));
    }
  }

  // ---------------------------------------------------------------- draft records
  // A draft, as stored in IndexedDB and as exported to a file:
  //   {id: "nhap-<base 36>", form: "<form slug>", title, created: "2026-03-02T08:30",
  //    updated: "…", values: {<field id>: "text" | true/false | {day, month, year, calendar, leap}},
  //    page}
  // An imported file is checked in full (its size, every record's shape, the form it belongs
  // to and what that form allows) before anything is stored. A record already stored that
  // does not fit (written by an older version) is listed as damaged, never dropped.
  var DRAFT_LIMITS = {
    fileBytes: 5 * 1024 * 1024,  // a file of drafts (an export of 20 drafts is about 40 KB)
    drafts: 500,                 // drafts in one file
    forms: 50,                   // different forms named in one file (each one is looked up)
    fields: 200,                 // filled fields in one draft
    text: 5000,                  // characters in one value (the longest field allows 2000)
    title: 300,                  // characters in a draft's name
    id: 80                       // characters in a draft's id, a form's or a field's slug
  };
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DRAFT_ID = /^nhap-[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DATE_PARTS = { day: 'string', month: 'string', year: 'string', calendar: 'string', leap: 'boolean' };
  function isObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function isSlug(v, pattern) { return typeof v === 'string' && v.length <= DRAFT_LIMITS.id && (pattern || SLUG).test(v); }
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }
  // "2026-03-02T08:30" as the form page writes it, or with seconds, a fraction and an offset;
  // always a real calendar date and time.
  function isDateTime(v) {
    if (typeof v !== 'string' || v.length > 40) return false;
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/.exec(v);
    if (!m) return false;
    var month = Number(m[2]), day = Number(m[3]);
    var days = month >= 1 && month <= 12 ? new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate() : 0;
    return day >= 1 && day <= days && Number(m[4]) <= 23 && Number(m[5]) <= 59 &&
      (m[6] === undefined || Number(m[6]) <= 59) && (m[7] === undefined || (Number(m[7]) <= 14 && Number(m[8]) <= 59));
  }
  function whenText(iso) {
    return isDateTime(iso) ? iso.slice(11, 16) + ' ' + dateText(iso.slice(0, 10)) : '';
  }
  // What is wrong with one value, in plain words (`name`: the field, quoted), or ''.
  function valueProblem(name, v) {
    if (typeof v === 'string') {
      return v.length > DRAFT_LIMITS.text ? 'mục ' + name + ' dài quá ' + number(DRAFT_LIMITS.text) + ' ký tự' : '';
    }
    if (typeof v === 'boolean') return '';
    if (isObject(v)) {
      var parts = Object.keys(v);
      for (var i = 0; i < parts.length; i += 1) {
        var p = parts[i];
        if (!DATE_PARTS.hasOwnProperty(p) || typeof v[p] !== DATE_PARTS[p] ||
            (typeof v[p] === 'string' && v[p].length > 10)) {
          return 'mục ' + name + ' có ngày tháng không đọc được';
        }
      }
      return '';
    }
    return 'mục ' + name + ' có giá trị không đọc được';
  }
  // What keeps a stored draft from being opened, or '': its id, its form and its values.
  // (A wrong date or name only shows as unknown: the next save on the form page mends it.)
  function storedProblem(d) {
    if (!isObject(d)) return 'không phải là một bản nháp';
    if (typeof d.id !== 'string' || !d.id) return 'không có mã bản nháp';
    if (!isSlug(d.form)) return d.form === undefined ? 'không ghi tờ khai nào' : 'tên tờ khai không đúng dạng';
    if (d.values === undefined) return 'không có nội dung đã điền';
    if (!isObject(d.values)) return 'nội dung đã điền không đọc được';
    var ids = Object.keys(d.values);
    for (var i = 0; i < ids.length; i += 1) {
      var problem = valueProblem('“' + ids[i] + '”', d.values[ids[i]]);
      if (problem) return problem;
    }
    return '';
  }
  // What is wrong with a record of an imported file, or '' (its values are checked
  // afterwards, against the definition of its form).
  function importProblem(d) {
    if (!isObject(d)) return 'không phải là một bản nháp';
    if (d.id === undefined) return 'thiếu mã bản nháp';
    if (!isSlug(d.id, DRAFT_ID)) return 'mã bản nháp không đúng dạng';
    if (d.form === undefined) return 'thiếu tên tờ khai';
    if (!isSlug(d.form)) return 'tên tờ khai không đúng dạng';
    if (d.updated === undefined) return 'thiếu ngày sửa';
    if (!isDateTime(d.updated)) return 'ngày sửa không đúng dạng ngày giờ';
    if (d.created === undefined) return 'thiếu ngày tạo';
    if (!isDateTime(d.created)) return 'ngày tạo không đúng dạng ngày giờ';
    if (d.title !== undefined && typeof d.title !== 'string') return 'tên bản nháp không phải là chữ';
    if (typeof d.title === 'string' && d.title.length > DRAFT_LIMITS.title) {
      return 'tên bản nháp dài quá ' + number(DRAFT_LIMITS.title) + ' ký tự';
    }
    if (d.page !== undefined && typeof d.page !== 'string') return 'địa chỉ trang không phải là chữ';
    if (d.values === undefined) return 'thiếu nội dung đã điền';
    if (!isObject(d.values)) return 'nội dung đã điền không đọc được';
    var ids = Object.keys(d.values);
    if (ids.length > DRAFT_LIMITS.fields) return 'có quá nhiều mục (' + number(ids.length) + ')';
    for (var i = 0; i < ids.length; i += 1) {
      if (!isSlug(ids[i])) return 'có một mục không đúng dạng tên';
    }
    return '';
  }
  // What the form does not allow in these values, or '': every field must be one of the
  // form's, with the kind of value its inputs give (text, yes or no, one of the choices, a date).
  function formProblem(values, form) {
    var fields = {};
    form.sections.forEach(function (s) { s.fields.forEach(function (f) { fields[f.id] = f; }); });
    var ids = Object.keys(values);
    for (var i = 0; i < ids.length; i += 1) {
      var f = fields[ids[i]], v = values[ids[i]];
      if (!f) return 'tờ khai này không có mục “' + ids[i] + '”';
      var name = '“' + (f.label || f.id) + '”';
      var problem = valueProblem(name, v);
      if (problem) return problem;
      if (f.type === 'yes_no') {
        if (typeof v !== 'boolean') return 'mục ' + name + ' phải là Có hoặc Không';
      } else if (f.type === 'choice') {
        var options = (f.options || []).map(function (o) { return o.value; });
        if (options.indexOf(v) < 0) return 'mục ' + name + ' không phải một lựa chọn của tờ khai';
      } else if (f.type === 'date') {
        if (!isObject(v)) return 'mục ' + name + ' phải là một ngày';
        if (v.calendar !== undefined && v.calendar !== 'solar' && !(v.calendar === 'lunar' && f.calendar === 'solar_or_lunar')) {
          return 'mục ' + name + ' ghi lịch không đúng';
        }
      } else if (typeof v !== 'string') {
        return 'mục ' + name + ' phải là chữ hoặc số đã gõ';
      }
    }
    return '';
  }
  // The published definition of a form (the data the form page checks with):
  // {known: true, form} | {known: false} (no such form) | {unchecked: true} (could not ask).
  var formLookups = {};
  function formDefinition(slug) {
    if (!formLookups[slug]) {
      var url = dataUrl(ROOT + 'bieu-mau/' + slug + '/du-lieu.json');
      formLookups[slug] = fetch(url, { credentials: 'same-origin' }).then(function (r) {
        if (r.status === 404 || r.status === 410) return { known: false };
        if (!r.ok) return { unchecked: true };
        return r.json().then(function (d) {
          var ok = d && isObject(d.form) && d.form.id === slug && Array.isArray(d.form.sections);
          return ok ? { known: true, form: d.form } : { known: false };
        });
      }).catch(function () { return { unchecked: true }; });
      formLookups[slug].then(function (r) { if (r.unchecked) delete formLookups[slug]; });
    }
    return formLookups[slug];
  }
  function newDraftId() {
    return 'nhap-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
  }
  // Only the known fields of a checked record are stored.
  function cleanDraft(d) {
    return { id: d.id, form: d.form, title: typeof d.title === 'string' && d.title ? d.title : 'Hồ sơ nháp',
      created: d.created, updated: d.updated, values: JSON.parse(JSON.stringify(d.values)),
      page: 'bieu-mau/' + d.form + '/?nhap=' + d.id };
  }

  // A draft's address, rebuilt from its form and id (never from text in an imported file).
  function draftHref(d) {
    return ROOT + 'bieu-mau/' + encodeURIComponent(d.form || '') + '/?nhap=' + encodeURIComponent(d.id);
  }

  // ---------------------------------------------------------------- draft forms
  // A declaration form drafted on the device: saved to IndexedDB on every change (so
  // nothing typed is lost, online or not), checked by the core with one plain message
  // per visible field (error summary pattern), printable as an A4 paper form.
  function formTool(form) {
    var config = configOf(form);
    if (!config || !config.data || !config.form) return;
    var summary = document.getElementById('tom-tat-loi');
    var bar = document.querySelector('[data-tool="form-drafts"]');
    var status = el('p', { className: 'draft-status', 'aria-live': 'polite' });
    var def = null, dataText = null, draft = null, checked = false, saving = Promise.resolve();
    var params = new URLSearchParams(location.search);
    var wanted = params.get('nhap');

    function fieldDefs() {
      var out = [];
      (def ? def.form.sections : []).forEach(function (s) { s.fields.forEach(function (f) { out.push(f); }); });
      return out;
    }
    function collect() {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (e) {
        if (!e.name) return;
        var dot = e.name.indexOf('.');
        if (dot > 0) {
          var id = e.name.slice(0, dot), part = e.name.slice(dot + 1);
          values[id] = values[id] || {};
          if (e.type === 'radio') { if (e.checked) values[id][part] = e.value; } else if (e.type === 'checkbox') values[id][part] = e.checked;
          else values[id][part] = e.value;
        } else if (e.type === 'radio') {
          if (e.checked) values[e.name] = e.value === 'true' ? true : e.value === 'false' ? false : e.value;
        } else if (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') {
          values[e.name] = e.value;
        }
      });
      return values;
    }
    function fill(values) {
      Array.prototype.forEach.call(form.elements, function (e) {
        if (!e.name) return;
        var dot = e.name.indexOf('.');
        var v = dot > 0 ? (values[e.name.slice(0, dot)] || {})[e.name.slice(dot + 1)] : values[e.name];
        if (e.type === 'radio') e.checked = v !== undefined && String(v) === e.value;
        else if (e.type === 'checkbox') e.checked = v === true;
        else if (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') e.value = v == null ? '' : String(v);
      });
    }
    function isEmpty(values) {
      return Object.keys(values).every(function (k) {
        var v = values[k];
        if (v && typeof v === 'object') return !v.day && !v.month && !v.year;
        return v === '' || v == null;
      });
    }
    function title(values) {
      // The first name field (written in capitals on the paper form) names the draft.
      var name = '';
      Array.prototype.some.call(form.querySelectorAll('input.uppercase'), function (i) {
        var v = typeof values[i.name] === 'string' ? values[i.name].trim() : '';
        if (v) name = v;
        return Boolean(v);
      });
      var t = form.querySelector('.form-title');
      return (t ? t.textContent : 'Tờ khai') + (name ? ' – ' + name : '');
    }
    function save() {
      var values = collect();
      if (!draft && isEmpty(values)) return saving;
      if (!draft) {
        draft = { id: newDraftId(), form: config.form,
          created: nowInVietnam() };
        var url = new URL(location.href);
        url.searchParams.set('nhap', draft.id);
        history.replaceState(null, '', url.pathname + url.search + url.hash);
      }
      draft.values = values;
      draft.updated = nowInVietnam();
      if (!isDateTime(draft.created)) draft.created = draft.updated;  // mends a record from an older version
      draft.title = title(values);
      draft.page = 'bieu-mau/' + config.form + '/?nhap=' + draft.id;
      var record = JSON.parse(JSON.stringify(draft));
      // One write at a time, in order: the last keystroke always wins.
      saving = saving.then(function () { return store.saveDraft(record); }).then(function () {
        status.textContent = 'Đã lưu nháp trên thiết bị lúc ' + record.updated.slice(11, 16) + '.';
      }).catch(function (e) {
        status.textContent = 'Không lưu được bản nháp (' + e.message + '). Hãy tải bản nháp về máy để giữ lại.';
      });
      return saving;
    }
    function target(id) {
      var f = fieldDefs().filter(function (x) { return x.id === id; })[0];
      if (!f) return 'f-' + id;
      if (f.type === 'choice' || f.type === 'yes_no') return 'f-' + id + '-1';
      if (f.type === 'date') return 'f-' + id + '-day';
      return 'f-' + id;
    }
    function showDerived(result) {
      form.querySelectorAll('output[data-derived]').forEach(function (o) {
        var d = result.derived[o.getAttribute('data-derived')];
        var parts = [];
        if (d) {
          if (d.lunar_text && d.date) {
            var lunarPicked = form.querySelector('input[name="' + o.getAttribute('data-derived') + '.calendar"][value="lunar"]');
            parts.push(lunarPicked && lunarPicked.checked ? 'Tức ngày ' + d.text + ' dương lịch' : 'Âm lịch: ' + d.lunar_text);
          }
          if (d.words) parts.push('Bằng chữ: ' + d.words);
          if (d.province) {
            parts.push('Đăng ký khai sinh tại ' + d.province + ', ' + (d.gender === 'nu' ? 'nữ' : 'nam') + ', sinh năm ' + d.birth_year);
          }
        }
        o.textContent = parts.join('. ');
      });
    }
    function showErrors(result) {
      form.querySelectorAll('.field-error').forEach(function (p) { p.hidden = true; p.textContent = ''; });
      form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
      if (!checked) return;
      result.errors.forEach(function (e) {
        var p = document.getElementById('f-' + e.field + '-error');
        if (p) { p.textContent = e.message; p.hidden = false; }
        var group = form.querySelector('[data-field="' + e.field + '"]');
        if (group) group.querySelectorAll('input, textarea').forEach(function (i) { i.setAttribute('aria-invalid', 'true'); });
      });
    }
    function showSummary(result, focus) {
      summary.textContent = '';
      summary.className = 'error-summary';
      if (result.valid) {
        summary.className = 'error-summary ok';
        summary.appendChild(el('h2', { text: 'Tờ khai đã điền đủ và đúng định dạng' }));
        summary.appendChild(el('p', { text: 'Bấm “In tờ khai (A4)” để in, hoặc mang theo điện thoại khi đi nộp hồ sơ.' }));
      } else {
        summary.appendChild(el('h2', { text: 'Tờ khai còn ' + result.errors.length + ' chỗ cần sửa' }));
        summary.appendChild(el('ul', null, result.errors.map(function (e) {
          var a = el('a', { href: '#' + target(e.field), text: e.message });
          a.addEventListener('click', function (ev) {
            ev.preventDefault();
            var t = document.getElementById(target(e.field));
            if (t) { t.focus(); t.scrollIntoView({ block: 'center' }); }
          });
          return el('li', null, [a]);
        })));
      }
      summary.hidden = false;
      if (focus) summary.focus();
    }
    var pending = null;
    function evaluate(focus) {
      if (!dataText) return Promise.resolve();
      var request = { form: config.form, values: collect(), today: nowInVietnam().slice(0, 10) };
      var run = calc('form', dataText, request).then(function (reply) {
        if (run !== pending) return;  // a newer keystroke is being checked
        if (!reply.ok) { status.textContent = reply.result.error.message; return; }
        var r = reply.result;
        form.querySelectorAll('[data-field]').forEach(function (g) {
          g.hidden = r.visible.indexOf(g.getAttribute('data-field')) < 0;
        });
        showDerived(r);
        showErrors(r);
        if (checked) showSummary(r, focus);
      }).catch(function (e) { status.textContent = e.message; });
      pending = run;
      return run;
    }
    // Text fields fire "input" per keystroke and "change" on leaving; radios fire both:
    // save and check only when the values really changed.
    var lastValues = null;
    function onChange() {
      var snapshot = JSON.stringify(collect());
      if (snapshot === lastValues) return;
      lastValues = snapshot;
      save();
      evaluate(false);
    }
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    function check(ev) {
      ev.preventDefault();
      checked = true;
      save();
      evaluate(true);
    }
    form.addEventListener('submit', check);
    var checkButton = form.querySelector('[data-action="check"]');
    if (checkButton) checkButton.addEventListener('click', check);
    var printButton = form.querySelector('[data-action="print"]');
    if (printButton) printButton.addEventListener('click', function () { window.print(); });

    // The bar above the form: where the draft lives, a fresh draft, a copy to keep.
    var fresh = el('a', { href: location.pathname, className: 'button secondary', text: 'Bản nháp mới' });
    var keep = el('button', { type: 'button', className: 'link-button', text: 'Tải bản nháp này về máy' });
    keep.addEventListener('click', function () {
      save().then(function () {
        if (!draft) { status.textContent = 'Chưa có gì để tải về.'; return; }
        download(exportName('ho-so-nhap'), JSON.stringify({ format: 'motcua-drafts', version: 1, drafts: [draft] }, null, 2));
      });
    });
    var others = el('div', { className: 'other-drafts' });
    if (bar) {
      bar.appendChild(status);
      bar.appendChild(others);
      bar.appendChild(el('div', { className: 'draft-actions' }, [fresh, ' ', keep]));
      bar.hidden = false;
    }
    status.textContent = 'Nội dung bạn nhập được lưu nháp ngay trên thiết bị này.';

    var loaded = wanted ? store.draft(wanted).then(function (d) {
      if (d && d.form === config.form && storedProblem(d)) {
        // Never write over a damaged record: what it holds can still be downloaded.
        status.textContent = 'Bản nháp này bị hỏng nên không mở được (' + storedProblem(d) + '). Nó vẫn được giữ ở ' +
          'trang Hồ sơ nháp của tôi, nơi bạn có thể tải về hoặc xóa. Nội dung bạn nhập bây giờ được lưu thành bản nháp mới.';
        var url = new URL(location.href);
        url.searchParams.delete('nhap');
        history.replaceState(null, '', url.pathname + url.search + url.hash);
      } else if (d && d.form === config.form) {
        draft = d;
        fill(d.values);
        var when = whenText(d.updated);
        status.textContent = when ? 'Đang tiếp tục bản nháp lưu lúc ' + when + '.' : 'Đang tiếp tục bản nháp đã lưu.';
      } else {
        status.textContent = 'Không tìm thấy bản nháp này trên thiết bị (có thể đã bị xóa). ' +
          'Nếu bạn đã tải về, hãy nhập lại ở trang Hồ sơ nháp của tôi.';
      }
    }) : store.drafts().then(function (all) {
      var mine = all.filter(function (d) { return !storedProblem(d) && d.form === config.form; });
      if (!mine.length) return;
      others.appendChild(el('p', { text: 'Bạn có ' + mine.length + ' bản nháp của tờ khai này trên thiết bị:' }));
      others.appendChild(el('ul', null, mine.map(function (d) {
        return el('li', null, [el('a', { href: draftHref(d), text: typeof d.title === 'string' && d.title ? d.title : 'Bản nháp' })]);
      })));
    });
    Promise.resolve(loaded).catch(function () {
      status.textContent = 'Trình duyệt không cho lưu nháp trên thiết bị. Bạn vẫn có thể điền và in tờ khai.';
    }).then(function () {
      return data(config.data);
    }).then(function (text) {
      dataText = text;
      def = JSON.parse(text);
      return evaluate(false);
    }).catch(function () { /* no checking offline before the first visit: typing and saving still work */ });
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
  // Reads a file of drafts and stores every record that passes the checks, one at a time.
  // Resolves to {added, same, copies, problems: ["Bản nháp thứ 3 …"]}; a file that cannot be
  // used at all rejects with a plain message. Nothing on the device is ever replaced: a
  // draft that differs from the device's copy of the same id comes in beside it.
  function importDrafts(f) {
    var mb = number(DRAFT_LIMITS.fileBytes / 1024 / 1024);
    if (f.size > DRAFT_LIMITS.fileBytes) {
      return Promise.reject(new Error('Tệp này quá lớn (hơn ' + mb + ' MB) nên không phải tệp hồ sơ nháp tải về từ trang này.'));
    }
    return f.text().then(function (text) {
      var doc;
      try { doc = JSON.parse(text); } catch (e) {
        throw new Error('Tệp này không đọc được (không phải tệp JSON). Hãy chọn tệp hồ sơ nháp đã tải về từ trang này.');
      }
      if (!isObject(doc) || doc.format !== 'motcua-drafts') {
        throw new Error('Tệp này không phải tệp hồ sơ nháp tải về từ trang này.');
      }
      if (doc.version !== 1) throw new Error('Tệp hồ sơ nháp này của một phiên bản khác, trang chưa đọc được.');
      if (!Array.isArray(doc.drafts)) throw new Error('Tệp hồ sơ nháp bị hỏng: không có danh sách bản nháp.');
      if (!doc.drafts.length) throw new Error('Tệp không có bản nháp nào.');
      if (doc.drafts.length > DRAFT_LIMITS.drafts) {
        throw new Error('Tệp có ' + number(doc.drafts.length) + ' bản nháp, nhiều hơn ' + number(DRAFT_LIMITS.drafts) +
          ' bản nháp mỗi lần nhập. Không bản nháp nào được nhập.');
      }
      var problems = doc.drafts.map(importProblem);
      var forms = [];
      doc.drafts.forEach(function (d, i) {
        if (!problems[i] && forms.indexOf(d.form) < 0) forms.push(d.form);
      });
      return Promise.all(forms.slice(0, DRAFT_LIMITS.forms).map(formDefinition)).then(function (defs) {
        var result = { added: 0, same: 0, copies: 0, problems: [] };
        var checked = doc.drafts.map(function (d, i) {
          if (problems[i]) return { problem: 'không hợp lệ: ' + problems[i] };
          var k = forms.indexOf(d.form);
          var def = k < DRAFT_LIMITS.forms ? defs[k] : { known: false };
          if (def.unchecked) {
            return { problem: 'chưa nhập được: chưa tải được tờ khai “' + d.form + '” để kiểm tra (có thể do không có mạng). ' +
              'Hãy nhập lại tệp khi có mạng' };
          }
          if (!def.known) return { problem: 'không hợp lệ: trang này không có tờ khai “' + d.form + '”' };
          var p = formProblem(d.values, def.form);
          return p ? { problem: 'không hợp lệ: ' + p } : { draft: cleanDraft(d) };
        });
        checked.forEach(function (c, i) {
          if (c.problem) result.problems.push('Bản nháp thứ ' + (i + 1) + ' trong tệp ' + c.problem + '.');
        });
        // One record at a time: two records with the same id must not race.
        return checked.reduce(function (done, c) {
          if (!c.draft) return done;
          var d = c.draft;
          return done.then(function () { return store.draft(d.id); }).then(function (local) {
            if (local && JSON.stringify(local.values) === JSON.stringify(d.values)) { result.same += 1; return undefined; }
            if (local) {
              d.id = newDraftId();
              d.title = d.title + ' (bản nhập từ tệp)';
              d.page = 'bieu-mau/' + d.form + '/?nhap=' + d.id;
              result.copies += 1;
            }
            result.added += 1;
            return store.saveDraft(d);
          });
        }, Promise.resolve()).then(function () { return result; });
      });
    });
  }
  function draftsPage(box) {
    var list = el('ul', { className: 'drafts' });
    var status = el('div', { className: 'import-status', 'aria-live': 'polite' });
    var fileId = nextId('import');
    var file = el('input', { type: 'file', id: fileId, accept: 'application/json,.json' });
    var exportAll = el('button', { type: 'button', className: 'button secondary', text: 'Tải tất cả hồ sơ nháp về máy' });
    function downloadOne(d) {
      download(exportName('ho-so-nhap'), JSON.stringify({ format: 'motcua-drafts', version: 1, drafts: [d] }, null, 2));
    }
    function removeButton(d, question) {
      var del = el('button', { type: 'button', className: 'link-button', text: 'Xóa' });
      del.addEventListener('click', function () {
        if (!window.confirm(question)) return;
        store.deleteDraft(d.id).then(render).catch(function (e) {
          say(['Không xóa được bản nháp: ' + e.message], null, true);
        });
      });
      return del;
    }
    function downloadButton(d) {
      var exp = el('button', { type: 'button', className: 'link-button', text: 'Tải về' });
      exp.addEventListener('click', function () { downloadOne(d); });
      return exp;
    }
    function goodItem(d) {
      var title = typeof d.title === 'string' && d.title ? d.title : 'Hồ sơ nháp';
      var when = whenText(d.updated);
      return el('li', null, [el('a', { href: draftHref(d), text: title }),
        el('span', { className: 'muted', text: when ? ' – sửa lần cuối ' + when : ' – không rõ lần sửa cuối' }),
        ' ', downloadButton(d), ' ', removeButton(d, 'Xóa hồ sơ nháp "' + title + '"? Không thể khôi phục.')]);
    }
    // A record this version cannot open: said plainly, kept until the citizen deletes it,
    // and downloadable so that nothing it holds is lost.
    function damagedItem(d, problem) {
      var title = isObject(d) && typeof d.title === 'string' && d.title ? d.title.slice(0, 120) : '';
      return el('li', { className: 'draft-damaged' }, [
        el('strong', { text: 'Bản nháp hỏng' }), title ? ' – ' + title : '',
        el('br'), el('span', { className: 'muted', text: 'Trang không mở được bản nháp này: ' + problem + '. ' +
          'Bấm “Tải về” để giữ lại nội dung, hoặc “Xóa” nếu không cần nữa.' }),
        ' ', downloadButton(d), ' ',
        removeButton(d, 'Xóa bản nháp hỏng này? Không thể khôi phục. Nếu muốn giữ nội dung, hãy bấm “Tải về” trước.')]);
    }
    function render() {
      return store.drafts().then(function (drafts) {
        list.textContent = '';
        var good = [], damaged = [];
        drafts.forEach(function (d) {
          var problem = storedProblem(d);
          if (problem) damaged.push({ d: d, problem: problem }); else good.push(d);
        });
        function key(d) { return isDateTime(d.updated) ? d.updated : ''; }
        good.sort(function (a, b) { return key(b) < key(a) ? -1 : key(b) > key(a) ? 1 : 0; });
        if (!drafts.length) list.appendChild(el('li', { text: 'Chưa có hồ sơ nháp nào trên thiết bị này.' }));
        good.forEach(function (d) { list.appendChild(goodItem(d)); });
        damaged.forEach(function (x) { list.appendChild(damagedItem(x.d, x.problem)); });
        exportAll.disabled = !drafts.length;
      });
    }
    // Shows the outcome of an action: its lines, then the records that could not come in.
    function say(lines, problems, failed) {
      status.textContent = '';
      status.className = 'import-status';
      lines.forEach(function (l) { status.appendChild(el('p', failed ? { className: 'field-error', text: l } : { text: l })); });
      if (problems && problems.length) {
        status.className = 'import-status error-summary';
        status.appendChild(el('ul', null, problems.map(function (p) { return el('li', { text: p }); })));
        status.appendChild(el('p', { className: 'muted', text: 'Tệp của bạn không bị thay đổi: bạn có thể sửa tệp rồi nhập lại.' }));
      }
    }
    exportAll.addEventListener('click', function () {
      store.drafts().then(function (drafts) {
        // Every record, damaged ones too: a copy to keep loses nothing.
        download(exportName('ho-so-nhap'), JSON.stringify({ format: 'motcua-drafts', version: 1, drafts: drafts }, null, 2));
      });
    });
    file.addEventListener('change', function () {
      var f = file.files && file.files[0];
      if (!f) return;
      say(['Đang đọc tệp…']);
      importDrafts(f).then(function (r) {
        var lines = [];
        if (r.added) lines.push('Đã nhập ' + r.added + ' hồ sơ nháp.');
        if (r.copies) {
          lines.push(r.copies + ' bản nháp khác với bản cùng tên trên thiết bị nên được thêm thành bản riêng, ' +
            'ghi “(bản nhập từ tệp)”; bản trên thiết bị vẫn giữ nguyên.');
        }
        if (r.same) lines.push(r.same + ' hồ sơ nháp trong tệp đã có sẵn trên thiết bị.');
        if (!r.added && !r.same) lines.push('Chưa nhập được hồ sơ nháp nào.');
        if (r.problems.length) lines.push(r.problems.length + ' bản nháp trong tệp không nhập được:');
        say(lines, r.problems);
        file.value = '';
        return render();
      }).catch(function (e) {
        say([e.message], null, true);
        file.value = '';
      });
    });
    box.textContent = '';
    box.appendChild(list);
    box.appendChild(el('div', { className: 'draft-actions' }, [exportAll]));
    box.appendChild(el('div', { className: 'form-group' }, [
      el('label', { for: fileId, text: 'Nhập lại hồ sơ nháp từ tệp đã tải về' }), file]));
    box.appendChild(status);
    box.hidden = false;
    render().catch(function (e) { say(['Không đọc được bộ nhớ của trình duyệt: ' + e.message], null, true); });
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

  // ---------------------------------------------------------------- due date at a glance
  // The summary at the top of a procedure page says when the result is due if the dossier
  // is handed in now, computed by the same engine as the deadline tool. It runs when the
  // browser is idle (the engine is precached with the app shell), never on a data saver.
  function glanceDue() {
    var spans = document.querySelectorAll('.glance-due[data-due]');
    var tool = document.querySelector('[data-tool="deadline"][data-config]');
    if (!spans.length || !tool) return;
    var saver = navigator.connection && (navigator.connection.saveData || /2g/.test(navigator.connection.effectiveType || ''));
    if (saver) return;
    var config = configOf(tool);
    if (!config || !config.calendar) return;
    var center = config.centers && config.centers.length === 1 ? config.centers[0].key : '';
    var when = nowInVietnam();
    data(config.calendar).then(function (text) {
      return Promise.all(Array.prototype.map.call(spans, function (span) {
        var request = { received_at: when + ':00+07:00', duration: JSON.parse(span.getAttribute('data-due')) };
        if (center) request.center = center;
        return calc('deadline', text, request).then(function (reply) {
          if (!reply.ok) return;
          var r = reply.result;
          span.textContent = 'Nộp ngay: hạn trả ' + r.due_at.slice(11, 16) + ', ' + dateText(r.due_date) +
            (r.estimated ? ' (dự kiến)' : '') + '.';
          span.hidden = false;
        });
      }));
    }).catch(function () { /* the deadline in words above still answers */ });
  }
  function whenIdle(fn) {
    if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 4000 });
    else setTimeout(fn, 1500);
  }

  // ---------------------------------------------------------------- start
  function start() {
    document.documentElement.classList.add('js');
    document.querySelectorAll('[data-tool="deadline"]').forEach(deadlineTool);
    whenIdle(glanceDue);
    document.querySelectorAll('[data-tool="checklist"]').forEach(checklistTool);
    document.querySelectorAll('[data-tool="fee"]').forEach(feeTool);
    document.querySelectorAll('form[data-tool="form"]').forEach(formTool);
    document.querySelectorAll('[data-tool="drafts"]').forEach(draftsPage);
    serviceWorker();
  }
  window.motcua = { store: store, calc: calc, data: data, el: el, dateText: dateText, nowInVietnam: nowInVietnam,
    download: download, exportName: exportName, nextId: nextId };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
