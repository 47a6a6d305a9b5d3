#pragma once
// Shared by the fuzz targets: where the checkout is, reading fixture content once, and
// the check that turns a broken invariant into a crash libFuzzer saves as a reproducer.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "file_io.h"
#include "motcua/json_document.h"

namespace motcua::fuzz {

// The checkout the content is read from: $MOTCUA_SOURCE_DIR when set (a binary copied
// elsewhere), otherwise the one it was built from.
inline std::string source_dir() {
  const char* env = std::getenv("MOTCUA_SOURCE_DIR");
  return env != nullptr && *env != '\0' ? env : MOTCUA_SOURCE_DIR;
}

[[noreturn]] inline void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n*** fuzz invariant broken: %s\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// Like assert(), but kept in release builds and with the offending value printed.
#define FUZZ_CHECK(cond, detail)                                   \
  do {                                                             \
    if (!(cond)) ::motcua::fuzz::fail(#cond, std::string(detail)); \
  } while (0)

// A content folder of the checkout (relative path), by file path; aborts when unreadable,
// since a fuzzer without its fixture would only test the error path.
inline std::map<std::string, std::string> read_content(const std::string& rel) {
  std::vector<SourceFile> files;
  std::string error;
  if (!io::read_tree(source_dir() + "/" + rel, files, error)) fail("fixture content is readable", error);
  std::map<std::string, std::string> out;
  for (SourceFile& f : files) out[f.path] = std::move(f.text);
  return out;
}

inline std::vector<SourceFile> to_files(const std::map<std::string, std::string>& m) {
  std::vector<SourceFile> files;
  files.reserve(m.size());
  for (const auto& [path, text] : m) files.push_back({path, text});
  return files;
}

// Abbreviates fuzz input for messages.
inline std::string excerpt(const std::string& s, std::size_t n = 300) {
  return s.size() <= n ? s : s.substr(0, n) + "…(" + std::to_string(s.size()) + " bytes)";
}

}  // namespace motcua::fuzz
