#pragma once
// The calculators' WebAssembly module only (wasm/CMakeLists.txt puts this folder before the
// real nlohmann/json): a small JSON value with the part of nlohmann::json's interface the
// engines use, and the same behaviour, so the engines compile unchanged and give the same
// answers as the native build (tests/wasm/calc_parity.test.js and json_parity.test.js compare
// them). nlohmann's templates cost the module ~25 KB gzip; this costs a few.
//
// Behaviour copied from nlohmann/json 3.11 (JSON_NOEXCEPTION: a type error aborts):
// - parse(text, nullptr, false): strict RFC 8259 (no comments, no trailing commas), valid
//   UTF-8 only, a leading UTF-8 byte order mark skipped, a duplicate key keeps the last value;
//   integers that fit become number_unsigned (>= 0) or number_integer (< 0), others (and any
//   number with a fraction or exponent) a double, and one beyond a double's range (1e400) is
//   an error; failure gives a discarded value.
// - dump(): compact, keys sorted (std::map), doubles in nlohmann's shortest round-trip form
//   (its own to_chars, included below), non-finite doubles as null, invalid UTF-8 replaced by
//   U+FFFD with error_handler_t::replace.
// - initializer lists: a list whose every element is a two-element array starting with a
//   string is an object, anything else an array.
// Nesting: requests and data files are refused above 16 / limits::kMaxJsonDepth levels before
// any parse (calc.cpp); the parser below also stops at kMaxDepth levels rather than recurse
// without bound.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <map>
#include <set>
#include <tuple>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/detail/conversions/to_chars.hpp>

#include "motcua/utf8.h"  // append_utf8: the core's own, compiled into the same module

// The JSON number grammar's text of a number with a fraction or an exponent, as the nearest
// double (wasm/motcua_wasm.cpp: JavaScript's Number(), correctly rounded like strtod).
extern "C" double motcua_parse_json_number(const char* literal);

namespace nlohmann {

class json {
 public:
  enum class value_t : std::uint8_t {
    null, object, array, string, boolean, number_integer, number_unsigned, number_float, binary, discarded
  };
  enum class error_handler_t { strict, replace, ignore };
  using object_t = std::map<std::string, json, std::less<>>;
  using array_t = std::vector<json>;
  using string_t = std::string;
  using size_type = std::size_t;
  class iterator;
  class const_iterator;
  template <typename It> class items_proxy;
  template <typename It> friend class items_entry;

  json() noexcept {}
  json(std::nullptr_t) noexcept {}
  json(value_t t) : t_(t) {
    if (t == value_t::object) v_.o = new object_t();
    else if (t == value_t::array) v_.a = new array_t();
    else if (t == value_t::string) v_.s = new std::string();
    else v_.u = 0;
  }
  json(bool b) noexcept : t_(value_t::boolean) { v_.b = b; }
  template <typename T, typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value &&
                                                    !std::is_same<T, char>::value, int>::type = 0>
  json(T n) noexcept {
    if (std::is_signed<T>::value) {
      t_ = value_t::number_integer;
      v_.i = static_cast<std::int64_t>(n);
    } else {
      t_ = value_t::number_unsigned;
      v_.u = static_cast<std::uint64_t>(n);
    }
  }
  json(double d) noexcept : t_(value_t::number_float) { v_.d = d; }
  json(const char* s) : t_(value_t::string) { v_.s = new std::string(s); }
  json(const std::string& s) : t_(value_t::string) { v_.s = new std::string(s); }
  json(std::string&& s) : t_(value_t::string) { v_.s = new std::string(std::move(s)); }
  template <typename T>
  json(const std::vector<T>& items) : json(value_t::array) {
    v_.a->reserve(items.size());
    for (const T& item : items) v_.a->emplace_back(item);
  }
  template <typename T>
  json(const std::set<T>& items) : json(value_t::array) {
    v_.a->reserve(items.size());
    for (const T& item : items) v_.a->emplace_back(item);
  }
  json(std::initializer_list<json> init) {
    bool object = true;
    for (const json& e : init) {
      if (!e.is_array() || e.v_.a->size() != 2 || !(*e.v_.a)[0].is_string()) object = false;
    }
    if (object) {
      t_ = value_t::object;
      v_.o = new object_t();
      for (const json& e : init) v_.o->emplace(*(*e.v_.a)[0].v_.s, (*e.v_.a)[1]);
    } else {
      t_ = value_t::array;
      v_.a = new array_t(init.begin(), init.end());
    }
  }
  json(const json& other) : t_(other.t_) {
    switch (t_) {
      case value_t::object: v_.o = new object_t(*other.v_.o); break;
      case value_t::array: v_.a = new array_t(*other.v_.a); break;
      case value_t::string: v_.s = new std::string(*other.v_.s); break;
      default: v_ = other.v_;
    }
  }
  json(json&& other) noexcept : t_(other.t_), v_(other.v_) {
    other.t_ = value_t::null;
    other.v_.u = 0;
  }
  json& operator=(json other) noexcept {
    std::swap(t_, other.t_);
    std::swap(v_, other.v_);
    return *this;
  }
  ~json() { release(); }

