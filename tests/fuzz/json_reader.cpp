// Fuzz target: the positioned JSON reader, motcua::parse_json (every content file and
// every calc request of the site goes through it or through nlohmann's parser).
//
// Invariants checked on every input:
// - a rejected text gives exactly one error, on the file, positioned inside the text;
// - an accepted text gives no diagnostic and a position for every value, inside the text;
// - parse_json is stricter than nlohmann: what nlohmann rejects, parse_json rejects, and
//   what both accept reads as the same value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "motcua/json_document.h"

using motcua::fuzz::excerpt;

namespace {

// Lengths of the lines of `text` in characters (UTF-8 continuation bytes do not count).
std::vector<int> line_lengths(const std::string& text) {
  std::vector<int> lengths(1, 0);
  for (const char c : text) {
    if (c == '\n') {
      lengths.push_back(0);
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++lengths.back();
    }
  }
  return lengths;
}

bool inside(const motcua::Position& p, const std::vector<int>& lines) {
  if (p.line < 1 || p.line > static_cast<int>(lines.size()) || p.column < 1) return false;
  return p.column <= lines[static_cast<std::size_t>(p.line - 1)] + 1;  // +1: the end of the line
}

// Number of values in `v`, itself included.
std::size_t count_values(const nlohmann::json& v) {
  std::size_t n = 1;
  if (v.is_structured()) {
    for (const auto& child : v) n += count_values(child);
  }
  return n;
}

void check_pointers(const motcua::JsonDocument& doc, const nlohmann::json& v, const std::string& pointer,
                    const std::vector<int>& lines) {
  const auto it = doc.positions.find(pointer);
  FUZZ_CHECK(it != doc.positions.end(), "no position for pointer \"" + pointer + "\"");
  FUZZ_CHECK(inside(it->second, lines), "position of \"" + pointer + "\" outside the text: " +
                                            std::to_string(it->second.line) + ":" + std::to_string(it->second.column));
  if (v.is_object()) {
    for (const auto& [key, child] : v.items()) check_pointers(doc, child, pointer + "/" + motcua::pointer_escape(key), lines);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) check_pointers(doc, v[i], pointer + "/" + std::to_string(i), lines);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string path = "content/procedures/1.000001/procedure.json";
  motcua::JsonDocument doc;
  motcua::Diagnostics diags;
  const bool ok = motcua::parse_json({path, text}, doc, diags);
  const std::vector<int> lines = line_lengths(text);
  const nlohmann::json reference = nlohmann::json::parse(text, nullptr, false);

  if (!ok) {
    FUZZ_CHECK(diags.items().size() == 1 && diags.error_count() == 1, "a rejected text gives exactly one error");
    const motcua::Diagnostic& d = diags.items().front();
    FUZZ_CHECK(d.file == path, "the error names the file: " + d.file);
    FUZZ_CHECK(!d.message.empty(), "the error says what is wrong");
    FUZZ_CHECK(inside({d.line, d.column}, lines), "error position " + std::to_string(d.line) + ":" +
                                                      std::to_string(d.column) + " is inside the text: " + d.message);
    FUZZ_CHECK(doc.value.is_null(), "a rejected document holds no value");
    return 0;
  }
  FUZZ_CHECK(diags.items().empty(), "an accepted text gives no diagnostic");
  FUZZ_CHECK(!reference.is_discarded(),
             "parse_json accepted what nlohmann rejects (parse_json must be the stricter): " + excerpt(text));
  FUZZ_CHECK(doc.value == reference, "parse_json reads " + excerpt(doc.value.dump()) + " where nlohmann reads " +
                                         excerpt(reference.dump()));
  FUZZ_CHECK(doc.positions.size() == count_values(doc.value), "one position per value");
  check_pointers(doc, doc.value, "", lines);
  return 0;
}
