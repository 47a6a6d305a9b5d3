#include "motcua/forms.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "motcua/civil_date.h"
#include "motcua/format.h"
#include "motcua/lunar_calendar.h"
#include "motcua/model.h"
#include "motcua/object_reader.h"
#include "motcua/utf8.h"
#include "motcua/vietnamese_text.h"

namespace motcua {

using nlohmann::json;

namespace {

// ------------------------------------------------------------------ definition

struct FieldInfo {
  std::string type;
  std::vector<json> options;  // choice values; yes_no: true, false
};

class FormReader {
 public:
  FormReader(const JsonDocument& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

  // First pass: ids and types of every field, so conditions may name any field.
  void index(const json& sections) {
    if (!sections.is_array()) return;
    for (const json& s : sections) {
      if (!s.is_object() || !s.contains("fields") || !s["fields"].is_array()) continue;
      for (const json& f : s["fields"]) {
        if (!f.is_object() || !f.contains("id") || !f["id"].is_string()) continue;
        FieldInfo info;
        info.type = f.value("type", "");
        if (info.type == "yes_no") info.options = {true, false};
        if (f.contains("options") && f["options"].is_array()) {
          for (const json& o : f["options"]) {
            if (o.is_object() && o.contains("value")) info.options.push_back(o["value"]);
          }
        }
        fields_.emplace(f["id"].get<std::string>(), info);
      }
    }
  }

  json field(ObjectReader& r, std::set<std::string>& seen) {
    json out;
    const std::string id = r.string("id", Need::required);
    if (!id.empty() && !is_valid_slug(id)) {
      r.error("id", "invalid field id \"" + id + "\": use lowercase letters, digits and hyphens, e.g. \"ho-ten\"");
    }
    if (!id.empty() && !seen.insert(id).second) r.error("id", "field \"" + id + "\" is listed twice");
    out["id"] = id;
    out["label"] = r.string("label", Need::required);
    const std::string type = r.one_of("type", Need::required,
                                      {"text", "textarea", "date", "citizen_id", "phone", "email", "number", "choice",
                                       "yes_no"});
    out["type"] = type;
    out["required"] = r.boolean("required", Need::optional, false);
    for (const char* key : {"help", "short"}) {
      const std::string v = r.string(key, Need::optional);
      if (!v.empty()) out[key] = v;
    }
    const bool text_like = type == "text" || type == "textarea";
    if (r.has("max_length") && !text_like) r.misplaced("max_length", "\"max_length\" is only used by text fields");
    if (text_like) out["max_length"] = r.integer("max_length", Need::optional, 1, 5000, type == "text" ? 200 : 2000);
    if (r.has("uppercase") && type != "text") r.misplaced("uppercase", "\"uppercase\" is only used by \"text\" fields");
    if (type == "text" && r.boolean("uppercase", Need::optional, false)) out["uppercase"] = true;
    if ((r.has("min") || r.has("max")) && type != "number") r.misplaced(r.has("min") ? "min" : "max", "\"min\" and \"max\" are only used by \"number\" fields");
    if (type == "number") {
      out["min"] = r.integer("min", Need::optional, -1'000'000'000LL, 1'000'000'000LL, 0);
      out["max"] = r.integer("max", Need::optional, -1'000'000'000LL, 1'000'000'000LL, 1'000'000'000LL);
      if (out["min"].get<long long>() > out["max"].get<long long>()) r.error("min", "\"min\" is larger than \"max\"");
    }
    if (r.has("options") && type != "choice") r.misplaced("options", "\"options\" are only used by \"choice\" fields");
    if (type == "choice") {
      json options = json::array();
      if (const json* opts = r.array("options", Need::required)) {
        if (opts->size() < 2) r.error("options", "a choice needs at least two options");
        std::set<std::string> values;
        for (std::size_t i = 0; i < opts->size(); ++i) {
          ObjectReader o(doc_, (*opts)[i], r.pointer_of("options") + "/" + std::to_string(i), diags_, "option");
          const std::string value = o.string("value", Need::required);
          if (!value.empty() && !is_valid_slug(value)) o.error("value", "invalid option value \"" + value + "\"");
          if (!value.empty() && !values.insert(value).second) o.error("value", "option \"" + value + "\" is listed twice");
          options.push_back({{"value", value}, {"label", o.string("label", Need::required)}});
          o.finish();
        }
      }
      out["options"] = options;
    }
    const bool is_date = type == "date";
    for (const char* key : {"calendar", "not_after_today", "in_words"}) {
      if (r.has(key) && !is_date) r.misplaced(key, std::string("\"") + key + "\" is only used by \"date\" fields");
    }
    if (is_date) {
      out["calendar"] = r.one_of("calendar", Need::optional, {"solar", "solar_or_lunar"}, "solar");
      out["not_after_today"] = r.boolean("not_after_today", Need::optional, false);
      out["in_words"] = r.boolean("in_words", Need::optional, false);
    }
    if (r.has("matches") && type != "citizen_id") r.misplaced("matches", "\"matches\" is only used by \"citizen_id\" fields");
    if (type == "citizen_id") {
      if (const json* m = r.object("matches", Need::optional)) {
        ObjectReader mr(doc_, *m, r.pointer_of("matches"), diags_, "matches");
        json matches = json::object();
        for (const char* key : {"birth_date", "gender"}) {
          const std::string other = mr.string(key, Need::optional);
          if (other.empty()) continue;
          const auto it = fields_.find(other);
          const bool fits = it != fields_.end() &&
                            (std::string(key) == "birth_date"
                                 ? it->second.type == "date"
                                 : it->second.type == "choice" &&
                                       std::count(it->second.options.begin(), it->second.options.end(), json("nam")) &&
                                       std::count(it->second.options.begin(), it->second.options.end(), json("nu")));
          if (!fits) {
            mr.error(key, std::string("\"") + other + "\" is not " +
                              (std::string(key) == "birth_date" ? "a date field of this form"
                                                                : "a choice field of this form with options \"nam\" and \"nu\""));
          }
          matches[key] = other;
        }
        mr.finish();
        out["matches"] = matches;
      }
    }
    if (r.has("if")) {
      const json* cond = r.object("if", Need::required);
      if (cond != nullptr && condition(*cond, r.pointer_of("if"), id)) out["if"] = *cond;
    }
    r.finish();
    return out;
  }

 private:
  void report(const std::string& pointer, const std::string& message) {
    const Position pos = doc_.position_of(pointer);
    diags_.error(doc_.file, pos.line, pos.column, pointer, message);
  }

  bool condition(const json& c, const std::string& pointer, const std::string& self) {
    if (!c.is_object()) {
      report(pointer, "a condition is an object, e.g. {\"field\": \"nop-thay\", \"equals\": true}");
      return false;
    }
    for (const char* group : {"all", "any"}) {
      if (!c.contains(group)) continue;
      if (c.size() != 1) {
        report(pointer, std::string("\"") + group + "\" stands alone in its condition");
        return false;
      }
      const json& parts = c[group];
      if (!parts.is_array() || parts.size() < 2) {
        report(pointer + "/" + group, std::string("\"") + group + "\" lists at least two conditions");
        return false;
      }
      bool ok = true;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        ok = condition(parts[i], pointer + "/" + group + "/" + std::to_string(i), self) && ok;
      }
      return ok;
    }
    if (c.contains("not")) {
      if (c.size() != 1) {
        report(pointer, "\"not\" stands alone in its condition");
        return false;
      }
      return condition(c["not"], pointer + "/not", self);
    }
    if (!c.contains("field")) {
      report(pointer, "unknown condition; use \"field\" with \"equals\" or \"in\", or \"all\", \"any\", \"not\"");
      return false;
    }
    if (!c["field"].is_string()) {
      report(pointer + "/field", "\"field\" names a field of this form");
      return false;
    }
    const std::string name = c["field"].get<std::string>();
    const auto it = fields_.find(name);
    if (it == fields_.end()) {
      report(pointer + "/field", "unknown field \"" + name + "\"; a condition names a field of this form");
      return false;
    }
    if (name == self) {
      report(pointer + "/field", "a field cannot depend on itself");
      return false;
    }
    if (it->second.type != "choice" && it->second.type != "yes_no") {
      report(pointer + "/field", "field \"" + name + "\" is not a choice or yes/no field");
      return false;
    }
    const bool has_equals = c.contains("equals"), has_in = c.contains("in");
    if (has_equals == has_in || c.size() != 2) {
      report(pointer, "write {\"field\": …, \"equals\": …} or {\"field\": …, \"in\": [...]}");
      return false;
    }
    std::vector<json> values;
    if (has_equals) values.push_back(c["equals"]);
    else if (c["in"].is_array() && !c["in"].empty()) values.assign(c["in"].begin(), c["in"].end());
    else {
      report(pointer + "/in", "\"in\" lists at least one value");
      return false;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!std::count(it->second.options.begin(), it->second.options.end(), values[i])) {
        report(has_equals ? pointer + "/equals" : pointer + "/in/" + std::to_string(i),
               "not a value of field \"" + name + "\"" +
                   (it->second.type == "yes_no" ? std::string(": use true or false") : std::string()));
        return false;
      }
    }
    return true;
  }

