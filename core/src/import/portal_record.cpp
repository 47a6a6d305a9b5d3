// One National Public Service Portal record into one procedure of the content model
// (docs/import.md). Every part goes through its parser; whatever could not be structured
// is listed in "unreviewed" with the source's words.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "motcua/catalog_loader.h"
#include "motcua/limits.h"
#include "motcua/portal_import.h"
#include "motcua/vietnamese_text.h"

namespace motcua::portal {

namespace {

using ojson = nlohmann::ordered_json;

// Names above this are prose (limits::kMaxNameBytes is 4,000); they keep this much as a name.
constexpr std::size_t kLongNameBytes = 2'000;
constexpr std::size_t kShortNameBytes = 300;

// Bytes that are not UTF-8 become U+FFFD, so that nothing a record holds can make the
// content unreadable (nlohmann's parser already refuses them in files; this is for callers
// that build records in memory).
std::string valid_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; ok && k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s, i, len);
    i += len;
  }
  return out;
}

std::string field_text(const nlohmann::json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || !it->is_string()) return "";
  return valid_utf8(it->get<std::string>());
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_missing(const Flag& f) { return ends_with(f.reason, "_missing"); }

// nlohmann::json (sorted keys) to ordered_json with the keys in the order docs/content.md
// lists them, so that a person reads a channel as kind, deadline, fee.
ojson ordered(const nlohmann::json& v) {
  static const std::vector<std::string> order = {
      "kind", "online_level", "type", "title", "name", "value", "unit", "number", "amount", "currency", "per",
      "originals", "copies", "form", "deadline", "fee", "issued", "code", "text", "when", "description"};
  if (v.is_array()) {
    ojson out = ojson::array();
    for (const auto& item : v) out.push_back(ordered(item));
    return out;
  }
  if (!v.is_object()) return ojson::parse(v.dump());
  ojson out = ojson::object();
  for (const std::string& k : order) {
    if (v.contains(k)) out[k] = ordered(v[k]);
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!out.contains(it.key())) out[it.key()] = ordered(it.value());
  }
  return out;
}

// A part's flags, moved under `prefix` ("/channels") in the procedure file.
void add_flags(std::vector<Flag>& out, const std::vector<Flag>& flags, const std::string& prefix) {
  for (Flag f : flags) {
    f.pointer = prefix + f.pointer;
    out.push_back(std::move(f));
  }
}

// One part counted once per record: parsed, flagged, or empty in the source.
void count_part(PartCount& c, const Parsed& p) {
  if (p.empty) ++c.empty;
  else if (!p.flags.empty()) ++c.flagged;
  else ++c.parsed;
}

// National codes named in a text ("1.001193"), in order, once each.
std::vector<std::string> codes_in(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    if (!(text[i] >= '0' && text[i] <= '9') || text[i + 1] != '.') continue;
    if (i > 0 && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == '.')) continue;
    bool digits = true;
    for (std::size_t k = 2; k < 8; ++k) digits = digits && text[i + k] >= '0' && text[i + k] <= '9';
    if (!digits) continue;
    if (i + 8 < text.size() && text[i + 8] >= '0' && text[i + 8] <= '9') continue;
    const std::string code = text.substr(i, 8);
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

std::string cut_at_word(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > max / 2 && s[cut] != ' ') --cut;
  if (cut <= max / 2) cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + " …";
}

void cap_lengths(ojson& v, const std::string& pointer, std::vector<Flag>& flags) {
  static const char* const kNameKeys[] = {"name", "label", "title", "id", "slug", "code", "short_name", "unit"};
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_string()) v[i] = valid_utf8(v[i].get<std::string>());
      if (v[i].is_string() && v[i].get_ref<const std::string&>().size() > limits::kMaxTextBytes) {
        const std::string whole = v[i].get<std::string>();
        v[i] = cut_at_word(whole, kShortNameBytes);
        flags.push_back({pointer + "/" + std::to_string(i), "text_too_long", cut_at_word(whole, limits::kMaxTextBytes / 2)});
      } else {
        cap_lengths(v[i], pointer + "/" + std::to_string(i), flags);
      }
    }
    return;
  }
  if (!v.is_object()) return;
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string p = pointer + "/" + it.key();
    if (!it.value().is_string()) {
      cap_lengths(it.value(), p, flags);
      continue;
    }
    // Defence in depth: a parser that cut a text inside a character leaves U+FFFD, never bytes
    // that are not UTF-8 (which would make the file unreadable).
    if (valid_utf8(it.value().get_ref<const std::string&>()) != it.value().get_ref<const std::string&>()) {
      it.value() = valid_utf8(it.value().get<std::string>());
    }
    const bool is_name = std::any_of(std::begin(kNameKeys), std::end(kNameKeys), [&](const char* k) { return it.key() == k; });
    const std::size_t limit = is_name ? limits::kMaxNameBytes : limits::kMaxTextBytes;
    const std::string& text = it.value().get_ref<const std::string&>();
    if (text.size() <= limit) continue;
    const std::string whole = text;
    it.value() = cut_at_word(whole, is_name ? kShortNameBytes : limits::kMaxTextBytes / 2);
    flags.push_back({p, "text_too_long", cut_at_word(whole, limits::kMaxTextBytes / 2)});
  }
}

}  // namespace

