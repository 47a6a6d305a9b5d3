#include "import_csv.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "file_io.h"
#include "motcua/catalog_loader.h"
#include "motcua/province_csv.h"

namespace motcua::cli {

namespace {

namespace fs = std::filesystem;

void print(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.items()) std::cerr << io::printable(format_diagnostic(d)) << "\n";
}

std::string with_slash(std::string dir) {
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir;
}

// Writes `bytes` to a new file beside `target` and renames it over `target`: readers see the
// old file or the new one, never half of it.
bool replace_file(const fs::path& target, const std::string& bytes, std::string& error) {
  std::random_device rd;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(rd()));
  const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + suffix);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      error = "cannot write " + temp.string();
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temp, fs::status(target, ec).permissions(), ec);
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    error = "cannot replace " + target.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace

int import_csv(const ImportCsvOptions& options) {
  const std::string shown = io::printable(options.file);
  SourceFile csv{options.file, ""};
  if (!io::read_file(options.file, csv.text)) {
    std::cerr << "motcua: error: cannot read " << shown << "; give the list saved as CSV UTF-8. Nothing was written.\n";
    return 2;
  }
  std::vector<SourceFile> files;
  std::string error;
  if (!io::read_tree(options.content_dir, files, error)) {
    std::cerr << "motcua: error: cannot read the content: " << error
              << "\n  Give its folder with --content DIR. Nothing was written.\n";
    return 2;
  }
  const std::string prefix = with_slash(options.content_dir);
  Diagnostics content_diags;
  const Catalog catalog = load_catalog(files, prefix, content_diags);
  if (content_diags.has_errors()) {
    print(content_diags);
    std::cerr << "motcua: the content in " << io::printable(options.content_dir)
              << " has errors; fix them (motcua check) before importing. Nothing was written.\n";
    return 1;
  }
  const std::string rel = "provinces/" + options.province + "/province.json";
  const ProvinceCatalog* province = catalog.find_province_catalog(options.province);
  SourceFile* province_file = nullptr;
  for (SourceFile& f : files) {
    if (f.path == rel) province_file = &f;
  }
  if (province == nullptr || province_file == nullptr) {
    std::cerr << "motcua: error: --province " << io::printable(options.province) << ": there is no "
              << io::printable(prefix + rel)
              << "; give the slug of a province that has one (create it with its center first, see docs/content.md)."
                 " Nothing was written.\n";
    return 2;
  }

  const SourceFile old_province{prefix + rel, province_file->text};
  province_csv::Options import_options;
  import_options.sample = options.sample;
  std::string new_text;
  province_csv::Report report;
  Diagnostics diags;
  const bool ok = province_csv::import_list(csv, old_province, catalog, *province, import_options, new_text, report, diags);
  print(diags);
  if (!ok) {
    const std::size_t n = diags.error_count();
    std::cerr << "motcua: " << n << (n == 1 ? " error" : " errors") << " in " << shown << "; nothing was written. Fix "
              << (n == 1 ? "it" : "them") << " and run again.\n";
    return 1;
  }

  // The content with the new catalog must still be valid (a commune naming a removed procedure).
  province_file->text = new_text;
  Diagnostics after;
  load_catalog(files, prefix, after);
  if (after.has_errors()) {
    print(after);
    std::cerr << "motcua: the list would leave the content with errors (above); nothing was written.\n";
    return 1;
  }

  const auto list = [](const char* sign, const std::vector<std::string>& codes, const Catalog& c) {
    for (const std::string& code : codes) {
      const Procedure* p = c.find_procedure(code);
      std::cout << "  " << sign << " " << code << (p != nullptr ? "  " + p->name : "") << "\n";
    }
  };
  list("+", report.added, catalog);
  list("-", report.removed, catalog);
  list("~", report.changed, catalog);
  const std::size_t total = report.added.size() + report.changed.size() + report.unchanged;
  std::cout << io::printable(prefix + rel) << ": " << total << " procedures from " << shown << ": "
            << report.added.size() << " added, " << report.removed.size() << " removed, " << report.changed.size()
            << " changed, " << report.unchanged << " unchanged";
  if (new_text == old_province.text) {
    std::cout << "; the file was already up to date.\n";
    return 0;
  }
  if (!replace_file(fs::path(options.content_dir) / rel, new_text, error)) {
    std::cout << ".\n";
    std::cerr << "motcua: error: " << io::printable(error) << ". Nothing was written.\n";
    return 2;
  }
  std::cout << "; written.\n";
  return 0;
}

}  // namespace motcua::cli
