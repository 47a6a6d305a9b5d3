#include "motcua/format.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "motcua/civil_date.h"

namespace motcua {

long long decimal_value(const std::string& checked) {
  const bool negative = !checked.empty() && checked[0] == '-';
  long long value = 0;
  for (std::size_t i = negative ? 1 : 0; i < checked.size(); ++i) value = value * 10 + (checked[i] - '0');
  return negative ? -value : value;
}

std::string zero_padded(long long value, int width) {
  // Digits from the last, in unsigned arithmetic so that LLONG_MIN has a magnitude too.
  unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value)
                                           : static_cast<unsigned long long>(value);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  const std::size_t room = static_cast<std::size_t>(width > 0 ? width : 0) - (value < 0 ? 1 : 0);
  if (width > 0 && digits.size() < room) digits.insert(0, room - digits.size(), '0');
  return (value < 0 ? "-" : "") + digits;
}

std::string format_g15(double value) {
  constexpr int kPrecision = 15;
  std::string out = std::signbit(value) ? "-" : "";
  if (std::isnan(value)) return out + "nan";
  if (std::isinf(value)) return out + "inf";
  value = std::fabs(value);
  if (value == 0) return out + "0";
  // value = mantissa * 2^exp2 exactly; as a decimal integer `digits` times 10^-shift, worked
  // out in base 10^9 limbs (least significant first): times 2 per positive power of two, or
  // times 5 per negative one (m / 2^k = m * 5^k / 10^k).
  int exp2 = 0;
  const double fraction = std::frexp(value, &exp2);
  std::uint64_t mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  exp2 -= 53;
  std::vector<std::uint32_t> limbs;
  for (; mantissa != 0; mantissa /= 1000000000) limbs.push_back(static_cast<std::uint32_t>(mantissa % 1000000000));
  const int shift = exp2 < 0 ? -exp2 : 0;
  for (int i = exp2 < 0 ? -exp2 : exp2; i > 0; --i) {
    std::uint64_t carry = 0;
    for (std::uint32_t& limb : limbs) {
      carry += static_cast<std::uint64_t>(limb) * (exp2 < 0 ? 5 : 2);
      limb = static_cast<std::uint32_t>(carry % 1000000000);
      carry /= 1000000000;
    }
    if (carry != 0) limbs.push_back(static_cast<std::uint32_t>(carry));
  }
  std::string digits;
  for (std::size_t i = limbs.size(); i-- > 0;) {
    std::string limb = zero_padded(limbs[i], 9);
    digits += i + 1 == limbs.size() ? limb.substr(limb.find_first_not_of('0')) : limb;
  }
  int exp10 = static_cast<int>(digits.size()) - 1 - shift;  // of the first digit
  if (digits.size() > kPrecision) {
    // Round half to even on the exact digits, as printf does in the default rounding mode.
    const char next = digits[kPrecision];
    const bool above_half = next > '5' || (next == '5' && digits.find_first_not_of('0', kPrecision + 1) != std::string::npos);
    const bool tie = next == '5' && !above_half;
    digits.resize(kPrecision);
    if (above_half || (tie && (digits.back() - '0') % 2 == 1)) {
      std::size_t i = kPrecision;
      while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
      if (i == 0) {
        digits.insert(digits.begin(), '1');
        digits.pop_back();
        ++exp10;
      } else {
        ++digits[i - 1];
      }
    }
  }
  digits.erase(digits.find_last_not_of('0') + 1);
  if (exp10 < -4 || exp10 >= kPrecision) {
    out += digits[0];
    if (digits.size() > 1) out += '.' + digits.substr(1);
    return out + (exp10 < 0 ? "e-" : "e+") + zero_padded(exp10 < 0 ? -exp10 : exp10, 2);
  }
  if (exp10 < 0) return out + "0." + std::string(static_cast<std::size_t>(-exp10 - 1), '0') + digits;
  const std::size_t whole = static_cast<std::size_t>(exp10) + 1;
  if (digits.size() <= whole) return out + digits + std::string(whole - digits.size(), '0');
  return out + digits.substr(0, whole) + '.' + digits.substr(whole);
}

std::string format_vnd(std::int64_t amount) {
  const bool negative = amount < 0;
  std::string digits = std::to_string(negative ? -amount : amount);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[static_cast<std::size_t>(i)];
  }
  return (negative ? "-" : "") + out + " đồng";
}

bool is_valid_date(const std::string& s) {
  const std::optional<CivilDate> d = parse_iso_date(s);
  return d && d->year >= 1900;
}

bool is_valid_time(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (const int i : {0, 1, 3, 4}) {
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
  }
  return decimal_value(s.substr(0, 2)) < 24 && decimal_value(s.substr(3, 2)) < 60;
}

