#pragma once
// UTF-8 encoding and decoding shared by the JSON parser and the text helpers.
#include <cstdint>
#include <string>
#include <vector>

namespace motcua {

// Appends the UTF-8 encoding of `code_point`.
void append_utf8(std::string& out, std::uint32_t code_point);

// Decodes UTF-8 text that is already known to be valid; a truncated sequence
// becomes U+FFFD.
std::vector<std::uint32_t> decode_utf8(const std::string& text);

}  // namespace motcua
