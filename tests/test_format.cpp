#include <catch2/catch.hpp>

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
