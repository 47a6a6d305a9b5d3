#include "motcua/catalog_diff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "motcua/civil_date.h"
#include "motcua/format.h"

namespace motcua {

namespace {

std::string quoted(const std::string& text) { return "“" + text + "”"; }

// Values too long for one line ("Các bước", a condition) are said to have changed; the
// report keeps both versions for whoever wants to read them.
bool long_value(const std::string& text) { return text.size() > 160 || text.find('\n') != std::string::npos; }

// The digits a value starts with and the rest ("7 ngày làm việc" -> "7", " ngày làm việc").
bool number_and_rest(const std::string& text, std::string& number, std::string& rest) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0 || i == text.size() || text[i] != ' ') return false;
  number = text.substr(0, i);
  rest = text.substr(i);
  return true;
}

// "Thời hạn: 7 → 5 ngày làm việc" when both values count the same unit.
std::string change_words(const std::string& label, const std::string& before, const std::string& after) {
  if (before.empty()) return label + ": " + (long_value(after) ? "thêm mới" : after);
  if (after.empty()) return label + ": bỏ" + (long_value(before) ? "" : " (" + before + ")");
  if (long_value(before) || long_value(after)) return label + ": đã sửa nội dung";
  std::string n1, r1, n2, r2;
  if (number_and_rest(before, n1, r1) && number_and_rest(after, n2, r2) && r1 == r2) {
    return label + ": " + n1 + " → " + n2 + r1;
  }
  return label + ": " + before + " → " + after;
}

void changed(std::vector<FieldChange>& out, const std::string& field, const std::string& label,
             const std::string& before, const std::string& after) {
  if (before == after) return;
  out.push_back({field, label, before, after, change_words(label, before, after)});
}

void said(std::vector<FieldChange>& out, const std::string& field, const std::string& label, const std::string& before,
          const std::string& after, const std::string& text) {
  out.push_back({field, label, before, after, text});
}

// Items of a list added and removed, each its own line ("Thêm căn cứ pháp lý: …").
void list_changed(std::vector<FieldChange>& out, const std::string& field, const std::string& added_label,
                  const std::string& removed_label, const std::vector<std::string>& before,
                  const std::vector<std::string>& after) {
  const std::set<std::string> had(before.begin(), before.end()), has(after.begin(), after.end());
  for (const std::string& item : before) {
    if (!has.count(item)) said(out, field, removed_label, item, "", removed_label + ": " + item);
  }
  for (const std::string& item : after) {
    if (!had.count(item)) said(out, field, added_label, "", item, added_label + ": " + item);
  }
}

std::string yes_no(bool value) { return value ? "có" : "không"; }

// The lowercase channel word used in labels: "Lệ phí trực tiếp".
std::string channel_word(ChannelKind k) {
  switch (k) {
    case ChannelKind::direct: return "trực tiếp";
    case ChannelKind::online: return "trực tuyến";
    case ChannelKind::postal: return "qua bưu chính";
  }
  return "";
}

std::string levels_words(const std::vector<Level>& levels) {
  std::vector<std::string> names;
  for (Level l : levels) names.push_back(level_name(l));
  return join_nonempty(names);
}

std::string review_words(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::reviewed: return "đã rà soát";
    case ReviewStatus::imported: return "nhập tự động, chưa rà soát";
    case ReviewStatus::unspecified: break;
  }
  return "chưa ghi";
}

std::string reception_words(const std::optional<Reception>& r) {
  if (!r) return "Trung tâm Phục vụ hành chính công theo cấp thực hiện";
  return r->text.empty() ? r->place : r->text;
}

std::string legal_words(const LegalDocument& d) {
  std::string title = d.title;
  if (!d.number.empty() && title.find(d.number) == std::string::npos) title += (title.empty() ? "" : " ") + d.number;
  if (!d.article.empty()) title += ", " + d.article;
  return title;
}

std::string paper_count(const DossierItem& item) {
  std::vector<std::string> parts;
  if (item.originals > 0) parts.push_back(std::to_string(item.originals) + " bản chính");
  if (item.copies > 0) parts.push_back(std::to_string(item.copies) + " bản sao");
  std::string words = join_nonempty(parts);
  if (item.kind == DossierKind::present) words = words.empty() ? "xuất trình" : words + ", xuất trình";
  return words;
}

std::string paper_words(const DossierItem& item) {
  const std::string count = paper_count(item);
  std::string words = item.name + (count.empty() ? "" : " (" + count + ")");
  if (!item.condition.is_null()) words += ", tùy trường hợp";
  return words;
}

std::string alternatives_words(const DossierItem& item) {
  std::vector<std::string> names;
  for (const DossierAlternative& a : item.alternatives) names.push_back(a.name);
  return join_nonempty(names, "; ");
}

std::string waivers_words(const DossierItem& item) {
  std::vector<std::string> reasons;
  for (const DossierWaiver& w : item.waivers) reasons.push_back(w.reason + " — " + w.condition.dump());
  return join_nonempty(reasons, "; ");
}

