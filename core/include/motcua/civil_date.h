#pragma once
// Proleptic Gregorian dates as day counts, shared by the lunar calendar, the holiday
// rules and the deadline engine. Pure arithmetic: no time zones, no clock.
#include <cstdint>
#include <optional>
#include <string>

namespace motcua {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

inline bool operator==(const CivilDate& a, const CivilDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
inline bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }

// Days since 1970-01-01 (negative before). Valid for any year representable in int.
std::int64_t days_from_civil(const CivilDate& d);
CivilDate civil_from_days(std::int64_t days);
// Julian Day Number at noon of the date (2440588 for 1970-01-01).
inline std::int64_t julian_day_number(const CivilDate& d) { return days_from_civil(d) + 2440588; }

// 0 = Sunday, 1 = Monday, ... 6 = Saturday.
int weekday(const CivilDate& d);
int days_in_month(int year, int month);
bool is_real_date(const CivilDate& d);

// "YYYY-MM-DD" -> date; nullopt when malformed or not a real date.
std::optional<CivilDate> parse_iso_date(const std::string& s);
std::string to_iso(const CivilDate& d);         // "2026-02-17"
std::string to_vietnamese(const CivilDate& d);  // "17/02/2026"
// The day `days` after (before, when negative) an ISO date; the text as it is when it is not one.
std::string shift_iso_date(const std::string& iso, int days);

}  // namespace motcua
