#include "motcua/object_reader.h"

#include <algorithm>
#include <cstdio>

#include "motcua/format.h"
#include "motcua/limits.h"
#include "motcua/vietnamese_text.h"

namespace motcua {

std::string json_type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "true/false";
    case nlohmann::json::value_t::number_float: return "a decimal number";
    default: return "a number";
  }
}

namespace {
// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Names, labels and ids are short; longer text fields may hold a source's own words.
std::size_t max_bytes_for(const std::string& key) {
  static const char* const kShort[] = {"name", "label", "title", "id", "slug", "code", "short_name", "unit"};
  for (const char* k : kShort) {
    if (key == k) return limits::kMaxNameBytes;
  }
  return limits::kMaxTextBytes;
}

std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
}  // namespace

ObjectReader::ObjectReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer,
                           Diagnostics& diags, std::string what)
    : doc_(doc), pointer_(std::move(pointer)), diags_(diags), what_(std::move(what)) {
  if (value.is_object()) {
    object_ = &value;
  } else {
    error_at_pointer(pointer_, "expected " + what_ + " (a JSON object), found " + json_type_name(value));
  }
}

std::string ObjectReader::pointer_of(const std::string& key) const {
  return pointer_ + "/" + pointer_escape(key);
}

bool ObjectReader::has(const std::string& key) const {
  return object_ != nullptr && object_->contains(key);
}

void ObjectReader::error_at_pointer(const std::string& pointer, const std::string& message) {
  const Position p = doc_.position_of(pointer);
  diags_.error(doc_.file, p.line, p.column, pointer.empty() ? "/" : pointer, message);
}

void ObjectReader::error_in_string(const std::string& key, std::size_t offset, const std::string& message) {
  if (!has(key) || !object_->at(key).is_string()) return error(key, message);
  const std::string& raw = object_->at(key).get_ref<const std::string&>();
  const std::size_t lead = std::min(raw.find_first_not_of(" \t\r\n"), raw.size());
  const std::string pointer = pointer_of(key);
  Position p = doc_.position_of(pointer);
  if (p.line > 0) {
    p.column += 1;  // the opening quote
    for (std::size_t i = 0; i < lead + offset && i < raw.size(); ++i) {
      if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) ++p.column;
    }
  }
  diags_.error(doc_.file, p.line, p.column, pointer, message);
}

void ObjectReader::error(const std::string& key, const std::string& message) {
  error_at_pointer(has(key) ? pointer_of(key) : pointer_, message);
}

const nlohmann::json* ObjectReader::get(const std::string& key, Need need) {
  known_.insert(key);
  if (object_ == nullptr) return nullptr;
  const auto it = object_->find(key);
  if (it == object_->end()) {
    if (need == Need::required) {
      error_at_pointer(pointer_, "missing required key \"" + key + "\" in " + what_);
    }
    return nullptr;
  }
  return &*it;
}

void ObjectReader::type_error(const std::string& key, const char* expected) {
  error(key, std::string("expected ") + expected + ", found " + json_type_name(object_->at(key)));
}

std::string ObjectReader::string(const std::string& key, Need need) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return "";
  if (!v->is_string()) {
    type_error(key, "a string");
    return "";
  }
  if (!within_length(key, *v, pointer_of(key))) return "";
  std::string s = trim(v->get_ref<const std::string&>());
  if (s.empty() && need == Need::required) error(key, "\"" + key + "\" must not be empty");
  return to_nfc(s);
}

std::string ObjectReader::one_of(const std::string& key, Need need,
                                 std::initializer_list<const char*> allowed,
                                 const std::string& fallback) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return fallback;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  if (v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    for (const char* a : allowed) {
      if (s == a) return s;
    }
    error(key, "unknown value \"" + s + "\"; use one of: " + list);
  } else {
    error(key, "expected one of: " + list + ", found " + json_type_name(*v));
  }
  return fallback;
}

bool ObjectReader::boolean(const std::string& key, Need need, bool fallback) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) {
    type_error(key, "true or false");
    return fallback;
  }
  return v->get<bool>();
}

