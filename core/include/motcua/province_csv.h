#pragma once
// A province's published list of procedures (the appendix of a "Quyết định công bố danh mục
// thủ tục hành chính", saved as CSV) into its catalog in content/provinces/<slug>/province.json.
// Pure functions: text in, text and diagnostics out, no I/O. The accepted columns and cell
// formats are documented in docs/import.md ("A province's published list").
#include <string>
#include <vector>

#include "motcua/catalog.h"
#include "motcua/diagnostic.h"
#include "motcua/json_document.h"

namespace motcua::province_csv {

// One cell with where it starts in the file (1-based line, column in characters).
struct Cell {
  std::string text;  // unquoted, "" unescaped, NFC; not trimmed
  int line = 0;
  int column = 0;
};

struct Row {
  std::vector<Cell> cells;
  int line = 0;      // where the row starts
  int end_line = 0;  // where it ends (a quoted cell may hold newlines)
  int end_column = 0;
};

struct Table {
  char separator = ',';
  std::vector<Row> rows;  // the header first; rows whose cells are all empty are left out
};

// RFC 4180 CSV in UTF-8, with or without a byte order mark. The separator is ',' or ';',
// whichever the header line holds more of outside quotes. Quoted cells may hold the
// separator, newlines and quotes written twice (""). Reports an unclosed quote, text after a
// closing quote and bytes that are not UTF-8, each at its position; false on any of them.
bool parse_csv(const SourceFile& file, Table& out, Diagnostics& diags);

struct Options {
  bool sample = false;  // the list is not checked against the signed decision: mark every fact written
};

struct Report {
  std::vector<std::string> added;    // codes new to the catalog, in the list's order
  std::vector<std::string> removed;  // codes the list no longer has, in the old catalog's order
  std::vector<std::string> changed;  // codes whose entry changed
  std::size_t unchanged = 0;
};

// Reads the list in `csv` against the loaded, valid content `catalog` and returns in
// `new_text` the text of `province_json` (the province's current province.json) with its
// "catalog" array replaced: exactly the list's rows, in its order, each keeping what the
// old entry said that the list does not set. Everything outside the array is kept byte for
// byte. Every problem in the list is reported (file:line:column, saying what to do); on any
// error returns false and leaves `new_text` empty. Warnings (a fee rule left as it was)
// may come with success.
bool import_list(const SourceFile& csv, const SourceFile& province_json, const Catalog& catalog,
                 const ProvinceCatalog& province, const Options& options, std::string& new_text, Report& report,
                 Diagnostics& diags);

}  // namespace motcua::province_csv
