#include "motcua/lunar_calendar.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace motcua {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kSynodicMonth = 29.530588861;
constexpr double kZoneHours = 7.0;  // Vietnam: UTC+7

double rad(double deg) { return deg * kPi / 180.0; }

// sin(x) for the arguments below (|x| < 40 radians): fdlibm's method (as glibc's and musl's
// sin use for such arguments): x reduced by the nearest multiple of pi/2 with pi/2 split in
// three parts, then the minimax polynomials of sin and cos on [-pi/4, pi/4]. Written out so
// that the WebAssembly module does not carry the C library's sin with its reduction for huge
// arguments (~3.8 KB); bench/README.md tells how every lunar date of 1900-2199 was compared
// with the C library's sin.
double sin_kernel(double x, double y) {  // sin(x + y), |x + y| <= pi/4, y the tail of x
  const double z = x * x, w = z * z, v = z * x;
  const double r = 8.33333333332248946124e-03 + z * (-1.98412698298579493134e-04 + z * 2.75573137070700676789e-06) +
                   z * w * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10);
  return x - ((z * (0.5 * y - v * r) - y) - v * -1.66666666666666324348e-01);
}
double cos_kernel(double x, double y) {  // cos(x + y), |x + y| <= pi/4
  const double z = x * x, w = z * z;
  const double r = z * (4.16666666666666019037e-02 + z * (-1.38888888888741095749e-03 + z * 2.48015872894767294178e-05)) +
                   w * w * (-2.75573143513906633035e-07 + z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11));
  const double hz = 0.5 * z, one_minus_hz = 1.0 - hz;
  return one_minus_hz + (((1.0 - one_minus_hz) - hz) + (z * r - x * y));
}
int exponent_of(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return static_cast<int>((bits >> 52) & 0x7ff);
}
double sine(double x) {
  if (std::fabs(x) <= 0.7853981633974483) return sin_kernel(x, 0.0);
  // n = x / (pi/2) rounded to the nearest integer; r + tail = x - n pi/2, with two more
  // parts of pi/2 when the first subtraction cancels most of x's bits.
  const double to_int = 6755399441055744.0;  // 1.5 * 2^52
  const double fn = (x * 6.36619772367581382433e-01 + to_int) - to_int;
  const int n = static_cast<int>(fn);
  double r = x - fn * 1.57079632673412561417e+00;
  double w = fn * 6.07710050650619224932e-11;
  double y0 = r - w;
  if (exponent_of(x) - exponent_of(y0) > 16) {
    double t = r;
    w = fn * 6.07710050630396597660e-11;
    r = t - w;
    w = fn * 2.02226624879595063154e-21 - ((t - r) - w);
    y0 = r - w;
    if (exponent_of(x) - exponent_of(y0) > 49) {
      t = r;
      w = fn * 2.02226624871116645580e-21;
      r = t - w;
      w = fn * 8.47842766036889956997e-32 - ((t - r) - w);
      y0 = r - w;
    }
  }
  const double y1 = (r - y0) - w;
  switch (n & 3) {
    case 0: return sin_kernel(y0, y1);
    case 1: return cos_kernel(y0, y1);
    case 2: return -sin_kernel(y0, y1);
    default: return -cos_kernel(y0, y1);
  }
}

double normalize_degrees(double x) {
  x = std::fmod(x, 360.0);
  return x < 0 ? x + 360.0 : x;
}

