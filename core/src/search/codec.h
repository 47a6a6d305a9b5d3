#pragma once
// The number encoding of the search index's postings (docs/search.md): each number in
// groups of 5 bits, most significant first; every group but the last is written with a
// "continuation" letter, the last with a "terminal" one. Text-safe, no separators, and
// small numbers (the usual gaps between documents) take one character.
#include <cstdint>
#include <string>

namespace motcua::search_codec {

inline constexpr char kMore[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
inline constexpr char kLast[] = "ghijklmnopqrstuvwxyz0123456789-_";

inline void put(std::string& out, std::uint32_t v) {
  char groups[8];
  int n = 0;
  do {
    groups[n++] = static_cast<char>(v & 31u);
    v >>= 5;
  } while (v != 0);
  for (int i = n - 1; i > 0; --i) out += kMore[static_cast<int>(groups[i])];
  out += kLast[static_cast<int>(groups[0])];
}

// -1 when `c` is not a digit of the encoding; else 0..31, with `last` set for a terminal.
inline int digit(char c, bool& last) {
  last = false;
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'f') return c - 'a' + 26;
  last = true;
  if (c >= 'g' && c <= 'z') return c - 'g';
  if (c >= '0' && c <= '9') return c - '0' + 20;
  if (c == '-') return 30;
  if (c == '_') return 31;
  return -1;
}

// Reads one number at `pos`; false at the end of the text or on a malformed number.
inline bool get(const std::string& text, std::size_t& pos, std::uint32_t& v) {
  v = 0;
  for (int groups = 0; pos < text.size() && groups < 7; ++groups) {
    bool last = false;
    const int d = digit(text[pos++], last);
    if (d < 0) return false;
    v = (v << 5) | static_cast<std::uint32_t>(d);
    if (last) return true;
  }
  return false;
}

// The shard of a folded syllable: FNV-1a, so the generator and every engine agree.
inline std::size_t shard_of(const std::string& folded_syllable, std::size_t shards) {
  std::uint32_t h = 2166136261u;
  for (const char c : folded_syllable) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return shards == 0 ? 0 : h % shards;
}

// The name of an index part: the top 25 bits of the FNV-1a hash of its bytes, as 5 letters
// of [0-9a-v] (every query downloads the list of them in the head, so they are short; an
// edited part keeps its name once in 33 million).
inline constexpr std::size_t kPartHashLength = 5;
inline std::string part_hash(const std::string& bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  std::string out(kPartHashLength, '0');
  for (std::size_t i = 0; i < kPartHashLength; ++i) out[i] = "0123456789abcdefghijklmnopqrstuv"[(h >> (59 - 5 * i)) & 31u];
  return out;
}

}  // namespace motcua::search_codec
