// parse_channels: the portal's flattened "Cách thức thực hiện" table (cach_thuc_thuc_hien)
// into channel objects. How each cell is read, and every reason code, is in docs/import.md.
//
// The cell is one string: the header "Hình thức nộpThời gianPhí, lệ phíMô tả", then rows
// glued together without separators, each: channel name, deadline cell, fee cell (optionally
// followed by a parenthesised note), description. A row starts at a channel name that is
// directly followed by something that reads as a deadline cell and then a fee cell; a channel
// name anywhere else ("Trực tiếp tại Bộ phận Một cửa") is part of a description.
//
// Every scan below moves forward through the text or looks ahead a bounded number of bytes, so
// the parser is linear in the cell's size. Token matches compare whole UTF-8 sequences, so a
// cut always falls on a character boundary.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "motcua/portal_import.h"

namespace motcua::portal {

namespace {

using nlohmann::json;

constexpr std::string_view kHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả";
constexpr std::string_view kNoInfo = "Không có thông tin";
constexpr std::string_view kFree = "Miễn phí";

// How far a deadline given in words may run before its fee cell (the longest real one,
// "Hệ thống giải quyết thủ tục hành chính ngành Thuế thực hiện phản hồi tự động thông qua
// phương thức điện tử.", is about 130 bytes).
constexpr std::size_t kMaxDeadlineWords = 400;
// The longest deadline we accept as a number (ten years, as the content loader does).
constexpr long long kMaxDeadline = 3650;
// The largest amount the content loader accepts.
constexpr long long kMaxAmount = 1'000'000'000'000LL;
// Amounts in đồng below this are plainly wrong in the source ("40 VNĐ" for 40.000 đồng).
constexpr long long kSmallestPlausibleFee = 1000;

struct ChannelName {
  std::string_view words;
  const char* kind;
};
constexpr ChannelName kChannels[] = {
    {"Trực tuyến", "online"}, {"Trực tiếp", "direct"}, {"Dịch vụ bưu chính", "postal"}};

struct Unit {
  std::string_view words;  // as the deadline cell writes it
  const char* slug;
};
// Longest first: "Ngày làm việc" before "Ngày".
constexpr Unit kUnits[] = {{"Ngày làm việc", "working_days"},
                           {"Ngày", "calendar_days"},
                           {"Giờ", "working_hours"},
                           {"Tháng", "months"}};
// The same units as a description writes them: first letter either case, then lower case.
struct UnitInWords {
  char lead;               // lower-case first letter
  std::string_view rest;   // the words after it
  const char* slug;
};
constexpr UnitInWords kUnitsInWords[] = {{'n', "gày làm việc", "working_days"},
                                         {'n', "gày", "calendar_days"},
                                         {'g', "iờ", "working_hours"},
                                         {'t', "háng", "months"}};

struct Currency {
  std::string_view words;
  const char* code;  // "VND" or an ISO 4217 code
};
constexpr Currency kCurrencies[] = {{"Việt Nam Đồng", "VND"}, {"VNĐ", "VND"}, {"USD", "USD"}};

bool at(std::string_view s, std::size_t pos, std::string_view token) {
  return pos <= s.size() && s.size() - pos >= token.size() && s.compare(pos, token.size(), token) == 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Valid UTF-8: every invalid sequence (stray continuation bytes, overlong forms, surrogates,
// code points above U+10FFFF, truncated sequences) becomes U+FFFD, so the JSON we return can
// always be written out.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0, min = 0;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
  }
  return out;
}

const ChannelName* channel_at(std::string_view s, std::size_t pos) {
  for (const ChannelName& c : kChannels) {
    if (at(s, pos, c.words)) return &c;
  }
  return nullptr;
}

// The end of a run of digits, commas and dots that starts with a digit and ends with one.
std::size_t number_end(std::string_view s, std::size_t pos) {
  std::size_t end = pos, i = pos;
  while (i < s.size() && (is_digit(s[i]) || s[i] == ',' || s[i] == '.')) {
    if (is_digit(s[i])) end = i + 1;
    ++i;
  }
  return end;
}

// The currency written at `pos` (after an optional space): its entry and where it ends.
const Currency* currency_at(std::string_view s, std::size_t pos, std::size_t* end) {
  if (pos < s.size() && s[pos] == ' ') ++pos;
  for (const Currency& c : kCurrencies) {
    if (at(s, pos, c.words)) {
      *end = pos + c.words.size();
      return &c;
    }
  }
  return nullptr;
}

// Length of a fee cell's first words at `pos` ("Miễn phí", "Không có thông tin", an amount
// with its currency), 0 when there is none.
std::size_t fee_start_length(std::string_view s, std::size_t pos) {
  if (at(s, pos, kFree)) return kFree.size();
  if (at(s, pos, kNoInfo)) return kNoInfo.size();
  if (pos < s.size() && is_digit(s[pos])) {
    std::size_t end = 0;
    if (currency_at(s, number_end(s, pos), &end) != nullptr) return end - pos;
  }
  return 0;
}

// An amount written with thousands separators: "10,000", "2,500,000", or plain digits.
// Returns -1 for anything else or more than kMaxAmount.
long long amount_value(std::string_view digits) {
  if (digits.empty() || digits.size() > 20) return -1;
  const char sep = digits.find(',') != std::string_view::npos ? ',' : '.';
  const bool grouped = digits.find(sep) != std::string_view::npos;
  long long value = 0;
  std::size_t group = 0;
  bool first_group = true;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (c == sep && grouped) {
      if (group == 0 || (first_group && group > 3) || (!first_group && group != 3)) return -1;
      first_group = false;
      group = 0;
      continue;
    }
    if (!is_digit(c)) return -1;
    ++group;
    value = value * 10 + (c - '0');
    if (value > kMaxAmount) return -1;
  }
  if (grouped && group != 3) return -1;
  if (grouped && digits[0] == '0') return -1;
  return value;
}

// Where a row's deadline cell ends and its fee cell begins.
struct RowHead {
  bool found = false;
  std::string deadline;        // the deadline cell's words ("7 Ngày làm việc", "3", "Không có thông tin")
  std::string glued;           // deadline and amount written as one number ("120 VNĐ"): cannot be split
  std::size_t fee_begin = 0;   // where the fee cell starts
  std::string split_amount;    // deadline and amount told apart by the thousands separators:
  const Currency* split_currency = nullptr;  // "140,000 Việt Nam Đồng" is 1 + 40,000
  std::size_t after_split = 0;
};

// "1100,000": the deadline digits before an amount whose first group has one to three digits;
// returns the split position when exactly one split gives a well-formed amount and a deadline.
std::size_t unique_split(std::string_view number) {
  const std::size_t comma = number.find(',');
  if (comma == std::string_view::npos || comma < 2) return 0;
  for (char c : number.substr(0, comma)) {
    if (!is_digit(c)) return 0;
  }
  std::size_t found = 0, count = 0;
  for (std::size_t g = 1; g <= 3 && g < comma; ++g) {
    const std::size_t split = comma - g;
    if (number[split] == '0') continue;
    if (amount_value(number.substr(split)) < 0) continue;
    found = split;
    ++count;
  }
  return count == 1 ? found : 0;
}

RowHead row_head(std::string_view s, std::size_t pos) {
  RowHead h;
  if (pos >= s.size()) return h;
  const char first = s[pos];
  // A real row glues its deadline to the channel name; "Trực tiếp tại…", "Trực tuyến: nộp…"
  // are description text.
  if (first == ' ' || first == ':' || first == ',' || first == '.' || first == ';' || first == '(' ||
      first == ')' || first == '-' || first == '+' || first == '/') {
    return h;
  }
  if (at(s, pos, kNoInfo) && fee_start_length(s, pos + kNoInfo.size()) > 0) {
    h.found = true;
    h.deadline = std::string(kNoInfo);
    h.fee_begin = pos + kNoInfo.size();
    return h;
  }
  if (is_digit(first)) {
    const std::size_t num_end = number_end(s, pos);
    std::size_t cur_end = 0;
    if (const Currency* cur = currency_at(s, num_end, &cur_end)) {
      // No deadline cell of its own: the number runs into the amount.
      const std::string_view number = s.substr(pos, num_end - pos);
      h.found = true;
      if (const std::size_t split = unique_split(number)) {
        h.deadline = std::string(number.substr(0, split));
        h.split_amount = std::string(number.substr(split));
        h.split_currency = cur;
        h.fee_begin = pos + split;
        h.after_split = cur_end;
      } else {
        h.glued = std::string(s.substr(pos, cur_end - pos));
        h.fee_begin = pos;
        h.after_split = cur_end;
      }
      return h;
    }
    std::size_t end = num_end;
    std::size_t unit_pos = end < s.size() && s[end] == ' ' ? end + 1 : end;
    for (const Unit& u : kUnits) {
      if (at(s, unit_pos, u.words)) {
        end = unit_pos + u.words.size();
        break;
      }
    }
    if (fee_start_length(s, end) > 0) {
      h.found = true;
      h.deadline = std::string(s.substr(pos, end - pos));
      h.fee_begin = end;
      return h;
    }
  }
  // A deadline in words: it runs to the next fee cell, within reach and before any channel name.
  const std::size_t limit = std::min(s.size(), pos + kMaxDeadlineWords);
  for (std::size_t q = pos + 1; q < limit; ++q) {
    if (channel_at(s, q) != nullptr) return h;
    if (fee_start_length(s, q) > 0) {
      h.found = true;
      h.deadline = std::string(s.substr(pos, q - pos));
      // "Không Không có thông tin": the words end before the space.
      while (!h.deadline.empty() && h.deadline.back() == ' ') h.deadline.pop_back();
      h.fee_begin = q;
      return h;
    }
  }
  return h;
}

struct Row {
  const char* kind = "";
  std::size_t begin = 0;  // the channel name
  std::size_t end = 0;    // the next row, or the end of the cell
  RowHead head;
};

std::vector<Row> split_rows(std::string_view body) {
  std::vector<Row> rows;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const ChannelName* name = channel_at(body, pos);
    if (name == nullptr) {
      ++pos;
      continue;
    }
    RowHead head = row_head(body, pos + name->words.size());
    if (!head.found) {
      pos += name->words.size();
      continue;
    }
    if (!rows.empty()) rows.back().end = pos;
    Row row;
    row.kind = name->kind;
    row.begin = pos;
    row.end = body.size();
    row.head = std::move(head);
    pos = std::max(row.head.fee_begin, row.head.after_split);
    rows.push_back(std::move(row));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Deadlines

struct Deadline {
  json value;
  std::string reason;  // empty when structured
  long long number = -1;   // the integer the cell gives, -1 when none
  std::string unit;        // the unit slug the cell gives, empty when none
  bool bare = false;       // an integer with no unit
};

// Reads "7", "7 Ngày làm việc", "1.5 Ngày làm việc"; false when the words are something else.
bool read_number_and_unit(const std::string& words, std::string* digits, std::string* unit, bool* fractional) {
  std::size_t i = 0;
  while (i < words.size() && is_digit(words[i])) ++i;
  if (i == 0) return false;
  *digits = words.substr(0, i);
  *fractional = false;
  if (i + 1 < words.size() && (words[i] == '.' || words[i] == ',') && is_digit(words[i + 1])) {
    *fractional = true;
    ++i;
    while (i < words.size() && is_digit(words[i])) ++i;
  }
  if (i < words.size() && words[i] == ' ') ++i;
  unit->clear();
  if (i == words.size()) return true;
  for (const Unit& u : kUnits) {
    if (words.compare(i, std::string::npos, u.words) == 0) {
      *unit = u.slug;
      return true;
    }
  }
  return false;
}

Deadline read_deadline(const std::string& words) {
  Deadline d;
  d.value = {{"unit", "unknown"}, {"text", words}};
  if (words == kNoInfo || words.empty()) {
    d.reason = "deadline_missing";
    return d;
  }
  std::string digits, unit;
  bool fractional = false;
  if (!read_number_and_unit(words, &digits, &unit, &fractional)) {
    d.reason = "deadline_text";
    return d;
  }
  if (fractional) {
    d.reason = "deadline_fractional";
    return d;
  }
  const std::size_t nonzero = digits.find_first_not_of('0');
  const std::string significant = nonzero == std::string::npos ? "0" : digits.substr(nonzero);
  if (significant.size() > 4 || std::stoll(significant) > kMaxDeadline) {
    d.reason = "deadline_out_of_range";
    return d;
  }
  d.number = std::stoll(significant);
  if (d.number == 0) {
    d.value["value"] = 0;
    d.reason = "deadline_zero";
    return d;
  }
  if (unit.empty()) {
    d.value["value"] = d.number;
    d.bare = true;
    d.reason = "deadline_no_unit";
    return d;
  }
  d.unit = unit;
  d.value = {{"value", d.number}, {"unit", unit}, {"text", words}};
  return d;
}

// The units a description gives for the number `n`: "Trong thời hạn 02 ngày làm việc",
// "05 (năm) ngày làm việc". Every mention of the number with a unit counts.
std::set<std::string> units_in_words(std::string_view text, long long n) {
  std::set<std::string> units;
  const std::string target = std::to_string(n);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    // "12/2025", "1.500", "3,5": not a count of days.
    if (start > 0 && (text[start - 1] == '.' || text[start - 1] == ',' || text[start - 1] == '/')) continue;
    if (i < text.size() && (text[i] == '.' || text[i] == ',' || text[i] == '/') && i + 1 < text.size() &&
        is_digit(text[i + 1])) {
      continue;
    }
    std::string_view number = text.substr(start, i - start);
    while (number.size() > 1 && number[0] == '0') number.remove_prefix(1);
    if (number != target) continue;
    std::size_t p = i;
    if (p < text.size() && text[p] == ' ') ++p;
    // "05 (năm) ngày": a short number in words between.
    if (p < text.size() && text[p] == '(') {
      const std::size_t close = text.find(')', p);
      if (close == std::string_view::npos || close - p > 30) continue;
      p = close + 1;
      if (p < text.size() && text[p] == ' ') ++p;
    }
    if (p >= text.size()) continue;
    const char lead = (text[p] >= 'A' && text[p] <= 'Z') ? static_cast<char>(text[p] + ('a' - 'A')) : text[p];
    for (const UnitInWords& u : kUnitsInWords) {
      if (lead != u.lead || !at(text, p + 1, u.rest)) continue;
      units.insert(u.slug);
      break;
    }
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Fees

struct Fee {
  json value;
  std::string reason;  // empty when structured
  std::string text;    // the fee cell's words, for a flag
};

bool contains(std::string_view s, std::string_view token) { return s.find(token) != std::string_view::npos; }

// Set by the provincial People's Council: the fee is the province's, given in words.
bool names_local_council(std::string_view s) {
  return contains(s, "Hội đồng nhân dân") || contains(s, "HĐND") || contains(s, "hội đồng nhân dân");
}

// "40.000 đồng", "8.000.000/lần", "50.000đ", "145 USD", "2000 đồng": words that give an amount.
// Dates ("07/4/2026"), sections ("1.2.1.") and small counts ("01 bản") do not.
bool gives_amount(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    std::size_t digits = 0, groups = 0;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        ++digits;
        ++i;
      } else if (s[i] == '.' && i + 3 < s.size() && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3])) {
        ++groups;
        ++i;
      } else {
        break;
      }
    }
    if (start > 0 && (s[start - 1] == '/' || s[start - 1] == '.')) continue;
    std::size_t p = i;
    if (p < s.size() && s[p] == ' ') ++p;
    const bool thousands = groups > 0 || digits >= 4;
    if (at(s, p, "USD")) return true;
    if ((at(s, p, "đồng") || at(s, p, "Đồng") || at(s, p, "VNĐ") || at(s, p, "vnđ")) && (thousands || digits >= 2)) {
      return true;
    }
    if (thousands && (at(s, p, "đ") || at(s, p, "Đ") || (p == i && at(s, p, "/")))) return true;
  }
  return false;
}