  const JsonDocument& doc_;
  Diagnostics& diags_;
  std::map<std::string, FieldInfo> fields_;
};

// ------------------------------------------------------------------ validation helpers

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string without(const std::string& s, const std::string& drop) {
  std::string out;
  for (char c : s) {
    if (drop.find(c) == std::string::npos) out += c;
  }
  return out;
}

// "Họ, chữ đệm, tên" -> "họ, chữ đệm, tên"; "CCCD" stays.
std::string lower_first(const std::string& s) {
  std::vector<std::uint32_t> cps = decode_utf8(s);
  if (cps.empty()) return s;
  if (cps.size() > 1) {
    const std::uint32_t n = cps[1];
    if (n >= 'A' && n <= 'Z') return s;  // an abbreviation
  }
  std::uint32_t& c = cps[0];
  if (c >= 'A' && c <= 'Z') c += 32;
  else if (c >= 0xC0 && c <= 0xDD && c != 0xD7) c += 0x20;
  else if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0) c += 1;
  else if (c == 0x1AF) c = 0x1B0;
  else if (c >= 0x1EA0 && c <= 0x1EF8 && c % 2 == 0) c += 1;
  std::string out;
  for (std::uint32_t cp : cps) append_utf8(out, cp);
  return out;
}

std::string name_of(const json& field) {
  return field.contains("short") ? field["short"].get<std::string>() : lower_first(field["label"].get<std::string>());
}

const char* const kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

// Vietnamese number words, 0..9999, as written on civil-status papers.
std::string words_below_100(int n, bool after_hundreds) {
  if (n == 0) return "";
  if (n < 10) return std::string(after_hundreds ? "linh " : "") + kDigits[n];
  if (n < 20) {
    if (n == 10) return "mười";
    return std::string("mười ") + (n % 10 == 5 ? "lăm" : kDigits[n % 10]);
  }
  std::string s = std::string(kDigits[n / 10]) + " mươi";
  const int u = n % 10;
  if (u == 1) s += " mốt";
  else if (u == 4) s += " tư";
  else if (u == 5) s += " lăm";
  else if (u != 0) s += std::string(" ") + kDigits[u];
  return s;
}

std::string number_words(int n) {
  if (n == 0) return "không";
  std::string out;
  const int thousands = n / 1000, hundreds = (n / 100) % 10, rest = n % 100;
  if (thousands > 0) out = std::string(kDigits[thousands]) + " nghìn";
  if (hundreds > 0 || (thousands > 0 && rest > 0)) {
    out += std::string(out.empty() ? "" : " ") + kDigits[hundreds] + " trăm";
  }
  if (rest > 0) out += std::string(out.empty() ? "" : " ") + words_below_100(rest, !out.empty());
  return out;
}

std::string date_words(const CivilDate& d) {
  return "Ngày " + number_words(d.day) + " tháng " + (d.month == 4 ? std::string("tư") : number_words(d.month)) +
         " năm " + number_words(d.year);
}

// "ngày 9 tháng 2 năm Canh Ngọ (1990)"
std::string lunar_words(const LunarDate& l) {
  return "ngày " + std::to_string(l.day) + " tháng " + std::to_string(l.month) + (l.leap ? " nhuận" : "") + " năm " +
         can_chi_year(l.year) + " (" + std::to_string(l.year) + ")";
}

std::string part_text(const json& v) {
  if (v.is_string()) return trim(v.get<std::string>());
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return v.is_null() ? "" : "?";
}

bool is_empty_value(const json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return trim(v.get<std::string>()).empty();
  if (v.is_object()) {
    for (const char* k : {"day", "month", "year"}) {
      if (v.contains(k) && !part_text(v[k]).empty()) return false;
    }
    return true;
  }
  return false;
}

// ------------------------------------------------------------------ the engine

class Validator {
 public:
  Validator(const json& data, const json& values, const std::string& today)
      : form_(data["form"]), ids_(data.value("citizen_id", json::object())), values_(values), today_(today) {}