std::string fold(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Papers matched by name first (imported ids follow their position, so an inserted paper
// renumbers the rest), then by id.
void dossier_changed(std::vector<FieldChange>& out, const std::vector<DossierItem>& before,
                     const std::vector<DossierItem>& after) {
  std::vector<int> match(after.size(), -1);
  std::vector<bool> used(before.size(), false);
  // The same name and id first (two papers may share a name), then the name, then the id.
  for (std::size_t j = 0; j < after.size(); ++j) {
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (!used[i] && before[i].id == after[j].id && fold(before[i].name) == fold(after[j].name)) {
        match[j] = static_cast<int>(i);
        used[i] = true;
        break;
      }
    }
  }
  for (std::size_t j = 0; j < after.size(); ++j) {
    if (match[j] >= 0) continue;
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (!used[i] && fold(before[i].name) == fold(after[j].name)) {
        match[j] = static_cast<int>(i);
        used[i] = true;
        break;
      }
    }
  }
  for (std::size_t j = 0; j < after.size(); ++j) {
    if (match[j] >= 0 || after[j].id.empty()) continue;
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (!used[i] && before[i].id == after[j].id) {
        match[j] = static_cast<int>(i);
        used[i] = true;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (!used[i]) said(out, "dossier", "Bỏ giấy tờ", paper_words(before[i]), "", "Bỏ giấy tờ: " + paper_words(before[i]));
  }
  for (std::size_t j = 0; j < after.size(); ++j) {
    const DossierItem& a = after[j];
    if (match[j] < 0) {
      said(out, "dossier", "Thêm giấy tờ", "", paper_words(a), "Thêm giấy tờ: " + paper_words(a));
      continue;
    }
    const DossierItem& b = before[static_cast<std::size_t>(match[j])];
    const std::string paper = "Giấy tờ " + quoted(a.name);
    if (fold(b.name) != fold(a.name)) {
      said(out, "dossier/name", "Tên giấy tờ", b.name, a.name,
           "Giấy tờ " + quoted(b.name) + " đổi tên thành " + quoted(a.name));
    }
    changed(out, "dossier/count", paper + ", số lượng", paper_count(b), paper_count(a));
    changed(out, "dossier/form", paper + ", mẫu đơn, tờ khai", b.form, a.form);
    if (b.condition != a.condition) {
      const std::string before_words = b.condition.is_null() ? "luôn cần" : "tùy trường hợp (" + b.condition.dump() + ")";
      const std::string after_words = a.condition.is_null() ? "luôn cần" : "tùy trường hợp (" + a.condition.dump() + ")";
      const std::string text =
          b.condition.is_null() ? paper + ": trước luôn cần, nay chỉ cần tùy trường hợp"
          : a.condition.is_null() ? paper + ": trước chỉ cần tùy trường hợp, nay luôn cần"
                                  : paper + ": trường hợp cần nộp đã đổi";
      said(out, "dossier/condition", paper + ", khi nào cần", before_words, after_words, text);
    }
    changed(out, "dossier/when", paper + ", ghi chú khi nào cần", b.when, a.when);
    changed(out, "dossier/alternatives", paper + ", có thể thay bằng", alternatives_words(b), alternatives_words(a));
    changed(out, "dossier/waivers", paper + ", trường hợp không phải nộp", waivers_words(b), waivers_words(a));
    changed(out, "dossier/source", paper + ", căn cứ", b.source, a.source);
  }
}

std::string rule_words(const FeeRule& r) {
  std::string words;
  switch (r.kind) {
    case FeeRuleKind::flat: words = format_vnd(r.amount); break;
    case FeeRuleKind::per_unit: words = format_vnd(r.amount) + (r.unit.empty() ? "" : "/" + r.unit); break;
    case FeeRuleKind::tiered: {
      std::vector<std::string> tiers;
      for (const FeeTier& t : r.tiers) {
        tiers.push_back("từ " + std::to_string(t.from) + (t.to ? " đến " + std::to_string(t.to) : "") + ": " +
                        format_vnd(t.amount) + (r.unit.empty() ? "" : "/" + r.unit));
      }
      words = "theo bậc (" + join_nonempty(tiers, "; ") + ")";
      if (r.max) words += ", tối đa " + format_vnd(r.max);
      break;
    }
    case FeeRuleKind::percent: {
      words = std::to_string(r.basis_points / 100);
      if (r.basis_points % 100) words += "," + zero_padded(r.basis_points % 100, 2);
      words += " %";
      if (r.min) words += ", tối thiểu " + format_vnd(r.min);
      if (r.max) words += ", tối đa " + format_vnd(r.max);
      break;
    }
    case FeeRuleKind::free: words = "Miễn phí"; break;
    case FeeRuleKind::not_regulated: words = "Không quy định"; break;
    case FeeRuleKind::local: words = "Theo mức do Hội đồng nhân dân tỉnh quy định"; break;
  }
  if (!r.valid_from.empty() || !r.valid_to.empty()) {
    words += ", áp dụng" + (r.valid_from.empty() ? "" : " từ " + format_date(r.valid_from)) +
             (r.valid_to.empty() ? "" : " đến " + format_date(r.valid_to));
  }
  if (r.sample) words += " (dữ liệu minh họa)";
  return words;
}

// Rules are matched by id and channels: one id may be given once per channel (the online
// rate beside the counter's).
std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

std::string rule_key(const FeeRule& r) { return r.id + "\n" + join_nonempty(sorted(r.channels), ","); }

// "Lệ phí gia hạn tạm trú (trực tuyến)": the channels in words.
std::string rule_name(const FeeRule& r) {
  std::vector<std::string> channels;
  for (const std::string& slug : r.channels) {
    channels.push_back(slug == "direct" ? "trực tiếp" : slug == "online" ? "trực tuyến" : slug == "postal" ? "qua bưu chính" : slug);
  }
  return (r.label.empty() ? r.id : r.label) + (channels.empty() ? "" : " (" + join_nonempty(channels) + ")");
}

void fee_rules_changed(std::vector<FieldChange>& out, const std::string& field, const std::vector<FeeRule>& before,
                       const std::vector<FeeRule>& after) {
  // Rules of one id and channels (one per period) are paired in their order.
  std::map<std::string, std::vector<const FeeRule*>> had;
  for (const FeeRule& r : before) had[rule_key(r)].push_back(&r);
  std::map<std::string, std::size_t> taken;
  for (const FeeRule& a : after) {
    const std::string key = rule_key(a);
    const auto it = had.find(key);
    const std::size_t n = taken[key]++;
    const std::string name = rule_name(a);
    if (it == had.end() || n >= it->second.size()) {
      said(out, field, "Thêm mức phí", "", name + ": " + rule_words(a), "Thêm mức phí " + quoted(name) + ": " + rule_words(a));
      continue;
    }
    const FeeRule& b = *it->second[n];
    changed(out, field + "/label", "Tên mức phí", b.label, a.label);
    changed(out, field, "Mức phí " + quoted(name), rule_words(b), rule_words(a));
    changed(out, field + "/source", "Căn cứ mức phí " + quoted(name), b.source.text(), a.source.text());
    changed(out, field + "/note", "Ghi chú mức phí " + quoted(name), b.note, a.note);
  }
  for (const auto& [key, rules] : had) {
    for (std::size_t n = taken[key]; n < rules.size(); ++n) {
      said(out, field, "Bỏ mức phí", rule_name(*rules[n]) + ": " + rule_words(*rules[n]), "",
           "Bỏ mức phí " + quoted(rule_name(*rules[n])));
    }
  }
}

std::string adjustments_words(const FeeSchedule& s) {
  std::vector<std::string> lines;
  for (const FeeAdjustment& a : s.adjustments) {
    lines.push_back(a.label + ": giảm " + std::to_string(a.percent_off) + " %" +
                    (a.valid_from.empty() ? "" : " từ " + format_date(a.valid_from)) +
                    (a.valid_to.empty() ? "" : " đến " + format_date(a.valid_to)) + " (" + a.source.text() + ")");
  }
  return join_nonempty(lines, "; ");
}

std::string exemptions_words(const FeeSchedule& s) {
  std::vector<std::string> lines;
  for (const FeeExemption& e : s.exemptions) {
    lines.push_back(e.category + ": giảm " + std::to_string(e.percent_off) + " % (" + e.source.text() + ")" +
                    (e.note.empty() ? "" : " — " + e.note) + (e.sample ? " (dữ liệu minh họa)" : ""));
  }
  return join_nonempty(lines, "; ");
}

std::string questions_words(const std::vector<Question>& questions) {
  std::vector<std::string> texts;
  for (const Question& q : questions) {
    std::vector<std::string> options;
    for (const QuestionOption& o : q.options) options.push_back(o.label);
    texts.push_back(q.text + (options.empty() ? "" : " (" + join_nonempty(options, " / ") + ")") +
                    (q.help.empty() ? "" : " — " + q.help));
  }
  return join_nonempty(texts, "; ");
}

std::vector<std::string> names_of(const std::vector<ProcedureResult>& results) {
  std::vector<std::string> out;
  for (const ProcedureResult& r : results) out.push_back(r.name + (r.code.empty() ? "" : " (" + r.code + ")"));
  return out;
}

std::vector<std::string> names_of(const std::vector<LegalDocument>& docs) {
  std::vector<std::string> out;
  for (const LegalDocument& d : docs) out.push_back(legal_words(d));
  return out;
}

std::string field_name(const Catalog& catalog, const std::string& slug) {
  const Field* f = catalog.find_field(slug);
  return f ? f->name : slug;
}

// A channel's deadline or fee across the channels both versions have: one line when every
// channel changed the same way ("Thời hạn: 7 → 5 ngày làm việc"), else one per channel.
template <typename Words>
void per_channel(std::vector<FieldChange>& out, const Procedure& b, const Procedure& a, const std::string& part,
                 const std::string& label, Words words) {
  std::vector<FieldChange> lines;
  std::set<std::pair<std::string, std::string>> distinct;
  std::size_t common = 0;
  for (const Channel& ca : a.channels) {
    const Channel* cb = b.channel(ca.kind);
    if (cb == nullptr) continue;
    ++common;
    const std::string before = words(*cb), after = words(ca);
    if (before == after) continue;
    distinct.insert({before, after});
    changed(lines, std::string("channels/") + channel_slug(ca.kind) + "/" + part, label + " " + channel_word(ca.kind),
            before, after);
  }
  if (common > 1 && lines.size() == common && distinct.size() == 1) {
    changed(out, "channels/" + part, label, distinct.begin()->first, distinct.begin()->second);
    return;
  }
  out.insert(out.end(), lines.begin(), lines.end());
}

std::vector<FieldChange> procedure_changes(const Catalog& old_catalog, const Procedure& b, const Catalog& new_catalog,
                                           const Procedure& a) {
  std::vector<FieldChange> out;
  changed(out, "name", "Tên thủ tục", b.name, a.name);
  changed(out, "short_name", "Tên ngắn", b.short_name, a.short_name);
  changed(out, "summary", "Tóm tắt", b.summary, a.summary);
  changed(out, "field", "Lĩnh vực", field_name(old_catalog, b.field), field_name(new_catalog, a.field));
  changed(out, "levels", "Cấp thực hiện", levels_words(b.levels), levels_words(a.levels));
  changed(out, "procedure_type", "Loại thủ tục", b.procedure_type, a.procedure_type);
  changed(out, "competent_agency", "Cơ quan có thẩm quyền", b.competent_agency, a.competent_agency);
  changed(out, "implementing_agency", "Cơ quan thực hiện", b.implementing_agency, a.implementing_agency);
  changed(out, "authorized_agency", "Cơ quan được ủy quyền", b.authorized_agency, a.authorized_agency);
  list_changed(out, "coordinating_agencies", "Thêm cơ quan phối hợp", "Bỏ cơ quan phối hợp", b.coordinating_agencies,
               a.coordinating_agencies);
  list_changed(out, "applicants", "Thêm đối tượng thực hiện", "Bỏ đối tượng thực hiện", b.applicants, a.applicants);
  for (const Channel& cb : b.channels) {
    if (a.channel(cb.kind) == nullptr) {
      said(out, "channels", "Bỏ cách nộp", channel_name(cb.kind), "", std::string("Bỏ cách nộp: ") + channel_name(cb.kind));
    }
  }
  for (const Channel& ca : a.channels) {
    if (b.channel(ca.kind) == nullptr) {
      const std::string words = std::string(channel_name(ca.kind)) + " (thời hạn " + deadline_words(ca.deadline) +
                                ", lệ phí " + fee_words(ca.fee) + ")";
      said(out, "channels", "Thêm cách nộp", "", words, "Thêm cách nộp: " + words);
    }
  }
  per_channel(out, b, a, "deadline", "Thời hạn", [](const Channel& c) { return deadline_words(c.deadline); });
  // A deadline's wording is its own change only where the deadline itself did not change
  // (an imported "30 Ngày" → "20 Ngày" is the same change said twice).
  std::vector<FieldChange> wording;
  per_channel(wording, b, a, "deadline/text", "Ghi chú thời hạn", [](const Channel& c) {
    return c.deadline.unit == DeadlineUnit::unknown ? std::string() : c.deadline.text;
  });
  const auto deadline_changed = [&out](const std::string& text_field) {
    const std::string field = text_field.substr(0, text_field.size() - 5);  // without "/text"
    return std::any_of(out.begin(), out.end(), [&](const FieldChange& c) {
      return c.field == field || c.field == "channels/deadline";
    });
  };
  for (FieldChange& c : wording) {
    if (!deadline_changed(c.field)) out.push_back(std::move(c));
  }
  per_channel(out, b, a, "fee", "Lệ phí", [](const Channel& c) { return fee_words(c.fee); });
  per_channel(out, b, a, "fee/text", "Ghi chú lệ phí", [](const Channel& c) {
    return c.fee.kind == FeeKind::unknown ? std::string() : c.fee.text;
  });
  per_channel(out, b, a, "fee/basis", "Căn cứ thu phí", [](const Channel& c) { return c.fee.basis; });
  per_channel(out, b, a, "online_level", "Mức trực tuyến", [](const Channel& c) {
    return c.online_level == "full" ? std::string("toàn trình")
                                    : c.online_level == "partial" ? std::string("một phần") : std::string();
  });
  per_channel(out, b, a, "description", "Cách nộp", [](const Channel& c) { return c.description; });
  dossier_changed(out, b.dossier, a.dossier);
  changed(out, "questions", "Câu hỏi lập danh sách giấy tờ", questions_words(b.questions), questions_words(a.questions));
  fee_rules_changed(out, "fees", b.fees.rules, a.fees.rules);
  changed(out, "fees/adjustments", "Giảm phí", adjustments_words(b.fees), adjustments_words(a.fees));
  changed(out, "fees/exemptions", "Miễn, giảm phí theo đối tượng", exemptions_words(b.fees), exemptions_words(a.fees));
  changed(out, "steps", "Các bước thực hiện", b.steps_markdown, a.steps_markdown);
  changed(out, "conditions", "Điều kiện thực hiện", b.conditions_markdown, a.conditions_markdown);
  list_changed(out, "results", "Thêm kết quả", "Bỏ kết quả", names_of(b.results), names_of(a.results));
  list_changed(out, "legal_basis", "Thêm căn cứ pháp lý", "Bỏ căn cứ pháp lý", names_of(b.legal_basis),
               names_of(a.legal_basis));
  changed(out, "boundary_independent", "Không phụ thuộc địa giới hành chính", yes_no(b.boundary_independent),
          yes_no(a.boundary_independent));
  changed(out, "full_online", "Trực tuyến toàn trình", yes_no(b.full_online), yes_no(a.full_online));
  changed(out, "boundary_independent_source", "Căn cứ không phụ thuộc địa giới", b.boundary_independent_source,
          a.boundary_independent_source);
  changed(out, "full_online_source", "Căn cứ trực tuyến toàn trình", b.full_online_source, a.full_online_source);
  changed(out, "received_at", "Nơi tiếp nhận", reception_words(b.received_at), reception_words(a.received_at));
  list_changed(out, "life_events", "Thêm vào sự kiện", "Bỏ khỏi sự kiện", b.life_events, a.life_events);
  list_changed(out, "related", "Thêm thủ tục liên quan", "Bỏ thủ tục liên quan", b.related, a.related);
  changed(out, "effective_date", "Ngày có hiệu lực", format_date(b.effective_date), format_date(a.effective_date));
  changed(out, "source", "Quyết định công bố", b.source.decision, a.source.decision);
  changed(out, "notes", "Ghi chú", join_nonempty(b.notes, "; "), join_nonempty(a.notes, "; "));
  changed(out, "status", "Trạng thái rà soát", review_words(b.status), review_words(a.status));
  return out;
}

// What a new procedure is, in the words of an amendment's "after": where it is done, how
// long, how much, how many papers.
std::vector<FieldChange> procedure_facts(const Catalog& catalog, const Procedure& p) {
  std::vector<FieldChange> out;
  const auto fact = [&out](const std::string& field, const std::string& label, const std::string& value) {
    if (!value.empty()) out.push_back({field, label, "", value, label + ": " + value});
  };
  fact("field", "Lĩnh vực", field_name(catalog, p.field));
  fact("levels", "Cấp thực hiện", levels_words(p.levels));
  fact("implementing_agency", "Cơ quan thực hiện", p.implementing_agency);
  const auto per_channel_fact = [&](const std::string& part, const std::string& label, auto words) {
    std::set<std::string> distinct;
    for (const Channel& c : p.channels) distinct.insert(words(c));
    if (distinct.size() == 1) {
      fact("channels/" + part, label, *distinct.begin());
      return;
    }
    for (const Channel& c : p.channels) {
      fact(std::string("channels/") + channel_slug(c.kind) + "/" + part, label + " " + channel_word(c.kind), words(c));
    }
  };
  per_channel_fact("deadline", "Thời hạn", [](const Channel& c) { return deadline_words(c.deadline); });
  per_channel_fact("fee", "Lệ phí", [](const Channel& c) { return fee_words(c.fee); });
  if (!p.dossier.empty()) fact("dossier", "Giấy tờ", std::to_string(p.dossier.size()) + " loại");
  return out;
}

std::string hotlines_words(const Center& c) {
  std::vector<std::string> lines;
  for (const Hotline& h : c.hotlines) {
    lines.push_back(h.number + (h.label.empty() ? "" : " (" + h.label + ")") + (h.hours.empty() ? "" : ", " + h.hours) +
                    (h.sample ? " (dữ liệu minh họa)" : ""));
  }
  return join_nonempty(lines, "; ");
}

std::string hours_words(const Center& c) {
  std::vector<std::string> lines;
  for (const OpeningHours& h : c.opening_hours) lines.push_back(describe_opening_hours(h));
  return join_nonempty(lines, "; ");
}

// The hours deadlines are counted in: "T2, T3, T4, T5, T6: 07:30–11:30, 13:30–17:00".
std::string working_words(const Center& c) {
  if (!c.working_time) return "theo lịch làm việc chung";
  static const char* const days[] = {"CN", "T2", "T3", "T4", "T5", "T6", "T7"};
  std::vector<std::string> day_names, sessions;
  for (int d : c.working_time->weekdays) day_names.push_back(d >= 0 && d < 7 ? days[d] : std::to_string(d));
  const auto clock = [](int minutes) { return zero_padded(minutes / 60, 2) + ":" + zero_padded(minutes % 60, 2); };
  for (const auto& [from, to] : c.working_time->sessions) sessions.push_back(clock(from) + "–" + clock(to));
  return join_nonempty(day_names) + ": " + join_nonempty(sessions) + (c.working_time->sample ? " (dữ liệu minh họa)" : "");
}

std::string coordinates_words(const Center& c) {
  if (!c.coordinates) return "";
  return format_g15(c.coordinates->lat) + ", " + format_g15(c.coordinates->lng);
}

void center_changed(std::vector<FieldChange>& out, const std::string& prefix, const Center& b, const Center& a) {
  changed(out, "center/name", prefix + "tên", b.name, a.name);
  changed(out, "center/address", prefix + "địa chỉ", b.address, a.address);
  changed(out, "center/hotlines", prefix + "đường dây nóng", hotlines_words(b), hotlines_words(a));
  changed(out, "center/opening_hours", prefix + "giờ tiếp nhận", hours_words(b), hours_words(a));
  changed(out, "center/working_time", prefix + "giờ làm việc tính thời hạn", working_words(b), working_words(a));
  changed(out, "center/coordinates", prefix + "tọa độ", coordinates_words(b), coordinates_words(a));
  changed(out, "center/email", prefix + "thư điện tử", b.email, a.email);
  changed(out, "center/website", prefix + "trang thông tin", b.website, a.website);
  changed(out, "center/sample", prefix + "dữ liệu minh họa", yes_no(b.sample), yes_no(a.sample));
  changed(out, "center/source", prefix + "nguồn", b.source, a.source);
}

std::string centers_words(const ProvinceCatalog& province, const std::vector<std::string>& centers) {
  if (centers.empty()) return "theo cấp thực hiện";
  std::vector<std::string> names;
  for (const std::string& slug : centers) {
    if (slug == kProvinceCenter) {
      names.push_back("Trung tâm Phục vụ hành chính công tỉnh");
      continue;
    }
    const auto it = std::find_if(province.communes.begin(), province.communes.end(),
                                 [&](const Commune& c) { return c.slug == slug; });
    names.push_back(it == province.communes.end() ? slug : commune_title(*it));
  }
  return join_nonempty(names);
}

std::string source_words(const std::optional<CatalogSource>& s) {
  if (!s) return "";
  return s->decision + (s->date.empty() ? "" : " ngày " + format_date(s->date)) + (s->sample ? " (dữ liệu minh họa)" : "");
}

std::string optional_words(const std::optional<std::string>& v) { return v ? *v : ""; }

std::string optional_flag(const std::optional<bool>& v) {
  return v ? yes_no(*v) + " (theo danh mục của tỉnh)" : "theo thủ tục quốc gia";
}

std::vector<FieldChange> entry_changes(const ProvinceCatalog& pb, const CatalogEntry& b, const ProvinceCatalog& pa,
                                       const CatalogEntry& a) {
  std::vector<FieldChange> out;
  changed(out, "local_code", "Mã thủ tục của tỉnh", b.local_code, a.local_code);
  changed(out, "centers", "Nơi tiếp nhận", centers_words(pb, sorted(b.centers)), centers_words(pa, sorted(a.centers)));
  changed(out, "source", "Quyết định công bố", source_words(b.source), source_words(a.source));
  const ProcedureOverrides& ob = b.overrides;
  const ProcedureOverrides& oa = a.overrides;
  changed(out, "overrides/competent_agency", "Cơ quan có thẩm quyền (của tỉnh)", optional_words(ob.competent_agency),
          optional_words(oa.competent_agency));
  changed(out, "overrides/implementing_agency", "Cơ quan thực hiện (của tỉnh)", optional_words(ob.implementing_agency),
          optional_words(oa.implementing_agency));
  for (ChannelKind kind : {ChannelKind::direct, ChannelKind::online, ChannelKind::postal}) {
    const auto find = [kind](const ProcedureOverrides& o) -> const ChannelOverride* {
      for (const ChannelOverride& c : o.channels) {
        if (c.kind == kind) return &c;
      }
      return nullptr;
    };
    const ChannelOverride* cb = find(ob);
    const ChannelOverride* ca = find(oa);
    const std::string slug = channel_slug(kind);
    const std::string deadline_b = cb && cb->deadline ? deadline_words(*cb->deadline) : "";
    const std::string deadline_a = ca && ca->deadline ? deadline_words(*ca->deadline) : "";
    changed(out, "overrides/channels/" + slug + "/deadline", "Thời hạn " + channel_word(kind) + " (của tỉnh)",
            deadline_b, deadline_a);
    const std::string fee_b = cb && cb->fee ? fee_words(*cb->fee) : "";
    const std::string fee_a = ca && ca->fee ? fee_words(*ca->fee) : "";
    changed(out, "overrides/channels/" + slug + "/fee", "Lệ phí " + channel_word(kind) + " (của tỉnh)", fee_b, fee_a);
  }
  fee_rules_changed(out, "overrides/fee_rules", ob.fee_rules, oa.fee_rules);
  changed(out, "overrides/note", "Ghi chú của tỉnh", ob.note, oa.note);
  changed(out, "overrides/boundary_independent", "Không phụ thuộc địa giới hành chính",
          optional_flag(ob.boundary_independent), optional_flag(oa.boundary_independent));
  changed(out, "overrides/full_online", "Trực tuyến toàn trình", optional_flag(ob.full_online),
          optional_flag(oa.full_online));
  return out;
}

std::string province_name(const Catalog& catalog, const std::string& slug) {
  const ProvinceInfo* info = catalog.find_province(slug);
  return info ? info->name : slug;
}

std::string procedure_name(const Catalog& first, const Catalog& second, const std::string& code) {
  if (const Procedure* p = first.find_procedure(code)) return p->name;
  if (const Procedure* p = second.find_procedure(code)) return p->name;
  return "";
}

ProvinceChange province_changes(const Catalog& old_catalog, const ProvinceCatalog& b, const Catalog& new_catalog,
                                const ProvinceCatalog& a) {
  ProvinceChange out;
  out.slug = a.slug;
  out.name = province_name(new_catalog, a.slug);
  center_changed(out.center, "Trung tâm tỉnh: ", b.center, a.center);
  changed(out.center, "agency_code", "Mã cơ quan", b.agency_code, a.agency_code);
  std::map<std::string, const Commune*> had;
  for (const Commune& c : b.communes) had[c.slug] = &c;
  std::set<std::string> seen;
  for (const Commune& c : a.communes) {
    seen.insert(c.slug);
    const auto it = had.find(c.slug);
    if (it == had.end()) {
      out.communes.push_back({c.slug, commune_title(c), ChangeKind::added, {}});
      continue;
    }
    ItemChange change{c.slug, commune_title(c), ChangeKind::amended, {}};
    changed(change.changes, "name", "Tên", commune_title(*it->second), commune_title(c));
    changed(change.changes, "code", "Mã đơn vị hành chính", it->second->code, c.code);
    center_changed(change.changes, "Bộ phận một cửa: ", it->second->center, c.center);
    list_changed(change.changes, "also_receives", "Thêm thủ tục tiếp nhận", "Bỏ thủ tục tiếp nhận",
                 it->second->also_receives, c.also_receives);
    list_changed(change.changes, "does_not_receive", "Thêm thủ tục không tiếp nhận", "Bỏ thủ tục không tiếp nhận",
                 it->second->does_not_receive, c.does_not_receive);
    if (!change.changes.empty()) out.communes.push_back(std::move(change));
  }
  for (const Commune& c : b.communes) {
    if (!seen.count(c.slug)) out.communes.push_back({c.slug, commune_title(c), ChangeKind::removed, {}});
  }
  std::sort(out.communes.begin(), out.communes.end(),
            [](const ItemChange& x, const ItemChange& y) { return x.code < y.code; });

  std::map<std::string, const CatalogEntry*> entries;
  for (const CatalogEntry& e : b.catalog) entries[e.procedure] = &e;
  std::set<std::string> listed;
  for (const CatalogEntry& e : a.catalog) {
    listed.insert(e.procedure);
    const auto it = entries.find(e.procedure);
    const std::string name = procedure_name(new_catalog, old_catalog, e.procedure);
    if (it == entries.end()) {
      ItemChange added{e.procedure, name, ChangeKind::added, {}};
      const std::string where = centers_words(a, e.centers);
      said(added.changes, "centers", "Nơi tiếp nhận", "", where, "Nơi tiếp nhận: " + where);
      if (e.source) said(added.changes, "source", "Quyết định công bố", "", source_words(e.source),
                         "Quyết định công bố: " + source_words(e.source));
      out.entries.push_back(std::move(added));
      continue;
    }
    ItemChange change{e.procedure, name, ChangeKind::amended, entry_changes(b, *it->second, a, e)};
    if (!change.changes.empty()) out.entries.push_back(std::move(change));
  }
  for (const CatalogEntry& e : b.catalog) {
    if (!listed.count(e.procedure)) {
      out.entries.push_back({e.procedure, procedure_name(old_catalog, new_catalog, e.procedure), ChangeKind::removed, {}});
    }
  }
  std::sort(out.entries.begin(), out.entries.end(),
            [](const ItemChange& x, const ItemChange& y) { return x.code < y.code; });
  return out;
}

}  // namespace