// True when the "(" at the start of `s` closes at its very end.
bool wrapped_in_parentheses(std::string_view s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i + 1 == s.size();
  }
  return false;
}

// The words inside a note's parentheses: "(hồ sơ)" and "((hồ sơ))" are "hồ sơ"; a note that
// never closes loses its opening parenthesis only.
std::string note_words(std::string_view note) {
  while (wrapped_in_parentheses(note)) {
    note.remove_prefix(1);
    note.remove_suffix(1);
    while (!note.empty() && note.front() == ' ') note.remove_prefix(1);
    while (!note.empty() && note.back() == ' ') note.remove_suffix(1);
  }
  if (!note.empty() && note.front() == '(' && !wrapped_in_parentheses(note)) {
    int depth = 0;
    for (char c : note) depth += c == '(' ? 1 : (c == ')' ? -1 : 0);
    if (depth > 0) note.remove_prefix(1);
  }
  return clean_text(std::string(note));
}

// "/trang", "đồng/lần": the unit an amount is charged per; empty when the note says more.
std::string per_unit(const std::string& words) {
  std::string_view w = words;
  for (std::string_view prefix : {"đồng/", "Đồng/", "đ/", "/"}) {
    if (w.substr(0, prefix.size()) == prefix) {
      w.remove_prefix(prefix.size());
      while (!w.empty() && (w.back() == '.' || w.back() == ' ')) w.remove_suffix(1);
      while (!w.empty() && w.front() == ' ') w.remove_prefix(1);
      if (w.empty() || w.size() > 40) return "";
      for (char c : w) {
        if (is_digit(c) || c == '(' || c == ')' || c == '/' || c == ';' || c == ',') return "";
      }
      return std::string(w);
    }
  }
  return "";
}

