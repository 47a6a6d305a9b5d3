#include "motcua/json_document.h"

#include "motcua/limits.h"
#include "motcua/utf8.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#ifdef __EMSCRIPTEN__
// wasm/motcua_wasm.cpp: the browser's own correctly rounded decimal conversion, instead of
// musl's strtod and its 128-bit long double arithmetic (~6 KB gzip of the module).
extern "C" double motcua_parse_json_number(const char* literal);
#endif

namespace motcua {

namespace {

constexpr int kMaxDepth = limits::kMaxJsonDepth;

class Parser {
 public:
  Parser(const std::string& text, JsonDocument& doc) : text_(text), doc_(doc) {}

  bool run(std::string& error, Position& where) {
    // A UTF-8 byte order mark is what some Windows editors write; accept it.
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) advance_bytes(3);
    skip_ws();
    if (!parse_value(doc_.value, "", 0)) {
      error = error_;
      where = error_pos_;
      return false;
    }
    skip_ws();
    if (pos_ < text_.size()) {
      error = "unexpected text after the end of the JSON value";
      where = here();
      return false;
    }
    return true;
  }

 private:
  const std::string& text_;
  JsonDocument& doc_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::string error_;
  Position error_pos_;
  std::size_t values_ = 0;

  Position here() const { return {line_, column_}; }

  bool fail(const std::string& message) { return fail_at(message, here()); }
  bool fail_at(const std::string& message, Position at) {
    if (error_.empty()) {
      error_ = message;
      error_pos_ = at;
    }
    return false;
  }