  static json array(std::initializer_list<json> init = {}) {
    json j(value_t::array);
    j.v_.a->assign(init.begin(), init.end());
    return j;
  }
  static json object() { return json(value_t::object); }

  value_t type() const noexcept { return t_; }
  bool is_null() const noexcept { return t_ == value_t::null; }
  bool is_object() const noexcept { return t_ == value_t::object; }
  bool is_array() const noexcept { return t_ == value_t::array; }
  bool is_string() const noexcept { return t_ == value_t::string; }
  bool is_boolean() const noexcept { return t_ == value_t::boolean; }
  bool is_number() const noexcept { return is_number_integer() || t_ == value_t::number_float; }
  bool is_number_integer() const noexcept {
    return t_ == value_t::number_integer || t_ == value_t::number_unsigned;
  }
  bool is_number_unsigned() const noexcept { return t_ == value_t::number_unsigned; }
  bool is_number_float() const noexcept { return t_ == value_t::number_float; }
  bool is_primitive() const noexcept { return !is_object() && !is_array(); }
  bool is_structured() const noexcept { return is_object() || is_array(); }
  bool is_discarded() const noexcept { return t_ == value_t::discarded; }

  template <typename T>
  T get() const {
    if constexpr (std::is_same<T, json>::value) {
      return *this;
    } else if constexpr (std::is_same<T, std::string>::value) {
      return get_ref<const std::string&>();
    } else if constexpr (std::is_same<T, bool>::value) {
      if (!is_boolean()) type_error();
      return v_.b;
    } else if constexpr (std::is_arithmetic<T>::value) {
      switch (t_) {
        case value_t::number_unsigned: return static_cast<T>(v_.u);
        case value_t::number_integer: return static_cast<T>(v_.i);
        case value_t::number_float: return static_cast<T>(v_.d);
        case value_t::boolean: return static_cast<T>(v_.b);
        default: type_error();
      }
    } else {
      // std::vector<U>: an array whose every element converts to U.
      if (!is_array()) type_error();
      T out;
      for (const json& e : *v_.a) out.push_back(e.template get<typename T::value_type>());
      return out;
    }
  }
  template <typename T>
  T get_ref() const {
    static_assert(std::is_same<T, const std::string&>::value, "only strings by reference");
    if (!is_string()) type_error();
    return *v_.s;
  }

