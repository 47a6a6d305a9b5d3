#pragma once
// Reads one JSON object of a content file field by field, reporting every
// problem with the file, the JSON Pointer and the line:column of the value.
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "motcua/json_document.h"

namespace motcua {

enum class Need { required, optional };

class ObjectReader {
 public:
  // `what` names the object in messages ("procedure", "center", "channel").
  ObjectReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer,
               Diagnostics& diags, std::string what);

  bool is_object() const { return object_ != nullptr; }
  const std::string& pointer() const { return pointer_; }
  std::string pointer_of(const std::string& key) const;
  bool has(const std::string& key) const;

  // Each getter marks the key as known and reports a wrong type or a missing
  // required key. Strings are trimmed; a required string must not be empty.
  std::string string(const std::string& key, Need need);
  std::string one_of(const std::string& key, Need need, std::initializer_list<const char*> allowed,
                     const std::string& fallback = "");
  bool boolean(const std::string& key, Need need, bool fallback = false);
  long long integer(const std::string& key, Need need, long long min, long long max,
                    long long fallback = 0);
  double number(const std::string& key, Need need, double min, double max);
  std::vector<std::string> strings(const std::string& key, Need need);
  // A link a page publishes: https:// (or http:// when `allow_http`), checked by check_link_url.
  std::string link(const std::string& key, Need need, bool allow_http);
  // An array whose elements the caller reads; nullptr when absent or not an array.
  const nlohmann::json* array(const std::string& key, Need need);
  const nlohmann::json* object(const std::string& key, Need need);

  // Reports keys that no getter asked for (typos must not silently drop facts).
  void finish();

  void error(const std::string& key, const std::string& message);
  // Reports a key that does not belong here; finish() then stays quiet about it.
  void misplaced(const std::string& key, const std::string& message) {
    known_.insert(key);
    error(key, message);
  }
  void error_at_pointer(const std::string& pointer, const std::string& message);
  // Reports a problem inside the string at `key`, at byte `offset` of its trimmed text, so
  // the column points at the character itself (exact when the string has no escapes).
  void error_in_string(const std::string& key, std::size_t offset, const std::string& message);

  const JsonDocument& document() const { return doc_; }
  Diagnostics& diagnostics() { return diags_; }

 private:
  const nlohmann::json* get(const std::string& key, Need need);
  // False (and reported at `pointer`) when a string is longer than its kind allows (limits.h).
  bool within_length(const std::string& key, const nlohmann::json& value, const std::string& pointer);
  void type_error(const std::string& key, const char* expected);

  const JsonDocument& doc_;
  const nlohmann::json* object_ = nullptr;
  std::string pointer_;
  Diagnostics& diags_;
  std::string what_;
  std::set<std::string> known_;
};

// The JSON type of a value in words, for messages: "a string", "an array".
std::string json_type_name(const nlohmann::json& v);

}  // namespace motcua
