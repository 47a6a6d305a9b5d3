#include "motcua/vietnamese_text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "motcua/utf8.h"

namespace motcua {

namespace {

struct Letter {
  std::uint32_t code_point;
  char base;  // ASCII letter, with its case
  int modifier;  // 0 none, 1 breve, 2 circumflex, 3 horn, 4 stroke (đ)
  int tone;      // 0 ngang, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng
};

constexpr Letter kLetters[] = {
#include "vietnamese_letters.inc"
};

const Letter* compose(char base, int modifier, int tone) {
  for (const Letter& l : kLetters) {
    if (l.base == base && l.modifier == modifier && l.tone == tone) return &l;
  }
  return nullptr;
}

int modifier_of_mark(std::uint32_t cp) {
  switch (cp) {
    case 0x0306: return 1;
    case 0x0302: return 2;
    case 0x031B: return 3;
    default: return 0;
  }
}

int tone_of_mark(std::uint32_t cp) {
  switch (cp) {
    case 0x0300: return 1;
    case 0x0309: return 2;
    case 0x0303: return 3;
    case 0x0301: return 4;
    case 0x0323: return 5;
    default: return 0;
  }
}

bool is_ascii_letter(std::uint32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

// A letter split into base, modifier and tone; base 0 when not a letter.
struct Parts {
  char base = 0;
  int modifier = 0;
  int tone = 0;
};

// Every precomposed Vietnamese letter is in U+00C0..U+01B0 or U+1EA0..U+1EF9: a table of
// those two ranges answers without a search (every syllable of every text indexed asks).
constexpr std::uint32_t kLow = 0x00C0, kLowEnd = 0x01B1, kHigh = 0x1EA0, kHighEnd = 0x1EFA;

constexpr bool letters_in_table() {
  for (const Letter& l : kLetters) {
    const std::uint32_t cp = l.code_point;
    if (!((cp >= kLow && cp < kLowEnd) || (cp >= kHigh && cp < kHighEnd))) return false;
  }
  return true;
}
static_assert(letters_in_table(), "a letter of vietnamese_letters.inc lies outside the table's ranges");

struct PartsTable {
  Parts at[(kLowEnd - kLow) + (kHighEnd - kHigh)];
  PartsTable() {
    for (const Letter& l : kLetters) {
      const std::uint32_t cp = l.code_point;
      Parts& p = cp < kLowEnd ? at[cp - kLow] : at[(kLowEnd - kLow) + (cp - kHigh)];
      p = {l.base, l.modifier, l.tone};
    }
  }
};

Parts parts_of(std::uint32_t cp) {
  if (is_ascii_letter(cp)) return {static_cast<char>(cp), 0, 0};
  if (cp < kLow || (cp >= kLowEnd && cp < kHigh) || cp >= kHighEnd) return {};
  static const PartsTable table;
  return cp < kLowEnd ? table.at[cp - kLow] : table.at[(kLowEnd - kLow) + (cp - kHigh)];
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Rank of a letter in the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n
// o ô ơ p q r s t u ư v x y, with f j w z placed by their Latin position).
int alphabet_rank(char base, int modifier) {
  static const char* const order = "abcdefghijklmnopqrstuvwxyz";
  const char b = lower(base);
  const int latin = static_cast<int>(std::string(order).find(b));
  return latin * 4 + (modifier == 4 ? 1 : modifier == 3 ? 2 : modifier);
}

}  // namespace

namespace {

// Each code point of `cps` as NFC has it (a letter followed by combining marks composed into
// one), handed to `emit`: what to_nfc encodes, and what search_syllables reads.
template <typename Emit>
void nfc_each(const std::vector<std::uint32_t>& cps, Emit&& emit) {
  for (std::size_t i = 0; i < cps.size(); ++i) {
    Parts p = parts_of(cps[i]);
    if (p.base == 0 || p.modifier == 4) {
      emit(cps[i]);
      continue;
    }
    // Absorb following combining marks while the result is still a Vietnamese letter.
    std::size_t j = i + 1;
    while (j < cps.size()) {
      const int m = modifier_of_mark(cps[j]);
      const int t = tone_of_mark(cps[j]);
      if (m != 0 && p.modifier == 0 && compose(p.base, m, p.tone)) {
        p.modifier = m;
      } else if (t != 0 && p.tone == 0 && compose(p.base, p.modifier, t)) {
        p.tone = t;
      } else {
        break;
      }
      ++j;
    }
    if (j == i + 1) {
      emit(cps[i]);
    } else if (p.modifier == 0 && p.tone == 0) {
      emit(static_cast<std::uint32_t>(p.base));
    } else {
      emit(compose(p.base, p.modifier, p.tone)->code_point);
    }
    i = j - 1;
  }
}

}  // namespace

std::string to_nfc(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  nfc_each(decode_utf8(text), [&out](std::uint32_t cp) { append_utf8(out, cp); });
  return out;
}

bool is_nfc(const std::string& text) { return to_nfc(text) == text; }

std::string fold_for_search(const std::string& text) {
  std::string out;
  bool pending_space = false;
  for (const std::uint32_t cp : decode_utf8(to_nfc(text))) {
    const Parts p = parts_of(cp);
    char c = 0;
    if (p.base != 0) c = lower(p.base);
    else if (cp >= '0' && cp <= '9') c = static_cast<char>(cp);
    if (c == 0) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string collation_key(const std::string& text) {
  // Primary: letters and digits by alphabet rank. Secondary: tones. Tertiary: case.
  std::string primary, secondary, tertiary;
  for (const std::uint32_t cp : decode_utf8(to_nfc(text))) {
    const Parts p = parts_of(cp);
    if (p.base != 0) {
      primary += static_cast<char>(0x40 + alphabet_rank(p.base, p.modifier));
      secondary += static_cast<char>('0' + p.tone);
      tertiary += (p.base >= 'A' && p.base <= 'Z') ? '1' : '0';
    } else if (cp >= '0' && cp <= '9') {
      primary += static_cast<char>(0x30 + (cp - '0'));
    } else {
      primary += ' ';
    }
  }
  return primary + '\x01' + secondary + '\x01' + tertiary;
}

std::string index_letter(const std::string& text) {
  for (const std::uint32_t cp : decode_utf8(to_nfc(text))) {
    const Parts p = parts_of(cp);
    if (p.base != 0) {
      if (p.modifier == 4) return "Đ";
      return std::string(1, static_cast<char>(lower(p.base) - 'a' + 'A'));
    }
    if (cp >= '0' && cp <= '9') return "0–9";
  }
  return "#";
}

bool is_valid_slug(const std::string& slug) {
  if (slug.empty() || slug.size() > 80) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  char prev = 0;
  for (const char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
    if (c == '-' && prev == '-') return false;
    prev = c;
  }
  return true;
}

}  // namespace motcua

// ---------------------------------------------------------------- search syllables
// Declared in search.h: the engine's view of text, kept here beside the letter table.

#include "motcua/search.h"

namespace motcua {

namespace {

bool is_vowel_base(char b) { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y'; }

void finish_syllable(std::vector<Parts>& letters, std::vector<SearchSyllable>& out) {
  if (letters.empty()) return;
  // i/y: "kí" and "ký", "lí" and "lý" are one word; a final y after a consonant is an i.
  // "quy", "thuy", "uy" keep their y (it follows a vowel), and so does a lone "y".
  if (letters.size() >= 2 && letters.back().base == 'y' && letters.back().modifier == 0 &&
      !is_vowel_base(letters[letters.size() - 2].base) && letters[letters.size() - 2].base != 0) {
    letters.back().base = 'i';
  }
  SearchSyllable s;
  int tone = 0;
  for (const Parts& p : letters) {
    s.folded += p.base;
    s.marked += p.base;
    switch (p.modifier) {
      case 1: s.marked += '('; break;
      case 2: s.marked += '^'; break;
      case 3: s.marked += '+'; break;
      case 4: s.marked += '-'; break;
      default: break;
    }
    if (p.modifier != 0 || p.tone != 0) s.has_marks = true;
    if (p.tone != 0) tone = p.tone;
  }
  // The tone belongs to the syllable, wherever it was written (hoà = hòa, thuỷ = thủy).
  if (tone != 0) s.marked += static_cast<char>('0' + tone);
  out.push_back(std::move(s));
  letters.clear();
}

}  // namespace

std::vector<SearchSyllable> search_syllables(const std::string& text) {
  std::vector<SearchSyllable> out;
  std::vector<Parts> letters;
  nfc_each(decode_utf8(text), [&](std::uint32_t cp) {
    Parts p = parts_of(cp);
    if (p.base != 0) {
      p.base = lower(p.base);
      letters.push_back(p);
    } else if (cp >= '0' && cp <= '9') {
      letters.push_back({static_cast<char>(cp), 0, 0});
    } else {
      finish_syllable(letters, out);
    }
  });
  finish_syllable(letters, out);
  return out;
}

}  // namespace motcua