const char* change_kind_slug(ChangeKind k) {
  switch (k) {
    case ChangeKind::added: return "added";
    case ChangeKind::removed: return "removed";
    case ChangeKind::amended: return "amended";
  }
  return "";
}

std::size_t CatalogDiff::count(ChangeKind k) const {
  return static_cast<std::size_t>(
      std::count_if(procedures.begin(), procedures.end(), [k](const ItemChange& c) { return c.kind == k; }));
}

CatalogDiff diff_catalogs(const Catalog& before, const Catalog& after) {
  CatalogDiff diff;
  // Procedures: both lists are sorted by code.
  std::size_t i = 0, j = 0;
  while (i < before.procedures.size() || j < after.procedures.size()) {
    const Procedure* b = i < before.procedures.size() ? &before.procedures[i] : nullptr;
    const Procedure* a = j < after.procedures.size() ? &after.procedures[j] : nullptr;
    if (a == nullptr || (b != nullptr && b->code < a->code)) {
      diff.procedures.push_back({b->code, b->name, ChangeKind::removed, {}});
      ++i;
    } else if (b == nullptr || a->code < b->code) {
      diff.procedures.push_back({a->code, a->name, ChangeKind::added, procedure_facts(after, *a)});
      ++j;
    } else {
      std::vector<FieldChange> changes = procedure_changes(before, *b, after, *a);
      if (!changes.empty()) diff.procedures.push_back({a->code, a->name, ChangeKind::amended, std::move(changes)});
      ++i;
      ++j;
    }
  }
  // Provinces: sorted by slug.
  i = j = 0;
  while (i < before.province_catalogs.size() || j < after.province_catalogs.size()) {
    const ProvinceCatalog* b = i < before.province_catalogs.size() ? &before.province_catalogs[i] : nullptr;
    const ProvinceCatalog* a = j < after.province_catalogs.size() ? &after.province_catalogs[j] : nullptr;
    if (a == nullptr || (b != nullptr && b->slug < a->slug)) {
      ProvinceChange gone;
      gone.slug = b->slug;
      gone.name = province_name(before, b->slug);
      gone.kind = ChangeKind::removed;
      diff.provinces.push_back(std::move(gone));
      ++i;
    } else if (b == nullptr || a->slug < b->slug) {
      ProvinceChange added;
      added.slug = a->slug;
      added.name = province_name(after, a->slug);
      added.kind = ChangeKind::added;
      diff.provinces.push_back(std::move(added));
      ++j;
    } else {
      ProvinceChange change = province_changes(before, *b, after, *a);
      if (!change.empty()) diff.provinces.push_back(std::move(change));
      ++i;
      ++j;
    }
  }
  // The rest of the content that citizens see.
  std::vector<std::string> fields_b, fields_a, events_b, events_a, hotlines_b, hotlines_a;
  for (const Field& f : before.fields) fields_b.push_back(f.name);
  for (const Field& f : after.fields) fields_a.push_back(f.name);
  for (const LifeEvent& e : before.life_events) events_b.push_back(e.name);
  for (const LifeEvent& e : after.life_events) events_a.push_back(e.name);
  for (const NationalHotline& h : before.hotlines) hotlines_b.push_back(h.name + ": " + h.number);
  for (const NationalHotline& h : after.hotlines) hotlines_a.push_back(h.name + ": " + h.number);
  list_changed(diff.other, "fields", "Thêm lĩnh vực", "Bỏ lĩnh vực", fields_b, fields_a);
  list_changed(diff.other, "life_events", "Thêm sự kiện", "Bỏ sự kiện", events_b, events_a);
  list_changed(diff.other, "hotlines", "Thêm đường dây nóng", "Bỏ đường dây nóng", hotlines_b, hotlines_a);
  changed(diff.other, "site/title", "Tên trang", before.site.title, after.site.title);
  changed(diff.other, "site/content_as_of", "Nội dung cập nhật đến ngày", format_date(before.site.content_as_of),
          format_date(after.site.content_as_of));
  return diff;
}