std::string make_slug(const std::string& name) {
  const std::string folded = fold_for_search(name);
  std::string slug;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  // Long names make unwieldy addresses: cut at a word boundary.
  if (slug.size() > 60) {
    const std::size_t cut = slug.rfind('-', 60);
    slug = slug.substr(0, cut == std::string::npos || cut == 0 ? 60 : cut);
  }
  return slug;
}

std::string text_to_markdown(const std::string& text) {
  const std::string nfc = to_nfc(text);
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i <= nfc.size(); ++i) {
    if (i == nfc.size() || nfc[i] == '\n') {
      // Trim and collapse blanks within the line.
      std::string clean = clean_text(line);
      if (!clean.empty()) lines.push_back(clean);
      line.clear();
    } else if (nfc[i] != '\r') {
      line += nfc[i];
    }
  }
  std::string out;
  bool previous_item = false;
  for (const std::string& l : lines) {
    // A source bullet ("- ", "+ ", "• ") stays a list item; everything else is its own paragraph.
    const bool item = l.rfind("- ", 0) == 0 || l.rfind("+ ", 0) == 0 || l.rfind("• ", 0) == 0;
    std::string body = item ? l.substr(l[0] == '-' || l[0] == '+' ? 2 : std::string("• ").size()) : l;
    std::string escaped;
    for (std::size_t i = 0; i < body.size(); ++i) {
      const char c = body[i];
      // Characters Markdown would read as markup; digits followed by "." or ")" at the start
      // would become an ordered list that renumbers the source's own "1." "2)".
      if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
          c == '#' || c == '|' || c == '~' || c == '&' || (c == '!' && i + 1 < body.size() && body[i + 1] == '[')) {
        escaped += '\\';
      }
      escaped += c;
      if (i == 0 && c >= '0' && c <= '9') {
        std::size_t k = 1;
        while (k < body.size() && body[k] >= '0' && body[k] <= '9') ++k;
        if (k < body.size() && (body[k] == '.' || body[k] == ')')) {
          escaped += body.substr(1, k - 1);
          escaped += '\\';
          i = k - 1;
        }
      }
    }
    if (!item && (escaped.rfind("- ", 0) == 0 || escaped.rfind("+ ", 0) == 0 || escaped.rfind("=", 0) == 0)) {
      escaped = "\\" + escaped;
    }
    if (!out.empty()) out += (item && previous_item) ? "\n" : "\n\n";
    out += item ? "- " + escaped : escaped;
    previous_item = item;
  }
  if (!out.empty()) out += '\n';
  return out;
}