  json run() {
    // Visibility first: a condition on a hidden field is false. Conditions may name
    // fields further down, so repeat until nothing changes (each pass settles one more
    // level of dependence; a form has far fewer levels than fields).
    for (const json& s : form_["sections"]) {
      for (const json& f : s["fields"]) {
        visible_[f["id"].get<std::string>()] = true;
        fields_[f["id"].get<std::string>()] = &f;
      }
    }
    for (std::size_t pass = 0; pass <= fields_.size(); ++pass) {
      bool changed = false;
      for (const auto& [id, f] : fields_) {
        const bool v = !f->contains("if") || holds((*f)["if"]);
        if (v != visible_[id]) {
          visible_[id] = v;
          changed = true;
        }
      }
      if (!changed) break;
    }
    json errors = json::array(), visible = json::array(), derived = json::object();
    for (const json& s : form_["sections"]) {
      for (const json& f : s["fields"]) {
        const std::string id = f["id"].get<std::string>();
        if (!visible_[id]) continue;
        visible.push_back(id);
        json d;
        const std::string message = check(f, d);
        if (!message.empty()) {
          errors.push_back({{"field", id}, {"label", f["label"]}, {"message", message}});
          invalid_.insert(id);
        } else if (!d.is_null()) {
          derived[id] = d;
          derived_[id] = d;
        }
      }
    }
    // Cross-checks between a personal identification number and the fields it encodes.
    for (const json& s : form_["sections"]) {
      for (const json& f : s["fields"]) {
        const std::string id = f["id"].get<std::string>();
        if (f["type"] != "citizen_id" || !f.contains("matches") || !visible_[id] || invalid_.count(id) ||
            !derived_.count(id)) {
          continue;
        }
        const std::string message = cross_check(f["matches"], derived_[id]);
        if (!message.empty()) {
          errors.push_back({{"field", id}, {"label", f["label"]}, {"message", message}});
          derived.erase(id);
        }
      }
    }
    // Errors in the order of the form, one per field.
    json ordered = json::array();
    for (const json& id : visible) {
      for (const json& e : errors) {
        if (e["field"] == id) {
          ordered.push_back(e);
          break;
        }
      }
    }
    return {{"valid", ordered.empty()}, {"errors", ordered}, {"visible", visible}, {"derived", derived}};
  }