std::string format_date(const std::string& iso) {
  if (!is_valid_date(iso)) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string describe_deadline(const Deadline& d) {
  const std::string n = std::to_string(d.value);
  switch (d.unit) {
    case DeadlineUnit::same_day: return "Trong ngày";
    case DeadlineUnit::working_days: return n + " ngày làm việc";
    case DeadlineUnit::calendar_days: return n + " ngày";
    case DeadlineUnit::working_hours: return n + " giờ làm việc";
    case DeadlineUnit::months: return n + " tháng";
    case DeadlineUnit::unknown: break;
  }
  return "Không có thông tin";
}

std::string describe_fee(const Fee& f) {
  switch (f.kind) {
    case FeeKind::free: return "Miễn phí";
    case FeeKind::amount: return format_vnd(f.amount) + (f.per.empty() ? "" : "/" + f.per);
    case FeeKind::local: return "Theo mức do Hội đồng nhân dân tỉnh quy định";
    case FeeKind::not_regulated: return "Không quy định";
    case FeeKind::foreign: return std::to_string(f.amount) + " " + f.currency + (f.per.empty() ? "" : "/" + f.per);
    case FeeKind::unknown: break;
  }
  return "Chưa có thông tin";
}

std::string deadline_words(const Deadline& d) {
  if (d.unit == DeadlineUnit::unknown) return d.text.empty() ? "Không có thông tin" : d.text;
  return describe_deadline(d);
}

std::string fee_words(const Fee& f) {
  if (f.kind == FeeKind::unknown) return f.text.empty() ? describe_fee(f) : f.text;
  std::string words = f.summary.empty() ? describe_fee(f) : f.summary;
  if (f.sample) words += " (dữ liệu minh họa)";
  return words;
}

std::string commune_title(const Commune& c) {
  const std::string kind = commune_kind_name(c.kind);
  return c.name.rfind(kind, 0) == 0 ? c.name : kind + " " + c.name;
}

std::string join_nonempty(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

namespace {

// The first segment of a pointer ("channels" for "/channels/1/fee") and the index after it.
std::string pointer_segment(const std::string& pointer, std::size_t n) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    if (start >= pointer.size() || pointer[start] != '/') return "";
    const std::size_t end = pointer.find('/', start + 1);
    if (i == n) return pointer.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
    start = end == std::string::npos ? pointer.size() : end;
  }
  return "";
}

}  // namespace

std::string describe_unreviewed_reason(const std::string& reason) {
  // Codes from docs/import.md; an unknown code still tells the citizen the truth.
  static const std::map<std::string, const char*> reasons = {
#include "unreviewed_reasons.inc"
  };
  const auto it = reasons.find(reason);
  if (it != reasons.end()) return it->second;
  if (reason.size() > 8 && reason.compare(reason.size() - 8, 8, "_missing") == 0) return "nguồn không ghi phần này";
  return "chưa tách được thành dữ liệu có cấu trúc";
}

std::string describe_content_part(const std::string& pointer, const Procedure& p) {
  const std::string part = pointer_segment(pointer, 0);
  const std::string index = pointer_segment(pointer, 1);
  const std::string sub = pointer_segment(pointer, 2);
  auto number = [&](const std::string& what) {
    if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos) return what;
    return what + " thứ " + std::to_string(decimal_value(index.substr(0, 6)) + 1);
  };
  if (part == "channels") {
    std::string channel;
    if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos) {
      const auto i = static_cast<std::size_t>(decimal_value(index.substr(0, 6)));
      if (i < p.channels.size()) channel = std::string(" (") + channel_name(p.channels[i].kind) + ")";
    }
    if (sub == "deadline") return "Thời hạn giải quyết" + channel;
    if (sub == "fee") return "Phí, lệ phí" + channel;
    return index.empty() ? "Cách thức thực hiện" : "Cách nộp" + channel;
  }
  if (part == "dossier") return index.empty() ? "Thành phần hồ sơ" : number("Giấy tờ");
  if (part == "legal_basis") return index.empty() ? "Căn cứ pháp lý" : number("Văn bản căn cứ");
  if (part == "results" || part == "result") return index.empty() ? "Kết quả" : number("Kết quả");
  if (part == "levels") return "Cấp thực hiện";
  if (part == "competent_agency") return "Cơ quan có thẩm quyền";
  if (part == "implementing_agency") return "Cơ quan thực hiện";
  if (part == "applicants") return "Đối tượng thực hiện";
  if (part == "steps") return "Trình tự thực hiện";
  if (part == "conditions") return "Yêu cầu, điều kiện";
  if (part == "field") return "Lĩnh vực";
  if (part == "source") return "Quyết định công bố";
  return "Thông tin khác";
}

