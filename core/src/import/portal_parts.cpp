// Parsers for four parts of a National Public Service Portal record: the dossier
// (thanh_phan_ho_so), the legal basis (can_cu_phap_ly), the results (ket_qua_xu_ly) and
// the levels (cap_thuc_hien). The portal flattens its tables into cells glued without
// separators; each parser splits only where the split is unambiguous and flags the rest
// with the source's own words (docs/import.md, "Reason codes").
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "motcua/portal_import.h"

namespace motcua::portal {

namespace {

using nlohmann::json;

// ---- UTF-8 helpers (byte positions; never split a code point) ----

// The code point starting at byte i, and its length in `len`; U+FFFD on a bad byte.
char32_t decode_at(const std::string& s, std::size_t i, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if ((c & 0xE0) == 0xC0 && cont(1)) {
    len = 2;
    return (char32_t(c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    len = 3;
    return (char32_t(c & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  }
  if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return (char32_t(c & 0x07) << 18) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
           (char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3F);
  }
  len = 1;
  return 0xFFFD;
}

// The code point ending just before byte i (i > 0).
char32_t decode_before(const std::string& s, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && i - start < 4) --start;
  std::size_t len = 0;
  const char32_t cp = decode_at(s, start, len);
  return start + len == i ? cp : 0xFFFD;
}

// Uppercase and lowercase for the Latin letters Vietnamese uses (precomposed, NFC).
bool is_upper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDD && c != 0xD7) return true;
  if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0 || c == 0x1AF) return true;
  return c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 0;
}
bool is_lower(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c == 0x103 || c == 0x111 || c == 0x129 || c == 0x169 || c == 0x1A1 || c == 0x1B0) return true;
  return c >= 0x1EA1 && c <= 0x1EF9 && c % 2 == 1;
}
bool is_letter(char32_t c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_at(const std::string& s, std::size_t i, const std::string& prefix) {
  return i <= s.size() && s.compare(i, prefix.size(), prefix) == 0;
}
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Trims spaces and the given punctuation from both ends (ASCII only, so UTF-8 safe).
std::string trim_chars(const std::string& s, const std::string& lead, const std::string& tail) {
  std::size_t b = 0, e = s.size();
  while (b < e && (is_space(s[b]) || lead.find(s[b]) != std::string::npos)) ++b;
  while (e > b && (is_space(s[e - 1]) || tail.find(s[e - 1]) != std::string::npos)) --e;
  return s.substr(b, e - b);
}

// Small non-negative integers from an ASCII digit run; -1 when it is too long to be a count.
long to_count(const std::string& digits) {
  if (digits.empty() || digits.size() > 9) return -1;
  long v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// A year as the records write them next to a number: "ngày 27/12/2024", "Luật Cư trú 2020".
bool year_like(const std::string& digits) {
  if (digits.size() != 4) return false;
  const int y = std::stoi(digits);
  return y >= 1945 && y <= 2099;
}

Parsed empty_part() {
  Parsed p;
  p.value = json::array();
  p.empty = true;
  return p;
}

// ---- levels ----

struct LevelName {
  const char* text;
  const char* slug;
};
const LevelName kLevels[] = {{"Cấp bộ", "bo"}, {"Cấp tỉnh", "tinh"}, {"Cấp xã", "xa"}, {"Cơ quan khác", "khac"}};

// ---- results ----

bool is_code_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-' || c == '_' ||
         c == '/';
}

std::string clean_result_name(const std::string& raw) {
  // Drop list bullets and leading dots ("- Giấy phép", "...văn bản") and the cell's
  // trailing separator; keep everything else as written.
  return trim_chars(raw, "-+.*", ";,");
}

// ---- legal basis ----

// Document type codes as they appear after the slash of a number ("/2016/NĐ-CP").
struct TypeCode {
  const char* code;
  const char* type;  // Vietnamese document type, "" when the code alone does not say
};
const TypeCode kTypeCodes[] = {
    {"TTLT", "Thông tư liên tịch"}, {"NQLT", "Nghị quyết liên tịch"}, {"VBHN", "Văn bản hợp nhất"},
    {"UBTVQH", ""},  // Nghị quyết or Pháp lệnh of the Standing Committee: the title tells
    {"TT", "Thông tư"},             {"NĐ", "Nghị định"},              {"ND", "Nghị định"},
    {"NQ", "Nghị quyết"},           {"QĐ", "Quyết định"},             {"QD", "Quyết định"},
    {"PL", "Pháp lệnh"},            {"QH", ""},  // Luật, Bộ luật or Nghị quyết of the National Assembly
    {"CT", "Chỉ thị"},              {"L", ""},
};

// Issuing bodies seen after the type code ("-BTC"); longest first when matching.
const char* const kIssuers[] = {
    "UBTƯMTTQVN", "BKHCNMT", "BTCCBCP", "BLĐTBXH", "VKSNDTC", "BVHTTDL", "BNNPTNT", "TANDTC", "UBCKNN",
    "NHNNVN",     "MTTQVN",  "HĐTP",    "BGDĐT",   "BNNMT",   "BGTVT",   "BTNMT",   "BKHĐT",  "BKHCN",
    "BTTTT",      "BVHTT",   "VKSTC",   "BCVT",    "UBND",    "HĐND",    "VPCP",    "NHNN",   "BHXH",
    "KTNN",       "TCHQ",    "TCCP",    "TTCP",    "UBDT",    "KBNN",    "UBTW",    "BTC",    "BTP",
    "BCA",        "BXD",     "BYT",     "BCT",     "BNV",     "BQP",     "BNG",     "BKH",    "CTN",
    "BTM",        "BCN",     "BNN",     "BTS",     "BGD",     "TCT",     "TLĐ",     "TTg",    "CP",
    "TP",         "NV",
};

// Letters that may make up an unknown issuer code: ASCII capitals, Đ, Ư.
std::size_t issuer_run(const std::string& s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size()) {
    if (s[j] >= 'A' && s[j] <= 'Z') {
      ++j;
    } else if (starts_with_at(s, j, "Đ") || starts_with_at(s, j, "Ư")) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

// "QH13", "UBTVQH14": the legislature number is exactly two digits, so "QH1320…" is
// "QH13" followed by the next text.
std::size_t legislature(const std::string& s, std::size_t i, const char* code) {
  const std::string c = code;
  if (!starts_with_at(s, i, c)) return std::string::npos;
  const std::size_t k = i + c.size();
  if (k + 1 < s.size() && is_digit(s[k]) && is_digit(s[k + 1])) return k + 2;
  return std::string::npos;
}

struct NumberMatch {
  std::size_t end = std::string::npos;  // npos: no number here
  bool ambiguous = false;               // an unknown issuer glued to following letters
  bool complete = false;                // ends with an issuer ("-CP") or a legislature ("QH15")
  std::string type;                     // from the type code, "" when it does not say
  std::string year;                     // "2016" or ""
  std::string type_code;
};

// A Vietnamese document number starting at i: N[.N][/YYYY]/TYPE[-ISSUER]...
NumberMatch match_number(const std::string& s, std::size_t i) {
  NumberMatch m;
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j == i) return m;
  if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
    ++j;
    while (j < s.size() && is_digit(s[j])) ++j;
  }
  // A letter after the digits: "09b/2013/TT-BTP", "08.a/2010/TT-BTP", "30a/2008/NQ-CP".
  auto ascii_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (j + 2 < s.size() && s[j] == '.' && ascii_lower(s[j + 1]) && s[j + 2] == '/') {
    j += 2;
  } else if (j + 1 < s.size() && ascii_lower(s[j]) && s[j + 1] == '/') {
    ++j;
  }
  if (j + 5 < s.size() && s[j] == '/' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
      is_digit(s[j + 4]) && s[j + 5] == '/') {
    m.year = s.substr(j + 1, 4);
    j += 5;
  }
  if (j >= s.size() || s[j] != '/') return m;
  ++j;
  bool typed = false;
  for (const TypeCode& t : kTypeCodes) {
    const std::string code = t.code;
    if (code == "QH" || code == "UBTVQH") {
      const std::size_t e = legislature(s, j, t.code);
      if (e != std::string::npos) {
        m.type_code = code;
        m.complete = true;
        j = e;
        typed = true;
        break;
      }
      continue;
    }
    if (starts_with_at(s, j, code)) {
      m.type_code = code;
      m.type = t.type;
      j += code.size();
      typed = true;
      break;
    }
  }
  if (!typed) return m;
  while (j + 1 < s.size() && s[j] == '-') {
    const std::size_t k = j + 1;
    std::size_t e = legislature(s, k, "UBTVQH");
    if (e == std::string::npos) e = legislature(s, k, "QH");
    if (e == std::string::npos) {
      for (const char* issuer : kIssuers) {
        if (starts_with_at(s, k, issuer)) {
          e = k + std::string(issuer).size();
          break;
        }
      }
    }
    if (e == std::string::npos) {
      const std::size_t run = issuer_run(s, k);
      if (run == k) break;  // "TT-" then text: the number ends before the dash
      if (run < s.size()) {
        std::size_t len = 0;
        if (is_letter(decode_at(s, run, len))) m.ambiguous = true;
      }
      e = run;
    }
    j = e;
    m.complete = true;
  }
  m.end = j;
  return m;
}

