#include "file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

#include "motcua/limits.h"

namespace fs = std::filesystem;

namespace motcua::io {

namespace {

std::string size_in_mib(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / (1u << 20));
  std::string text = buf;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text + " MiB";
}

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

// Reads one regular file, refusing anything else before it can block (a named pipe)
// or cost gigabytes. `shown` names the file in the error.
bool read_regular_file(const std::string& path, const std::string& shown, std::string& out, std::string& error) {
  // O_NONBLOCK: opening a named pipe that slipped in after the check must not hang.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = printable(shown) + ": cannot read the file: " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    error = printable(shown) + ": cannot read the file: " + std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    error = printable(shown) + ": " + kind_of(st.st_mode) + ", not a file the content can hold";
    ok = false;
  } else if (static_cast<std::uintmax_t>(st.st_size) > limits::kMaxFileBytes) {
    error = printable(shown) + ": " + size_in_mib(static_cast<std::uintmax_t>(st.st_size)) +
            ", larger than the " + size_in_mib(limits::kMaxFileBytes) + " one file may have";
    ok = false;
  }
  out.clear();
  char buf[65536];
  while (ok) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = printable(shown) + ": cannot read the file: " + std::strerror(errno);
      ok = false;
    } else if (n == 0) {
      break;
    } else if (out.size() + static_cast<std::size_t>(n) > limits::kMaxFileBytes) {  // it grew while we read
      error = printable(shown) + ": larger than the " + size_in_mib(limits::kMaxFileBytes) + " one file may have";
      ok = false;
    } else {
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  return ok;
}

struct TreeReader {
  std::vector<SourceFile>& out;
  std::string& error;
  // The folders being read, by device and inode, to stop a link that leads back up.
  std::vector<std::pair<dev_t, ino_t>> open_folders;
  // The real path of the folder being read: links may only point inside it.
  std::string root_real;
  // When set, files are not read: each adds "path size mtime" to it (stat_tree).
  std::string* stats = nullptr;

  // `path` is the folder on disk, `shown` the same as the user wrote it, `rel` below the root.
  bool folder(const std::string& path, const std::string& shown, const std::string& rel, const struct stat& st) {
    for (const auto& [dev, ino] : open_folders) {
      if (dev == st.st_dev && ino == st.st_ino) {
        error = printable(shown) + ": a symbolic link that leads back to a folder above it";
        return false;
      }
    }
    std::error_code ec;
    std::vector<std::string> names;
    fs::directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) names.push_back(it->path().filename().string());
    if (ec) {  // checked after the loop too: an iterator that fails also reaches `end`
      error = printable(shown) + ": cannot read the folder: " + ec.message();
      return false;
    }
    std::sort(names.begin(), names.end());
    open_folders.emplace_back(st.st_dev, st.st_ino);
    for (const std::string& name : names) {
      if (name.empty() || name[0] == '.') continue;  // .git, .DS_Store, editors' files
      if (!entry(path + "/" + name, shown + "/" + name, rel.empty() ? name : rel + "/" + name)) return false;
    }
    open_folders.pop_back();
    return true;
  }

  bool entry(const std::string& path, const std::string& shown, const std::string& rel) {
    // A symbolic link is followed only to somewhere inside the folder being read: content
    // comes from many hands, and a link to /proc/self/environ or ~/.ssh must never be
    // published (nor echoed in an error excerpt).
    struct stat link {};
    const bool looked = ::lstat(path.c_str(), &link) == 0;
    if (looked && S_ISLNK(link.st_mode)) {
      char* resolved = ::realpath(path.c_str(), nullptr);
      if (resolved != nullptr) {
        const std::string target(resolved);
        std::free(resolved);
        if (target != root_real && target.compare(0, root_real.size() + 1, root_real + "/") != 0) {
          error = printable(shown) + ": a symbolic link to " + printable(target) +
                  ", outside the folder being read; motcua never publishes files from elsewhere: copy the file in";
          return false;
        }
      }
    }
    // Not a link: what lstat saw is the entry itself (one system call per file: an
    // unchanged rebuild looks at every content file).
    struct stat st = link;
    if ((!looked || S_ISLNK(link.st_mode)) && ::stat(path.c_str(), &st) != 0) {  // follows symbolic links
      const int err = errno;
      struct stat link {};
      if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        std::error_code ec;
        const fs::path target = fs::read_symlink(path, ec);
        error = printable(shown) + ": a symbolic link to " + printable(target.string()) + ", which cannot be read: " +
                std::strerror(err);
      } else {
        error = printable(shown) + ": " + std::strerror(err);
      }
      return false;
    }
    if (S_ISDIR(st.st_mode)) return folder(path, shown, rel, st);
    if (!S_ISREG(st.st_mode)) {
      error = printable(shown) + ": " + kind_of(st.st_mode) + ", not a file the content can hold";
      return false;
    }
    if (stats != nullptr) {
      *stats += rel + '\t' + std::to_string(st.st_size) + '\t' + std::to_string(st.st_mtim.tv_sec) + '.' +
                std::to_string(st.st_mtim.tv_nsec) + '\n';
      return true;
    }
    std::string text;
    if (!read_regular_file(path, shown, text, error)) return false;
    out.push_back({rel, std::move(text)});
    return true;
  }
};

}  // namespace

bool read_file(const std::string& path, std::string& out) {
  std::string error;
  return read_regular_file(path, path, out, error);
}

bool read_tree(const std::string& dir, std::vector<SourceFile>& out, std::string& error) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    error = printable(dir) + ": " + (errno == ENOENT ? std::string("no such folder") : std::strerror(errno));
    return false;
  }
  if (!S_ISDIR(st.st_mode)) {
    error = printable(dir) + ": not a folder";
    return false;
  }
  std::string root = dir;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  char* resolved = ::realpath(root.c_str(), nullptr);
  if (resolved == nullptr) {
    error = printable(dir) + ": " + std::strerror(errno);
    return false;
  }
  TreeReader reader{out, error, {}, resolved};
  std::free(resolved);
  if (!reader.folder(root, root, "", st)) return false;
  std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return true;
}

bool stat_tree(const std::string& dir, std::string& out) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  std::string root = dir;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  char* resolved = ::realpath(root.c_str(), nullptr);
  if (resolved == nullptr) return false;
  std::vector<SourceFile> none;
  std::string error;
  TreeReader reader{none, error, {}, resolved, &out};
  std::free(resolved);
  return reader.folder(root, root, "", st);
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // C1 controls (U+0080..U+009F, "\xC2\x80".."\xC2\x9F" in UTF-8) steer some terminals too.
    const bool c1 = c == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80;
    if (c >= 0x20 && c != 0x7F && !c1) {
      out += static_cast<char>(c);
      continue;
    }
    char buf[8];
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c1) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(text[++i]));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace motcua::io