 private:
  json value_of(const std::string& id) const {
    const auto it = values_.find(id);
    return it == values_.end() ? json() : *it;
  }

  bool holds(const json& c) {
    if (c.contains("all")) {
      for (const json& p : c["all"]) {
        if (!holds(p)) return false;
      }
      return true;
    }
    if (c.contains("any")) {
      for (const json& p : c["any"]) {
        if (holds(p)) return true;
      }
      return false;
    }
    if (c.contains("not")) return !holds(c["not"]);
    const std::string field = c["field"].get<std::string>();
    const auto vis = visible_.find(field);
    if (vis != visible_.end() && !vis->second) return false;
    const json v = value_of(field);
    if (v.is_null()) return false;
    if (c.contains("equals")) return v == c["equals"];
    for (const json& x : c["in"]) {
      if (v == x) return true;
    }
    return false;
  }

  std::string check(const json& f, json& derived) {
    const std::string type = f["type"].get<std::string>();
    const std::string label = f["label"].get<std::string>();
    const json v = value_of(f["id"].get<std::string>());
    if (is_empty_value(v)) {
      if (!f.value("required", false)) return "";
      if (type == "choice" || type == "yes_no") return "Hãy chọn " + name_of(f);
      return "Hãy nhập " + name_of(f);
    }
    if (type == "choice" || type == "yes_no") {
      bool known = false;
      if (type == "yes_no") known = v.is_boolean();
      else {
        for (const json& o : f["options"]) known = known || o["value"] == v;
      }
      return known ? "" : "Hãy chọn một trong các lựa chọn của mục " + name_of(f);
    }
    if (type == "date") return check_date(f, v, derived);
    if (!v.is_string() && !v.is_number_integer()) return label + ": giá trị không đọc được, hãy nhập lại";
    const std::string text = to_nfc(part_text(v));
    if (type == "text" || type == "textarea") {
      const std::size_t length = decode_utf8(text).size();
      const std::size_t max = f["max_length"].get<std::size_t>();
      if (length > max) {
        return label + " dài tối đa " + std::to_string(max) + " ký tự (bạn đã nhập " + std::to_string(length) + ")";
      }
      return "";
    }
    if (type == "number") {
      const std::string digits = without(text, " .");
      const bool negative = !digits.empty() && digits[0] == '-';
      if (!all_digits(negative ? digits.substr(1) : digits)) return label + " phải là một số nguyên";
      if (digits.size() > 12) {
        return label + " phải từ " + std::to_string(f["min"].get<long long>()) + " đến " +
               std::to_string(f["max"].get<long long>());
      }
      const long long n = decimal_value(digits);
      if (n < f["min"].get<long long>() || n > f["max"].get<long long>()) {
        return label + " phải từ " + std::to_string(f["min"].get<long long>()) + " đến " +
               std::to_string(f["max"].get<long long>());
      }
      return "";
    }
    if (type == "phone") return check_phone(text, derived);
    if (type == "email") {
      const std::size_t at = text.find('@');
      const bool ok = at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
                      text.find(' ') == std::string::npos && text.find('.', at + 2) != std::string::npos &&
                      text.back() != '.';
      return ok ? "" : "Địa chỉ email chưa đúng, ví dụ: ten@example.com";
    }
    if (type == "citizen_id") return check_citizen_id(text, derived);
    return "";
  }

