/* motcua drafts page: the drafts kept on the device, their export and import. Needs core.js
 * and draft-records.js. */
(function (m) {
  'use strict';
  if (!m || !m.records) return;  // core.js or draft-records.js did not load: the page still works without this tool
  var r = m.records,
    el = m.el,
    nextId = m.nextId,
    store = m.store,
    number = m.number,
    download = m.download,
    exportName = m.exportName,
    DRAFT_LIMITS = r.LIMITS,
    isObject = r.isObject,
    isDateTime = r.isDateTime,
    whenText = r.whenText,
    storedProblem = r.storedProblem,
    importProblem = r.importProblem,
    formProblem = r.formProblem,
    formDefinition = r.formDefinition,
    newDraftId = r.newDraftId,
    cleanDraft = r.cleanDraft,
    draftHref = r.draftHref;

  // ---------------------------------------------------------------- drafts page
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

  m.tool('drafts', function () {
    document.querySelectorAll('[data-tool="drafts"]').forEach(draftsPage);
  });
})(window.motcua);
