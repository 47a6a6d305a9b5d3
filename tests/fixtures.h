#pragma once
// Helpers shared by the tests: reading fixture folders and building sites in memory.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "file_io.h"
#include "motcua/catalog_loader.h"
#include "motcua/site_renderer.h"

namespace motcua::test {

inline std::string source_path(const std::string& rel) { return std::string(MOTCUA_SOURCE_DIR) + "/" + rel; }

inline std::vector<SourceFile> read_folder(const std::string& rel) {
  std::vector<SourceFile> files;
  std::string error;
  if (!io::read_tree(source_path(rel), files, error)) throw std::runtime_error(error);
  return files;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The golden case files of an engine: every *.json in `rel`, sorted, as full paths.
inline std::vector<std::string> case_files(const std::string& rel) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(source_path(rel))) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Files by path, so a test can change one and rebuild.
using FileMap = std::map<std::string, std::string>;

inline FileMap to_map(const std::vector<SourceFile>& files) {
  FileMap m;
  for (const SourceFile& f : files) m[f.path] = f.text;
  return m;
}

inline std::vector<SourceFile> to_files(const FileMap& m) {
  std::vector<SourceFile> files;
  for (const auto& [path, text] : m) files.push_back({path, text});
  return files;
}

inline std::vector<std::string> formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d));
  return out;
}

// Loads content and renders it with the real templates; fails the test on any error.
struct BuiltSite {
  Catalog catalog;
  Diagnostics diagnostics;
  std::map<std::string, std::string> files;  // path -> bytes
};

inline BuiltSite build_site(const std::vector<SourceFile>& content,
                            const std::string& base_url = "https://tthc.example.gov.vn/mot-cua/") {
  BuiltSite site;
  site.catalog = load_catalog(content, "content/", site.diagnostics);
  if (site.diagnostics.has_errors()) return site;
  SiteOptions options;
  options.base_url = base_url;
  for (OutputFile& f : render_site(site.catalog, read_folder("templates"), options, site.diagnostics)) {
    site.files[f.path] = std::move(f.bytes);
  }
  return site;
}

}  // namespace motcua::test
