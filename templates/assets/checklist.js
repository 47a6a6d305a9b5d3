/* motcua checklist tool: the page's list of papers made the citizen's own. Needs core.js. */
(function (m) {
  'use strict';
  if (!m) return;  // core.js did not load: the page still works without its tools
  var el = m.el,
    citizenText = m.citizenText,
    nextId = m.nextId,
    store = m.store,
    calc = m.calc,
    data = m.data,
    CHANNELS = m.CHANNELS,
    configOf = m.configOf,
    toolError = m.toolError,
    whenIdle = m.whenIdle;

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

    // The citizen's list needs the WebAssembly core: it comes once the page is loaded and the
    // browser idle (issue 13), the page's own list answering until then.
    new Promise(function (idle) { whenIdle(idle); }).then(function () {
      return Promise.all([data(config.data), store.get(key).catch(function () { return null; })]);
    }).then(function (got) {
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

  m.tool('checklist', function () {
    document.querySelectorAll('[data-tool="checklist"]').forEach(checklistTool);
  });
})(window.motcua);