  // Objects.
  json& operator[](std::string_view key) {
    if (is_null()) *this = json(value_t::object);
    if (!is_object()) type_error();
    auto it = v_.o->find(key);
    if (it == v_.o->end()) it = v_.o->emplace(std::string(key), json()).first;
    return it->second;
  }
  const json& operator[](std::string_view key) const {
    const auto it = object_or_die().find(key);
    if (it == v_.o->end()) type_error();  // nlohmann: undefined behaviour (an assertion)
    return it->second;
  }
  json& operator[](const char* key) { return (*this)[std::string_view(key)]; }
  const json& operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  json& at(std::string_view key) {
    const auto it = object_or_die().find(key);
    if (it == v_.o->end()) type_error();
    return it->second;
  }
  const json& at(std::string_view key) const { return const_cast<json*>(this)->at(key); }
  bool contains(std::string_view key) const { return is_object() && v_.o->find(key) != v_.o->end(); }
  size_type count(std::string_view key) const { return contains(key) ? 1 : 0; }
  iterator find(std::string_view key);
  const_iterator find(std::string_view key) const;
  size_type erase(std::string_view key) { return object_or_die().erase(std::string(key)); }
  template <typename T>
  T value(std::string_view key, const T& fallback) const {
    const auto it = object_or_die().find(key);
    return it == v_.o->end() ? fallback : it->second.template get<T>();
  }
  std::string value(std::string_view key, const char* fallback) const {
    return value<std::string>(key, std::string(fallback));
  }

  // Arrays.
  json& operator[](size_type i) {
    if (is_null()) *this = json(value_t::array);
    if (!is_array()) type_error();
    if (i >= v_.a->size()) v_.a->resize(i + 1);
    return (*v_.a)[i];
  }
  const json& operator[](size_type i) const {
    if (!is_array() || i >= v_.a->size()) type_error();
    return (*v_.a)[i];
  }
  json& operator[](int i) { return (*this)[static_cast<size_type>(i)]; }
  const json& operator[](int i) const { return (*this)[static_cast<size_type>(i)]; }
  json& at(size_type i) {
    if (!is_array() || i >= v_.a->size()) type_error();
    return (*v_.a)[i];
  }
  const json& at(size_type i) const { return const_cast<json*>(this)->at(i); }
  void push_back(json&& e) {
    if (is_null()) *this = json(value_t::array);
    if (!is_array()) type_error();
    v_.a->push_back(std::move(e));
  }
  void push_back(const json& e) { push_back(json(e)); }
  template <typename... Args>
  json& emplace_back(Args&&... args) {
    push_back(json(std::forward<Args>(args)...));
    return v_.a->back();
  }
  json& back() { return is_array() ? v_.a->back() : *this; }
  const json& back() const { return is_array() ? v_.a->back() : *this; }
  json& front() { return is_array() ? v_.a->front() : *this; }
  const json& front() const { return is_array() ? v_.a->front() : *this; }

  size_type size() const noexcept {
    switch (t_) {
      case value_t::null: return 0;
      case value_t::object: return v_.o->size();
      case value_t::array: return v_.a->size();
      default: return 1;
    }
  }
  bool empty() const noexcept { return size() == 0; }

  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
  items_proxy<iterator> items();
  items_proxy<const_iterator> items() const;

  std::string dump(int indent = -1, char indent_char = ' ', bool ensure_ascii = false,
                   error_handler_t handler = error_handler_t::strict) const {
    (void)indent_char;
    if (indent >= 0 || ensure_ascii) type_error();  // not needed by the engines
    std::string out;
    write(out, handler);
    return out;
  }

  static json parse(const std::string& text, std::nullptr_t = nullptr, bool allow_exceptions = true,
                    bool ignore_comments = false) {
    if (allow_exceptions || ignore_comments) type_error();  // the engines never ask for these
    Parser p{text.data(), text.data() + text.size()};
    json out;
    if (p.end - p.pos >= 3 && std::memcmp(p.pos, "\xEF\xBB\xBF", 3) == 0) p.pos += 3;
    if (!p.value(out, 0) || (p.skip_ws(), p.pos != p.end)) {
      out = json();
      out.t_ = value_t::discarded;
    }
    return out;
  }