  std::string check_phone(const std::string& text, json& derived) {
    std::string d = without(text, " .-()");
    if (d.rfind("+84", 0) == 0) d = "0" + d.substr(3);
    else if (d.rfind("84", 0) == 0 && d.size() == 11) d = "0" + d.substr(2);
    const std::string example =
        "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0 (ví dụ: 0912 345 678); số cố định gồm 11 chữ số, "
        "bắt đầu bằng 02";
    if (!all_digits(d) || d[0] != '0') return example;
    const bool mobile = d.size() == 10 && std::string("35789").find(d[1]) != std::string::npos;
    const bool landline = d.size() == 11 && d[1] == '2';
    if (!mobile && !landline) return example;
    derived = {{"normalized", d}};
    return "";
  }

  std::string check_citizen_id(const std::string& text, json& derived) {
    const std::string d = without(text, " .");
    if (!all_digits(d) || d.size() != 12) {
      return "Số định danh cá nhân gồm đúng 12 chữ số (in trên thẻ căn cước), bạn đã nhập " +
             std::to_string(decode_utf8(d).size()) + " ký tự";
    }
    std::string province;
    for (const json& p : ids_.value("provinces", json::array())) {
      if (p["code"] == d.substr(0, 3)) province = p["name"].get<std::string>();
    }
    if (province.empty()) {
      return "3 chữ số đầu (" + d.substr(0, 3) +
             ") không phải mã tỉnh nơi đăng ký khai sinh: hãy kiểm tra lại số trên thẻ căn cước";
    }
    const int digit = d[3] - '0';
    int century = 0;
    std::string gender;
    for (const json& c : ids_.value("century_gender", json::array())) {
      if (c["digit"] == digit) {
        century = c["century_start"].get<int>();
        gender = c["gender"].get<std::string>();
      }
    }
    if (century == 0) return "Chữ số thứ tư (" + d.substr(3, 1) + ") không đúng: hãy kiểm tra lại số trên thẻ căn cước";
    const int year = century + static_cast<int>(decimal_value(d.substr(4, 2)));
    if (!today_.empty() && year > decimal_value(today_.substr(0, 4))) {
      return "Số này cho thấy năm sinh " + std::to_string(year) + ", chưa đến: hãy kiểm tra lại số trên thẻ căn cước";
    }
    derived = {{"normalized", d}, {"province", province}, {"gender", gender}, {"birth_year", year}};
    return "";
  }

  std::string check_date(const json& f, const json& v, json& derived) {
    const std::string label = f["label"].get<std::string>();
    if (!v.is_object()) return label + ": hãy nhập ngày, tháng, năm";
    const std::string day = v.contains("day") ? part_text(v["day"]) : "";
    const std::string month = v.contains("month") ? part_text(v["month"]) : "";
    const std::string year = v.contains("year") ? part_text(v["year"]) : "";
    if (day.empty() || month.empty() || year.empty()) return label + ": hãy nhập đủ ngày, tháng và năm";
    if (!all_digits(day) || !all_digits(month) || !all_digits(year) || day.size() > 2 || month.size() > 2) {
      return label + ": ngày, tháng, năm chỉ gồm chữ số, ví dụ 05 03 1990";
    }
    if (year.size() != 4) return label + ": năm gồm 4 chữ số, ví dụ 1990";
    const bool lunar = v.contains("calendar") && v["calendar"] == "lunar";
    if (lunar && f.value("calendar", "solar") != "solar_or_lunar") return label + " ghi theo dương lịch";
    CivilDate solar{static_cast<int>(decimal_value(year)), static_cast<int>(decimal_value(month)),
                    static_cast<int>(decimal_value(day))};
    if (lunar) {
      LunarDate l{solar.year, solar.month, solar.day, v.contains("leap") && v["leap"] == true};
      if (l.year < kLunarFirstYear || l.year > kLunarLastYear) {
        return label + ": ngày âm lịch chỉ đổi được cho các năm " + std::to_string(kLunarFirstYear) + "–" +
               std::to_string(kLunarLastYear);
      }
      if (l.month < 1 || l.month > 12) return label + ": tháng âm lịch từ 1 đến 12";
      if (l.leap && lunar_leap_month(l.year) != l.month) {
        const int leap = lunar_leap_month(l.year);
        return "Năm âm lịch " + year + " không có tháng " + std::to_string(l.month) + " nhuận" +
               (leap > 0 ? " (tháng nhuận năm đó là tháng " + std::to_string(leap) + ")" : "");
      }
      const int length = lunar_month_length(l.year, l.month, l.leap);
      if (l.day < 1 || l.day > length) {
        return "Tháng " + std::to_string(l.month) + (l.leap ? " nhuận" : "") + " âm lịch năm " + year + " chỉ có " +
               std::to_string(length) + " ngày";
      }
      const std::optional<CivilDate> s = from_lunar(l);
      if (!s) return label + ": không đổi được ngày âm lịch này";
      solar = *s;
      derived["lunar_text"] = lunar_words(l);
    } else {
      if (!is_real_date(solar)) return label + " phải là một ngày có thật";
      if (f.value("calendar", "solar") == "solar_or_lunar" && lunar_supported(solar)) {
        derived["lunar_text"] = lunar_words(to_lunar(solar));
      }
    }
    if (solar.year < 1900) return label + ": năm phải từ 1900 trở đi";
    if (f.value("not_after_today", false) && !today_.empty() && to_iso(solar) > today_) {
      return label + " không được sau hôm nay";
    }
    derived["date"] = to_iso(solar);
    derived["text"] = to_vietnamese(solar);
    if (f.value("in_words", false)) derived["words"] = date_words(solar);
    return "";
  }