Fee read_fee(const std::string& token, const std::string& digits, const Currency* currency,
             const std::string& note, const std::string& description) {
  Fee f;
  const std::string words = note_words(note);
  f.text = token + note;
  if (token == kNoInfo) {
    f.value = {{"kind", "unknown"}, {"text", token}};
    f.reason = "fee_missing";
    return f;
  }
  if (token == kFree) {
    if (names_local_council(words)) {
      f.value = {{"kind", "local"}, {"text", words}};
      return f;
    }
    const bool in_note = gives_amount(words);
    if (in_note || gives_amount(description)) {
      // The cell says free and its words give an amount: the README holds the words more
      // reliable, but which one applies is for a person to decide.
      if (!in_note) f.text += " " + description;
      f.value = {{"kind", "unknown"}, {"text", f.text}};
      f.reason = "fee_free_with_amount";
      return f;
    }
    f.value = {{"kind", "free"}};
    if (!words.empty()) f.value["text"] = words;
    return f;
  }
  const long long amount = amount_value(digits);
  if (amount < 0 || currency == nullptr) {
    f.value = {{"kind", "unknown"}, {"text", f.text}};
    f.reason = "fee_unparsed";
    return f;
  }
  if (std::string(currency->code) != "VND") {
    f.value = {{"kind", "foreign"}, {"amount", amount}, {"currency", currency->code}};
    // "(/lần)", or the amount restated with its unit: "(10USD/giấy)", "(100 USD/thẻ.)".
    std::string per = per_unit(words);
    const std::string restated = std::to_string(amount);
    if (per.empty() && words.compare(0, restated.size(), restated) == 0) {
      std::size_t k = restated.size();
      if (k < words.size() && words[k] == ' ') ++k;
      if (words.compare(k, std::string(currency->code).size(), currency->code) == 0) {
        per = per_unit(words.substr(k + std::string(currency->code).size()));
      }
    }
    if (!per.empty()) {
      f.value["per"] = per;
    } else if (!words.empty()) {
      f.value["text"] = words;
    }
    return f;
  }
  f.value = {{"kind", "amount"}, {"amount", amount}};
  const std::string per = per_unit(words);
  if (!per.empty()) {
    f.value["per"] = per;
  } else if (!words.empty()) {
    f.value["text"] = words;
  }
  // Kept as the source gives it, and flagged: "40 VNĐ" beside "40.000 đồng/giấy".
  if (amount < kSmallestPlausibleFee) f.reason = "fee_amount_suspicious";
  return f;
}

