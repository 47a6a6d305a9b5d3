#pragma once
// Vietnamese text helpers: NFC composition, accent-insensitive folding for
// search, dictionary order and slugs. Only the Latin letters Vietnamese uses are
// covered; other text passes through unchanged.
#include <string>

namespace motcua {

// Composes decomposed (NFD) Vietnamese letters into their precomposed NFC form,
// e.g. text pasted from Word ("a" U+0306 U+0301 becomes "ắ").
std::string to_nfc(const std::string& text);

// True when to_nfc(text) == text.
bool is_nfc(const std::string& text);

// Lowercase, without tones or letter marks, "đ" -> "d", every run of other
// characters -> one space, trimmed: "Đăng ký khai sinh" -> "dang ky khai sinh".
std::string fold_for_search(const std::string& text);

// A byte string whose ordering is Vietnamese dictionary order (a ă â b c d đ e ê
// ... with tones ordered ngang, huyền, hỏi, ngã, sắc, nặng).
std::string collation_key(const std::string& text);

// The letter heading under which `text` is listed A–Z: "A" for a/ă/â, "Đ" for đ.
std::string index_letter(const std::string& text);

// Lowercase ASCII letters and digits in hyphen-separated runs: "ban-bo".
bool is_valid_slug(const std::string& slug);

}  // namespace motcua