  friend bool operator==(const json& a, const json& b) noexcept {
    if (a.t_ == b.t_) {
      switch (a.t_) {
        case value_t::null: return true;
        case value_t::object: return *a.v_.o == *b.v_.o;
        case value_t::array: return *a.v_.a == *b.v_.a;
        case value_t::string: return *a.v_.s == *b.v_.s;
        case value_t::boolean: return a.v_.b == b.v_.b;
        case value_t::number_integer: return a.v_.i == b.v_.i;
        case value_t::number_unsigned: return a.v_.u == b.v_.u;
        case value_t::number_float: return a.v_.d == b.v_.d;
        default: return false;
      }
    }
    if (a.is_number() && b.is_number()) {
      if (a.t_ == value_t::number_float || b.t_ == value_t::number_float) return a.as_double() == b.as_double();
      return a.as_int64() == b.as_int64();  // one signed, one unsigned: nlohmann compares as int64
    }
    return false;
  }
  friend bool operator!=(const json& a, const json& b) noexcept { return !(a == b); }
  template <typename T, typename std::enable_if<!std::is_same<T, json>::value, int>::type = 0>
  friend bool operator==(const json& a, const T& b) { return a == json(b); }
  template <typename T, typename std::enable_if<!std::is_same<T, json>::value, int>::type = 0>
  friend bool operator==(const T& a, const json& b) { return json(a) == b; }
  template <typename T, typename std::enable_if<!std::is_same<T, json>::value, int>::type = 0>
  friend bool operator!=(const json& a, const T& b) { return !(a == json(b)); }
  template <typename T, typename std::enable_if<!std::is_same<T, json>::value, int>::type = 0>
  friend bool operator!=(const T& a, const json& b) { return !(json(a) == b); }

 private:
  value_t t_ = value_t::null;
  union Value {
    bool b;
    std::int64_t i;
    std::uint64_t u;
    double d;
    std::string* s;
    object_t* o;
    array_t* a;
  } v_{};

  [[noreturn]] static void type_error() { std::abort(); }
  object_t& object_or_die() const {
    if (!is_object()) type_error();
    return *v_.o;
  }
  double as_double() const {
    return t_ == value_t::number_float ? v_.d
           : t_ == value_t::number_integer ? static_cast<double>(v_.i)
                                           : static_cast<double>(v_.u);
  }
  std::int64_t as_int64() const { return t_ == value_t::number_integer ? v_.i : static_cast<std::int64_t>(v_.u); }
  void release() noexcept {
    switch (t_) {
      case value_t::object: delete v_.o; break;
      case value_t::array: delete v_.a; break;
      case value_t::string: delete v_.s; break;
      default: break;
    }
  }

  // Bjoern Hoehrmann's UTF-8 decoder, as nlohmann's serializer runs it.
  static std::uint8_t decode(std::uint8_t& state, std::uint32_t& codep, std::uint8_t byte) noexcept {
    static const std::uint8_t utf8d[400] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        8, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        0xA, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x4, 0x3, 0x3,
        0xB, 0x6, 0x6, 0x6, 0x5, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8, 0x8,
        0x0, 0x1, 0x2, 0x3, 0x5, 0x8, 0x7, 0x1, 0x1, 0x1, 0x4, 0x6, 0x1, 0x1, 0x1, 0x1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1,
        1, 2, 1, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 3, 1, 1, 1, 1, 1, 1,
        1, 3, 1, 1, 1, 1, 1, 3, 1, 3, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    const std::uint8_t type = utf8d[byte];
    codep = state != 0 ? (byte & 0x3Fu) | (codep << 6u) : (0xFFu >> type) & byte;
    state = utf8d[256u + state * 16u + type];
    return state;
  }

  static void write_string(std::string& out, const std::string& s, error_handler_t handler) {
    static const char hex[] = "0123456789abcdef";
    out += '"';
    std::uint32_t cp = 0;
    std::uint8_t state = 0;
    std::size_t last_accept = out.size(), pending = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto byte = static_cast<std::uint8_t>(s[i]);
      const std::uint8_t st = decode(state, cp, byte);
      if (st == 0) {
        const char* esc = cp == 0x08 ? "\\b" : cp == 0x09 ? "\\t" : cp == 0x0A ? "\\n" : cp == 0x0C ? "\\f"
                        : cp == 0x0D ? "\\r" : cp == 0x22 ? "\\\"" : cp == 0x5C ? "\\\\" : nullptr;
        if (esc != nullptr) {
          out += esc;
        } else if (cp <= 0x1F) {
          out += "\\u00";
          out += hex[cp >> 4];
          out += hex[cp & 0xF];
        } else {
          out += s[i];
        }
        last_accept = out.size();
        pending = 0;
      } else if (st == 1) {
        if (handler == error_handler_t::strict) type_error();
        if (pending > 0) --i;  // the byte may start a sequence of its own
        out.resize(last_accept);
        if (handler == error_handler_t::replace) out += "\xEF\xBF\xBD";
        last_accept = out.size();
        pending = 0;
        state = 0;
      } else {
        out += s[i];
        ++pending;
      }
    }
    if (state != 0) {
      if (handler == error_handler_t::strict) type_error();
      out.resize(last_accept);
      if (handler == error_handler_t::replace) out += "\xEF\xBF\xBD";
    }
    out += '"';
  }