// The note after a fee cell: the balanced parentheses starting at `pos`; when they never close,
// up to the last ")" of the row (or the row's end).
std::size_t note_end(std::string_view s, std::size_t pos, std::size_t row_end) {
  int depth = 0;
  for (std::size_t i = pos; i < row_end; ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i + 1;
  }
  const std::size_t last = s.substr(0, row_end).rfind(')');
  return last != std::string_view::npos && last > pos ? last + 1 : row_end;
}

// ---------------------------------------------------------------------------------------------

struct Channel {
  const char* kind = "";
  std::string source;  // the row's own words, channel name included
  Deadline deadline;
  std::string deadline_words;
  std::string description;
  Fee fee;
  std::string glued;  // deadline and fee run together
};

Channel read_row(std::string_view body, const Row& row) {
  Channel c;
  c.kind = row.kind;
  c.source = clean_text(std::string(body.substr(row.begin, row.end - row.begin)));
  const RowHead& h = row.head;
  std::string token, digits;
  const Currency* currency = nullptr;
  std::size_t pos = 0;
  if (!h.glued.empty()) {
    c.glued = h.glued;
    pos = h.after_split;
  } else if (h.split_currency != nullptr) {
    digits = h.split_amount;
    currency = h.split_currency;
    token = std::string(body.substr(h.fee_begin, h.after_split - h.fee_begin));
    pos = h.after_split;
  } else {
    pos = h.fee_begin;
    const std::size_t len = fee_start_length(body, pos);
    token = std::string(body.substr(pos, len));
    if (is_digit(token.empty() ? ' ' : token[0])) {
      const std::size_t num_end = number_end(body, pos);
      digits = std::string(body.substr(pos, num_end - pos));
      std::size_t cur_end = 0;
      currency = currency_at(body, num_end, &cur_end);
    }
    pos += len;
  }
  std::string note;
  if (token != kNoInfo && pos < row.end && body[pos] == '(') {
    const std::size_t end = note_end(body, pos, row.end);
    note = std::string(body.substr(pos, end - pos));
    pos = end;
  }
  c.description = clean_text(std::string(body.substr(pos, row.end - pos)));
  c.deadline_words = h.deadline;
  if (!c.glued.empty()) {
    const std::string words = c.glued + note;
    c.deadline.value = {{"unit", "unknown"}, {"text", c.glued}};
    c.deadline.reason = "deadline_fee_glued";
    c.fee.value = {{"kind", "unknown"}, {"text", words}};
    c.fee.reason = "deadline_fee_glued";
    c.fee.text = words;
    return c;
  }
  c.deadline = read_deadline(c.deadline_words);
  c.fee = read_fee(token, digits, currency, note, c.description);
  return c;
}