  // Advances over one byte, counting columns in characters (UTF-8 continuation
  // bytes do not start a new column).
  void advance() {
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    ++pos_;
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column_;
    }
  }
  void advance_bytes(std::size_t n) {
    for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i) advance();
    column_ = 1;  // only used for the BOM at the very start
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_ws() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else {
        break;
      }
    }
  }

  std::string describe_here() const {
    if (at_end()) return "end of file";
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    return "an unexpected character";
  }

  bool parse_value(nlohmann::json& out, const std::string& pointer, int depth) {
    if (depth > kMaxDepth) return fail("JSON nested too deeply (more than " + std::to_string(kMaxDepth) + " levels)");
    // Refused while reading, before a huge file costs seconds and memory for its positions.
    if (++values_ > limits::kMaxJsonValues) {
      return fail("more than " + std::to_string(limits::kMaxJsonValues) + " values in one file: split it");
    }
    doc_.positions.emplace(pointer, here());
    switch (peek()) {
      case '{': return parse_object(out, pointer, depth);
      case '[': return parse_array(out, pointer, depth);
      case '"': {
        std::string s;
        if (!parse_string(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't': return parse_literal("true", out, true);
      case 'f': return parse_literal("false", out, false);
      case 'n': return parse_literal("null", out, nullptr);
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(out);
        if (at_end()) return fail("unexpected end of file: expected a value");
        if (peek() == '\'') return fail("strings must use double quotes (\"), not single quotes");
        return fail("expected a value (string, number, object, array, true, false or null), found " +
                    describe_here());
    }
  }

  template <typename T>
  bool parse_literal(const char* word, nlohmann::json& out, T value) {
    const std::string w(word);
    if (text_.compare(pos_, w.size(), w) != 0) {
      return fail("expected a value (string, number, object, array, true, false or null), found " +
                  describe_here());
    }
    for (std::size_t i = 0; i < w.size(); ++i) advance();
    out = value;
    return true;
  }

  bool parse_number(nlohmann::json& out) {
    const Position start = here();
    const std::size_t begin = pos_;
    if (peek() == '-') advance();
    if (peek() == '0') {
      advance();
      if (peek() >= '0' && peek() <= '9') return fail_at("numbers may not have leading zeros", start);
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') advance();
    } else {
      return fail_at("invalid number", start);
    }
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      advance();
      if (!(peek() >= '0' && peek() <= '9')) return fail("expected a digit after the decimal point");
      while (peek() >= '0' && peek() <= '9') advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!(peek() >= '0' && peek() <= '9')) return fail("expected a digit in the exponent");
      while (peek() >= '0' && peek() <= '9') advance();
    }
    const std::string literal = text_.substr(begin, pos_ - begin);
    if (integral) {
      errno = 0;
      char* end = nullptr;
      const long long v = std::strtoll(literal.c_str(), &end, 10);
      if (errno == ERANGE) return fail_at("number is too large", start);
      out = static_cast<std::int64_t>(v);
    } else {
#ifdef __EMSCRIPTEN__
      const double v = motcua_parse_json_number(literal.c_str());
#else
      const double v = std::strtod(literal.c_str(), nullptr);
#endif
      // 1e400 reads as infinity, which JSON cannot hold and which would print as null.
      if (!std::isfinite(v)) return fail_at("number is too large", start);
      out = v;
    }
    return true;
  }

  bool parse_hex4(std::uint32_t& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return fail("expected four hexadecimal digits after \\u");
      advance();
    }
    return true;
  }

  // Validates one UTF-8 sequence starting at pos_ and copies it to `s`.
  bool copy_utf8(std::string& s) {
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    int len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return fail("invalid UTF-8 byte: save the file as UTF-8");
    if (pos_ + static_cast<std::size_t>(len) > text_.size()) return fail("truncated UTF-8 sequence: save the file as UTF-8");
    for (int i = 1; i < len; ++i) {
      const unsigned char cc = static_cast<unsigned char>(text_[pos_ + static_cast<std::size_t>(i)]);
      if ((cc & 0xC0) != 0x80) return fail("invalid UTF-8 sequence: save the file as UTF-8");
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return fail("invalid UTF-8 sequence: save the file as UTF-8");
    }
    s.append(text_, pos_, static_cast<std::size_t>(len));
    for (int i = 0; i < len; ++i) advance();
    return true;
  }

  bool parse_string(std::string& out) {
    const Position start = here();
    advance();  // opening quote
    while (true) {
      if (at_end()) return fail_at("unterminated string: missing closing \"", start);
      const char c = peek();
      if (c == '"') {
        advance();
        return true;
      }
      if (c == '\n') return fail_at("unterminated string: missing closing \" before the end of the line", start);
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string: write it as an escape such as \\t");
      if (c == '\\') {
        advance();
        const char e = peek();
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            advance();
            std::uint32_t cp = 0;
            if (!parse_hex4(cp)) return false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              if (peek() != '\\') return fail("unpaired surrogate in \\u escape");
              advance();
              if (peek() != 'u') return fail("unpaired surrogate in \\u escape");
              advance();
              std::uint32_t low = 0;
              if (!parse_hex4(low)) return false;
              if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
              return fail("unpaired surrogate in \\u escape");
            }
            append_utf8(out, cp);
            continue;
          }
          default:
            return fail("invalid escape sequence in string");
        }
        advance();
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        if (!copy_utf8(out)) return false;
        continue;
      }
      out += c;
      advance();
    }
  }

  bool parse_object(nlohmann::json& out, const std::string& pointer, int depth) {
    out = nlohmann::json::object();
    advance();  // {
    skip_ws();
    if (peek() == '}') {
      advance();
      return true;
    }
    while (true) {
      if (peek() != '"') {
        if (peek() == '}') return fail("trailing comma before '}' is not allowed in JSON");
        return fail("expected a member name in double quotes, found " + describe_here());
      }
      const Position key_pos = here();
      std::string key;
      if (!parse_string(key)) return false;
      if (out.contains(key)) return fail_at("duplicate key \"" + key + "\"", key_pos);
      skip_ws();
      if (peek() != ':') return fail("expected ':' after member name \"" + key + "\"");
      advance();
      skip_ws();
      nlohmann::json& slot = out[key];
      if (!parse_value(slot, pointer + "/" + pointer_escape(key), depth + 1)) return false;
      skip_ws();
      if (peek() == ',') {
        advance();
        skip_ws();
        continue;
      }
      if (peek() == '}') {
        advance();
        return true;
      }
      return fail("expected ',' or '}' after object member, found " + describe_here());
    }
  }

  bool parse_array(nlohmann::json& out, const std::string& pointer, int depth) {
    out = nlohmann::json::array();
    advance();  // [
    skip_ws();
    if (peek() == ']') {
      advance();
      return true;
    }
    std::size_t index = 0;
    while (true) {
      if (peek() == ']') return fail("trailing comma before ']' is not allowed in JSON");
      if (index == limits::kMaxArrayItems) {
        return fail("more than " + std::to_string(limits::kMaxArrayItems) + " items in one array: split the list");
      }
      out.push_back(nullptr);
      if (!parse_value(out.back(), pointer + "/" + std::to_string(index), depth + 1)) return false;
      ++index;
      skip_ws();
      if (peek() == ',') {
        advance();
        skip_ws();
        continue;
      }
      if (peek() == ']') {
        advance();
        return true;
      }
      return fail("expected ',' or ']' after array element, found " + describe_here());
    }
  }
};

}  // namespace

std::string pointer_escape(const std::string& key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

Position JsonDocument::position_of(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    const auto it = positions.find(p);
    if (it != positions.end()) return it->second;
    if (p.empty()) return {};
    p.erase(p.rfind('/'));
  }
}

bool parse_json(const SourceFile& source, JsonDocument& out, Diagnostics& diags) {
  out.file = source.path;
  out.positions.clear();
  Parser parser(source.text, out);
  std::string error;
  Position where;
  if (!parser.run(error, where)) {
    diags.error(source.path, where.line, where.column, "", error);
    out.value = nullptr;
    return false;
  }
  return true;
}

}  // namespace motcua