// Words that begin the "Mã văn bản" cell before the number ("Luật số 32/2024/QH15").
const char* const kCodePrefixes[] = {"Thông tư liên tịch", "Nghị quyết liên tịch", "Văn bản hợp nhất", "Nghị định",
                                     "Thông tư",           "Quyết định",           "Nghị quyết",       "Pháp lệnh",
                                     "Bộ luật",            "Luật",                 "NĐ",               "TT",
                                     "QĐ",                 "NQ",                   ""};

// The length of a code-cell prefix at the end of `text` ("Luật số ", "Số ", "Thông tư"),
// 0 if none. `bare_so` is set when it is only "số".
std::size_t code_prefix_length(const std::string& text, bool& bare_so) {
  bare_so = false;
  std::string t = text;
  while (!t.empty() && is_space(t.back())) t.pop_back();
  std::size_t extra = text.size() - t.size();
  bool has_so = false;
  if (ends_with(t, "số") || ends_with(t, "Số")) {
    const std::string before = t.substr(0, t.size() - std::string("số").size());
    std::string b = before;
    while (!b.empty() && is_space(b.back())) b.pop_back();
    extra += t.size() - b.size();
    t = b;
    has_so = true;
  }
  for (const char* p : kCodePrefixes) {
    const std::string prefix = p;
    if (prefix.empty()) {
      if (!has_so) return 0;
      bare_so = true;
      return extra;
    }
    if (ends_with(t, prefix)) return extra + prefix.size();
  }
  return 0;
}

