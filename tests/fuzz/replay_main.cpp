// Runs a fuzz target on files without libFuzzer, so the committed regressions and seed
// corpus run in every build's ctest (the libFuzzer binaries of the fuzz build accept the
// same arguments).  Usage: fuzz_<target>_replay [-timeout=SECONDS] FILE|DIR...
// An input that takes longer than the timeout (default 10 s, as in .ci/run's fuzz run)
// fails, so a reproducer of a slow input keeps failing until it is fast.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Optional, as in libFuzzer: a target that loads fixed data (the calc targets load the
// shipped catalog) does it here, before the first input's time starts.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<std::string> inputs;
  double timeout = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("-timeout=", 0) == 0) {
      timeout = std::stod(arg.substr(9));
    } else if (fs::is_directory(argv[i])) {
      for (const auto& entry : fs::directory_iterator(argv[i])) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name[0] != '.' && name != "README.md") inputs.push_back(entry.path().string());
      }
    } else if (fs::is_regular_file(argv[i])) {
      inputs.push_back(argv[i]);
    } else {
      std::fprintf(stderr, "%s: not a file or folder\n", argv[i]);
      return 2;
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  for (const std::string& path : inputs) {
    std::fprintf(stderr, "Running: %s\n", path.c_str());
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A copy of exactly the input's size, so a read past its end is caught as in libFuzzer.
    const std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    static const std::uint8_t empty = 0;
    const auto start = std::chrono::steady_clock::now();
    LLVMFuzzerTestOneInput(data.empty() ? &empty : data.data(), data.size());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > timeout) {
      std::fprintf(stderr, "%s: took %.1f s, more than the %.0f s allowed\n", path.c_str(), seconds, timeout);
      return 1;
    }
  }
  std::printf("%zu inputs ran without a failure\n", inputs.size());
  return 0;
}