  std::string cross_check(const json& matches, const json& id) {
    if (matches.contains("birth_date")) {
      const std::string other = matches["birth_date"].get<std::string>();
      const auto it = derived_.find(other);
      if (visible_[other] && it != derived_.end() && it->second.contains("date")) {
        const auto year = static_cast<int>(decimal_value(it->second["date"].get<std::string>().substr(0, 4)));
        if (year != id["birth_year"].get<int>()) {
          return "Số định danh cho thấy năm sinh " + std::to_string(id["birth_year"].get<int>()) +
                 ", không khớp với năm sinh đã nhập (" + std::to_string(year) + ")";
        }
      }
    }
    if (matches.contains("gender")) {
      const std::string other = matches["gender"].get<std::string>();
      const json g = value_of(other);
      if (visible_[other] && g.is_string() && (g == "nam" || g == "nu") && g != id["gender"]) {
        return std::string("Số định danh là của ") + (id["gender"] == "nam" ? "nam" : "nữ") +
               ", không khớp với giới tính đã chọn";
      }
    }
    return "";
  }

  const json& form_;
  const json ids_;
  const json& values_;
  std::string today_;
  std::map<std::string, bool> visible_;
  std::map<std::string, const json*> fields_;
  std::map<std::string, json> derived_;
  std::set<std::string> invalid_;
};

std::string error_json(const std::string& field, const std::string& message) {
  const json e = {{"field", field}, {"message", message}};
  return json({{"error", e}, {"errors", json::array({e})}}).dump(-1, ' ', false, json::error_handler_t::replace);
}

// The form data file is written by the build, but the engine may be handed a copy that was
// altered on the device: check every part Validator reads before it reads it, and answer
// with the pointer of the first part that is off instead of crashing (found by fuzz_calc_data).
class FormDataShape {
 public:
  std::string problem;  // JSON Pointer of the first part that is off; empty when all is well

  void check(const json& data) {
    const json& form = data["form"];
    if (!is_string(form, "id")) return fail("/form/id");
    if (!form.contains("sections") || !form["sections"].is_array()) return fail("/form/sections");
    for (std::size_t i = 0; i < form["sections"].size() && problem.empty(); ++i) {
      const json& s = form["sections"][i];
      const std::string sp = "/form/sections/" + std::to_string(i);
      if (!s.is_object() || !s.contains("fields") || !s["fields"].is_array()) return fail(sp);
      for (std::size_t k = 0; k < s["fields"].size() && problem.empty(); ++k) {
        field(s["fields"][k], sp + "/fields/" + std::to_string(k));
      }
    }
    if (problem.empty() && data.contains("citizen_id")) citizen_id(data["citizen_id"]);
  }

 private:
  static bool is_string(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string();
  }
  static bool is_int(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_number_integer();
  }
  void fail(const std::string& pointer) {
    if (problem.empty()) problem = pointer;
  }

  void field(const json& f, const std::string& p) {
    if (!is_string(f, "id") || !is_string(f, "type") || !is_string(f, "label")) return fail(p);
    const std::string type = f["type"].get<std::string>();
    if (f.contains("required") && !f["required"].is_boolean()) return fail(p + "/required");
    if (f.contains("in_words") && !f["in_words"].is_boolean()) return fail(p + "/in_words");
    if (type == "choice") {
      if (!f.contains("options") || !f["options"].is_array()) return fail(p + "/options");
      for (const json& o : f["options"]) {
        if (!o.is_object() || !o.contains("value")) return fail(p + "/options");
      }
    }
    if ((type == "text" || type == "textarea") && !(is_int(f, "max_length") && f["max_length"].get<long long>() >= 0)) {
      return fail(p + "/max_length");
    }
    if (type == "number" && !(is_int(f, "min") && is_int(f, "max"))) return fail(p + "/min");
    if (f.contains("matches")) {
      const json& m = f["matches"];
      if (!m.is_object()) return fail(p + "/matches");
      for (const char* key : {"birth_date", "gender"}) {
        if (m.contains(key) && !m[key].is_string()) return fail(p + "/matches/" + key);
      }
    }
    if (f.contains("if")) condition(f["if"], p + "/if");
  }