// Splits the text between two codes into the title and the code cell's prefix: the
// prefix is dropped only when it is glued to the title ("tín dụngLuật số ").
std::string title_of(const std::string& segment, bool& only_so) {
  only_so = false;
  bool bare_so = false;
  const std::size_t plen = code_prefix_length(segment, bare_so);
  if (plen == 0) return trim(segment);
  const std::size_t cut = segment.size() - plen;
  if (cut == 0) {
    if (bare_so) {
      only_so = true;
      return "";
    }
    return trim(segment);
  }
  if (is_space(segment[cut - 1])) {
    // "Luật Nhà ở số " + code: the words belong to the title.
    return trim(segment);
  }
  return trim(segment.substr(0, cut));
}

const char* const kTitleTypes[][2] = {
    {"Thông tư liên tịch", "Thông tư liên tịch"},
    {"Nghị quyết liên tịch", "Nghị quyết liên tịch"},
    {"Văn bản hợp nhất", "Văn bản hợp nhất"},
    {"Bộ luật", "Bộ luật"},
    {"BỘ LUẬT", "Bộ luật"},
    {"Luật", "Luật"},
    {"LUẬT", "Luật"},
    {"Nghị quyết", "Nghị quyết"},
    {"NGHỊ QUYẾT", "Nghị quyết"},
    {"Pháp lệnh", "Pháp lệnh"},
    {"PHÁP LỆNH", "Pháp lệnh"},
    {"Nghị định", "Nghị định"},
    {"Thông tư", "Thông tư"},
    {"Quyết định", "Quyết định"},
};

// The type named by the title's first words, "" if none.
std::string type_from_title(const std::string& title) {
  for (const auto& t : kTitleTypes) {
    const std::string word = t[0];
    if (!starts_with_at(title, 0, word)) continue;
    const std::size_t k = word.size();
    if (k == title.size() || is_space(title[k]) || is_digit(title[k])) return t[1];
  }
  return "";
}

// "ngày 29/4/2026" or "ngày 29 tháng 4 năm 2026" at position i (after optional spaces
// and a comma); "YYYY-MM-DD" when it is a valid date in `year`.
std::string date_at(const std::string& s, std::size_t i, const std::string& year) {
  while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
  if (!starts_with_at(s, i, "ngày")) return "";
  i += std::string("ngày").size();
  while (i < s.size() && is_space(s[i])) ++i;
  auto number = [&](std::size_t& k, std::size_t max_len) {
    std::size_t b = k;
    while (k < s.size() && is_digit(s[k]) && k - b < max_len) ++k;
    return k > b ? std::stoi(s.substr(b, k - b)) : -1;
  };
  const int day = number(i, 2);
  int month = -1, y = -1;
  if (i < s.size() && s[i] == '/') {
    ++i;
    month = number(i, 2);
    if (i < s.size() && s[i] == '/') {
      ++i;
      const std::size_t b = i;
      y = number(i, 4);
      if (i - b != 4) y = -1;
    }
  } else {
    auto word = [&](const char* w) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (!starts_with_at(s, i, w)) return false;
      i += std::string(w).size();
      while (i < s.size() && is_space(s[i])) ++i;
      return true;
    };
    if (word("tháng")) {
      month = number(i, 2);
      if (word("năm")) {
        const std::size_t b = i;
        y = number(i, 4);
        if (i - b != 4) y = -1;
      }
    }
  }
  if (i < s.size() && is_digit(s[i])) return "";  // "…/20261": not a clean date
  if (day < 1 || day > 31 || month < 1 || month > 12 || y < 0) return "";
  if (!year.empty() && std::to_string(y) != year) return "";
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return "";
  if (month == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, month, day);
  return buf;
}

