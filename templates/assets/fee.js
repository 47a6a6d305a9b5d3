/* motcua fee tool: the fees and charges to pay for the citizen's case. Needs core.js. */
(function (m) {
  'use strict';
  if (!m) return;  // core.js did not load: the page still works without its tools
  var el = m.el,
    nowInVietnam = m.nowInVietnam,
    citizenText = m.citizenText,
    nextId = m.nextId,
    calc = m.calc,
    data = m.data,
    CHANNELS = m.CHANNELS,
    configOf = m.configOf,
    toolError = m.toolError,
    number = m.number;

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

  m.tool('fee', function () {
    document.querySelectorAll('[data-tool="fee"]').forEach(feeTool);
  });
})(window.motcua);
