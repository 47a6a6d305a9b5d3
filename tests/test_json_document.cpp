#include <catch2/catch.hpp>

#include "motcua/json_document.h"

using namespace motcua;

namespace {
// Parses `text` and returns the single error, formatted.
std::string parse_error(const std::string& text) {
  JsonDocument doc;
  Diagnostics diags;
  REQUIRE_FALSE(parse_json({"x.json", text}, doc, diags));
  REQUIRE(diags.items().size() == 1);
  return format_diagnostic(diags.items()[0]);
}
}  // namespace

TEST_CASE("syntax errors carry line and column", "[json]") {
  CHECK(parse_error("{\n  \"a\": 1\n  \"b\": 2\n}") ==
        "x.json:3:3: error: expected ',' or '}' after object member, found '\"'");
  CHECK(parse_error("{\"a\": [1, 2,]}") == "x.json:1:13: error: trailing comma before ']' is not allowed in JSON");
  CHECK(parse_error("{\"a\": 1,}") == "x.json:1:9: error: trailing comma before '}' is not allowed in JSON");
  CHECK(parse_error("{\"a\": 'x'}") == "x.json:1:7: error: strings must use double quotes (\"), not single quotes");
  CHECK(parse_error("{\"a\": \"x}") == "x.json:1:7: error: unterminated string: missing closing \"");
  CHECK(parse_error("{\"a\": 1, \"a\": 2}") == "x.json:1:10: error: duplicate key \"a\"");
  CHECK(parse_error("") == "x.json:1:1: error: unexpected end of file: expected a value");
  CHECK(parse_error("{} x") == "x.json:1:4: error: unexpected text after the end of the JSON value");
  CHECK(parse_error("{\"a\": 01}") == "x.json:1:7: error: numbers may not have leading zeros");
  // Found by fuzz_json_reader: a double past 1.8e308 read as infinity.
  CHECK(parse_error("{\"a\": 1e400}") == "x.json:1:7: error: number is too large");
  CHECK(parse_error("[-2.5E+999]") == "x.json:1:2: error: number is too large");
  CHECK(parse_error("99999999999999999999") == "x.json:1:1: error: number is too large");
}

TEST_CASE("columns count characters, not bytes, so Vietnamese text lines up", "[json]") {
  // "Đăng ký" is 7 characters but 11 bytes in UTF-8.
  CHECK(parse_error("{\"tên\": \"Đăng ký\" x}") == "x.json:1:19: error: expected ',' or '}' after object member, found 'x'");
}

TEST_CASE("invalid UTF-8 is reported with its position", "[json]") {
  CHECK(parse_error("{\n\"a\": \"\xC3\x28\"}") == "x.json:2:7: error: invalid UTF-8 sequence: save the file as UTF-8");
}

TEST_CASE("values remember where they start", "[json]") {
  JsonDocument doc;
  Diagnostics diags;
  const std::string text = "{\n  \"channels\": [\n    {\"kind\": \"direct\"},\n    {\"fee\": {\"amount\": 5}}\n  ]\n}";
  REQUIRE(parse_json({"p.json", text}, doc, diags));
  CHECK(doc.value["channels"][1]["fee"]["amount"] == 5);
  const Position amount = doc.position_of("/channels/1/fee/amount");
  CHECK(amount.line == 4);
  CHECK(amount.column == 24);
  const Position kind = doc.position_of("/channels/0/kind");
  CHECK(kind.line == 3);
  CHECK(kind.column == 14);
  // An absent key falls back to its nearest parent.
  const Position missing = doc.position_of("/channels/0/fee");
  CHECK(missing.line == 3);
  CHECK(missing.column == 5);
}

TEST_CASE("escapes and surrogate pairs decode to UTF-8", "[json]") {
  JsonDocument doc;
  Diagnostics diags;
  REQUIRE(parse_json({"p.json", R"({"a": "\u0110\u1ea1i \ud83d\ude00 \"q\" \n"})"}, doc, diags));
  CHECK(doc.value["a"] == "Đại 😀 \"q\" \n");
  CHECK(parse_error(R"({"a": "\ud83d"})").find("unpaired surrogate") != std::string::npos);
}

TEST_CASE("a byte order mark is accepted", "[json]") {
  JsonDocument doc;
  Diagnostics diags;
  REQUIRE(parse_json({"p.json", "\xEF\xBB\xBF{\"a\": true}"}, doc, diags));
  CHECK(doc.value["a"] == true);
}
