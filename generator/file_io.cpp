#include "file_io.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace motcua::io {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool read_tree(const std::string& dir, std::vector<SourceFile>& out, std::string& error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a folder";
    return false;
  }
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  if (ec) {
    error = dir + ": " + ec.message();
    return false;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      error = dir + ": " + ec.message();
      return false;
    }
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      error = p.string() + ": cannot read the file";
      return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({fs::relative(p, dir).generic_string(), text.str()});
  }
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return true;
}

namespace {

// A relative path with no "..", no absolute root and no empty parts.
bool is_safe_relative(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

std::string random_suffix() {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", rd());
  return buf;
}

// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
bool exchange(const fs::path& a, const fs::path& b) {
#if defined(SYS_renameat2)
  constexpr unsigned kRenameExchange = 2;  // RENAME_EXCHANGE
  return syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

}  // namespace

bool write_site_atomically(const std::string& out_dir, const std::vector<OutputFile>& files, std::string& error) {
  std::error_code ec;
  fs::path target = fs::absolute(out_dir, ec);
  while (!target.empty() && target.filename().empty()) target = target.parent_path();  // drop a trailing '/'
  const fs::path parent = target.parent_path();
  fs::create_directories(parent, ec);
  const fs::path staging = parent / ("." + target.filename().string() + ".tmp-" + random_suffix());
  const auto fail = [&](const std::string& message) {
    error = message;
    fs::remove_all(staging, ec);
    return false;
  };
  if (!fs::create_directory(staging, ec)) return fail(staging.string() + ": cannot create: " + ec.message());
  for (const OutputFile& f : files) {
    if (!is_safe_relative(f.path)) return fail("refusing to write outside the output folder: " + f.path);
    const fs::path p = staging / f.path;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    out.close();
    if (!out) return fail(p.string() + ": cannot write the file");
  }
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec)) return fail(target.string() + " exists and is not a folder");
    if (exchange(staging, target)) {
      fs::remove_all(staging, ec);  // now holds the previous site
      return true;
    }
    // No atomic exchange: move the old site aside, put the new one in place.
    const fs::path old = parent / ("." + target.filename().string() + ".old-" + random_suffix());
    fs::rename(target, old, ec);
    if (ec) return fail("cannot move the previous site aside: " + ec.message());
    fs::rename(staging, target, ec);
    if (ec) {
      std::error_code ec2;
      fs::rename(old, target, ec2);
      return fail("cannot move the new site into place: " + ec.message());
    }
    fs::remove_all(old, ec);
    return true;
  }
  fs::rename(staging, target, ec);
  if (ec) return fail("cannot move the new site into place: " + ec.message());
  return true;
}

}  // namespace motcua::io
