// Prints every result of the lunar calendar over its supported range (bench/lunar-compare.sh):
// to_lunar of each day 1900-01-01..2199-12-31 ("S"), each lunar year's leap month ("L"), each
// month's length ("M"), from_lunar of every lunar date ("F"); then, to count how many doubles
// differ at all, every new moon's JDE ("J") and the solar longitude every 6 hours ("T").
#include <cmath>
#include <cstdio>

#include "motcua/lunar_calendar.h"
#include "motcua/model.h"
using namespace motcua;
namespace motcua {
const char* channel_name(ChannelKind) { return ""; }  // format.cpp's, not needed here
}
int main() {
  long n = 0;
  for (int y = 1900; y <= 2199; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= 31; ++d) {
        CivilDate c{y, m, d};
        if (!is_real_date(c) || !lunar_supported(c)) continue;
        LunarDate l = to_lunar(c);
        std::printf("S %d-%d-%d %d %d %d %d\n", y, m, d, l.year, l.month, l.day, l.leap ? 1 : 0);
        ++n;
      }
  for (int y = 1900; y <= 2199; ++y) {
    std::printf("L %d leap=%d\n", y, lunar_leap_month(y));
    for (int m = 1; m <= 12; ++m)
      for (int leap = 0; leap <= 1; ++leap) {
        std::printf("M %d %d %d len=%d\n", y, m, leap, lunar_month_length(y, m, leap == 1));
        for (int d = 1; d <= 30; ++d) {
          auto c = from_lunar(LunarDate{y, m, d, leap == 1});
          if (c) std::printf("F %d %d %d %d -> %d-%d-%d\n", y, m, leap, d, c->year, c->month, c->day);
          else std::printf("F %d %d %d %d -> none\n", y, m, leap, d);
        }
      }
  }
  std::fprintf(stderr, "%ld solar days\n", n);
}
struct Doubles { Doubles() {
  for (int k = -1300; k <= 2500; ++k) std::printf("J %d %.17g\n", k, new_moon_jde(k));
  for (double jd = 2415020.5; jd < 2524958.5; jd += 0.25) std::printf("T %.2f %.17g\n", jd, solar_longitude(jd));
} } doubles;