std::string section_of_part(const std::string& pointer) {
  const std::string part = pointer_segment(pointer, 0);
  const std::string sub = pointer_segment(pointer, 2);
  if (part == "channels") return sub == "fee" ? "le-phi" : sub == "deadline" ? "thoi-han" : "noi-nop";
  if (part == "dossier") return "giay-to";
  if (part == "legal_basis" || part == "source") return "can-cu";
  if (part == "steps") return "trinh-tu";
  if (part == "competent_agency" || part == "implementing_agency" || part == "levels") return "noi-nop";
  return "doi-tuong";
}

std::string describe_opening_hours(const OpeningHours& h) {
  static const std::map<std::string, std::pair<int, const char*>> names = {
      {"mon", {0, "Thứ Hai"}}, {"tue", {1, "Thứ Ba"}},  {"wed", {2, "Thứ Tư"}},
      {"thu", {3, "Thứ Năm"}}, {"fri", {4, "Thứ Sáu"}}, {"sat", {5, "Thứ Bảy"}},
      {"sun", {6, "Chủ Nhật"}}};
  // Consecutive days collapse into a range: "Thứ Hai – Thứ Sáu".
  std::string days;
  std::size_t i = 0;
  while (i < h.days.size()) {
    std::size_t j = i;
    while (j + 1 < h.days.size() && names.count(h.days[j]) && names.count(h.days[j + 1]) &&
           names.at(h.days[j + 1]).first == names.at(h.days[j]).first + 1) {
      ++j;
    }
    if (!days.empty()) days += ", ";
    const auto name = [&](std::size_t k) {
      const auto it = names.find(h.days[k]);
      return std::string(it == names.end() ? h.days[k] : it->second.second);
    };
    days += name(i);
    if (j >= i + 2) days += " – " + name(j);
    else if (j == i + 1) days += ", " + name(j);
    i = j + 1;
  }
  std::string sessions;
  for (const TimeSession& s : h.sessions) {
    if (!sessions.empty()) sessions += ", ";
    sessions += s.start + "–" + s.end;
  }
  return days + ": " + sessions;
}

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string tel_uri(const std::string& number) {
  std::string out = "tel:";
  for (const char c : number) {
    if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out += c;
  }
  return out;
}

std::string check_phone_number(const std::string& number, std::size_t& offset) {
  std::string digits;
  offset = 0;
  bool plus = false;
  std::size_t first_digit = std::string::npos;
  for (std::size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (c >= '0' && c <= '9') {
      if (first_digit == std::string::npos) first_digit = i;
      digits += c;
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      offset = i;
      return digits.empty() ? "a phone number is written with digits, e.g. \"0213 3876 543\""
                            : "one number per field: put a second number in its own hotline, and words in "
                              "\"label\" or \"hours\"";
    }
  }
  offset = first_digit == std::string::npos ? 0 : first_digit;
  if (plus) {
    if (digits.rfind("84", 0) != 0) return "only Vietnamese numbers (+84) are published here";
    if (digits.size() > 2 && digits[2] == '1') return "1800, 1900 and short numbers are dialled without +84";
    digits = "0" + digits.substr(2);
  }
  const auto starts = [&](const char* prefix) { return digits.rfind(prefix, 0) == 0; };
  const std::size_t n = digits.size();
  const bool short_code = (n == 3 && (digits == "111" || digits == "112" || digits == "113" || digits == "114" ||
                                      digits == "115")) ||
                          (n == 4 && starts("10"));
  const bool service = (starts("1800") || starts("1900")) && (n == 8 || n == 10);
  const bool mobile = n == 10 && (starts("03") || starts("05") || starts("07") || starts("08") || starts("09"));
  const bool landline = n == 11 && starts("02");
  if (short_code || service || mobile || landline) return "";
  return "not a Vietnamese phone number (" + std::to_string(n) +
         " digits): a landline has 11 digits starting with 02 (0213 3876 543), a mobile 10 digits (0912 345 678), "
         "1800/1900 numbers 8 or 10 digits, short numbers 111–115 or 10xx";
}

std::string check_link_url(const std::string& url, bool allow_http) {
  const char* scheme = url.rfind("https://", 0) == 0 ? "https://" : (allow_http && url.rfind("http://", 0) == 0) ? "http://" : nullptr;
  if (scheme == nullptr) return allow_http ? "a link starts with https:// or http://" : "a link starts with https://";
  const std::string rest = url.substr(std::char_traits<char>::length(scheme));
  const std::size_t host_end = rest.find_first_of("/?#");
  const std::string host = rest.substr(0, host_end);
  if (host.empty() || host.find('@') != std::string::npos) return "the link needs a host name after " + std::string(scheme);
  for (const char c : url) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '{' || c == '}' ||
        c == '|' || c == '^') {
      return "a link may not contain spaces, quotes, angle brackets or control characters: write them %-encoded";
    }
  }
  return "";
}

}  // namespace motcua

