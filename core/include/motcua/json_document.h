#pragma once
// A JSON parser that remembers where every value starts, so that content errors
// found long after parsing can still point at "file:line:column". nlohmann/json
// holds the values; positions are kept beside them, keyed by JSON Pointer.
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "motcua/diagnostic.h"

namespace motcua {

// One input: a path (as shown to the user) and its text. The core never reads
// files; the caller hands it text.
struct SourceFile {
  std::string path;
  std::string text;
};

struct Position {
  int line = 0;
  int column = 0;
};

struct JsonDocument {
  std::string file;  // display path
  nlohmann::json value;
  std::unordered_map<std::string, Position> positions;  // JSON Pointer -> start of value

  // Position of the value at `pointer`, or of its nearest parent that has one.
  Position position_of(const std::string& pointer) const;
};

// Parses `source` strictly (RFC 8259: no comments, no trailing commas, no
// duplicate keys, valid UTF-8). On failure adds one positioned error to `diags`
// and returns false.
bool parse_json(const SourceFile& source, JsonDocument& out, Diagnostics& diags);

// Escapes a key for use in a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_escape(const std::string& key);

}  // namespace motcua
