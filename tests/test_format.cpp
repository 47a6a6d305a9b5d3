#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>

#include "motcua/format.h"

using namespace motcua;

TEST_CASE("amounts are written the Vietnamese way", "[format]") {
  CHECK(format_vnd(0) == "0 đồng");
  CHECK(format_vnd(8000) == "8.000 đồng");
  CHECK(format_vnd(1200000) == "1.200.000 đồng");
  CHECK(format_vnd(200000) == "200.000 đồng");
}

TEST_CASE("dates", "[format]") {
  CHECK(is_valid_date("2024-02-29"));
  CHECK_FALSE(is_valid_date("2026-02-29"));
  CHECK_FALSE(is_valid_date("2026-13-01"));
  CHECK_FALSE(is_valid_date("1/7/2025"));
  CHECK(format_date("2025-07-01") == "01/07/2025");
}

TEST_CASE("free, not regulated and unknown fees are different answers", "[format]") {
  Fee free;
  free.kind = FeeKind::free;
  Fee none;
  none.kind = FeeKind::not_regulated;
  Fee unknown;
  unknown.kind = FeeKind::unknown;
  Fee copy;
  copy.kind = FeeKind::amount;
  copy.amount = 8000;
  copy.per = "bản";
  CHECK(describe_fee(free) == "Miễn phí");
  CHECK(describe_fee(none) == "Không quy định");
  CHECK(describe_fee(unknown) == "Chưa có thông tin");
  CHECK(describe_fee(copy) == "8.000 đồng/bản");
}

TEST_CASE("deadlines in plain words", "[format]") {
  CHECK(describe_deadline({0, DeadlineUnit::same_day, ""}) == "Trong ngày");
  CHECK(describe_deadline({5, DeadlineUnit::working_days, ""}) == "5 ngày làm việc");
  CHECK(describe_deadline({10, DeadlineUnit::calendar_days, ""}) == "10 ngày");
  CHECK(describe_deadline({0, DeadlineUnit::unknown, ""}) == "Không có thông tin");
}

TEST_CASE("opening hours collapse consecutive days", "[format]") {
  OpeningHours h{{"mon", "tue", "wed", "thu", "fri"}, {{"07:30", "11:30"}, {"13:30", "17:00"}}};
  CHECK(describe_opening_hours(h) == "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00");
  OpeningHours sat{{"sat"}, {{"07:30", "11:30"}}};
  CHECK(describe_opening_hours(sat) == "Thứ Bảy: 07:30–11:30");
}

TEST_CASE("tel links keep digits only", "[format]") {
  CHECK(tel_uri("0213 3876 543") == "tel:02133876543");
  CHECK(tel_uri("+84 213 000") == "tel:+84213000");
}

// format_g15 and zero_padded replace snprintf in the core (it weighs ~4 KB gzip in the
// WebAssembly module): they must write what the C library writes, character for character.
namespace {
std::string printf_g15(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}
std::string printf_padded(long long v, int width) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%0*lld", width, v);
  return buf;
}
}  // namespace

TEST_CASE("format_g15 writes what printf's %.15g writes", "[format]") {
  const double inf = std::numeric_limits<double>::infinity();
  for (const double d : {0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1e-5, 1.5e-5, 0.0001, 0.00012345, 123456789012345.0,
                         999999999999999.0, 999999999999999.5, 9999999999999995.0, 1e15, 1e16, 1e21, 1e100, 1e308,
                         1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1234567890123445.0,
                         1234567890123455.0, 0.30000000000000004, 2.5, 100.0, 1e14, 12345.678, inf, -inf,
                         static_cast<double>(std::numeric_limits<std::int64_t>::max()),
                         static_cast<double>(std::numeric_limits<std::int64_t>::min())}) {
    INFO(d);
    CHECK(format_g15(d) == printf_g15(d));
  }
  // Random bit patterns (every exponent), random integers (ties at the 16th digit), and
  // decimals of a few digits (the values content holds).
  std::mt19937_64 random(20261202);
  int differences = 0;
  for (int i = 0; i < 200000; ++i) {
    std::uint64_t bits = random();
    double d = 0;
    switch (i % 3) {
      case 0: std::memcpy(&d, &bits, sizeof d); break;
      case 1: d = static_cast<double>(static_cast<std::int64_t>(bits >> (i % 50))); break;
      default: d = static_cast<double>(static_cast<std::int64_t>(bits % 2000000001) - 1000000000) / std::pow(10.0, i % 12);
    }
    if (std::isnan(d)) continue;
    if (format_g15(d) != printf_g15(d) && ++differences <= 5) CHECK(format_g15(d) == printf_g15(d));
  }
  CHECK(differences == 0);
}

TEST_CASE("zero_padded writes what printf's %0Nd writes", "[format]") {
  for (const long long v : {0LL, 7LL, -5LL, 12LL, 123LL, -123LL, 2026LL, 99999LL, -99999LL,
                            std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max()}) {
    for (const int width : {0, 1, 2, 4, 6}) {
      INFO(v << " " << width);
      CHECK(zero_padded(v, width) == printf_padded(v, width));
    }
  }
}

TEST_CASE("decimal_value reads checked digits as std::stoll does", "[format]") {
  std::vector<std::string> texts = {"0", "7", "007", "-0", "-12", "24", "60", "1900", "2199", "999999",
                                    "999999999999", "-999999999999", "123456789012345678", "-123456789012345678"};
  std::uint64_t bits = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 20000; ++i) {
    bits = bits * 6364136223846793005ULL + 1442695040888963407ULL;
    std::string digits = std::to_string(bits % 1000000000000000000ULL).substr(0, 1 + i % 18);
    if (i % 3 == 0) digits = std::string(static_cast<std::size_t>(i % 4), '0') + digits.substr(0, 14);
    texts.push_back(i % 2 == 0 ? digits : "-" + digits);
  }
  for (const std::string& t : texts) {
    INFO(t);
    REQUIRE(decimal_value(t) == std::stoll(t));
  }
}