// The issue date, only when the title gives it for this very document: right after its
// own number ("Nghị quyết số 24/2026/NQ-CP ngày 29/4/2026 …"), or as the title's only
// date when the title cites no other number ("Luật Đất đai ngày 18/01/2024").
std::string issued_from_title(const std::string& title, const std::string& number, const std::string& year) {
  if (year.empty()) return "";
  std::size_t at = title.find(number);
  while (at != std::string::npos) {
    const std::size_t after = at + number.size();
    if (after == title.size() || !is_digit(title[after])) {
      const std::string d = date_at(title, after, year);
      if (!d.empty()) return d;
    }
    at = title.find(number, at + 1);
  }
  // No other document number in the title.
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (is_digit(title[i]) && (i == 0 || !is_digit(title[i - 1])) && match_number(title, i).end != std::string::npos) {
      return "";
    }
  }
  const std::size_t first = title.find("ngày");
  if (first == std::string::npos || title.find("ngày", first + 1) != std::string::npos) return "";
  return date_at(title, first, year);
}

// ---- dossier ----

const std::string kDossierHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
const std::string kOriginals = " bản chính";
const std::string kCopies = " bản sao";

struct CountMatch {
  std::size_t begin = 0;  // first digit of the originals count
  std::size_t end = 0;    // after "bản chính" or "bản sao"
  std::string originals;  // digit runs as written
  std::string copies;
};

// A count cell "N bản chính" or "N bản chính,M bản sao" whose "bản chính" starts at `at`
// (the digits are just before it).
bool count_at(const std::string& s, std::size_t at, CountMatch& m) {
  if (at == 0 || !is_digit(s[at - 1])) return false;
  std::size_t b = at;
  while (b > 0 && is_digit(s[b - 1])) --b;
  m.begin = b;
  m.originals = s.substr(b, at - b);
  m.end = at + kOriginals.size();
  m.copies.clear();
  if (m.end < s.size() && s[m.end] == ',') {
    std::size_t k = m.end + 1;
    const std::size_t d = k;
    while (k < s.size() && is_digit(s[k])) ++k;
    if (k > d && starts_with_at(s, k, kCopies)) {
      m.copies = s.substr(d, k - d);
      m.end = k + kCopies.size();
    }
  }
  return true;
}

// Every count cell of a table body: a count glued to what follows (the next row) or
// ending the body. A count inside a name ("…: 01 bản chính;") is followed by punctuation
// or a space, or directly by the row's own count.
std::vector<CountMatch> row_counts(const std::string& body) {
  std::vector<CountMatch> all;
  std::size_t at = body.find(kOriginals);
  while (at != std::string::npos) {
    CountMatch m;
    if (count_at(body, at, m)) all.push_back(m);
    at = body.find(kOriginals, at + kOriginals.size());
  }
  std::vector<CountMatch> rows;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const CountMatch& m = all[i];
    if (m.end < body.size()) {
      const char next = body[m.end];
      if (is_space(next) || next == ',' || next == ';' || next == ':' || next == ')' || next == '.') continue;
      if (i + 1 < all.size() && all[i + 1].begin == m.end) continue;  // "01 bản chính1 bản chính"
    }
    if (!rows.empty() && m.begin < rows.back().end) continue;
    rows.push_back(m);
  }
  return rows;
}

// The form file glued at the end of a row's name: "…NĐ-CP;Mẫu số 01.docx".
const std::size_t kMaxFormName = 400;
const char* const kFormExtensions[] = {".docx", ".doc", ".pdf", ".xlsx", ".xls", ".DOCX", ".DOC", ".PDF"};

