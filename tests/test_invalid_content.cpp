// Each folder in tests/sites/invalid/ changes the valid fixture tests/sites/basic/
// (files in overlay/ replace or add content files; remove.txt lists files to
// delete) and expected.txt holds the exact diagnostics, one per line.
#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <functional>
#include <sstream>
#include <thread>

#include "fixtures.h"
#include "motcua/site_renderer.h"

using namespace motcua;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Every case of tests/sites/invalid/: its name and its content files.
std::vector<std::pair<std::string, test::FileMap>> invalid_cases() {
  const auto root = std::filesystem::path(test::source_path("tests/sites/invalid"));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  const test::FileMap base = test::to_map(test::read_folder("tests/sites/basic/content"));
  std::vector<std::pair<std::string, test::FileMap>> out;
  for (const std::string& name : names) {
    test::FileMap content = base;
    const std::string dir = "tests/sites/invalid/" + name;
    if (std::filesystem::exists(root / name / "overlay")) {
      for (const SourceFile& f : test::read_folder(dir + "/overlay")) content[f.path] = f.text;
    }
    if (std::filesystem::exists(root / name / "remove.txt")) {
      const test::FileMap meta = test::to_map(test::read_folder(dir));
      for (const std::string& path : lines_of(meta.at("remove.txt"))) REQUIRE(content.erase(path) == 1);
    }
    out.emplace_back(name, std::move(content));
  }
  return out;
}

// Two loads of the same content publish the same API, byte for byte (every field of every
// procedure and province is in it).
void check_same_api(const Catalog& a_catalog, const Catalog& b_catalog) {
  SiteOptions options;
  options.base_url = "https://tthc.example.gov.vn/";
  const std::vector<OutputFile> a = render_catalog_api(a_catalog, options), b = render_catalog_api(b_catalog, options);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].bytes == b[i].bytes);
}

}  // namespace

// What `motcua build` loads with: each procedure's files are freed once it is read, to keep
// the content as read and the catalog out of memory together. The messages, their excerpts and
// the catalog must not change.
TEST_CASE("a build frees each procedure's files once read, keeping every file a message names",
          "[invalid][memory]") {
  std::vector<std::pair<std::string, test::FileMap>> cases = invalid_cases();
  REQUIRE(cases.size() >= 12);
  cases.emplace_back("(valid)", test::to_map(test::read_folder("tests/sites/basic/content")));
  for (const auto& [name, content] : cases) {
    DYNAMIC_SECTION(name) {
      Diagnostics kept_diags, freed_diags;
      const Catalog kept = load_catalog(test::to_files(content), "content/", kept_diags);
      std::vector<SourceFile> files = test::to_files(content);
      const Catalog freed = load_catalog_releasing(files, "content/", freed_diags);
      CHECK(test::formatted(freed_diags) == test::formatted(kept_diags));
      std::size_t emptied = 0;
      for (const SourceFile& f : files) {
        const bool named = std::any_of(freed_diags.items().begin(), freed_diags.items().end(),
                                       [&](const Diagnostic& d) { return d.file == "content/" + f.path; });
        if (named) CHECK(f.text == content.at(f.path));
        if (f.text.empty() && !content.at(f.path).empty()) {
          ++emptied;
          CHECK(f.path.rfind("procedures/", 0) == 0);
        }
      }
      CHECK(emptied > 0);
      if (!kept_diags.has_errors()) check_same_api(kept, freed);
    }
  }
}

TEST_CASE("invalid content gives every error with its position", "[invalid]") {
  const std::vector<std::pair<std::string, test::FileMap>> cases = invalid_cases();
  REQUIRE(cases.size() >= 12);
  for (const auto& [name, content] : cases) {
    DYNAMIC_SECTION(name) {
      const test::FileMap meta = test::to_map(test::read_folder("tests/sites/invalid/" + name));
      REQUIRE(meta.count("expected.txt") == 1);
      Diagnostics diags;
      load_catalog(test::to_files(content), "content/", diags);
      CHECK(diags.has_errors());
      CHECK(test::formatted(diags) == lines_of(meta.at("expected.txt")));
    }
  }
}

// `motcua build` reads the procedure folders on every core (load_catalog_releasing's
// ParallelFor). Whatever order the folders are read in, the messages and the catalog are
// those of one folder at a time: checked here with the folders read last to first, and on
// two threads, on every invalid case and on the shipped catalog.
TEST_CASE("procedure folders read in any order or on several threads give the same catalog and messages",
          "[invalid][parallel]") {
  std::vector<std::pair<std::string, test::FileMap>> cases = invalid_cases();
  REQUIRE(cases.size() >= 12);
  cases.emplace_back("(shipped)", test::to_map(test::read_folder("content")));
  const ParallelFor backwards = [](std::size_t count, const std::function<void(std::size_t)>& body) {
    for (std::size_t i = count; i-- > 0;) body(i);
  };
  const ParallelFor two_threads = [](std::size_t count, const std::function<void(std::size_t)>& body) {
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < count; i = next++) body(i);
    };
    std::thread other(work);
    work();
    other.join();
  };
  for (const auto& [name, content] : cases) {
    DYNAMIC_SECTION(name) {
      Diagnostics one_diags;
      std::vector<SourceFile> one_files = test::to_files(content);
      const Catalog one = load_catalog_releasing(one_files, "content/", one_diags);
      for (const ParallelFor& parallel : {backwards, two_threads}) {
        Diagnostics diags;
        std::vector<SourceFile> files = test::to_files(content);
        const Catalog other = load_catalog_releasing(files, "content/", diags, parallel);
        CHECK(test::formatted(diags) == test::formatted(one_diags));
        REQUIRE(other.procedures.size() == one.procedures.size());
        for (std::size_t i = 0; i < one.procedures.size(); ++i) CHECK(other.procedures[i].code == one.procedures[i].code);
        for (std::size_t i = 0; i < files.size(); ++i) CHECK(files[i].text.size() == one_files[i].text.size());
        if (!one_diags.has_errors()) check_same_api(one, other);
      }
    }
  }
}
