// Text helpers shared by the portal importer's parsers.
#include <string>
#include <vector>

#include "motcua/portal_import.h"
#include "motcua/vietnamese_text.h"

namespace motcua::portal {

namespace {

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

}  // namespace

std::string clean_text(const std::string& cell) {
  // NFC first: the portal mixes composed and decomposed Vietnamese.
  const std::string text = to_nfc(cell);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // U+00A0 (C2 A0) is a space too.
    if (is_space_byte(c) || (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      if (c == 0xC2) ++i;
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += static_cast<char>(c);
  }
  if (out == "Không có thông tin" || out == "Không có thông tin." || out == "--") return "";
  return out;
}

std::vector<std::string> split_list(const std::string& cell) {
  const std::string text = clean_text(cell);
  // One of the portal's applicant categories holds commas itself.
  static const std::string kWhole[] = {"Cán bộ, công chức, viên chức"};
  std::vector<std::string> items;
  std::string current;
  int depth = 0;
  bool fresh = true;  // nothing but spaces in `current` yet
  auto flush = [&] {
    const std::string item = clean_text(current);
    if (!item.empty()) items.push_back(item);
    current.clear();
    fresh = true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (depth == 0 && fresh) {
      bool whole = false;
      for (const std::string& w : kWhole) {
        const std::size_t end = i + w.size();
        if (text.compare(i, w.size(), w) == 0 && (end == text.size() || text[end] == ',' || text[end] == ';')) {
          current += w;
          fresh = false;
          i = end - 1;
          whole = true;
          break;
        }
      }
      if (whole) continue;
    }
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if ((c == ',' || c == ';') && depth == 0) {
      flush();
      continue;
    }
    current += c;
    if (c != ' ') fresh = false;
  }
  flush();
  return items;
}

}  // namespace motcua::portal
