#include "motcua/format.h"

#include <map>

#include "motcua/civil_date.h"

namespace motcua {

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
  return std::stoi(s.substr(0, 2)) < 24 && std::stoi(s.substr(3, 2)) < 60;
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
    case FeeKind::unknown: break;
  }
  return "Chưa có thông tin";
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

std::string tel_uri(const std::string& number) {
  std::string out = "tel:";
  for (const char c : number) {
    if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out += c;
  }
  return out;
}

}  // namespace motcua
