#pragma once
// How values are written for Vietnamese readers.
#include <cstdint>
#include <string>

#include "motcua/model.h"

namespace motcua {

// printf's "%0<width>d": 7, 2 -> "07"; -5, 4 -> "-005" (the sign counts in the width).
// Written by hand, as format_g15, to keep snprintf out of the WebAssembly module.
std::string zero_padded(long long value, int width);
// std::stoll of text the caller has checked: an optional '-' and 1 to 18 ASCII digits (so the
// value fits and nothing can be refused). "007" -> 7, "-12" -> -12. Written by hand because
// std::stoi's error path pulls printf's machinery into the WebAssembly module.
long long decimal_value(const std::string& checked);
// printf's "%.15g", digit for digit: the exact binary value rounded to 15 significant digits
// (a tie to even), plain or with an exponent as %g chooses, trailing zeros dropped.
std::string format_g15(double value);

// 1200000 -> "1.200.000 đồng"
std::string format_vnd(std::int64_t amount);
// "2026-02-17" -> "17/02/2026"; returns the input when it is not a date.
std::string format_date(const std::string& iso_date);
// True for a real calendar date written YYYY-MM-DD.
bool is_valid_date(const std::string& iso_date);
// True for "HH:MM" with HH < 24.
bool is_valid_time(const std::string& hh_mm);

// Plain words for a deadline: "Trong ngày", "5 ngày làm việc", "Không có thông tin".
std::string describe_deadline(const Deadline& d);
// Plain words for a fee: "Miễn phí", "8.000 đồng/bản", "Theo mức do HĐND tỉnh quy định",
// "Không quy định". "Miễn phí" and "Không quy định" are different answers.
std::string describe_fee(const Fee& f);
// A channel's deadline as lists, posters and reports say it: describe_deadline, or the
// source's own words where the unit is unknown.
std::string deadline_words(const Deadline& d);
// A channel's fee as lists, posters and reports say it: the content's short summary where it
// gives one, else describe_fee (the source's words where the kind is unknown), marked
// " (dữ liệu minh họa)" when it is sample data.
std::string fee_words(const Fee& f);
// "Phường Đoàn Kết": the commune's kind before its name, unless the name already starts with it.
std::string commune_title(const Commune& c);
// The items that are not empty, joined by `separator`.
std::string join_nonempty(const std::vector<std::string>& items, const std::string& separator = ", ");

// Why a part of an imported record is shown in the source's words, for citizens:
// "deadline_no_unit" -> "nguồn ghi số ngày nhưng không ghi đơn vị". See docs/import.md.
std::string describe_unreviewed_reason(const std::string& reason);
// The part a JSON Pointer of a procedure file names, in words: "/channels/1/deadline" ->
// "Thời hạn giải quyết (Trực tuyến)".
std::string describe_content_part(const std::string& pointer, const Procedure& p);
// The id of the procedure page's section that shows that part ("thoi-han").
std::string section_of_part(const std::string& pointer);

// The plain title a page opens with: the content's short_name, else the legal name without
// parentheses, a leading "Thủ tục", and whatever follows the first ";" or a clause boundary
// once it runs past a phone line or two (then ending in "…"). The legal name is shown
// below it, so nothing is lost.
std::string plain_title(const Procedure& p);
std::string plain_title(const std::string& legal_name);

// "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00"
std::string describe_opening_hours(const OpeningHours& h);

// Text made safe inside HTML elements and quoted attributes: & < > " ' as entities.
std::string escape_html(const std::string& text);

// Digits and a leading '+' only, for tel: links.
std::string tel_uri(const std::string& number);

// One Vietnamese phone number as people write it ("0213 3876 543", "+84 912 345 678",
// "1800 1096", "113"): digits grouped by spaces, dots, hyphens or parentheses. Empty when
// it is one; otherwise why not, with `offset` the byte where the trouble starts (a second
// number after "hoặc", a letter, a wrong count of digits).
std::string check_phone_number(const std::string& number, std::size_t& offset);

// An address a page may link to: https:// (or http:// when `allow_http`), a host, and no
// spaces, quotes, angle brackets or control characters. Empty when fine, else why not.
std::string check_link_url(const std::string& url, bool allow_http);

}  // namespace motcua