bool balanced(const std::string& s) {
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

// Splits `text` into name and form file when it ends with a file extension. The file
// name starts after the last punctuation glued to a letter (";Mẫu", ").Mau") whose
// remainder has balanced brackets, else after a lowercase letter glued to a capital
// ("BộMau02"). Returns false when the text ends with a file name but no such point exists.
bool split_form(const std::string& text, std::string& name, std::string& form, bool& has_form) {
  has_form = false;
  name = text;
  form.clear();
  std::size_t ext_len = 0;
  for (const char* e : kFormExtensions) {
    if (ends_with(text, e)) {
      ext_len = std::string(e).size();
      break;
    }
  }
  if (ext_len == 0) return true;
  has_form = true;
  const std::size_t limit = text.size() - ext_len;
  // File names are short: look for their start only in the last 400 bytes, which also
  // keeps the search linear on any input.
  const std::size_t floor = limit > kMaxFormName ? limit - kMaxFormName : 0;
  std::size_t best = std::string::npos;
  // A file name has a stem ("mau so 12 (1).doc" does not start at ".doc") that does not start
  // with punctuation, and some dots are inside it: "Mẫu số 06.QLT.docx", "Mau 08 - Phu luc
  // II_36.2025.TT-BNNMT_02.7.2025.doc", "Mẫu I.1.8.a.docx".
  auto upper_ascii = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower_ascii = [](char c) { return c >= 'a' && c <= 'z'; };
  auto dot_inside_name = [&](std::size_t i) {  // the '.' at i - 1, followed by text[i]
    if (i < 2) return false;
    const char before = text[i - 2], after = text[i];
    if (upper_ascii(before)) return is_digit(after);  // "I.1" (but "NĐ-CP.Mau", "CP.mau so 8")
    if (!is_digit(before)) return false;
    std::size_t d = i - 1;
    while (d > 0 && is_digit(text[d - 1])) --d;
    // A date or a year ends the paper's name: "ngày 31/12/2025.PL PLIII TT75.docx".
    if (i - 1 - d == 4 && d > 0 && (text[d - 1] == '/' || ends_with(text.substr(0, d), "năm "))) return false;
    // So does an item number after the end of a sentence: "…xe cơ giới.4.Chpthun….docx",
    // "…an ninh hàng không)12.1.PLCp….docx".
    if (i - 1 - d <= 2) {
      std::size_t b = d;
      while (b >= 2 && text[b - 1] == '.' && is_digit(text[b - 2])) {
        b -= 2;
        while (b > 0 && is_digit(text[b - 1])) --b;
      }
      if (b > 0 && (text[b - 1] == ')' || text[b - 1] == ';')) return false;
      if (b > 1 && text[b - 1] == '.' && (text[b - 2] == ')' || is_lower(decode_before(text, b - 1)))) return false;
    }
    if (upper_ascii(after) || is_digit(after)) return true;  // "06.QLT", "36.2025.TT"
    // "8.a.docx", but not "theo mẫu số 3.mẫu số 3 nđ 88.docx".
    return lower_ascii(after) && (i + 1 == limit || text[i + 1] == '.' || text[i + 1] == '-' || text[i + 1] == '_');
  };
  for (std::size_t i = limit - 1; i > floor && i < limit; --i) {
    const char p = text[i - 1];
    if (p == '.' && dot_inside_name(i)) continue;
    const char c = text[i];
    if (c == ';' || c == '.' || c == ',' || c == ':' || c == ')' || c == '-') continue;
    if ((p == ';' || p == '.' || p == ')' || p == ':') && !is_space(text[i]) && !is_digit(text[i]) &&
        (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (balanced(text.substr(i, limit - i))) {
        best = i;
        break;
      }
    }
  }
  // A form's usual first word glued to the name ("NĐ-CPMẫu số 04.docx", "TP-QTV-01Mẫu").
  for (const char* word : {"Mẫu", "Mau", "Phụ lục"}) {
    for (std::size_t i = text.rfind(word, limit); i != std::string::npos && i > floor; i = text.rfind(word, i - 1)) {
      if (best != std::string::npos && i <= best) break;
      if (!is_space(text[i - 1]) && balanced(text.substr(i, limit - i))) {
        best = i;
        break;
      }
    }
  }
  if (best == std::string::npos) {
    for (std::size_t i = limit; i > floor; --i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      std::size_t len = 0;
      if (!is_upper(decode_at(text, i, len))) continue;
      if (is_lower(decode_before(text, i)) && balanced(text.substr(i, limit - i))) {
        best = i;
        break;
      }
    }
  }
  if (best == std::string::npos) {
    if (limit == 0) return false;
    // The whole text is a file name only when it has no space ("Mus08.docx").
    if (text.find(' ') == std::string::npos) {
      name.clear();
      form = text;
      return true;
    }
    return false;
  }
  name = text.substr(0, best);
  form = text.substr(best);
  return true;
}

std::string clean_item_name(const std::string& raw) { return trim_chars(raw, "-+*", ";,"); }

std::string clean_heading(const std::string& raw) {
  // "--" marks "no heading" in the portal's layout.
  std::string h = trim(raw);
  while (!h.empty() && h[0] == '-' && (h.size() == 1 || h[1] == '-' || h[1] == ' ')) h = trim(h.substr(1));
  return h;
}

}  // namespace

Parsed parse_levels(const std::string& cell) {
  const std::string text = clean_text(cell);
  if (text.empty()) return empty_part();
  Parsed p;
  p.value = json::array();
  for (const std::string& item : split_list(text)) {
    const std::string pointer = "/" + std::to_string(p.value.size());
    if (item == "Cấp huyện") {
      p.flags.push_back({pointer, "level_district", item});
      continue;
    }
    const char* slug = nullptr;
    for (const LevelName& l : kLevels) {
      if (item == l.text) slug = l.slug;
    }
    if (!slug) {
      p.flags.push_back({pointer, "level_unknown", item});
      continue;
    }
    bool seen = false;
    for (const auto& v : p.value) seen = seen || v == slug;
    if (!seen) p.value.push_back(slug);
  }
  return p;
}

Parsed parse_results(const std::string& cell) {
  std::string text = clean_text(cell);
  // The portal's page furniture ("Từ khóa…Mô tả…Chọn cơ quan thực hiện…Nộp hồ sơ")
  // follows the results.
  const std::size_t trailer = text.find("Từ khóa");
  if (trailer != std::string::npos) text = trim(text.substr(0, trailer));
  if (text.empty()) return empty_part();
  Parsed p;
  p.value = json::array();
  const std::string marker = "Mã:";
  if (text.find(marker) == std::string::npos) {
    // Every result on the portal carries "Mã:"; without it the cell holds something else.
    p.flags.push_back({"", "results_unparsed", text});
    return p;
  }
  std::size_t pos = 0;
  std::vector<std::pair<std::string, std::string>> rows;  // name, code text
  std::vector<bool> code_ok;
  while (pos < text.size()) {
    const std::size_t m = text.find(marker, pos);
    if (m == std::string::npos) {
      // Text after the last code with no "Mã:": a result without a code.
      const std::string name = clean_result_name(text.substr(pos));
      if (!name.empty()) {
        rows.push_back({name, ""});
        code_ok.push_back(true);
      }
      break;
    }
    const std::string name = clean_result_name(text.substr(pos, m - pos));
    std::size_t k = m + marker.size();
    while (k < text.size() && is_space(text[k])) ++k;
    const bool last = text.find(marker, k) == std::string::npos;
    std::size_t run = k;
    while (run < text.size() && is_code_char(text[run])) ++run;
    std::size_t end = run;  // the code ends at the last digit of the run
    while (end > k && !is_digit(text[end - 1])) --end;
    if (last && run == text.size()) end = run;  // the code ends the cell: take it whole
    if (last && end < text.size() && trim(text.substr(end)).empty()) end = text.size();
    if (end == k) {
      if (last) {
        // "Mã: Chưa xác định": the words are not a code.
        rows.push_back({name, trim(text.substr(k))});
        code_ok.push_back(false);
        pos = text.size();
        break;
      }
      // A code without digits glued to the next name: where one ends is unknowable.
      p.value = json::array();
      p.flags = {{"", "results_unparsed", text}};
      return p;
    }
    rows.push_back({name, trim(text.substr(k, end - k))});
    code_ok.push_back(true);
    pos = end;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    json r = json::object();
    r["name"] = rows[i].first;
    const std::string pointer = "/" + std::to_string(i);
    if (rows[i].first.empty()) p.flags.push_back({pointer + "/name", "result_no_name", rows[i].second});
    if (code_ok[i] && !rows[i].second.empty()) r["code"] = rows[i].second;
    if (!code_ok[i]) p.flags.push_back({pointer + "/code", "result_code_unparsed", rows[i].second});
    p.value.push_back(r);
  }
  return p;
}

Parsed parse_legal_basis(const std::string& cell) {
  std::string text = clean_text(cell);
  if (text.empty()) return empty_part();
  Parsed p;
  p.value = json::array();
  const std::string header = "Tên văn bản pháp lýMã văn bản";
  if (!starts_with_at(text, 0, header)) {
    p.flags.push_back({"", "legal_unparsed", text});
    return p;
  }
  text = trim(text.substr(header.size()));
  if (text.empty()) return empty_part();

  // Every document number, left to right; numbers cannot overlap.
  struct Token {
    std::size_t begin, end;
    NumberMatch m;
    bool glued;   // followed directly by a letter, a digit or a dash: a cell boundary may be here
    bool spaced;  // glued to the title before it and followed by a space: "ngân hàng.24/2026/NQ-CP Nghị định"
  };
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < text.size();) {
    const bool after_token = !tokens.empty() && tokens.back().end == i;
    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]) || after_token)) {
      NumberMatch m = match_number(text, i);
      if (m.end != std::string::npos) {
        std::size_t begin = i;
        // A year ending the title glued to the number: "sửa đổi 202323/2023/QH15" is "… sửa
        // đổi 2023" and 23/2023/QH15, "ngày 15/5/2026.55/2026/TT-BTC" is "… 15/5/2026." and
        // 55/2026/TT-BTC. No number has five digits, or a dot after four, starting with a year.
        std::size_t lead = i;
        while (lead < m.end && is_digit(text[lead])) ++lead;
        if (!after_token && lead - i >= 4 && year_like(text.substr(i, 4))) {
          const std::size_t rest_at = lead - i == 4 ? (text[lead] == '.' ? lead + 1 : i) : i + 4;
          const NumberMatch rest = rest_at == i ? NumberMatch{} : match_number(text, rest_at);
          if (rest.end == m.end) {
            begin = rest_at;
            m = rest;
          }
        }
        bool glued = m.end == text.size();
        if (!glued) {
          const char c = text[m.end];
          glued = !(is_space(c) || c == ',' || c == ';' || c == ':' || c == ')' || c == '.' || c == ']');
        }
        // The number's own date glued to it ("53/2025/TT-BCAngày 01/7/2025") goes on its title.
        const bool dated = m.end < text.size() && !date_at(text, m.end, m.year).empty();
        if (dated) glued = false;
        bool spaced = false;
        if (!glued && !dated && m.complete && m.end < text.size() && is_space(text[m.end]) && begin > 0 &&
            !after_token) {
          const char b = text[begin - 1];
          if (!is_space(b) && b != '(' && b != '/' && b != '-' && b != '"' && b != '\'') {
            // Not after the words that introduce a number in a title ("Thông tư số55/…", "TT43/…").
            const std::size_t from = begin > 64 ? begin - 64 : 0;
            bool bare_so = false;
            spaced = code_prefix_length(text.substr(from, begin - from), bare_so) == 0;
          }
        }
        tokens.push_back({begin, m.end, m, glued, spaced});
        i = m.end;
        continue;
      }
    }
    ++i;
  }
  // The cell is a run of (title, code) pairs, each code a number glued to the next title.
  // From the end: the last number is a code; an earlier glued number is a code when the
  // text between it and the next code leaves a title (not empty, not just "số").
  std::vector<std::size_t> codes;  // token indexes, in reverse
  // Text after the last number is no pair; it is flagged below with the words before it.
  std::size_t next_code_begin = text.size();
  for (std::size_t t = tokens.size(); t-- > 0;) {
    const Token& tok = tokens[t];
    if (tok.end == text.size()) {
      codes.push_back(t);
      next_code_begin = tok.begin;
      continue;
    }
    if (!tok.glued && !tok.spaced) continue;
    // A code-cell prefix is short; a longer gap always leaves a title (and keeps this linear).
    if (next_code_begin - tok.end <= 64) {
      bool only_so = false;
      const std::string title = title_of(text.substr(tok.end, next_code_begin - tok.end), only_so);
      if (title.empty()) continue;
    }
    codes.push_back(t);
    next_code_begin = tok.begin;
  }
  if (codes.empty()) {
    p.flags.push_back({"", "legal_unparsed", text});
    return p;
  }
  std::size_t start = 0;
  for (std::size_t c = codes.size(); c-- > 0;) {
    const Token& tok = tokens[codes[c]];
    bool only_so = false;
    const std::string title = title_of(text.substr(start, tok.begin - start), only_so);
    const std::string number = text.substr(tok.begin, tok.end - tok.begin);
    const std::string pointer = "/" + std::to_string(p.value.size());
    json doc = json::object();
    doc["title"] = title;
    doc["number"] = number;
    std::string type = tok.m.type;
    if (type.empty()) type = type_from_title(title);
    if (type.empty()) {
      // The code cell's own words: "Luật số 32/2024/QH15".
      bool bare = false;
      const std::string segment = text.substr(start, tok.begin - start);
      const std::size_t plen = code_prefix_length(segment, bare);
      if (plen > 0 && !bare) type = type_from_title(trim(segment.substr(segment.size() - plen)));
    }
    if (!type.empty()) doc["type"] = type;
    const std::string issued = issued_from_title(title, number, tok.m.year);
    if (!issued.empty()) doc["issued"] = issued;
    if (title.empty()) p.flags.push_back({pointer + "/title", "legal_no_title", number});
    if (tok.m.ambiguous) p.flags.push_back({pointer + "/number", "legal_number_unclear", text.substr(start, tok.end - start + 12 > text.size() - start ? text.size() - start : tok.end - start + 12)});
    p.value.push_back(doc);
    start = tok.end;
  }
  if (start < text.size()) {
    const std::string rest = trim(text.substr(start));
    if (!rest.empty()) p.flags.push_back({"/" + std::to_string(p.value.size()), "legal_unparsed", rest});
  }
  return p;
}