  void condition(const json& c, const std::string& p) {
    if (!c.is_object()) return fail(p);
    for (const char* key : {"all", "any"}) {
      if (!c.contains(key)) continue;
      if (!c[key].is_array()) return fail(p + "/" + key);
      for (std::size_t i = 0; i < c[key].size(); ++i) condition(c[key][i], p + "/" + key + "/" + std::to_string(i));
      return;
    }
    if (c.contains("not")) return condition(c["not"], p + "/not");
    if (!is_string(c, "field")) return fail(p + "/field");
    if (!c.contains("equals") && !(c.contains("in") && c["in"].is_array())) return fail(p + "/in");
  }

  void citizen_id(const json& ids) {
    if (!ids.is_object()) return fail("/citizen_id");
    for (const char* key : {"provinces", "century_gender"}) {
      if (ids.contains(key) && !ids[key].is_array()) return fail(std::string("/citizen_id/") + key);
    }
    for (const json& p : ids.value("provinces", json::array())) {
      if (!is_string(p, "code") || !is_string(p, "name")) return fail("/citizen_id/provinces");
    }
    for (const json& c : ids.value("century_gender", json::array())) {
      if (!c.is_object() || !c.contains("digit") || !is_int(c, "century_start") || !is_string(c, "gender") || c["century_start"].get<long long>() < 1800 ||
          c["century_start"].get<long long>() > 2400) {
        return fail("/citizen_id/century_gender");
      }
    }
  }
};

}  // namespace

bool read_citizen_id_rules(const JsonDocument& doc, CitizenIdRules& out, Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  ObjectReader top(doc, doc.value, "", diags, "file");
  top.string("$schema", Need::optional);
  json data = json::object();
  out.structure_source = read_fee_source(top, "structure_source", "source");
  out.province_codes_source = read_fee_source(top, "province_codes_source", "source");
  data["structure_source"] = fee_source_json(out.structure_source);
  data["province_codes_source"] = fee_source_json(out.province_codes_source);
  const std::string note = top.string("note", Need::optional);
  if (!note.empty()) data["note"] = note;
  json provinces = json::array();
  std::set<std::string> codes;
  if (const json* items = top.array("provinces", Need::required)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r(doc, (*items)[i], "/provinces/" + std::to_string(i), diags, "province code");
      const std::string code = r.string("code", Need::required);
      if (!code.empty() && (code.size() != 3 || !all_digits(code))) r.error("code", "a province code is 3 digits, e.g. \"012\"");
      if (!code.empty() && !codes.insert(code).second) r.error("code", "code \"" + code + "\" is listed twice");
      provinces.push_back({{"code", code}, {"name", r.string("name", Need::required)}});
      r.finish();
    }
  }
  data["provinces"] = provinces;
  json digits = json::array();
  std::set<long long> seen;
  if (const json* items = top.array("century_gender", Need::required)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r(doc, (*items)[i], "/century_gender/" + std::to_string(i), diags, "century and gender digit");
      const long long digit = r.integer("digit", Need::required, 0, 9);
      if (!seen.insert(digit).second) r.error("digit", "digit " + std::to_string(digit) + " is listed twice");
      const long long start = r.integer("century_start", Need::required, 1900, 2300);
      if (start % 100 != 0) r.error("century_start", "a century starts at a year ending in 00, e.g. 2000");
      digits.push_back({{"digit", digit}, {"century_start", start},
                        {"gender", r.one_of("gender", Need::required, {"nam", "nu"}, "nam")}});
      r.finish();
    }
  }
  data["century_gender"] = digits;
  top.finish();
  out.data = data;
  out.loaded = diags.error_count() == before;
  return out.loaded;
}