std::vector<DatedChange> dated_changes(const Catalog& catalog) {
  std::vector<DatedChange> out;
  if (!catalog.has_dated_content()) return out;
  // The catalog reduced to what carries dates: the procedures with a dated version (all their
  // versions) and the entries of such procedures; the rest is the same on every day.
  std::set<std::string> dated;
  const auto is_dated = [](const auto& x) { return !x.effective_from.empty() || !x.effective_until.empty(); };
  for (const Procedure& p : catalog.procedures) {
    if (is_dated(p)) dated.insert(p.code);
  }
  for (const Procedure& p : catalog.other_versions) dated.insert(p.code);
  for (const ProvinceCatalog& pc : catalog.province_catalogs) {
    for (const CatalogEntry& e : pc.catalog) {
      if (is_dated(e)) dated.insert(e.procedure);
    }
  }
  for (const auto& [slug, entries] : catalog.other_entries) {
    for (const CatalogEntry& e : entries) dated.insert(e.procedure);
  }
  Catalog skeleton;
  skeleton.site = catalog.site;
  skeleton.fields = catalog.fields;
  skeleton.provinces = catalog.provinces;
  for (const Procedure& p : catalog.procedures) {
    if (dated.count(p.code)) skeleton.procedures.push_back(p);
  }
  skeleton.other_versions = catalog.other_versions;
  for (const ProvinceCatalog& pc : catalog.province_catalogs) {
    ProvinceCatalog part;
    part.slug = pc.slug;
    part.center = pc.center;
    part.communes = pc.communes;
    part.file = pc.file;
    for (const CatalogEntry& e : pc.catalog) {
      if (dated.count(e.procedure)) part.catalog.push_back(e);
    }
    skeleton.province_catalogs.push_back(std::move(part));
  }
  skeleton.other_entries = catalog.other_entries;
  for (const std::string& date : catalog.change_dates()) {
    Catalog before = skeleton;
    before.select_date(shift_iso_date(date, -1));
    Catalog after = skeleton;
    after.select_date(date);
    CatalogDiff diff = diff_catalogs(before, after);
    if (!diff.empty()) out.push_back({date, std::move(diff)});
  }
  return out;
}

std::vector<FieldChange> localized_changes(const Catalog& catalog, const ProvinceCatalog& province,
                                           const std::string& code, const std::string& date) {
  const std::string before_day = shift_iso_date(date, -1);
  const Procedure* pb = catalog.version_on(code, before_day);
  const Procedure* pa = catalog.version_on(code, date);
  const CatalogEntry* eb = catalog.entry_on(province.slug, code, before_day);
  const CatalogEntry* ea = catalog.entry_on(province.slug, code, date);
  if (pb == nullptr || pa == nullptr || eb == nullptr || ea == nullptr) return {};
  std::vector<FieldChange> out =
      procedure_changes(catalog, Catalog::localize(*pb, *eb), catalog, Catalog::localize(*pa, *ea));
  // Of the entry's own parts, those the localized procedure does not show.
  for (FieldChange& f : entry_changes(province, *eb, province, *ea)) {
    if (f.field == "overrides/note" || f.field == "centers" || f.field == "local_code") out.push_back(std::move(f));
  }
  return out;
}

}  // namespace motcua
