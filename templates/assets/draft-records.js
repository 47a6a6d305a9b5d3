/* motcua draft records: what a stored or imported draft must look like, shared by the form
 * page (form.js) and the drafts page (drafts.js). Needs core.js; sets motcua.records. */
(function (m) {
  'use strict';
  if (!m) return;  // core.js did not load: the page still works without its tools
  var ROOT = m.root,
    dateText = m.dateText,
    dataUrl = m.dataUrl,
    number = m.number;

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

  m.records = { LIMITS: DRAFT_LIMITS, isObject: isObject, isDateTime: isDateTime, whenText: whenText,
    storedProblem: storedProblem, importProblem: importProblem, formProblem: formProblem,
    formDefinition: formDefinition, newDraftId: newDraftId, cleanDraft: cleanDraft, draftHref: draftHref };
})(window.motcua);
