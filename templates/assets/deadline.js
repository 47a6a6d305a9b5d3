/* motcua deadline tool: when the result is due if the dossier is handed in at a given time,
 * and the due date at a glance in the page's summary. Needs core.js. */
(function (m) {
  'use strict';
  if (!m) return;  // core.js did not load: the page still works without its tools
  var el = m.el,
    dateText = m.dateText,
    nowInVietnam = m.nowInVietnam,
    citizenText = m.citizenText,
    nextId = m.nextId,
    calc = m.calc,
    data = m.data,
    configOf = m.configOf,
    whenIdle = m.whenIdle;

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
            (r.estimated ? ' (dự\u00a0kiến)' : '') + '.';  // the note wraps as one
          span.hidden = false;
        });
      }));
    }).catch(function () { /* the deadline in words above still answers */ });
  }

  m.tool('deadline', function () {
    document.querySelectorAll('[data-tool="deadline"]').forEach(deadlineTool);
    whenIdle(glanceDue);
  });
})(window.motcua);