  static void write_unsigned(std::string& out, std::uint64_t n, bool negative) {
    char buf[21];
    char* p = buf + sizeof buf;
    do {
      *--p = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n != 0);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(buf + sizeof buf - p));
  }

  void write(std::string& out, error_handler_t handler) const {
    switch (t_) {
      case value_t::null: out += "null"; return;
      case value_t::boolean: out += v_.b ? "true" : "false"; return;
      case value_t::number_integer:
        write_unsigned(out, v_.i < 0 ? 0 - static_cast<std::uint64_t>(v_.i) : static_cast<std::uint64_t>(v_.i),
                       v_.i < 0);
        return;
      case value_t::number_unsigned: write_unsigned(out, v_.u, false); return;
      case value_t::number_float: {
        if (!std::isfinite(v_.d)) {
          out += "null";
          return;
        }
        char buf[64];
        char* end = ::nlohmann::detail::to_chars(buf, buf + sizeof buf, v_.d);
        out.append(buf, static_cast<std::size_t>(end - buf));
        return;
      }
      case value_t::string: write_string(out, *v_.s, handler); return;
      case value_t::array: {
        out += '[';
        bool first = true;
        for (const json& e : *v_.a) {
          if (!first) out += ',';
          first = false;
          e.write(out, handler);
        }
        out += ']';
        return;
      }
      case value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& kv : *v_.o) {
          if (!first) out += ',';
          first = false;
          write_string(out, kv.first, handler);
          out += ':';
          kv.second.write(out, handler);
        }
        out += '}';
        return;
      }
      default: out += "<discarded>"; return;
    }
  }

  // Recursive descent; every error makes parse() return a discarded value.
  struct Parser {
    static constexpr int kMaxDepth = 512;
    const char* pos;
    const char* end;

    void skip_ws() {
      while (pos != end && (*pos == ' ' || *pos == '\t' || *pos == '\n' || *pos == '\r')) ++pos;
    }
    bool literal(const char* word, std::size_t n) {
      if (static_cast<std::size_t>(end - pos) < n || std::memcmp(pos, word, n) != 0) return false;
      pos += n;
      return true;
    }
    bool hex4(std::uint32_t& out) {
      out = 0;
      for (int i = 0; i < 4; ++i, ++pos) {
        if (pos == end) return false;
        const char c = *pos;
        out <<= 4;
        if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
        else return false;
      }
      return true;
    }
    bool string(std::string& out) {
      ++pos;  // opening quote
      std::uint8_t state = 0;
      std::uint32_t cp = 0;
      while (pos != end) {
        const auto c = static_cast<std::uint8_t>(*pos++);
        if (state != 0 || c >= 0x80) {
          // The serializer's decoder accepts exactly the well-formed UTF-8 RFC 3629 allows.
          if (decode(state, cp, c) == 1) return false;
          out += static_cast<char>(c);
          continue;
        }
        if (c == '"') return true;
        if (c < 0x20) return false;
        if (c != '\\') {
          out += static_cast<char>(c);
          continue;
        }
        if (pos == end) return false;
        switch (*pos++) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            std::uint32_t u = 0;
            if (!hex4(u)) return false;
            if (u >= 0xD800 && u <= 0xDBFF) {
              std::uint32_t low = 0;
              if (!literal("\\u", 2) || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
              u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
              return false;
            }
            motcua::append_utf8(out, u);
            break;
          }
          default: return false;
        }
      }
      return false;
    }
    static bool digit(char c) { return c >= '0' && c <= '9'; }
    bool number(json& out) {
      const char* begin = pos;
      if (pos != end && *pos == '-') ++pos;
      if (pos == end) return false;
      if (*pos == '0') {
        ++pos;
      } else if (*pos >= '1' && *pos <= '9') {
        while (pos != end && digit(*pos)) ++pos;
      } else {
        return false;
      }
      bool integral = true;
      if (pos != end && *pos == '.') {
        integral = false;
        ++pos;
        if (pos == end || !digit(*pos)) return false;
        while (pos != end && digit(*pos)) ++pos;
      }
      if (pos != end && (*pos == 'e' || *pos == 'E')) {
        integral = false;
        ++pos;
        if (pos != end && (*pos == '+' || *pos == '-')) ++pos;
        if (pos == end || !digit(*pos)) return false;
        while (pos != end && digit(*pos)) ++pos;
      }
      const std::string text(begin, pos);
      if (integral) {
        // Exact in 64 bits, or a double as nlohmann's lexer falls back to.
        const bool negative = text[0] == '-';
        std::uint64_t n = 0;
        bool fits = true;
        for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
          const auto d = static_cast<std::uint64_t>(text[i] - '0');
          if (n > (UINT64_MAX - d) / 10) {
            fits = false;
            break;
          }
          n = n * 10 + d;
        }
        if (fits && !negative) {
          out = json(n);
          return true;
        }
        if (fits && n <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
          out = json(static_cast<std::int64_t>(0 - n));
          return true;
        }
      }
      const double d = motcua_parse_json_number(text.c_str());
      if (!std::isfinite(d)) return false;  // nlohmann: "number overflow" (1e400)
      out = json(d);
      return true;
    }
    bool value(json& out, int depth) {
      skip_ws();
      if (pos == end) return false;
      switch (*pos) {
        case '{': {
          if (depth >= kMaxDepth) return false;
          ++pos;
          out = json(value_t::object);
          skip_ws();
          if (pos != end && *pos == '}') {
            ++pos;
            return true;
          }
          while (true) {
            skip_ws();
            if (pos == end || *pos != '"') return false;
            std::string key;
            if (!string(key)) return false;
            skip_ws();
            if (pos == end || *pos++ != ':') return false;
            json& slot = (*out.v_.o)[key];  // a duplicate key keeps the last value
            if (!value(slot, depth + 1)) return false;
            skip_ws();
            if (pos == end) return false;
            if (*pos == ',') {
              ++pos;
              continue;
            }
            if (*pos++ == '}') return true;
            return false;
          }
        }
        case '[': {
          if (depth >= kMaxDepth) return false;
          ++pos;
          out = json(value_t::array);
          skip_ws();
          if (pos != end && *pos == ']') {
            ++pos;
            return true;
          }
          while (true) {
            out.v_.a->emplace_back();
            if (!value(out.v_.a->back(), depth + 1)) return false;
            skip_ws();
            if (pos == end) return false;
            if (*pos == ',') {
              ++pos;
              continue;
            }
            if (*pos++ == ']') return true;
            return false;
          }
        }
        case '"': {
          std::string s;
          if (!string(s)) return false;
          out = json(std::move(s));
          return true;
        }
        case 't': out = json(true); return literal("true", 4);
        case 'f': out = json(false); return literal("false", 5);
        case 'n': out = json(); return literal("null", 4);
        default: return number(out);
      }
    }
  };
};

