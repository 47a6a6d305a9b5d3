// Each folder in tests/sites/invalid/ changes the valid fixture tests/sites/basic/
// (files in overlay/ replace or add content files; remove.txt lists files to
// delete) and expected.txt holds the exact diagnostics, one per line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "fixtures.h"

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

}  // namespace

TEST_CASE("invalid content gives every error with its position", "[invalid]") {
  const auto root = std::filesystem::path(test::source_path("tests/sites/invalid"));
  std::vector<std::string> cases;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path().filename().string());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 12);
  const test::FileMap base = test::to_map(test::read_folder("tests/sites/basic/content"));
  for (const std::string& name : cases) {
    DYNAMIC_SECTION(name) {
      test::FileMap content = base;
      const std::string dir = "tests/sites/invalid/" + name;
      if (std::filesystem::exists(root / name / "overlay")) {
        for (const SourceFile& f : test::read_folder(dir + "/overlay")) content[f.path] = f.text;
      }
      if (std::filesystem::exists(root / name / "remove.txt")) {
        const test::FileMap meta = test::to_map(test::read_folder(dir));
        for (const std::string& path : lines_of(meta.at("remove.txt"))) {
          REQUIRE(content.erase(path) == 1);
        }
      }
      const test::FileMap meta = test::to_map(test::read_folder(dir));
      REQUIRE(meta.count("expected.txt") == 1);
      Diagnostics diags;
      load_catalog(test::to_files(content), "content/", diags);
      CHECK(diags.has_errors());
      CHECK(test::formatted(diags) == lines_of(meta.at("expected.txt")));
    }
  }
}