namespace motcua {
namespace {

struct TitleLetter {
  char32_t cp;
  char base;
  int modifier, tone;
};
constexpr TitleLetter kTitleLetters[] = {
#include "vietnamese_letters.inc"
};

// Decodes the first UTF-8 character of `s` (which is valid UTF-8: content is checked).
char32_t first_code_point(const std::string& s, std::size_t& length) {
  const auto b = static_cast<unsigned char>(s[0]);
  if (b < 0x80) { length = 1; return b; }
  length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  if (s.size() < length) { length = 1; return b; }
  char32_t cp = b & (0x3F >> (length - 1));
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

std::string encode_utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// "hải quan" -> "Hải quan": the first letter in upper case, Vietnamese letters included.
std::string capitalize_first(const std::string& s) {
  if (s.empty()) return s;
  std::size_t len = 0;
  const char32_t cp = first_code_point(s, len);
  if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp - 'a' + 'A') + s.substr(1);
  for (const TitleLetter& l : kTitleLetters) {
    if (l.cp != cp || l.base < 'a' || l.base > 'z') continue;
    for (const TitleLetter& u : kTitleLetters) {
      if (u.base == l.base - 'a' + 'A' && u.modifier == l.modifier && u.tone == l.tone) {
        return encode_utf8(u.cp) + s.substr(len);
      }
    }
  }
  return s;
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(w);
  return words;
}

std::string join_words(const std::vector<std::string>& words, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n && i < words.size(); ++i) {
    if (i > 0) out += ' ';
    out += words[i];
  }
  return out;
}

}  // namespace

std::string plain_title(const std::string& legal_name) {
  // A title that fits two lines of a 360 px phone at heading size.
  constexpr std::size_t kMaxWords = 16;
  constexpr std::size_t kHardWords = 24;
  constexpr std::size_t kMinWords = 3;
  std::string s;
  // Parentheses hold scope and exceptions: the legal name below keeps them.
  int depth = 0;
  for (char c : legal_name) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) s += c;
  }
  if (depth != 0) s = legal_name;  // unbalanced: leave the name alone
  bool cut = false;
  // A name listing several procedures ("…; Thủ tục …") opens with the first.
  const std::size_t semi = s.find(';');
  if (semi != std::string::npos && semi > 0) {
    s.erase(semi);
    cut = true;
  }
  std::vector<std::string> words = split_words(s);
  // Drop punctuation left at the end by a removed parenthesis ("… cấp ,").
  while (!words.empty() && (words.back() == "," || words.back() == ":" || words.back() == "-" || words.back() == "–")) {
    words.pop_back();
  }
  if (words.size() > 2 && (words[0] == "Thủ" || words[0] == "thủ") && words[1] == "tục") {
    words.erase(words.begin(), words.begin() + 2);
  }
  if (!words.empty()) words[0] = capitalize_first(words[0]);
  if (words.size() > kMaxWords) {
    // Cut where a clause that narrows the scope starts ("đối với", "thuộc thẩm quyền",
    // "trong trường hợp", "theo quy định"), keeping the longest title that fits; a comma
    // may separate alternatives ("tạm ngừng, tiếp tục"), so it is no place to cut. Without
    // such a place, a name up to kHardWords words stays whole; a longer one is cut.
    std::size_t best = 0;
    for (std::size_t i = kMinWords; i <= kMaxWords && i + 1 < words.size(); ++i) {
      const std::string& w = words[i];
      const std::string& next = words[i + 1];
      const bool clause = (w == "đối" && next == "với") || (w == "thuộc" && next == "thẩm") ||
                          (w == "trong" && next == "trường") || (w == "theo" && next == "quy");
      if (clause) best = i;
    }
    if (best != 0 || words.size() > kHardWords) {
      words.resize(best != 0 ? best : kMaxWords);
      std::string& last = words.back();
      while (!last.empty() && (last.back() == ',' || last.back() == ':')) last.pop_back();
      cut = true;
    }
  }
  std::string title = join_words(words, words.size());
  if (title.empty()) return legal_name;
  if (cut) title += "…";
  return title;
}

std::string plain_title(const Procedure& p) {
  return p.short_name.empty() ? plain_title(p.name) : p.short_name;
}

}  // namespace motcua
