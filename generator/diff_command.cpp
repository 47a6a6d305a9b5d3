// `motcua diff OLD NEW`: what changed between two versions of the content, each a folder or a
// git revision of the repository holding --content.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "build_parts.h"
#include "commands.h"
#include "file_io.h"
#include "motcua/catalog_diff.h"
#include "motcua/catalog_loader.h"

namespace motcua::cli {

namespace {


bool is_folder(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs a shell command; its standard output, trimmed, in `out`. False when it fails.
bool run(const std::string& command, std::string& out) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  char buffer[4096];
  out.clear();
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// One side of the comparison: a folder as it is, or the content folder as a git revision
// has it, taken out into a temporary folder.
struct Side {
  std::string given;   // as typed
  std::string folder;  // the content folder to read
  std::string temporary;  // to remove afterwards, when a revision was taken out
  ~Side() {
    std::error_code ignored;
    if (!temporary.empty()) std::filesystem::remove_all(temporary, ignored);
  }
};

bool resolve(const std::string& given, const std::string& content_dir, Side& side, std::string& error) {
  side.given = given;
  if (is_folder(given)) {
    side.folder = given;
    return true;
  }
  if (given.empty() || given[0] == '-') {
    error = "\"" + io::printable(given) + "\" is neither a folder nor a git revision";
    return false;
  }
  std::string top, prefix, ignored;
  if (!is_folder(content_dir) ||
      !run("git -C " + shell_quoted(content_dir) + " rev-parse --show-toplevel 2>/dev/null", top) ||
      !run("git -C " + shell_quoted(content_dir) + " rev-parse --show-prefix 2>/dev/null", prefix)) {
    error = "\"" + io::printable(given) + "\" is not a folder, and " + io::printable(content_dir) +
            " is not in a git repository to take it as a revision of (give the content folder with --content DIR)";
    return false;
  }
  if (!run("git -C " + shell_quoted(top) + " rev-parse --verify --quiet " + shell_quoted(given + "^{commit}") +
               " 2>/dev/null",
           ignored)) {
    error = "\"" + io::printable(given) + "\" is neither a folder nor a revision of the git repository " +
            io::printable(top);
    return false;
  }
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/motcua-diff-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    error = "cannot make a temporary folder to take out " + io::printable(given);
    return false;
  }
  side.temporary = pattern.c_str();
  std::string out;
  const std::string path = prefix.empty() ? "." : prefix;
  const std::string git_errors = side.temporary + "/.git-errors";
  if (!run("git -C " + shell_quoted(top) + " archive --format=tar " + shell_quoted(given) + " -- " +
               shell_quoted(path) + " 2>" + shell_quoted(git_errors) + " | tar -x -C " +
               shell_quoted(side.temporary) + " 2>/dev/null",
           out)) {
    std::string said;
    io::read_file(git_errors, said);
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
    error = "cannot take " + io::printable(path) + " out of revision " + io::printable(given) + " of " +
            io::printable(top) + (said.empty() ? "" : ": git says: " + io::printable(said));
    return false;
  }
  std::remove(git_errors.c_str());
  side.folder = side.temporary + "/" + prefix;
  if (!is_folder(side.folder)) {
    error = "revision " + io::printable(given) + " has no folder " + io::printable(prefix);
    return false;
  }
  return true;
}

// Reads and loads one side; prints its errors. 0, or 2 when it cannot be compared.
int load_side(const Side& side, Catalog& catalog) {
  std::vector<SourceFile> files;
  std::string error;
  if (!io::read_tree(side.folder, files, error)) {
    std::cerr << "motcua: error: cannot read " << io::printable(side.given) << ": " << error << "\n";
    return 2;
  }
  std::string prefix = side.temporary.empty() ? side.folder : side.given + ":" +
                                                                  side.folder.substr(side.temporary.size() + 1);
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  Diagnostics diags;
  catalog = load_catalog(files, prefix, diags);
  if (!diags.has_errors()) return 0;
  std::size_t shown = 0;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity != Severity::error) continue;
    if (++shown > 20) break;
    std::cerr << io::printable(format_diagnostic(d)) << "\n";
  }
  std::cerr << "motcua: " << io::printable(side.given) << " has " << diags.error_count()
            << (diags.error_count() == 1 ? " error" : " errors")
            << "; only valid content is compared. Fix it (motcua check --content DIR) and run again.\n";
  return 2;
}

}  // namespace

int diff(const DiffOptions& options) {
  Side before, after;
  std::string error;
  if (!resolve(options.old_side, options.content_dir, before, error) ||
      !resolve(options.new_side, options.content_dir, after, error)) {
    std::cerr << "motcua: error: " << error << "\n";
    return 2;
  }
  Catalog old_catalog, new_catalog;
  if (const int code = load_side(before, old_catalog)) return code;
  if (const int code = load_side(after, new_catalog)) return code;
  // Both sides as they stand on one day (effective dates): --date, else today, or the last day
  // a side changes on when that is later, so that a change dated ahead (a new version, an
  // abolition, a province's entry from a decision's day) is in the report.
  std::string date = options.date;
  if (date.empty()) {
    date = today_in_vietnam();
    for (const Catalog* c : {&old_catalog, &new_catalog}) {
      const std::vector<std::string> days = c->change_dates();
      if (!days.empty() && days.back() > date) date = days.back();
    }
    if (date != today_in_vietnam()) {
      std::cerr << "motcua: the content is dated ahead: both sides are compared as in force on " << date
                << " (the last day of change; choose another with --date)\n";
    }
  }
  old_catalog.select_date(date);
  new_catalog.select_date(date);
  const CatalogDiff diff = diff_catalogs(old_catalog, new_catalog);
  if (!options.html.empty()) {
    const std::string page = diff_report_html(diff, options.old_side, options.new_side, today_in_vietnam());
    std::ofstream file(options.html, std::ios::binary | std::ios::trunc);
    file << page;
    file.close();
    if (!file) {
      std::cerr << "motcua: error: cannot write the report to " << io::printable(options.html) << "\n";
      return 2;
    }
  }
  if (options.json) {
    std::cout << diff_report_json(diff, options.old_side, options.new_side);
  } else {
    // Names come from content: a control character in one must not steer the terminal.
    const std::string text = diff_report_text(diff, options.old_side, options.new_side);
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = text.find('\n', at);
      std::cout << io::printable(text.substr(at, end == std::string::npos ? std::string::npos : end - at)) << "\n";
      at = end == std::string::npos ? text.size() : end + 1;
    }
  }
  return diff.empty() ? 0 : 1;
}

}  // namespace motcua::cli
