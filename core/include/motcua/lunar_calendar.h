#pragma once
// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.
//
// Implemented from the published astronomical rules, not from tables:
//  - a lunar month begins on the local (UTC+7) day that contains a new moon;
//  - month 11 is the month that contains the December solstice (solar longitude 270°);
//  - a lunar year (from one month 11 to the next) with 13 months repeats the first
//    month that contains no principal solar term (solar longitude a multiple of 30°):
//    that month is the leap month (tháng nhuận) and takes the number of the month before.
// New moons follow J. Meeus, "Astronomical Algorithms" (2nd ed., 1998), ch. 49; solar
// longitude follows ch. 25 (low-precision apparent longitude); ΔT follows the
// Espenak–Meeus polynomials (NASA Five Millennium Canon of Solar Eclipses, 2006).
// Computing in UTC+7 rather than UTC+8 is why Vietnam's Tết sometimes falls a day or a
// month away from China's (1985, 2007, 2030).
//
// Supported range: Gregorian 1900-01-01 .. 2199-12-31; lunar years 1900..2199.
#include <optional>
#include <string>

#include "motcua/civil_date.h"

namespace motcua {

struct LunarDate {
  int year = 0;    // the lunar year, named by the Gregorian year in which it mostly falls
  int month = 1;   // 1..12
  int day = 1;     // 1..30
  bool leap = false;  // a leap month (tháng nhuận)
};

inline bool operator==(const LunarDate& a, const LunarDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day && a.leap == b.leap;
}

constexpr int kLunarFirstYear = 1900;
constexpr int kLunarLastYear = 2199;

// Whether a Gregorian date is inside the supported range.
bool lunar_supported(const CivilDate& d);

// Gregorian -> lunar. Dates outside the supported range give {0,0,0,false}.
LunarDate to_lunar(const CivilDate& d);

// Lunar -> Gregorian; nullopt when the date does not exist (day 30 of a 29-day month,
// a leap month the year does not have) or is out of range.
std::optional<CivilDate> from_lunar(const LunarDate& l);

// The leap month of a lunar year (1..12), or 0 when the year has none.
int lunar_leap_month(int lunar_year);

// Length (29 or 30) of a lunar month; 0 when it does not exist.
int lunar_month_length(int lunar_year, int month, bool leap = false);

// "Bính Ngọ" for 2026.
std::string can_chi_year(int lunar_year);

// "17/02/2026" style for a lunar date: "1/1 Bính Ngọ", "15/6 nhuận Ất Tỵ".
std::string lunar_to_vietnamese(const LunarDate& l);

// Julian Ephemeris Day of the mean-corrected new moon number k (k = 0: 2000-01-06).
// Exposed for tests and the calendar page.
double new_moon_jde(int k);
// Apparent solar longitude in degrees [0, 360) at a Julian Ephemeris Day.
double solar_longitude(double jde);

}  // namespace motcua
