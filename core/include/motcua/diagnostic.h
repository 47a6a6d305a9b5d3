#pragma once
// Diagnostics are values: every problem found in content carries the file, the
// position and (for semantic problems) the JSON Pointer of the offending value.
#include <string>
#include <vector>

namespace motcua {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;     // as shown to the user, e.g. "content/fields.json"
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based, in characters; 0 when unknown
  std::string pointer;  // JSON Pointer ("/channels/0/fee"), empty for syntax errors
  std::string message;
};

// "file:line:col: error: /pointer: message" (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string file, int line, int column, std::string pointer, std::string message);
  void warning(std::string file, int line, int column, std::string pointer, std::string message);
  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const Diagnostics& other);
  // Stable order for output: by file, then line, then column.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace motcua