ConvertedRecord convert_record(const nlohmann::json& record, const ConvertOptions& options) {
  ConvertedRecord out;
  for (const char* part : kReportedParts) out.counts[part];
  if (!record.is_object()) {
    out.error = "the record is not a JSON object";
    return out;
  }
  out.code = clean_text(field_text(record, "ma_thu_tuc"));
  if (!is_procedure_code(out.code)) {
    out.error = "\"ma_thu_tuc\" is \"" + out.code + "\", not a national code like 1.001193";
    return out;
  }
  const std::string name = clean_text(field_text(record, "ten_thu_tuc"));
  if (name.empty()) {
    out.error = "\"ten_thu_tuc\" (the procedure's name) is empty";
    return out;
  }
  out.field_name = clean_text(field_text(record, "linh_vuc"));
  if (out.field_name.empty()) {
    out.error = "\"linh_vuc\" (the field) is empty";
    return out;
  }
  std::vector<Flag> flags;

  const Parsed levels = parse_levels(field_text(record, "cap_thuc_hien"));
  add_flags(flags, levels.flags, "/levels");
  if (!levels.value.is_array() || levels.value.empty()) {
    out.error = "\"cap_thuc_hien\" names no level in force (\"" + clean_text(field_text(record, "cap_thuc_hien")) +
                "\"); a page needs at least one";
    return out;
  }

  const Parsed channels = parse_channels(field_text(record, "cach_thuc_thuc_hien"));
  add_flags(flags, channels.flags, "/channels");
  PartCount& deadline_count = out.counts["deadline"];
  PartCount& fee_count = out.counts["fee"];
  if (channels.empty) {
    ++deadline_count.empty;
    ++fee_count.empty;
    flags.push_back({"/channels", "channels_missing", ""});
  } else if (!channels.value.is_array() || channels.value.empty()) {
    ++deadline_count.flagged;
    ++fee_count.flagged;
  } else {
    for (std::size_t i = 0; i < channels.value.size(); ++i) {
      const std::string prefix = "/" + std::to_string(i);
      auto count = [&](PartCount& c, const std::string& part) {
        const Flag* flag = nullptr;
        for (const Flag& f : channels.flags) {
          if (f.pointer == prefix + "/" + part) flag = &f;
        }
        if (flag == nullptr) ++c.parsed;
        else if (is_missing(*flag)) ++c.empty;
        else ++c.flagged;
      };
      count(deadline_count, "deadline");
      count(fee_count, "fee");
    }
  }

  // "N Ngày" (calendar days) while the row's own description says "N ngày làm việc": the
  // two words of the source disagree, so neither is stated as the fact.
  if (channels.value.is_array()) {
    for (std::size_t i = 0; i < channels.value.size(); ++i) {
      const nlohmann::json& ch = channels.value[i];
      if (!ch.contains("deadline") || ch["deadline"].value("unit", "") != "calendar_days") continue;
      const std::string description = fold_for_search(ch.value("description", ""));
      const int n = ch["deadline"].value("value", 0);
      const std::string padded = (n < 10 ? "0" : "") + std::to_string(n);
      bool conflict = false;
      for (const std::string& number : {std::to_string(n), padded}) {
        std::size_t at = description.find(number + " ngay lam viec");
        while (at != std::string::npos && !conflict) {
          conflict = at == 0 || description[at - 1] == ' ';
          at = description.find(number + " ngay lam viec", at + 1);
        }
      }
      const std::string pointer = "/" + std::to_string(i) + "/deadline";
      const bool already = std::any_of(channels.flags.begin(), channels.flags.end(),
                                       [&](const Flag& f) { return f.pointer == pointer; });
      if (conflict && !already) {
        flags.push_back({"/channels" + pointer, "deadline_unit_conflict",
                         ch["deadline"].value("text", "") + " — " + ch.value("description", "")});
        // The rate table counts this deadline as flagged.
        --out.counts["deadline"].parsed;
        ++out.counts["deadline"].flagged;
      }
    }
  }

  const Parsed dossier = parse_dossier(field_text(record, "thanh_phan_ho_so"));
  count_part(out.counts["dossier"], dossier);
  add_flags(flags, dossier.flags, "/dossier");
  if (dossier.empty) flags.push_back({"/dossier", "dossier_missing", ""});

  const Parsed results = parse_results(field_text(record, "ket_qua_xu_ly"));
  count_part(out.counts["result"], results);
  add_flags(flags, results.flags, "/results");
  if (results.empty) flags.push_back({"/results", "results_missing", ""});

  const Parsed legal = parse_legal_basis(field_text(record, "can_cu_phap_ly"));
  count_part(out.counts["legal_basis"], legal);
  add_flags(flags, legal.flags, "/legal_basis");
  if (legal.empty) flags.push_back({"/legal_basis", "legal_basis_missing", ""});

  const std::string competent = clean_text(field_text(record, "co_quan_co_tham_quyen"));
  const std::string implementing = clean_text(field_text(record, "co_quan_thuc_hien"));
  PartCount& agency_count = out.counts["agency"];
  if (!competent.empty()) ++agency_count.parsed;
  else ++agency_count.empty;
  if (competent.empty() && implementing.empty()) flags.push_back({"/competent_agency", "agency_missing", ""});

  const std::string steps_text = field_text(record, "trinh_tu_thuc_hien");
  out.steps = clean_text(steps_text).empty() ? "" : text_to_markdown(steps_text);
  if (out.steps.empty()) flags.push_back({"/steps", "steps_missing", ""});
  for (auto [text, pointer] : {std::pair<std::string*, const char*>{&out.steps, "/steps"}, {&out.conditions, "/conditions"}}) {
    if (text->size() > limits::kMaxMarkdownBytes) {
      *text = cut_at_word(*text, limits::kMaxMarkdownBytes / 2) + "\n";
      flags.push_back({pointer, "text_too_long", "(trang chỉ giữ phần đầu của phần này)"});
    }
  }
  const std::string conditions_text = field_text(record, "yeu_cau_dieu_kien");
  out.conditions = clean_text(conditions_text).empty() ? "" : text_to_markdown(conditions_text);

  // Flags in file order, so that the same record always writes the same file.
  std::stable_sort(flags.begin(), flags.end(), [](const Flag& a, const Flag& b) { return a.pointer < b.pointer; });

  ojson p;
  p["$schema"] = "../../../docs/schema/procedure.schema.json";
  p["status"] = "imported";
  p["code"] = out.code;
  p["name"] = name;
  p["levels"] = ordered(levels.value);
  p["field"] = options.field_slug ? options.field_slug(out.field_name) : make_slug(out.field_name);
  const std::string type = clean_text(field_text(record, "loai_thu_tuc"));
  if (!type.empty()) p["procedure_type"] = type;
  if (!competent.empty()) p["competent_agency"] = competent;
  if (!implementing.empty()) p["implementing_agency"] = implementing;
  const std::string authorized = clean_text(field_text(record, "co_quan_duoc_uy_quyen"));
  if (!authorized.empty()) p["authorized_agency"] = authorized;
  const std::vector<std::string> coordinating = split_list(field_text(record, "co_quan_phoi_hop"));
  if (!coordinating.empty()) p["coordinating_agencies"] = coordinating;
  const std::vector<std::string> applicants = split_list(field_text(record, "doi_tuong_thuc_hien"));
  p["applicants"] = applicants;
  if (applicants.empty()) flags.push_back({"/applicants", "applicants_missing", ""});
  p["channels"] = channels.value.is_array() ? ordered(channels.value) : ojson::array();
  p["dossier"] = dossier.value.is_array() ? ordered(dossier.value) : ojson::array();
  // The content model needs both counts; a count the parser could not read is flagged.
  for (std::size_t i = 0; i < p["dossier"].size(); ++i) {
    ojson& item = p["dossier"][i];
    if (!item.contains("originals")) item["originals"] = 0;
    if (!item.contains("copies")) item["copies"] = 0;
    // A "name" of pages is the source's prose, not a name: a short head, the whole kept flagged.
    const std::string item_name = item.value("name", "");
    if (item_name.size() > kLongNameBytes) {
      std::size_t cut = kShortNameBytes;
      while (cut > 0 && item_name[cut] != ' ') --cut;
      if (cut == 0) cut = kShortNameBytes;
      while (cut > 0 && (static_cast<unsigned char>(item_name[cut]) & 0xC0) == 0x80) --cut;
      item["name"] = item_name.substr(0, cut) + " …";
      flags.push_back({"/dossier/" + std::to_string(i), "dossier_name_long", item_name});
    }
  }
  const ojson result_list = results.value.is_array() ? ordered(results.value) : ojson::array();
  if (result_list.size() == 1) {
    p["result"] = result_list[0];
    for (Flag& f : flags) {
      if (f.pointer.rfind("/results/0", 0) == 0) f.pointer = "/result" + f.pointer.substr(10);
      else if (f.pointer == "/results") f.pointer = "/result";
    }
  } else {
    p["results"] = result_list;
  }
  p["legal_basis"] = legal.value.is_array() ? ordered(legal.value) : ojson::array();
  // A part the source left without a name or title has none here (its flag says so), rather than "".
  auto drop_empty = [](ojson& list, const char* key) {
    for (ojson& item : list) {
      if (item.is_object() && item.contains(key) && item[key] == "") item.erase(key);
    }
  };
  drop_empty(p["dossier"], "name");
  drop_empty(p["legal_basis"], "title");
  if (p.contains("results")) drop_empty(p["results"], "name");
  if (p.contains("result") && p["result"].is_object() && p["result"].value("name", "x").empty()) p["result"].erase("name");
  p["boundary_independent"] = false;
  p["full_online"] = false;
  std::vector<std::string> related;
  for (const std::string& code : codes_in(field_text(record, "thu_tuc_lien_quan"))) {
    if (code != out.code && options.known_code && options.known_code(code)) related.push_back(code);
  }
  if (!related.empty()) p["related"] = related;
  ojson source;
  source["decision"] = clean_text(field_text(record, "so_quyet_dinh"));
  const std::string url = clean_text(field_text(record, "detail_url"));
  if (url.rfind("https://", 0) == 0) source["url"] = url;
  p["source"] = source;
  ojson info;
  info["from"] = "dichvucong.gov.vn";
  info["record"] = options.record_path;
  info["date"] = options.date;
  p["import"] = info;
  // Past the content's limits (limits.h: 4,000 bytes for names and titles, 128 KiB for other
  // text), a part keeps its first words and the flag keeps the whole, as far as the limit allows.
  cap_lengths(p, "", flags);
  std::stable_sort(flags.begin(), flags.end(), [](const Flag& a, const Flag& b) { return a.pointer < b.pointer; });
  ojson unreviewed = ojson::array();
  for (const Flag& f : flags) {
    ojson u;
    u["pointer"] = f.pointer;
    u["reason"] = f.reason;
    if (!f.text.empty()) u["text"] = valid_utf8(cut_at_word(f.text, limits::kMaxTextBytes / 2));
    unreviewed.push_back(u);
  }
  if (!unreviewed.empty()) p["unreviewed"] = unreviewed;
  out.procedure = std::move(p);
  return out;
}

}  // namespace motcua::portal