long long ObjectReader::integer(const std::string& key, Need need, long long min, long long max,
                                long long fallback) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return fallback;
  if (!v->is_number_integer()) {
    type_error(key, "a whole number");
    return fallback;
  }
  const long long n = v->get<long long>();
  if (n < min || n > max) {
    error(key, "\"" + key + "\" must be between " + std::to_string(min) + " and " + std::to_string(max) +
                   ", found " + std::to_string(n));
    return fallback;
  }
  return n;
}

double ObjectReader::number(const std::string& key, Need need, double min, double max) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return 0;
  if (!v->is_number()) {
    type_error(key, "a number");
    return 0;
  }
  const double n = v->get<double>();
  if (n < min || n > max) {
    error(key, "\"" + key + "\" must be between " + format_g15(min) + " and " + format_g15(max) + ", found " +
                   format_g15(n));
    return 0;
  }
  return n;
}

std::vector<std::string> ObjectReader::strings(const std::string& key, Need need) {
  std::vector<std::string> out;
  const nlohmann::json* v = array(key, need);
  if (v == nullptr) return out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const nlohmann::json& item = (*v)[i];
    const std::string p = pointer_of(key) + "/" + std::to_string(i);
    if (!item.is_string()) {
      error_at_pointer(p, "expected a string, found " + json_type_name(item));
      continue;
    }
    if (!within_length(key, item, p)) continue;
    std::string s = trim(item.get_ref<const std::string&>());
    if (s.empty()) {
      error_at_pointer(p, "empty string in \"" + key + "\"");
      continue;
    }
    out.push_back(to_nfc(s));
  }
  if (out.empty() && need == Need::required && v->empty()) error(key, "\"" + key + "\" must not be empty");
  return out;
}

std::string ObjectReader::link(const std::string& key, Need need, bool allow_http) {
  const std::string url = string(key, need);
  if (url.empty()) return url;
  const std::string why = check_link_url(url, allow_http);
  if (why.empty()) return url;
  error(key, "\"" + url + "\": " + why);
  return "";
}

const nlohmann::json* ObjectReader::array(const std::string& key, Need need) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) {
    type_error(key, "an array");
    return nullptr;
  }
  if (v->size() > limits::kMaxArrayItems) {
    error(key, "\"" + key + "\" has " + with_thousands(v->size()) + " items; the limit is " +
                   with_thousands(limits::kMaxArrayItems) + ": split the list across files");
    return nullptr;
  }
  return v;
}

bool ObjectReader::within_length(const std::string& key, const nlohmann::json& value, const std::string& pointer) {
  const std::size_t limit = max_bytes_for(key);
  const std::size_t size = value.get_ref<const std::string&>().size();
  if (size <= limit) return true;
  error_at_pointer(pointer, "\"" + key + "\" is " + with_thousands(size) + " bytes long; the limit is " +
                                with_thousands(limit) + " bytes" +
                                (limit == limits::kMaxNameBytes ? " for a name or label: shorten it"
                                                                : ": shorten it or move it into a Markdown file"));
  return false;
}

const nlohmann::json* ObjectReader::object(const std::string& key, Need need) {
  const nlohmann::json* v = get(key, need);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) {
    type_error(key, "an object");
    return nullptr;
  }
  return v;
}

void ObjectReader::finish() {
  if (object_ == nullptr) return;
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (it.key() == "$schema" || known_.count(it.key())) continue;
    std::string closest;
    std::size_t best = 3;  // suggest only close spellings
    for (const std::string& k : known_) {
      const std::size_t d = edit_distance(it.key(), k);
      if (d < best) {
        best = d;
        closest = k;
      }
    }
    if (!closest.empty()) {
      error_at_pointer(pointer_of(it.key()),
                       "unknown key \"" + it.key() + "\" in " + what_ + "; did you mean \"" + closest + "\"?");
      continue;
    }
    std::string expected;
    for (const std::string& k : known_) expected += (expected.empty() ? "" : ", ") + k;
    error_at_pointer(pointer_of(it.key()),
                     "unknown key \"" + it.key() + "\" in " + what_ + "; known keys: " + expected);
  }
}

}  // namespace motcua