// Iterators: over an object's members (key() is the member name), an array's elements, or
// a primitive value as a one-element range (null: empty), as nlohmann iterates.
#define MOTCUA_MINIJSON_ITERATOR(Name, J, MapIt)                                        \
  class json::Name {                                                                                \
   public:                                                                                          \
    using value_type = json;                                                                        \
    using difference_type = std::ptrdiff_t;                                                         \
    using pointer = J*;                                                                             \
    using reference = J&;                                                                           \
    using iterator_category = std::forward_iterator_tag;                                            \
    Name() = default;                                                                               \
    Name(J* j, bool at_end) : j_(j) {                                                               \
      if (j->is_object()) it_ = at_end ? j->v_.o->end() : j->v_.o->begin();                         \
      else if (j->is_array()) index_ = at_end ? j->v_.a->size() : 0;                                \
      else index_ = at_end || j->is_null() ? 1 : 0;                                                 \
    }                                                                                               \
    Name(J* j, MapIt it) : j_(j), it_(it) {}                                                        \
    J& operator*() const {                                                                          \
      if (j_->is_object()) return it_->second;                                                      \
      if (j_->is_array()) return (*j_->v_.a)[index_];                                               \
      return *j_;                                                                                   \
    }                                                                                               \
    J* operator->() const { return &**this; }                                                       \
    J& value() const { return **this; }                                                             \
    const std::string& key() const {                                                                \
      if (!j_->is_object()) type_error();                                                           \
      return it_->first;                                                                            \
    }                                                                                               \
    std::size_t index() const { return index_; }                                                    \
    bool on_object() const { return j_->is_object(); }                                              \
    Name& operator++() {                                                                            \
      if (j_->is_object()) ++it_;                                                                   \
      else ++index_;                                                                                \
      return *this;                                                                                 \
    }                                                                                               \
    Name operator++(int) {                                                                          \
      Name old = *this;                                                                             \
      ++*this;                                                                                      \
      return old;                                                                                   \
    }                                                                                               \
    bool operator==(const Name& o) const { return j_->is_object() ? it_ == o.it_ : index_ == o.index_; } \
    bool operator!=(const Name& o) const { return !(*this == o); }                                  \
                                                                                                    \
   private:                                                                                         \
    J* j_ = nullptr;                                                                                \
    MapIt it_{};                                                                                    \
    std::size_t index_ = 0;                                                                         \
  };

