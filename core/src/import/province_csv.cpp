#include "motcua/province_csv.h"
#include "motcua/catalog_loader.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "motcua/civil_date.h"
#include "motcua/format.h"
#include "motcua/vietnamese_text.h"

namespace motcua::province_csv {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------
// CSV text

// Walks the text keeping line and column (columns count characters, not bytes).
class Cursor {
 public:
  Cursor(const std::string& text, std::size_t start) : text_(text), i_(start) {}
  bool done() const { return i_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\0'; }
  std::size_t index() const { return i_; }
  int line() const { return line_; }
  int column() const { return column_; }
  void advance() {
    const unsigned char c = static_cast<unsigned char>(text_[i_++]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (i_ >= text_.size() || (static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80) {
      ++column_;  // the last byte of a character: the next one starts a new column
    }
  }

 private:
  const std::string& text_;
  std::size_t i_;
  int line_ = 1;
  int column_ = 1;
};

// Reports every byte sequence that is not UTF-8; true when there is none.
bool check_utf8(const SourceFile& file, std::size_t start, Diagnostics& diags) {
  bool ok = true;
  int line = 1, column = 1;
  const std::string& t = file.text;
  for (std::size_t i = start; i < t.size();) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = len != 0 && i + len <= t.size();
    for (std::size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(t[i + k]) & 0xC0) == 0x80;
    if (valid && len == 2) valid = c >= 0xC2;
    if (valid && len == 3) {
      const unsigned char c1 = static_cast<unsigned char>(t[i + 1]);
      valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (valid && len == 4) {
      const unsigned char c1 = static_cast<unsigned char>(t[i + 1]);
      valid = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!valid) {
      diags.error(file.path, line, column, "",
                  "this byte is not UTF-8 text; save the sheet as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)");
      ok = false;
      len = 1;
      while (i + len < t.size() && (static_cast<unsigned char>(t[i + len]) & 0xC0) == 0x80) ++len;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return ok;
}

// ',' or ';': whichever the first record holds more of outside quotes.
char detect_separator(const std::string& text, std::size_t start) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

bool all_blank(const Row& row) {
  for (const Cell& c : row.cells) {
    if (c.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Cells

// Whitespace runs (spaces, tabs, newlines, no-break spaces) become one space; trimmed.
std::string clean(const std::string& s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool nbsp = static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
                      static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

enum class Column { index, code, name, field, level, where, boundary, online, deadline, fee, decision, date, note };

struct ColumnSpec {
  Column column;
  const char* title;  // the usual heading, for messages
  std::vector<const char*> names;  // accepted headings, folded (lowercase, no marks)
};

const std::vector<ColumnSpec>& column_specs() {
  static const std::vector<ColumnSpec> specs = {
      {Column::index, "STT", {"stt", "tt", "so thu tu"}},
      {Column::code, "Mã TTHC",
       {"ma tthc", "ma so", "ma so tthc", "ma thu tuc", "ma thu tuc hanh chinh", "ma so thu tuc",
        "ma so thu tuc hanh chinh"}},
      {Column::name, "Tên TTHC", {"ten tthc", "ten thu tuc", "ten thu tuc hanh chinh"}},
      {Column::field, "Lĩnh vực", {"linh vuc"}},
      {Column::level, "Cấp thực hiện", {"cap thuc hien", "cap giai quyet"}},
      {Column::where, "Nơi tiếp nhận",
       {"noi tiep nhan", "noi tiep nhan ho so", "dia diem tiep nhan", "dia diem thuc hien", "co quan tiep nhan"}},
      {Column::boundary, "Không phụ thuộc địa giới hành chính",
       {"khong phu thuoc dia gioi hanh chinh", "tiep nhan khong phu thuoc dia gioi hanh chinh", "phi dia gioi",
        "phi dia gioi hanh chinh"}},
      {Column::online, "Dịch vụ công trực tuyến toàn trình",
       {"dich vu cong truc tuyen toan trinh", "dvc truc tuyen toan trinh", "truc tuyen toan trinh"}},
      {Column::deadline, "Thời hạn giải quyết", {"thoi han giai quyet", "thoi gian giai quyet"}},
      {Column::fee, "Phí, lệ phí", {"phi le phi", "phi", "le phi"}},
      {Column::decision, "Số quyết định",
       {"so quyet dinh", "quyet dinh", "quyet dinh cong bo", "so quyet dinh cong bo"}},
      {Column::date, "Ngày quyết định",
       {"ngay quyet dinh", "ngay ban hanh", "ngay ban hanh quyet dinh", "ngay quyet dinh cong bo"}},
      {Column::note, "Ghi chú", {"ghi chu"}},
  };
  return specs;
}

const ColumnSpec* spec_for_heading(const std::string& heading) {
  const std::string folded = fold_for_search(heading);
  for (const ColumnSpec& s : column_specs()) {
    for (const char* n : s.names) {
      if (folded == n) return &s;
    }
  }
  return nullptr;
}

const ColumnSpec& spec_of(Column c) {
  for (const ColumnSpec& s : column_specs()) {
    if (s.column == c) return s;
  }
  return column_specs().front();
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }


// The words of a folded text, as a set.
std::set<std::string> words(const std::string& folded) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) out.insert(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Where a level or place names: the province center and/or the commune centers.
struct Places {
  bool province = false;
  bool communes = false;
  bool operator==(const Places& o) const { return province == o.province && communes == o.communes; }
};

// "Cấp tỉnh", "Cấp xã", "Tỉnh, xã", "Trung tâm Phục vụ hành chính công tỉnh", "UBND cấp xã".
// Empty string on success, else what went wrong.
std::string read_places(const std::string& text, Places& out) {
  const std::set<std::string> w = words(fold_for_search(text));
  if (w.count("huyen")) {
    return "the district level (cấp huyện) was abolished on 1/7/2025; write \"tỉnh\" or \"xã\" as the decision "
           "assigns it now";
  }
  out.province = w.count("tinh") > 0;
  out.communes = w.count("xa") > 0 || w.count("phuong") > 0 || fold_for_search(text).find("dac khu") != std::string::npos;
  if (!out.province && !out.communes) {
    return "write where it is received as \"tỉnh\" (Trung tâm Phục vụ hành chính công tỉnh), \"xã\" (cấp xã) or both";
  }
  return "";
}

// "x", "có" -> true; "", "không" -> false.
bool read_yes_no(const std::string& text, bool& out) {
  const std::string f = fold_for_search(text);
  if (f == "x" || f == "co") {
    out = true;
    return true;
  }
  if (f.empty() || f == "khong") {
    out = false;
    return true;
  }
  return false;
}

// "05 ngày làm việc", "3 ngày", "8 giờ làm việc", "1 tháng", "Trong ngày", optionally followed
// by "kể từ …". The cell's words stay as the deadline's text.
bool read_deadline(const std::string& text, json& out) {
  const std::string f = fold_for_search(text);
  if (f == "trong ngay" || f == "ngay trong ngay" || f == "trong ngay lam viec" ||
      f.rfind("trong ngay ke tu ", 0) == 0) {
    out = {{"unit", "same_day"}, {"text", text}};
    return true;
  }
  std::size_t i = 0;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == 0 || i > 4) return false;
  // "1,5 ngày", "1.5 ngày", "15-20 ngày": not a whole number of one unit.
  if (i < text.size() && text[i] != ' ' && static_cast<unsigned char>(text[i]) < 0x80 &&
      !((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) {
    return false;
  }
  const int value = std::stoi(text.substr(0, i));
  if (value <= 0) return false;
  const std::string rest = fold_for_search(text.substr(i));
  // Longest first: "ngày làm việc" before "ngày".
  static const std::array<std::pair<const char*, const char*>, 5> units = {{{"ngay lam viec", "working_days"},
                                                                            {"gio lam viec", "working_hours"},
                                                                            {"ngay", "calendar_days"},
                                                                            {"gio", "working_hours"},
                                                                            {"thang", "months"}}};
  for (const auto& [words_of_unit, unit] : units) {
    const std::string u = words_of_unit;
    if (rest.rfind(u, 0) != 0) continue;
    const std::string tail = rest.substr(u.size());
    if (!tail.empty() && tail.rfind(" ke tu ", 0) != 0) return false;
    out = {{"value", value}, {"unit", unit}, {"text", text}};
    return true;
  }
  return false;
}

// A fee cell. kind "amount" (with "amount", "per"?), "free" or "not_regulated".
bool read_fee(const std::string& text, json& out) {
  const std::string f = fold_for_search(text);
  if (f == "mien phi" || f == "mien" || f == "mien le phi" || f == "mien phi le phi") {
    out = {{"kind", "free"}};
    return true;
  }
  if (f == "khong" || f == "khong thu" || f == "khong thu phi" || f == "khong thu phi le phi" ||
      f == "khong quy dinh" || f == "khong co") {
    out = {{"kind", "not_regulated"}};
    return true;
  }
  // Digits in groups of three separated by '.' or ',' (one kind), or plain digits.
  std::size_t i = 0;
  std::string digits;
  char group_separator = '\0';
  std::size_t group = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      digits += c;
      ++group;
    } else if ((c == '.' || c == ',') && i + 1 < text.size() && is_digit(text[i + 1]) && !digits.empty()) {
      if (group_separator != '\0' && c != group_separator) return false;
      if (group_separator != '\0' ? group != 3 : group > 3) return false;
      group_separator = c;
      group = 0;
    } else {
      break;
    }
    ++i;
  }
  if (digits.empty() || digits.size() > 13) return false;
  if (group_separator != '\0' && group != 3) return false;
  const std::string rest = text.substr(i);
  const std::size_t slash = rest.find('/');
  const std::string unit = fold_for_search(rest.substr(0, slash));
  if (unit != "dong" && unit != "d" && unit != "vnd" && unit != "viet nam dong") return false;
  std::string per;
  if (slash != std::string::npos) {
    per = clean(rest.substr(slash + 1));
    if (per.empty() || per.find('/') != std::string::npos || per.size() > 40) return false;
  }
  const long long amount = std::stoll(digits);
  if (amount <= 0) return false;
  out = {{"kind", "amount"}, {"amount", amount}};
  if (!per.empty()) out["per"] = per;
  return true;
}

// "05/03/2026", "5/3/2026", "2026-03-05" -> "2026-03-05".
std::optional<std::string> read_date(const std::string& text) {
  if (const auto iso = parse_iso_date(text)) return to_iso(*iso);
  int parts[3] = {0, 0, 0};
  int n = 0;
  std::size_t len = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_digit(text[i])) {
      if (++len > 4) return std::nullopt;
      parts[n] = parts[n] * 10 + (text[i] - '0');
      continue;
    }
    if (len == 0 || n > 2) return std::nullopt;
    if (i < text.size() && (text[i] != '/' || n == 2)) return std::nullopt;
    ++n;
    len = 0;
  }
  if (n != 3 || parts[2] < 1000) return std::nullopt;
  const CivilDate d{parts[2], parts[1], parts[0]};
  if (!is_real_date(d)) return std::nullopt;
  return to_iso(d);
}

// ---------------------------------------------------------------------------------------
// Writing the catalog: one entry per line, keys in a fixed order, so that the same list
// gives the same bytes and a git diff shows one line per changed procedure.

int key_rank(const std::string& key) {
  static const std::vector<std::string> order = {
      "procedure", "local_code", "centers", "source", "decision", "date", "overrides", "competent_agency",
      "implementing_agency", "boundary_independent", "full_online", "id", "label", "kind", "value", "unit",
      "amount", "per", "deadline", "fee", "text", "basis", "channels", "fee_rules", "document", "article", "url",
      "sample", "note"};
  const auto it = std::find(order.begin(), order.end(), key);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

void write_compact(const json& v, std::string& out) {
  if (v.is_object()) {
    if (v.empty()) {
      out += "{}";
      return;
    }
    std::vector<std::string> keys;
    for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(it.key());
    std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
      const int ra = key_rank(a), rb = key_rank(b);
      return ra != rb ? ra < rb : a < b;
    });
    out += "{ ";
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i > 0) out += ", ";
      out += json(keys[i]).dump();
      out += ": ";
      write_compact(v.at(keys[i]), out);
    }
    out += " }";
  } else if (v.is_array()) {
    out += "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out += ", ";
      write_compact(v[i], out);
    }
    out += "]";
  } else {
    out += v.dump();
  }
}

std::string compact(const json& v) {
  std::string out;
  write_compact(v, out);
  return out;
}

// Byte offset of a (line, column) position, columns counting characters.
std::size_t byte_offset(const std::string& text, Position p) {
  std::size_t i = 0;
  for (int line = 1; line < p.line && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  for (int column = 1; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (column == p.column) break;
    ++column;
  }
  return i;
}

// The end (one past ']') of the array starting at `start`, skipping strings.
std::size_t array_end(const std::string& text, std::size_t start) {
  int depth = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string::npos;
}

// ---------------------------------------------------------------------------------------
// Rows into entries

class ListReader {
 public:
  ListReader(const SourceFile& csv, const Catalog& catalog, const ProvinceCatalog& province, const Options& options,
             Diagnostics& diags)
      : csv_(csv), catalog_(catalog), province_(province), options_(options), diags_(diags) {}

  // The entries of the new catalog, in the list's order; false when any row is wrong.
  bool read(const Table& table, const std::map<std::string, json>& old_entries, std::vector<json>& entries) {
    if (table.rows.empty()) {
      error(1, 1, "the file is empty; it needs a header row and one row per procedure (see docs/import.md)");
      return false;
    }
    read_header(table.rows.front());
    if (table.rows.size() == 1) {
      error(table.rows.front().end_line + 1, 1,
            "the list has no procedures under its header; add one row per procedure of the decision's appendix");
    }
    std::map<std::string, int> seen;  // code -> line
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const Row& row = table.rows[r];
      if (!check_width(row)) continue;
      json entry;
      if (read_row(row, old_entries, seen, entry)) entries.push_back(std::move(entry));
    }
    return !failed_;
  }

 private:
  void error(int line, int column, const std::string& message) {
    diags_.error(csv_.path, line, column, "", message);
    failed_ = true;
  }
  void error(const Cell& cell, const std::string& message) { error(cell.line, cell.column, message); }
  void cell_error(const Cell& cell, Column c, const std::string& message) {
    error(cell, "column \"" + heading_[c] + "\": " + message);
  }

  void read_header(const Row& header) {
    width_ = header.cells.size();
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const Cell& cell = header.cells[i];
      const std::string heading = clean(cell.text);
      if (heading.empty()) {
        error(cell, "a column without a heading; name it (see docs/import.md) or delete the column");
        continue;
      }
      const ColumnSpec* spec = spec_for_heading(heading);
      if (spec == nullptr) {
        error(cell, "unknown column \"" + heading +
                        "\"; rename it to one of the headings listed in docs/import.md (\"A province's published "
                        "list\") or delete it. Rows above the header, such as the appendix title, must be deleted too");
        continue;
      }
      if (index_.count(spec->column)) {
        error(cell, "column \"" + heading + "\" says the same as column \"" + heading_[spec->column] +
                        "\" before it; keep one of them");
        continue;
      }
      index_[spec->column] = i;
      heading_[spec->column] = heading;
    }
    const int line = header.cells.empty() ? header.line : header.cells.front().line;
    for (const Column c : {Column::code, Column::name, Column::decision, Column::date}) {
      if (!index_.count(c)) {
        error(line, 1, std::string("the header has no column \"") + spec_of(c).title +
                           "\"; add it (every row needs the national code, the name, and the number and date of "
                           "the decision that publishes it)");
      }
    }
  }

  bool check_width(const Row& row) {
    if (row.cells.size() == width_) return true;
    const std::string counts = "this row has " + std::to_string(row.cells.size()) + " cells but the header has " +
                               std::to_string(width_) + "; ";
    if (row.cells.size() > width_) {
      error(row.cells[width_], counts + "a separator too many, or a cell holding the separator that is not in "
                                        "quotes (\"…\"): quote it or delete the extra cell");
    } else {
      error(row.end_line, row.end_column,
            counts + "add the missing cells (an empty cell is nothing between two separators)");
    }
    return false;
  }

  const Cell* cell(const Row& row, Column c) const {
    const auto it = index_.find(c);
    return it == index_.end() ? nullptr : &row.cells[it->second];
  }

  bool read_row(const Row& row, const std::map<std::string, json>& old_entries, std::map<std::string, int>& seen,
                json& entry) {
    const bool failed_before = failed_;
    bool row_ok = true;
    const auto bad = [&](const Cell& c, Column col, const std::string& message) {
      cell_error(c, col, message);
      row_ok = false;
    };

    // The procedure.
    std::string code, local_code;
    const Procedure* national = nullptr;
    if (const Cell* c = cell(row, Column::code)) {
      const std::string text = clean(c->text);
      if (text.empty()) {
        bad(*c, Column::code, "empty; write the national code of the procedure, e.g. 1.001193");
      } else if (is_procedure_code(text)) {
        code = text;
      } else if (text.size() > 9 && is_procedure_code(text.substr(0, 8)) && text[8] == '.') {
        code = text.substr(0, 8);
        local_code = text;
      } else {
        bad(*c, Column::code, "\"" + text + "\" is not a procedure code; write the national code (1.001193) or "
                                            "the local one (1.001193.000.00.00.H29)");
      }
      if (!code.empty()) {
        national = catalog_.find_procedure(code);
        if (national == nullptr) {
          bad(*c, Column::code, "unknown procedure \"" + code +
                                    "\": it is not in content/procedures/; correct the code, or add the procedure "
                                    "first (motcua import portal, or by hand)");
        }
        const auto [it, fresh] = seen.emplace(code, c->line);
        if (!fresh) {
          bad(*c, Column::code, "procedure \"" + code + "\" is already listed on line " +
                                    std::to_string(it->second) + "; list each procedure once (delete one row)");
        }
      }
    }
    if (const Cell* c = cell(row, Column::name); c != nullptr && clean(c->text).empty()) {
      bad(*c, Column::name, "empty; write the procedure's name as the decision does");
    }

    // The decision, source of every local fact in the row.
    std::string decision, date;
    if (const Cell* c = cell(row, Column::decision)) {
      decision = clean(c->text);
      if (decision.empty()) bad(*c, Column::decision, "empty; write the decision's number, e.g. 1234/QĐ-UBND");
    }
    if (const Cell* c = cell(row, Column::date)) {
      const std::string text = clean(c->text);
      if (const auto iso = read_date(text)) {
        date = *iso;
      } else if (text.empty()) {
        bad(*c, Column::date, "empty; write the day the decision was signed as dd/mm/yyyy, e.g. 05/03/2026");
      } else {
        bad(*c, Column::date, "\"" + text + "\" is not a date; write the day the decision was signed as "
                                            "dd/mm/yyyy, e.g. 05/03/2026");
      }
    }
    const std::string decision_text = "Quyết định " + decision + " ngày " + format_date(date);

    // Where it is received: "Nơi tiếp nhận", or else "Cấp thực hiện".
    std::optional<Places> places;
    for (const Column col : {Column::where, Column::level}) {
      const Cell* c = cell(row, col);
      if (c == nullptr || clean(c->text).empty() || places) continue;
      Places p;
      const std::string problem = read_places(clean(c->text), p);
      if (!problem.empty()) {
        bad(*c, col, "\"" + clean(c->text) + "\": " + problem);
        places = Places{};  // reported: do not read the other column
        continue;
      }
      places = p;
      if (national != nullptr) {
        const Places by_level{national->has_level(Level::tinh) || national->has_level(Level::bo) ||
                                  national->has_level(Level::khac),
                              national->has_level(Level::xa)};
        if (!(p == by_level) && p.communes && province_.communes.empty()) {
          bad(*c, col, "the list says the communes receive it but " + province_.file +
                           " has no communes yet; add their files in its communes/ folder first");
        }
      }
    }

    std::optional<bool> boundary, online;
    for (const Column col : {Column::boundary, Column::online}) {
      const Cell* c = cell(row, col);
      if (c == nullptr) continue;
      bool yes = false;
      if (!read_yes_no(clean(c->text), yes)) {
        bad(*c, col, "\"" + clean(c->text) + "\" is not yes or no; write \"x\" or \"có\" for yes, \"không\" or "
                                             "nothing for no");
        continue;
      }
      (col == Column::boundary ? boundary : online) = yes;
      if (col == Column::online && yes && national != nullptr && national->channel(ChannelKind::online) == nullptr) {
        bad(*c, col, "procedure " + code + " has no online channel in content/procedures/" + code +
                         "/procedure.json; add the channel there first, or check the list");
      }
    }

    std::optional<json> deadline, fee;
    if (const Cell* c = cell(row, Column::deadline); c != nullptr && !clean(c->text).empty()) {
      json d;
      if (read_deadline(clean(c->text), d)) {
        deadline = d;
      } else {
        bad(*c, Column::deadline, "cannot read \"" + clean(c->text) +
                                      "\"; write one whole number and unit: \"5 ngày làm việc\", \"3 ngày\", \"8 "
                                      "giờ làm việc\", \"1 tháng\" or \"Trong ngày\"");
      }
    }
    if (const Cell* c = cell(row, Column::fee); c != nullptr && !clean(c->text).empty()) {
      json f;
      if (read_fee(clean(c->text), f)) {
        fee = f;
      } else {
        bad(*c, Column::fee, "cannot read \"" + clean(c->text) +
                                 "\"; write one amount in đồng (\"50.000 đồng\", \"50.000 đồng/hồ sơ\"), \"Miễn phí\" "
                                 "or \"Không\"; a fee with tiers or one per channel goes into the entry's "
                                 "\"fee_rules\" by hand (docs/content.md)");
      }
    }
    std::string note;
    if (const Cell* c = cell(row, Column::note)) note = clean(c->text);

    if (!row_ok || failed_before != failed_ || national == nullptr) return false;

    // The entry: the old one, with what the list sets.
    const auto old = old_entries.find(code);
    entry = old != old_entries.end() ? old->second : json::object();
    entry["procedure"] = code;
    if (!local_code.empty()) entry["local_code"] = local_code;
    json source = {{"decision", decision}, {"date", date}};
    if (options_.sample) source["sample"] = true;
    entry["source"] = source;
    if (places) {
      const Places by_level{national->has_level(Level::tinh) || national->has_level(Level::bo) ||
                                national->has_level(Level::khac),
                            national->has_level(Level::xa)};
      if (*places == by_level) {
        entry.erase("centers");
      } else {
        json centers = json::array();
        if (places->province) centers.push_back(kProvinceCenter);
        if (places->communes) {
          std::vector<std::string> slugs;
          for (const Commune& cm : province_.communes) slugs.push_back(cm.slug);
          std::sort(slugs.begin(), slugs.end());
          for (const std::string& s : slugs) centers.push_back(s);
        }
        entry["centers"] = centers;
      }
    }
    json overrides = entry.contains("overrides") ? entry["overrides"] : json::object();
    if (boundary) overrides["boundary_independent"] = *boundary;
    if (online) overrides["full_online"] = *online;
    if (!note.empty()) overrides["note"] = note;
    if (deadline || fee) {
      json fee_value;
      if (fee) {
        fee_value = *fee;
        fee_value["basis"] = decision_text;
        if (options_.sample) fee_value["sample"] = true;
      }
      const json old_channels = overrides.contains("channels") ? overrides["channels"] : json::array();
      json channels = json::array();
      for (const Channel& ch : national->channels) {
        json co = {{"kind", channel_slug(ch.kind)}};
        for (const json& o : old_channels) {
          if (o.is_object() && o.value("kind", "") == channel_slug(ch.kind)) co = o;
        }
        if (deadline) co["deadline"] = *deadline;
        if (fee) co["fee"] = fee_value;
        channels.push_back(co);
      }
      overrides["channels"] = channels;
      if (fee) set_fee_rules(*national, *fee, decision_text, *cell(row, Column::fee), overrides);
    }
    if (overrides.empty()) {
      entry.erase("overrides");
    } else {
      entry["overrides"] = overrides;
    }
    return true;
  }

  // The national rules the province sets ("local") take the list's fee; other national
  // rules stay, with a warning, since the list gives one fee for the whole procedure.
  void set_fee_rules(const Procedure& national, const json& fee, const std::string& decision_text, const Cell& at,
                     json& overrides) {
    if (national.fees.rules.empty()) return;
    std::vector<const FeeRule*> local;
    std::set<std::string> ids;
    const std::string kind = fee.at("kind").get<std::string>();
    for (const FeeRule& r : national.fees.rules) {
      // A national rule that already says what the list says needs no change.
      const bool agrees = (kind == "free" && r.kind == FeeRuleKind::free) ||
                          (kind == "not_regulated" && r.kind == FeeRuleKind::not_regulated) ||
                          (kind == "amount" && r.kind == FeeRuleKind::flat && r.amount == fee.at("amount").get<long long>());
      if (agrees) continue;
      if (r.kind != FeeRuleKind::local) {
        diags_.warning(csv_.path, at.line, at.column, "",
                       "column \"" + heading_[Column::fee] + "\": procedure " + national.code +
                           " has national fee rules the province does not set (\"" + r.id +
                           "\"); its fee table and calculator keep them. Check \"fee_rules\" of its entry by hand");
        return;
      }
      if (ids.insert(r.id).second) local.push_back(&r);
    }
    json rules = json::array();
    if (overrides.contains("fee_rules")) {
      for (const json& r : overrides["fee_rules"]) {
        if (!r.is_object() || !ids.count(r.value("id", ""))) rules.push_back(r);
      }
    }
    if (local.empty()) return;
    for (const FeeRule* r : local) {
      json rule = {{"id", r->id}, {"label", r->label}, {"source", {{"document", decision_text}}}};
      if (kind == "amount") {
        rule["kind"] = "flat";
        rule["amount"] = fee.at("amount");
      } else {
        rule["kind"] = kind;
      }
      if (options_.sample) rule["sample"] = true;
      rules.push_back(rule);
    }
    overrides["fee_rules"] = rules;
  }

  const SourceFile& csv_;
  const Catalog& catalog_;
  const ProvinceCatalog& province_;
  const Options& options_;
  Diagnostics& diags_;
  std::size_t width_ = 0;
  std::map<Column, std::size_t> index_;
  std::map<Column, std::string> heading_;
  bool failed_ = false;
};

}  // namespace

bool parse_csv(const SourceFile& file, Table& out, Diagnostics& diags) {
  out = Table{};
  const std::string& text = file.text;
  const std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  if (!check_utf8(file, start, diags)) return false;
  out.separator = detect_separator(text, start);
  const char sep = out.separator;
  bool ok = true;
  Cursor cur(text, start);
  if (cur.done()) return true;
  Row row;
  row.line = cur.line();
  while (true) {
    Cell cell;
    cell.line = cur.line();
    cell.column = cur.column();
    if (cur.peek() == '"') {
      cur.advance();
      bool closed = false;
      while (!cur.done()) {
        if (cur.peek() == '"') {
          if (cur.peek(1) == '"') {
            cell.text += '"';
            cur.advance();
            cur.advance();
            continue;
          }
          cur.advance();
          closed = true;
          break;
        }
        if (cur.peek() == '\r' && cur.peek(1) == '\n') {
          cur.advance();
          continue;
        }
        cell.text += cur.peek();
        cur.advance();
      }
      if (!closed) {
        diags.error(file.path, cell.line, cell.column, "",
                    "this quoted cell is never closed; add the closing quote (\"), and write a quote inside a "
                    "quoted cell twice (\"\")");
        return false;
      }
      if (!cur.done() && cur.peek() != sep && cur.peek() != '\n' && cur.peek() != '\r') {
        diags.error(file.path, cur.line(), cur.column(), "",
                    "text after the closing quote of a cell; put the whole cell in quotes and write each quote "
                    "inside it twice (\"\")");
        ok = false;
        while (!cur.done() && cur.peek() != sep && cur.peek() != '\n' && cur.peek() != '\r') cur.advance();
      }
    } else {
      const std::size_t from = cur.index();
      while (!cur.done() && cur.peek() != sep && cur.peek() != '\n' && cur.peek() != '\r') cur.advance();
      cell.text = text.substr(from, cur.index() - from);
    }
    cell.text = to_nfc(cell.text);
    row.cells.push_back(std::move(cell));
    if (!cur.done() && cur.peek() == sep) {
      cur.advance();
      continue;
    }
    row.end_line = cur.line();
    row.end_column = cur.column();
    if (!all_blank(row)) out.rows.push_back(std::move(row));
    if (cur.done()) break;
    if (cur.peek() == '\r') cur.advance();
    if (!cur.done() && cur.peek() == '\n') cur.advance();
    if (cur.done()) break;
    row = Row{};
    row.line = cur.line();
  }
  return ok;
}

bool import_list(const SourceFile& csv, const SourceFile& province_json, const Catalog& catalog,
                 const ProvinceCatalog& province, const Options& options, std::string& new_text, Report& report,
                 Diagnostics& diags) {
  new_text.clear();
  report = Report{};
  JsonDocument doc;
  if (!parse_json(province_json, doc, diags)) return false;
  const auto at = doc.positions.find("/catalog");
  if (!doc.value.is_object() || !doc.value.contains("catalog") || !doc.value["catalog"].is_array() ||
      at == doc.positions.end()) {
    diags.error(province_json.path, 1, 1, "",
                "the province file has no \"catalog\" array to replace; add \"catalog\": [] (docs/content.md)");
    return false;
  }
  std::map<std::string, json> old_entries;
  std::vector<std::string> old_order;
  for (const json& e : doc.value["catalog"]) {
    if (!e.is_object() || !e.contains("procedure") || !e["procedure"].is_string()) continue;
    const std::string code = e["procedure"].get<std::string>();
    if (old_entries.emplace(code, e).second) old_order.push_back(code);
  }

  Table table;
  if (!parse_csv(csv, table, diags)) return false;
  ListReader reader(csv, catalog, province, options, diags);
  std::vector<json> entries;
  const bool read = reader.read(table, old_entries, entries);
  diags.sort();  // a row's problems in the order of its columns
  if (!read) return false;

  std::set<std::string> listed;
  for (const json& e : entries) {
    const std::string code = e["procedure"].get<std::string>();
    listed.insert(code);
    const auto old = old_entries.find(code);
    if (old == old_entries.end()) {
      report.added.push_back(code);
    } else if (compact(old->second) != compact(e)) {
      report.changed.push_back(code);
    } else {
      ++report.unchanged;
    }
  }
  for (const std::string& code : old_order) {
    if (!listed.count(code)) report.removed.push_back(code);
  }

  // Splice the new array where the old one was, indented like it.
  const std::string& text = province_json.text;
  const std::size_t begin = byte_offset(text, at->second);
  const std::size_t end = array_end(text, begin);
  if (begin >= text.size() || text[begin] != '[' || end == std::string::npos) {
    diags.error(province_json.path, at->second.line, at->second.column, "/catalog",
                "cannot find the end of the \"catalog\" array; check the file with motcua check");
    return false;
  }
  const std::size_t line_start = text.rfind('\n', begin) == std::string::npos ? 0 : text.rfind('\n', begin) + 1;
  std::string indent;
  for (std::size_t i = line_start; i < begin && (text[i] == ' ' || text[i] == '\t'); ++i) indent += text[i];
  std::string array = "[";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    array += (i == 0 ? "\n" : ",\n") + indent + "  " + compact(entries[i]);
  }
  array += "\n" + indent + "]";
  new_text = text.substr(0, begin) + array + text.substr(end);
  return true;
}

}  // namespace motcua::province_csv