// A bare number ("3") takes a unit only from the record's own words: the same row's description,
// else the other rows of the table that give the same number with a unit. Anything else stays
// "deadline_no_unit".
void resolve_bare_numbers(std::vector<Channel>& channels) {
  std::map<long long, std::set<std::string>> units_of_number;  // from the rows that write a unit
  for (const Channel& c : channels) {
    if (!c.deadline.unit.empty()) units_of_number[c.deadline.number].insert(c.deadline.unit);
  }
  for (Channel& c : channels) {
    if (!c.deadline.bare) continue;
    std::set<std::string> units = units_in_words(c.description, c.deadline.number);
    if (units.empty()) {
      const auto it = units_of_number.find(c.deadline.number);
      if (it != units_of_number.end()) units = it->second;
    }
    if (units.size() != 1) continue;
    c.deadline.unit = *units.begin();
    c.deadline.bare = false;
    c.deadline.reason.clear();
    c.deadline.value = {{"value", c.deadline.number}, {"unit", c.deadline.unit}, {"text", c.deadline_words}};
  }
}

// One channel's deadline plainly far from the others' (online 4 days, the two others 18, same
// unit): kept as the source gives it, flagged.
void flag_outliers(std::vector<Channel>& channels) {
  if (channels.size() < 3) return;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    const Deadline& odd = channels[i].deadline;
    if (!odd.reason.empty() || odd.unit.empty()) continue;
    long long common = -1;
    bool agree = true;
    std::size_t others = 0;
    for (std::size_t j = 0; j < channels.size() && agree; ++j) {
      if (j == i) continue;
      const Deadline& d = channels[j].deadline;
      if (!d.reason.empty() || d.unit != odd.unit) {
        agree = false;
        break;
      }
      if (common < 0) common = d.number;
      agree = d.number == common;
      ++others;
    }
    if (!agree || others < 2 || common <= 0) continue;
    const long long lo = std::min(common, odd.number), hi = std::max(common, odd.number);
    if (hi >= 3 * lo && hi - lo >= 3) channels[i].deadline.reason = "deadline_outlier";
  }
}