Parsed parse_dossier(const std::string& cell) {
  const std::string text = clean_text(cell);
  if (text.empty() || clean_heading(text).empty()) return empty_part();
  Parsed p;
  p.value = json::array();
  std::size_t h = text.find(kDossierHeader);
  if (h == std::string::npos) {
    p.flags.push_back({"", "dossier_prose", text});
    return p;
  }
  // Tables: heading, header, rows; the text after a table's last row is the next heading.
  std::string heading = clean_heading(text.substr(0, h));
  std::size_t groups = 0;
  for (std::size_t k = text.find(kDossierHeader); k != std::string::npos;
       k = text.find(kDossierHeader, k + kDossierHeader.size())) {
    ++groups;
  }
  while (h != std::string::npos) {
    const std::size_t body_begin = h + kDossierHeader.size();
    const std::size_t next = text.find(kDossierHeader, body_begin);
    const std::string body = text.substr(body_begin, (next == std::string::npos ? text.size() : next) - body_begin);
    const std::vector<CountMatch> rows = row_counts(body);
    const bool present = heading.find("xuất trình") != std::string::npos;
    std::size_t pos = 0;
    for (const CountMatch& row : rows) {
      const std::string pointer = "/" + std::to_string(p.value.size());
      std::string before = body.substr(pos, row.begin - pos);
      std::string originals = row.originals;
      bool unclear = false;
      if (originals.size() > 1 && !(originals.size() == 2 && originals[0] == '0')) {
        // A count glued to a year ("ngày 27/12/20241 bản chính"): split only after a
        // date "dd/mm/" or "năm ", where the year has four digits and the count the rest.
        const std::string prev = before;
        const bool after_date = [&] {
          std::size_t k = prev.size();
          if (k == 0 || prev[k - 1] != '/') return false;
          --k;
          std::size_t d = k;
          while (d > 0 && is_digit(prev[d - 1])) --d;
          if (k - d < 1 || k - d > 2 || d == 0 || prev[d - 1] != '/') return false;
          --d;
          std::size_t e = d;
          while (e > 0 && is_digit(prev[e - 1])) --e;
          return d - e >= 1 && d - e <= 2;
        }();
        const bool after_nam = ends_with(prev, "năm ") || ends_with(prev, "năm");
        if ((after_date || after_nam) && originals.size() == 5 && year_like(originals.substr(0, 4))) {
          before += originals.substr(0, 4);
          originals = originals.substr(4);
        } else if (to_count(originals) < 0 || to_count(originals) > 20) {
          unclear = true;
        }
      }
      std::string name, form;
      bool has_form = false;
      const std::string item_text = unclear ? before + originals : before;
      const bool form_ok = split_form(trim(item_text), name, form, has_form);
      json item = json::object();
      if (!form_ok) name = trim(item_text);
      name = clean_item_name(name);
      item["name"] = name;
      if (!unclear) item["originals"] = to_count(originals);
      item["copies"] = row.copies.empty() ? 0 : to_count(row.copies);
      if (has_form && form_ok) item["form"] = trim(form);
      if (!heading.empty() && groups > 1) item["when"] = heading;
      item["kind"] = present ? "present" : "submit";
      const std::string row_text = trim(body.substr(pos, row.end - pos));
      if (name.empty()) p.flags.push_back({pointer + "/name", "dossier_item_no_name", row_text});
      if (unclear) p.flags.push_back({pointer + "/originals", "dossier_count_unclear", row_text});
      if (has_form && !form_ok) p.flags.push_back({pointer + "/form", "dossier_form_unclear", trim(item_text)});
      if (!row.copies.empty() && to_count(row.copies) < 0) {
        p.flags.push_back({pointer + "/copies", "dossier_count_unclear", row_text});
      }
      p.value.push_back(item);
      pos = row.end;
    }
    const std::string rest = trim(body.substr(pos));
    if (next == std::string::npos) {
      if (!clean_heading(rest).empty()) {
        p.flags.push_back({"/" + std::to_string(p.value.size()), rows.empty() ? "dossier_prose" : "dossier_trailing_text",
                           rest});
      }
    } else if (rows.empty() && !rest.empty()) {
      // A table without a single count row: its words are kept as they are.
      p.flags.push_back({"/" + std::to_string(p.value.size()), "dossier_prose", rest});
      heading.clear();
    } else {
      heading = clean_heading(rest);
    }
    h = next;
  }
  // When the single heading applies to the whole dossier, say so on each item too.
  if (groups == 1) {
    const std::string only = clean_heading(text.substr(0, text.find(kDossierHeader)));
    if (!only.empty()) {
      for (auto& item : p.value) item["when"] = only;
    }
  }
  return p;
}

}  // namespace motcua::portal
