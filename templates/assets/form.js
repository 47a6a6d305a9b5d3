/* motcua form tool: a declaration form drafted on the device. Needs core.js and draft-records.js. */
(function (m) {
  'use strict';
  if (!m || !m.records) return;  // core.js or draft-records.js did not load: the page still works without this tool
  var r = m.records,
    el = m.el,
    nowInVietnam = m.nowInVietnam,
    store = m.store,
    calc = m.calc,
    data = m.data,
    configOf = m.configOf,
    download = m.download,
    exportName = m.exportName,
    isDateTime = r.isDateTime,
    whenText = r.whenText,
    storedProblem = r.storedProblem,
    newDraftId = r.newDraftId,
    draftHref = r.draftHref;

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
      // The first check needs the WebAssembly core: it runs once the page is loaded and the
      // browser idle (issue 13), unless the citizen's typing asked for it already.
      return new Promise(function (idle) { m.whenIdle(idle); });
    }).then(function () {
      return evaluate(false);
    }).catch(function () { /* no checking offline before the first visit: typing and saving still work */ });
  }

  m.tool('form', function () {
    document.querySelectorAll('form[data-tool="form"]').forEach(formTool);
  });
})(window.motcua);