Parsed unparsed(const std::string& text) {
  Parsed p;
  p.value = json::array();
  p.flags.push_back({"", "channels_unparsed", text});
  return p;
}

Parsed parse(const std::string& cell) {
  const std::string text = valid_utf8(clean_text(cell));
  Parsed out;
  out.value = json::array();
  std::string_view body = text;
  if (body.substr(0, kHeader.size()) == kHeader) body.remove_prefix(kHeader.size());
  while (!body.empty() && body.front() == ' ') body.remove_prefix(1);
  if (body.empty()) {
    out.empty = true;
    return out;
  }
  const std::vector<Row> rows = split_rows(body);
  // Words before the first row would be lost: the table is not what we can read.
  if (rows.empty() || rows.front().begin != 0) return unparsed(text);

  std::vector<Channel> all;
  for (const Row& row : rows) all.push_back(read_row(body, row));
  resolve_bare_numbers(all);

  // One channel of each kind: an identical repeat is dropped, a differing one is kept in a flag.
  std::vector<Channel> channels;
  std::vector<std::vector<std::string>> repeats;  // per kept channel, the differing rows in order
  std::vector<std::set<std::string>> repeated;
  for (Channel& c : all) {
    auto same = std::find_if(channels.begin(), channels.end(),
                             [&](const Channel& k) { return std::string(k.kind) == c.kind; });
    if (same == channels.end()) {
      channels.push_back(std::move(c));
      repeats.emplace_back();
      repeated.emplace_back();
      continue;
    }
    const std::size_t k = static_cast<std::size_t>(same - channels.begin());
    if (c.source != same->source && repeated[k].insert(c.source).second) repeats[k].push_back(c.source);
  }
  flag_outliers(channels);

  for (std::size_t i = 0; i < channels.size(); ++i) {
    Channel& c = channels[i];
    const std::string at_row = "/" + std::to_string(i);
    json channel = {{"kind", c.kind}, {"deadline", c.deadline.value}, {"fee", c.fee.value}};
    if (!c.description.empty()) channel["description"] = c.description;
    out.value.push_back(std::move(channel));
    if (!c.deadline.reason.empty()) {
      out.flags.push_back({at_row + "/deadline", c.deadline.reason, c.glued.empty() ? c.deadline_words : c.glued});
    }
    if (!c.fee.reason.empty()) out.flags.push_back({at_row + "/fee", c.fee.reason, c.fee.text});
    for (const std::string& other : repeats[i]) out.flags.push_back({at_row, "channel_repeated", other});
  }
  return out;
}

}  // namespace

Parsed parse_channels(const std::string& cell) {
  try {
    return parse(cell);
  } catch (...) {
    // Never expected (every index is checked); the cell stays the source's words, flagged.
    Parsed p;
    p.value = json::array();
    p.flags.push_back({"", "channels_unparsed", valid_utf8(cell)});
    return p;
  }
}

}  // namespace motcua::portal