bool read_form(const JsonDocument& doc, const std::string& expected_id, const std::vector<std::string>& procedure_codes,
               Form& out, Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  ObjectReader top(doc, doc.value, "", diags, "form");
  top.string("$schema", Need::optional);
  out.id = top.string("id", Need::required);
  if (!out.id.empty() && out.id != expected_id) {
    top.error("id", "the form \"" + out.id + "\" must be in forms/" + out.id + ".json (or its id must be \"" +
                        expected_id + "\")");
  }
  if (!out.id.empty() && !is_valid_slug(out.id)) {
    top.error("id", "invalid form id \"" + out.id + "\": it becomes the page's address; use lowercase letters, digits "
                    "and hyphens, e.g. \"to-khai-dang-ky-khai-sinh\"");
  }
  out.title = top.string("title", Need::required);
  out.code = top.string("code", Need::optional);
  json def = {{"id", out.id}, {"title", out.title}};
  if (!out.code.empty()) def["code"] = out.code;
  out.source = read_fee_source(top, "source", "source");
  def["source"] = fee_source_json(out.source);
  out.sample = top.boolean("sample", Need::optional, false);
  def["sample"] = out.sample;
  out.procedures = top.strings("procedures", Need::required);
  for (std::size_t i = 0; i < out.procedures.size(); ++i) {
    if (std::find(procedure_codes.begin(), procedure_codes.end(), out.procedures[i]) == procedure_codes.end()) {
      top.error_at_pointer("/procedures/" + std::to_string(i),
                           "unknown procedure \"" + out.procedures[i] + "\"; list the codes of procedures in content/procedures/");
    }
  }
  def["procedures"] = out.procedures;
  for (const char* key : {"addressee", "declaration", "signature", "note"}) {
    const std::string v = top.string(key, Need::optional);
    if (!v.empty()) def[key] = v;
  }
  FormReader reader(doc, diags);
  json sections = json::array();
  if (const json* items = top.array("sections", Need::required)) {
    reader.index(*items);
    std::set<std::string> seen;
    if (items->empty()) top.error("sections", "a form has at least one section");
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader sr(doc, (*items)[i], "/sections/" + std::to_string(i), diags, "section");
      json section = {{"title", sr.string("title", Need::required)}};
      json fields = json::array();
      if (const json* fs = sr.array("fields", Need::required)) {
        if (fs->empty()) sr.error("fields", "a section has at least one field");
        for (std::size_t j = 0; j < fs->size(); ++j) {
          ObjectReader fr(doc, (*fs)[j], sr.pointer_of("fields") + "/" + std::to_string(j), diags, "field");
          fields.push_back(reader.field(fr, seen));
        }
      }
      section["fields"] = fields;
      sr.finish();
      sections.push_back(section);
    }
  }
  def["sections"] = sections;
  top.finish();
  out.definition = def;
  return diags.error_count() == before;
}

std::string form_data_path(const std::string& form_id) { return "bieu-mau/" + form_id + "/du-lieu.json"; }

std::string form_data_json(const Form& form, const CitizenIdRules& id_rules) {
  json data = {{"schema_version", kSchemaVersion}, {"form", form.definition}};
  if (id_rules.loaded) data["citizen_id"] = id_rules.data;
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string calc_form(const json& data, const std::string& request_json, bool& ok) {
  ok = false;
  const json req = json::parse(request_json, nullptr, false);
  if (req.is_discarded() || !req.is_object()) return error_json("/", "the request is not a JSON object");
  if (!data.contains("form") || !data["form"].is_object()) return error_json("/", "the data file has no form");
  FormDataShape shape;
  shape.check(data);
  if (!shape.problem.empty()) {
    return error_json("/", "the data file could not be read: " + shape.problem +
                               " is not what this page wrote; reload the page");
  }
  const json& form = data["form"];
  if (!req.contains("form") || req["form"] != form["id"]) {
    return error_json("/form", "this data is for form \"" + form.value("id", "") + "\"");
  }
  static const std::set<std::string> known = {"form", "values", "today"};
  for (auto it = req.begin(); it != req.end(); ++it) {
    if (!known.count(it.key())) return error_json("/" + pointer_escape(it.key()), "unknown key \"" + it.key() + "\"");
  }
  std::string today;
  if (req.contains("today")) {
    if (!req["today"].is_string() || !parse_iso_date(req["today"].get<std::string>())) {
      return error_json("/today", "write today's date as YYYY-MM-DD");
    }
    today = req["today"].get<std::string>();
  }
  const json values = req.value("values", json::object());
  if (!values.is_object()) return error_json("/values", "\"values\" is an object of field ids and values");
  std::set<std::string> ids;
  for (const json& s : form["sections"]) {
    for (const json& f : s["fields"]) ids.insert(f["id"].get<std::string>());
  }
  for (auto it = values.begin(); it != values.end(); ++it) {
    if (!ids.count(it.key())) {
      return error_json("/values/" + pointer_escape(it.key()), "this form has no field \"" + it.key() + "\"");
    }
  }
  json result = Validator(data, values, today).run();
  result["schema_version"] = kSchemaVersion;
  result["form"] = form["id"];
  ok = true;
  return result.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace motcua