MOTCUA_MINIJSON_ITERATOR(iterator, json, json::object_t::iterator)
MOTCUA_MINIJSON_ITERATOR(const_iterator, const json, json::object_t::const_iterator)
#undef MOTCUA_MINIJSON_ITERATOR

// items(): key() is the member name, or an array element's index as a string; an entry
// also decomposes into [key, value].
template <typename It>
class items_entry {
 public:
  explicit items_entry(It it) : it_(it) {}
  items_entry& operator*() { return *this; }
  items_entry& operator++() {
    ++it_;
    return *this;
  }
  bool operator!=(const items_entry& o) const { return it_ != o.it_; }
  bool operator==(const items_entry& o) const { return it_ == o.it_; }
  std::string key() const { return it_.on_object() ? it_.key() : std::to_string(it_.index()); }
  auto& value() const { return *it_; }
  template <std::size_t N>
  decltype(auto) get() const {
    if constexpr (N == 0) {
      return key();
    } else {
      return value();
    }
  }

 private:
  It it_;
};

template <typename It>
class json::items_proxy {
 public:
  items_proxy(It b, It e) : b_(b), e_(e) {}
  items_entry<It> begin() const { return items_entry<It>(b_); }
  items_entry<It> end() const { return items_entry<It>(e_); }

 private:
  It b_, e_;
};

inline json::iterator json::begin() { return iterator(this, false); }
inline json::iterator json::end() { return iterator(this, true); }
inline json::const_iterator json::begin() const { return const_iterator(this, false); }
inline json::const_iterator json::end() const { return const_iterator(this, true); }
inline json::iterator json::find(std::string_view key) {
  if (!is_object()) return end();
  return iterator(this, v_.o->find(key));
}
inline json::const_iterator json::find(std::string_view key) const {
  if (!is_object()) return end();
  return const_iterator(this, v_.o->find(key));
}
inline json::items_proxy<json::iterator> json::items() { return {begin(), end()}; }
inline json::items_proxy<json::const_iterator> json::items() const { return {begin(), end()}; }

}  // namespace nlohmann

namespace std {
template <typename It>
struct tuple_size<::nlohmann::items_entry<It>> : std::integral_constant<std::size_t, 2> {};
template <std::size_t N, typename It>
struct tuple_element<N, ::nlohmann::items_entry<It>> {
  using type = decltype(std::declval<::nlohmann::items_entry<It>>().template get<N>());
};
}  // namespace std