// ΔT = TT - UT in seconds, Espenak–Meeus polynomials for the range we support.
double delta_t_seconds(double year) {
  double t;
  if (year < 1900) {
    t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t -
           0.0004473624 * t * t * t * t + t * t * t * t * t / 233174.0;
  }
  if (year < 1920) {
    t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
  }
  if (year < 1941) {
    t = year - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (year < 1961) {
    t = year - 1950;
    return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
  }
  if (year < 1986) {
    t = year - 1975;
    return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
  }
  if (year < 2005) {
    t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t +
           0.00002373599 * t * t * t * t * t;
  }
  if (year < 2050) {
    t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (year - 1820) / 100.0;
  if (year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

double year_of_jd(double jd) { return 2000.0 + (jd - 2451545.0) / 365.25; }

// Local (UTC+7) day number (days since 1970-01-01) containing the moment `jd_ut`.
std::int64_t local_day_of(double jd_ut) {
  return static_cast<std::int64_t>(std::floor(jd_ut + 0.5 + kZoneHours / 24.0)) - 2440588;
}

// JD (UT) of local midnight starting day number `day`.
double local_midnight_jd(std::int64_t day) {
  return static_cast<double>(day + 2440588) - 0.5 - kZoneHours / 24.0;
}

double to_ephemeris(double jd_ut) { return jd_ut + delta_t_seconds(year_of_jd(jd_ut)) / 86400.0; }

// Local day on which new moon k falls.
std::int64_t new_moon_day(int k) {
  const double jde = new_moon_jde(k);
  const double jd_ut = jde - delta_t_seconds(year_of_jd(jde)) / 86400.0;
  return local_day_of(jd_ut);
}

// Solar longitude at the start (local midnight) of a day.
double longitude_at_day_start(std::int64_t day) {
  return solar_longitude(to_ephemeris(local_midnight_jd(day)));
}

// The new moon number whose local day is the latest on or before `day`.
int new_moon_on_or_before(std::int64_t day) {
  const double jd = static_cast<double>(day + 2440588);
  int k = static_cast<int>(std::floor((jd - 2451550.09766) / kSynodicMonth));
  while (new_moon_day(k + 1) <= day) ++k;
  while (new_moon_day(k) > day) --k;
  return k;
}

// Number of the new moon beginning month 11 of lunar year `y` (the month that contains
// the December solstice of Gregorian year y).
int month11_new_moon(int y) {
  // The local day on which the solar longitude reaches 270°: the last day that starts
  // before it. The solstice falls on 20-23 December in this range.
  std::int64_t day = days_from_civil(CivilDate{y, 12, 18});
  while (!(longitude_at_day_start(day + 1) >= 270.0 && longitude_at_day_start(day + 1) < 300.0)) ++day;
  return new_moon_on_or_before(day);
}

// Whether the month beginning with new moon k contains a principal solar term.
bool has_principal_term(int k) {
  const double a = longitude_at_day_start(new_moon_day(k));
  const double b = longitude_at_day_start(new_moon_day(k + 1));
  return static_cast<int>(a / 30.0) != static_cast<int>(b / 30.0);
}

struct Month {
  int k;  // new moon number
  int number;
  bool leap;
  bool early;  // month 11 or 12 (leap or not) that still belongs to the previous lunar year
};

// The months from month 11 of Gregorian year y-1 up to (not including) month 11 of y:
// months 11 and 12 belong to lunar year y-1, months 1..10 to lunar year y.
std::vector<Month> months_before_month11(int y) {
  const int a = month11_new_moon(y - 1);
  const int b = month11_new_moon(y);
  std::vector<Month> out;
  const bool leap_year = (b - a) == 13;
  bool leap_seen = false;
  int number = 11;
  bool early = true;
  for (int k = a; k < b; ++k) {
    if (k == a) {
      out.push_back({k, 11, false, true});
      continue;
    }
    if (leap_year && !leap_seen && !has_principal_term(k)) {
      leap_seen = true;
      out.push_back({k, number, true, early});
      continue;
    }
    number = number % 12 + 1;
    if (number == 1) early = false;
    out.push_back({k, number, false, early});
  }
  return out;
}

// Lunar year y is made of months 1..10 from months_before_month11(y) and months 11,
// 12 from months_before_month11(y + 1).
// Lunar year 1899 still holds January 1900; results are checked against the range.
bool in_range_year(int y) { return y >= kLunarFirstYear - 1 && y <= kLunarLastYear; }

}  // namespace

double new_moon_jde(int k) {
  const double kk = k;
  const double t = kk / 1236.85;
  const double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde = 2451550.09766 + kSynodicMonth * kk + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = rad(normalize_degrees(2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3));
  const double mp = rad(normalize_degrees(201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 -
                                          0.000000058 * t4));
  const double f = rad(normalize_degrees(160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 +
                                         0.000000011 * t4));
  const double om = rad(normalize_degrees(124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3));
  // Periodic terms for the new moon (Meeus, table 49.A).
  jde += -0.40720 * sine(mp) + 0.17241 * e * sine(m) + 0.01608 * sine(2 * mp) +
         0.01039 * sine(2 * f) + 0.00739 * e * sine(mp - m) - 0.00514 * e * sine(mp + m) +
         0.00208 * e * e * sine(2 * m) - 0.00111 * sine(mp - 2 * f) - 0.00057 * sine(mp + 2 * f) +
         0.00056 * e * sine(2 * mp + m) - 0.00042 * sine(3 * mp) + 0.00042 * e * sine(m + 2 * f) +
         0.00038 * e * sine(m - 2 * f) - 0.00024 * e * sine(2 * mp - m) - 0.00017 * sine(om) -
         0.00007 * sine(mp + 2 * m) + 0.00004 * sine(2 * mp - 2 * f) + 0.00004 * sine(3 * m) +
         0.00003 * sine(mp + m - 2 * f) + 0.00003 * sine(2 * mp + 2 * f) -
         0.00003 * sine(mp + m + 2 * f) + 0.00003 * sine(mp - m + 2 * f) -
         0.00002 * sine(mp - m - 2 * f) - 0.00002 * sine(3 * mp + m) + 0.00002 * sine(4 * mp);
  // Additional corrections from the planetary arguments A1..A14.
  static const double kA[14][3] = {
      {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
      {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
      {207.14, 2.453732, 0.000060},  {154.84, 7.306860, 0.000056},  {34.52, 27.261239, 0.000047},
      {207.19, 0.121824, 0.000042},  {291.34, 1.844379, 0.000040},  {161.72, 24.198154, 0.000037},
      {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
  for (int i = 0; i < 14; ++i) {
    double arg = kA[i][0] + kA[i][1] * kk;
    if (i == 0) arg -= 0.009173 * t2;
    jde += kA[i][2] * sine(rad(normalize_degrees(arg)));
  }
  return jde;
}

double solar_longitude(double jde) {
  const double t = (jde - 2451545.0) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = rad(normalize_degrees(357.52911 + 35999.05029 * t - 0.0001537 * t * t));
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sine(m) +
                   (0.019993 - 0.000101 * t) * sine(2 * m) + 0.000289 * sine(3 * m);
  const double omega = rad(normalize_degrees(125.04 - 1934.136 * t));
  return normalize_degrees(l0 + c - 0.00569 - 0.00478 * sine(omega));
}

bool lunar_supported(const CivilDate& d) {
  return is_real_date(d) && d.year >= kLunarFirstYear && d.year <= kLunarLastYear;
}

LunarDate to_lunar(const CivilDate& d) {
  if (!lunar_supported(d)) return {0, 0, 0, false};
  const std::int64_t day = days_from_civil(d);
  // The months in the span containing `day`: from month 11 of the Gregorian year
  // before (or of this year, once this year's month 11 has begun).
  int y = d.year;
  if (day >= new_moon_day(month11_new_moon(d.year))) y = d.year + 1;
  const std::vector<Month> months = months_before_month11(y);
  for (std::size_t i = months.size(); i-- > 0;) {
    const std::int64_t start = new_moon_day(months[i].k);
    if (day >= start) {
      const int lunar_year = months[i].early ? y - 1 : y;
      return {lunar_year, months[i].number, static_cast<int>(day - start) + 1, months[i].leap};
    }
  }
  return {0, 0, 0, false};  // unreachable: the span starts at month 11 of y-1
}

namespace {
const Month* find_month(const std::vector<Month>& months, int number, bool leap, bool early) {
  for (const Month& m : months) {
    if (m.early == early && m.number == number && m.leap == leap) return &m;
  }
  return nullptr;
}

// The months of lunar year y in order, each with its first day and length.
struct MonthSpan {
  int number;
  bool leap;
  std::int64_t start;
  int length;
};

std::vector<MonthSpan> months_of_lunar_year(int y) {
  std::vector<MonthSpan> out;
  const std::vector<Month> a = months_before_month11(y);
  const std::vector<Month> b = months_before_month11(y + 1);
  auto add = [&](const Month& m) {
    const std::int64_t start = new_moon_day(m.k);
    out.push_back({m.number, m.leap, start, static_cast<int>(new_moon_day(m.k + 1) - start)});
  };
  for (const Month& m : a) {
    if (!m.early) add(m);
  }
  for (const Month& m : b) {
    if (m.early) add(m);
  }
  return out;
}
}  // namespace

std::optional<CivilDate> from_lunar(const LunarDate& l) {
  if (!in_range_year(l.year) || l.month < 1 || l.month > 12 || l.day < 1 || l.day > 30) return std::nullopt;
  const bool early = l.month >= 11;
  const std::vector<Month> months = months_before_month11(early ? l.year + 1 : l.year);
  const Month* m = find_month(months, l.month, l.leap, early);
  if (!m) return std::nullopt;
  const std::int64_t start = new_moon_day(m->k);
  const int length = static_cast<int>(new_moon_day(m->k + 1) - start);
  if (l.day > length) return std::nullopt;
  const CivilDate out = civil_from_days(start + l.day - 1);
  if (!lunar_supported(out)) return std::nullopt;
  return out;
}

int lunar_leap_month(int lunar_year) {
  if (!in_range_year(lunar_year)) return 0;
  for (const MonthSpan& m : months_of_lunar_year(lunar_year)) {
    if (m.leap) return m.number;
  }
  return 0;
}

int lunar_month_length(int lunar_year, int month, bool leap) {
  if (!in_range_year(lunar_year)) return 0;
  for (const MonthSpan& m : months_of_lunar_year(lunar_year)) {
    if (m.number == month && m.leap == leap) return m.length;
  }
  return 0;
}

std::string can_chi_year(int lunar_year) {
  static const char* const kCan[10] = {"Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ"};
  static const char* const kChi[12] = {"Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu",
                                       "Dần",  "Mão", "Thìn", "Tỵ",  "Ngọ", "Mùi"};
  const int c = ((lunar_year % 10) + 10) % 10;
  const int z = ((lunar_year % 12) + 12) % 12;
  return std::string(kCan[c]) + " " + kChi[z];
}

std::string lunar_to_vietnamese(const LunarDate& l) {
  if (l.month == 0) return "";
  return std::to_string(l.day) + "/" + std::to_string(l.month) + (l.leap ? " nhuận" : "") + " " +
         can_chi_year(l.year);
}

}  // namespace motcua
