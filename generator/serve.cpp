// `motcua serve`: the site built in memory and served on this machine, rebuilt whenever the
// content, the templates or the WebAssembly modules change, for officials to preview a
// change before it is published. Every page carries the banner "BẢN XEM TRƯỚC — chưa công
// bố" and reloads itself after a rebuild; while the content has errors, the last good site
// stays browsable with the errors (file, line, column) shown on top of every page.
#include <dirent.h>
#include <httplib.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "build_parts.h"
#include "commands.h"
#include "file_io.h"
#include "motcua/catalog_loader.h"
#include "motcua/format.h"
#include "motcua/site_renderer.h"
#include "output_folder.h"

namespace motcua::cli {

namespace {

using Bytes = std::shared_ptr<const std::string>;

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop = true; }

// A site built in memory, with what each procedure's pages were made from, so that the next
// build renders only the pages whose files changed (the same keys as `motcua build`).
struct PreviewSite {
  struct Job {
    std::string key;
    JobOutput made;
  };
  std::unordered_map<std::string, Bytes> files;  // by path, "thu-tuc/1.001193/index.html"
  std::unordered_map<std::string, Job> jobs;
};

// The renderer's sink: files kept in memory, unchanged procedure pages taken from the previous site.
class MemorySink final : public FileSink {
 public:
  explicit MemorySink(const PreviewSite* previous) : previous_(previous), site_(std::make_shared<PreviewSite>()) {}

  void put(OutputFile&& file, const std::string& hash) override {
    (void)hash;
    auto bytes = std::make_shared<const std::string>(std::move(file.bytes));
    std::lock_guard<std::mutex> lock(mutex_);
    site_->files[std::move(file.path)] = std::move(bytes);
  }

  bool reuse(const std::string& id, const std::string& key, JobOutput& out) override {
    if (previous_ == nullptr) return false;
    const auto job = previous_->jobs.find(id);
    if (job == previous_->jobs.end() || job->second.key != key) return false;
    std::vector<std::pair<std::string, Bytes>> taken;
    for (const auto& file : job->second.made.files) {
      const auto found = previous_->files.find(file.first);
      if (found == previous_->files.end()) return false;
      taken.emplace_back(file.first, found->second);
    }
    out = job->second.made;
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [path, bytes] : taken) site_->files[path] = std::move(bytes);
    site_->jobs[id] = job->second;
    ++reused_;
    return true;
  }

  void record(const std::string& id, const std::string& key, const JobOutput& made) override {
    std::lock_guard<std::mutex> lock(mutex_);
    site_->jobs[id] = PreviewSite::Job{key, made};
    ++rendered_;
  }

  std::shared_ptr<PreviewSite> take() { return std::move(site_); }
  std::size_t reused() const { return reused_; }
  std::size_t rendered() const { return rendered_; }

 private:
  const PreviewSite* previous_;
  std::shared_ptr<PreviewSite> site_;
  std::mutex mutex_;
  std::size_t reused_ = 0, rendered_ = 0;
};

// One error of the content as the browser shows it.
struct ShownError {
  std::string file;
  int line = 0, column = 0;
  std::string text;     // format_diagnostic(): "FILE:LINE:COL: error: /pointer: message"
  std::string excerpt;  // the line and a caret under the column, or empty
};

// What the server answers from: replaced as a whole after every build.
struct Snapshot {
  std::shared_ptr<const PreviewSite> site;  // the last good build; null before the first
  std::string built_at;                     // its time, "14:05:09"
  std::vector<ShownError> errors;           // of the newest build, when it failed
  bool building = true;                     // the first build has not finished
  std::uint64_t version = 0;                // changes whenever what a page shows changes
};

std::string clock_now() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", &local);
  return text;
}


std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// The preview: builds, and holds the snapshot the server answers from.
class Preview {
 public:
  Preview(BuildOptions options, std::string base_url)
      : options_(std::move(options)), base_url_(std::move(base_url)), snapshot_(std::make_shared<Snapshot>()) {}

  std::shared_ptr<const Snapshot> snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return snapshot_;
  }

  // Builds when the files changed since the last build (or at the first call). Quiet otherwise.
  void refresh() {
    BuildInputs inputs = walk_inputs(options_, base_url_);
    const std::string seen = inputs.fingerprint.empty() ? "unreadable" : inputs.fingerprint;
    if (seen == last_inputs_) return;
    // An editor saving several files, or one in several writes: wait until the files stay still.
    for (int settle = 0; settle < 10; ++settle) {
      std::this_thread::sleep_for(std::chrono::milliseconds(120));
      BuildInputs again = walk_inputs(options_, base_url_);
      if (again.fingerprint == inputs.fingerprint) break;
      inputs = std::move(again);
    }
    last_inputs_ = inputs.fingerprint.empty() ? "unreadable" : inputs.fingerprint;
    build(inputs);
  }

 private:
  void build(const BuildInputs& inputs) {
    const auto started = std::chrono::steady_clock::now();
    const std::shared_ptr<const Snapshot> before = snapshot();
    std::vector<ShownError> errors;
    std::shared_ptr<PreviewSite> site;
    std::size_t procedures = 0, rendered = 0, reused = 0;
    try {
      site = build_site(inputs, before->site.get(), errors, procedures, rendered, reused);
    } catch (const std::exception& e) {
      errors.push_back({"", 0, 0, std::string("internal error while building: ") + e.what(), ""});
      site.reset();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    auto next = std::make_shared<Snapshot>();
    next->building = false;
    next->version = before->version + 1;
    const std::string now = clock_now();
    if (site) {
      next->site = std::move(site);
      next->built_at = now;
      std::cout << now << "  built in " << seconds << " s: " << procedures << " procedures, "
                << next->site->files.size() << " files";
      if (reused > 0) {
        std::cout << " (" << rendered << (rendered == 1 ? " procedure page" : " procedure pages") << " rendered, "
                  << reused << " unchanged)";
      }
      std::cout << "\n" << std::flush;
    } else {
      next->site = before->site;
      next->built_at = before->built_at;
      next->errors = std::move(errors);
      for (const ShownError& e : next->errors) {
        std::cerr << io::printable(e.text) << "\n";
        if (!e.excerpt.empty()) {
          const std::size_t newline = e.excerpt.find('\n');
          std::cerr << "  " << e.excerpt.substr(0, newline) << "\n  " << e.excerpt.substr(newline + 1) << "\n";
        }
      }
      std::cerr << now << "  " << next->errors.size() << (next->errors.size() == 1 ? " error" : " errors")
                << (next->site ? "; the browser still shows the build of " + next->built_at + ", with the errors on top"
                               : "; nothing to show until they are fixed")
                << ". Fix the content and save: the preview rebuilds by itself.\n"
                << std::flush;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    snapshot_ = std::move(next);
  }

  std::shared_ptr<PreviewSite> build_site(const BuildInputs& inputs, const PreviewSite* previous,
                                          std::vector<ShownError>& errors, std::size_t& procedures,
                                          std::size_t& rendered, std::size_t& reused) {
    std::vector<SourceFile> files;
    std::string error;
    if (!io::read_tree(options_.content_dir, files, error)) {
      errors.push_back({options_.content_dir, 0, 0, "cannot read the content: " + error, ""});
      return nullptr;
    }
    if (inputs.fingerprint.empty()) {
      errors.push_back({options_.templates_dir, 0, 0,
                        "cannot read the templates (" + options_.templates_dir + ") or the --wasm folder (" +
                            options_.wasm_dir + ")", ""});
      return nullptr;
    }
    std::string prefix = options_.content_dir;
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    Diagnostics diags;
    Catalog catalog = load_catalog_releasing(files, prefix, diags, parallel_for(jobs_of(options_)));
    if (!diags.has_errors()) catalog.select_date(shown_date(options_));
    if (diags.has_errors()) {
      std::unordered_map<std::string, const std::string*> sources;
      for (const SourceFile& f : files) sources[prefix + f.path] = &f.text;
      for (const Diagnostic& d : diags.items()) {
        if (d.severity != Severity::error) continue;
        const auto source = sources.find(d.file);
        errors.push_back({d.file, d.line, d.column, format_diagnostic(d),
                          source == sources.end() ? "" : source_excerpt(*source->second, d.line, d.column)});
      }
      return nullptr;
    }
    std::vector<SourceFile>().swap(files);
    std::vector<SourceFile> templates;
    std::vector<std::string> warnings;
    if (!read_templates(options_, templates, error, warnings)) {
      errors.push_back({options_.templates_dir, 0, 0, error, ""});
      return nullptr;
    }
    for (const std::string& w : warnings) {
      if (warned_.insert(w).second) std::cerr << "motcua: warning: " << w << "\n";
    }
    SiteOptions site_options;
    site_options.base_url = base_url_;
    site_options.jobs = jobs_of(options_);
    if (!inputs.shared.empty()) {
      site_options.shared_inputs = inputs.shared;
      site_options.procedure_inputs = inputs.procedures;
    }
    MemorySink sink(previous);
    Diagnostics render_diags;
    render_site(catalog, templates, site_options, render_diags, sink);
    if (render_diags.has_errors()) {
      for (const Diagnostic& d : render_diags.items()) {
        if (d.severity == Severity::error) errors.push_back({d.file, d.line, d.column, format_diagnostic(d), ""});
      }
      return nullptr;
    }
    procedures = catalog.procedures.size();
    rendered = sink.rendered();
    reused = sink.reused();
    return sink.take();
  }

  const BuildOptions options_;
  const std::string base_url_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::string last_inputs_;
  std::set<std::string> warned_;
};

// The state a page polls: it reloads itself when the version changes.
std::string state_json(const Snapshot& s) {
  std::string out = "{\"version\":" + std::to_string(s.version) + ",\"building\":" + (s.building ? "true" : "false") +
                    ",\"built_at\":" + json_string(s.built_at) + ",\"errors\":[";
  for (std::size_t i = 0; i < s.errors.size(); ++i) {
    const ShownError& e = s.errors[i];
    if (i) out += ',';
    out += "{\"file\":" + json_string(e.file) + ",\"line\":" + std::to_string(e.line) +
           ",\"column\":" + std::to_string(e.column) + ",\"message\":" + json_string(e.text) + "}";
  }
  return out + "]}";
}

// Polls the state and reloads the page once it changed (a rebuild, errors found or fixed).
std::string reload_script(const Snapshot& s) {
  return "<script>(function(){var v=" + std::to_string(s.version) +
         ";function poll(){fetch('/__motcua/state',{cache:'no-store'}).then(function(r){return r.json();})"
         ".then(function(s){if(s.version!==v&&!s.building){location.reload();}else{setTimeout(poll,400);}},"
         "function(){setTimeout(poll,1500);});}setTimeout(poll,400);})();</script>";
}

const char* const kBannerStyle =
    "margin:0;padding:6px 12px;background:#7a1f00;color:#fff;font:600 15px/1.4 system-ui,sans-serif;"
    "text-align:center";
const char* const kErrorsStyle =
    "margin:0;padding:12px 16px;background:#fff4f2;color:#1a1a1a;border-bottom:3px solid #b3261e;"
    "font:15px/1.45 system-ui,sans-serif;overflow-wrap:anywhere";

std::string banner(const Snapshot& s) {
  std::string out = "<div id=\"motcua-preview\" role=\"note\" style=\"" + std::string(kBannerStyle) +
                    "\">BẢN XEM TRƯỚC — chưa công bố";
  if (!s.built_at.empty()) out += " · dựng lúc " + s.built_at;
  out += "</div>";
  if (s.errors.empty()) return out;
  out += "<section id=\"motcua-preview-errors\" role=\"alert\" style=\"" + std::string(kErrorsStyle) +
         "\"><h2 style=\"margin:0 0 8px;font-size:18px;color:#b3261e\">Nội dung có " +
         std::to_string(s.errors.size()) + " lỗi: ";
  out += s.site ? "trang bên dưới là bản dựng đúng gần nhất (lúc " + s.built_at + ")" : "chưa dựng được trang nào";
  out += "</h2><ol style=\"margin:0;padding-left:1.4em\">";
  for (const ShownError& e : s.errors) {
    out += "<li style=\"margin:0 0 8px\"><code>" + escape_html(e.text) + "</code>";
    if (!e.excerpt.empty()) {
      out += "<pre style=\"margin:4px 0 0;padding:6px;background:#fff;border:1px solid #d0c4c2;overflow-x:auto\">" +
             escape_html(e.excerpt) + "</pre>";
    }
    out += "</li>";
  }
  out += "</ol><p style=\"margin:8px 0 0\">Sửa tệp rồi lưu lại: bản xem trước tự dựng lại và trang tự tải lại.</p>"
         "</section>";
  return out;
}

// The banner (and the errors) after <body>, the reload script before </body>.
std::string with_preview(const std::string& html, const Snapshot& s) {
  const std::size_t body = html.find("<body");
  const std::size_t open_end = body == std::string::npos ? std::string::npos : html.find('>', body);
  if (open_end == std::string::npos) return html;
  std::size_t close = html.rfind("</body>");
  if (close == std::string::npos || close < open_end) close = html.size();
  std::string out;
  out.reserve(html.size() + 2048);
  out.append(html, 0, open_end + 1);
  out += banner(s);
  out.append(html, open_end + 1, close - open_end - 1);
  out += reload_script(s);
  out.append(html, close, std::string::npos);
  return out;
}

// A page of its own while there is no site to show: the first build running, or failed.
std::string status_page(const Snapshot& s) {
  std::string out =
      "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><title>Bản xem trước</title></head><body>";
  out += banner(s);
  if (s.building) out += "<p style=\"font:16px system-ui,sans-serif;padding:12px\">Đang dựng bản xem trước…</p>";
  out += reload_script(s) + "</body></html>";
  return out;
}

// Replaces an earlier site's service worker: a preview must show each rebuild, not a cached page.
const char* const kRetiringWorker =
    "self.addEventListener('install',function(){self.skipWaiting();});\n"
    "self.addEventListener('activate',function(e){e.waitUntil(self.registration.unregister());});\n";

const char* content_type(const std::string& path) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".wasm", "application/wasm"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".xml", "application/xml"}, {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"}, {".ico", "image/x-icon"}};
  for (const auto& [end, type] : types) {
    if (ends_with(path, end)) return type;
  }
  return "application/octet-stream";
}

// Whether Accept-Encoding lists `coding` (and does not refuse it with q=0).
bool accepts(const std::string& header, const std::string& coding) {
  std::size_t at = 0;
  while (at <= header.size()) {
    std::size_t end = header.find(',', at);
    if (end == std::string::npos) end = header.size();
    std::string item = header.substr(at, end - at);
    item.erase(0, item.find_first_not_of(" \t"));
    const std::size_t semi = item.find(';');
    std::string name = item.substr(0, semi);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    if (name == coding) {
      if (semi == std::string::npos) return true;
      std::string q = item.substr(semi + 1);
      q.erase(std::remove(q.begin(), q.end(), ' '), q.end());
      return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000");
    }
    at = end + 1;
  }
  return false;
}

// The response's body as it is: httplib's own compression (made for other servers) is kept out
// of the way by a provider of known length.
void set_body(httplib::Response& res, std::string bytes, const char* type) {
  auto body = std::make_shared<const std::string>(std::move(bytes));
  res.set_content_provider(body->size(), type, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    if (offset >= body->size()) return true;
    sink.write(body->data() + offset, std::min(length, body->size() - offset));
    return true;
  });
}

// Sends `bytes` as a static host serving the .br and .gz copies would: compressed when the
// file is text and the browser accepts it.
void send(const httplib::Request& req, httplib::Response& res, const std::string& path, const std::string& bytes) {
  const char* type = content_type(path);
  if (io::is_text_file(path)) {
    res.set_header("Vary", "Accept-Encoding");
    const std::string header = req.get_header_value("Accept-Encoding");
    std::string packed;
    if (accepts(header, "br") && io::brotli_copy(bytes, packed)) {
      res.set_header("Content-Encoding", "br");
      set_body(res, std::move(packed), type);
      return;
    }
    if (accepts(header, "gzip") && io::gzip_copy(bytes, packed)) {
      res.set_header("Content-Encoding", "gzip");
      set_body(res, std::move(packed), type);
      return;
    }
  }
  set_body(res, bytes, type);
}

void answer(const Preview& preview, const httplib::Request& req, httplib::Response& res) {
  const std::shared_ptr<const Snapshot> s = preview.snapshot();
  res.set_header("Cache-Control", "no-store");
  if (req.path == "/__motcua/state") {
    set_body(res, state_json(*s), "application/json");
    return;
  }
  if (req.path == "/sw.js") {
    set_body(res, kRetiringWorker, "text/javascript; charset=utf-8");
    return;
  }
  if (!s->site) {
    res.status = s->building ? 503 : 500;
    if (s->building) res.set_header("Retry-After", "1");
    send(req, res, "status.html", status_page(*s));
    return;
  }
  const auto& files = s->site->files;
  std::string path = req.path.empty() ? "" : req.path.substr(1);
  if (path.empty() || path.back() == '/') path += "index.html";
  auto found = files.find(path);
  if (found == files.end()) {
    if (!ends_with(path, "/index.html") && files.count(path + "/index.html")) {
      res.status = 301;  // a folder without its slash, as static hosts answer
      const std::size_t query = req.target.find('?');
      res.set_header("Location", req.path + "/" + (query == std::string::npos ? "" : req.target.substr(query)));
      return;
    }
    res.status = 404;
    path = "404.html";
    found = files.find(path);
    if (found == files.end()) {
      set_body(res, "404: " + req.path + " is not part of the site\n", "text/plain; charset=utf-8");
      return;
    }
  }
  if (ends_with(path, ".html")) {
    send(req, res, path, with_preview(*found->second, *s));
  } else {
    send(req, res, path, *found->second);
  }
}

// Wakes the preview when a file below the watched folders may have changed: inotify on every
// folder (new folders are watched as they appear), or, where inotify cannot be had (too many
// folders for the system's limit), a look every second. Either way the build itself compares
// the files' names, sizes and times, so a wake-up without a change builds nothing.
class Watcher {
 public:
  explicit Watcher(std::vector<std::string> roots) : roots_(std::move(roots)), fd_(inotify_init1(IN_CLOEXEC)) {
    if (fd_ >= 0) watch_all();
  }
  ~Watcher() {
    if (fd_ >= 0) ::close(fd_);
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits up to `ms` milliseconds; true when something may have changed.
  bool wait(int ms) {
    if (fd_ >= 0 && missing_) {
      // A watched folder is gone (or not there yet): look every second until it is back.
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      polled_ms_ += ms;
      if (polled_ms_ < 1000) return false;
      polled_ms_ = 0;
      watch_all();
      return true;
    }
    if (fd_ < 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      polled_ms_ += ms;
      if (polled_ms_ < 1000) return false;
      polled_ms_ = 0;
      return true;
    }
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) return false;
    bool folders_changed = false;
    alignas(inotify_event) char buffer[16384];
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      for (ssize_t at = 0; at < n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
        if (e->mask & (IN_ISDIR | IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) folders_changed = true;
        at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      }
      pollfd more{fd_, POLLIN, 0};
      if (::poll(&more, 1, 0) <= 0) break;
    }
    if (folders_changed) watch_all();
    return true;
  }

 private:
  void watch_all() {
    missing_ = false;
    for (const std::string& root : roots_) {
      struct stat st {};
      if (!root.empty() && ::stat(root.c_str(), &st) != 0) missing_ = true;
      watch(root, 0);
    }
  }
  void watch(const std::string& dir, int depth) {
    if (dir.empty() || depth > 64) return;
    const std::uint32_t mask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                               IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
    if (inotify_add_watch(fd_, dir.c_str(), mask) < 0) {
      if (errno == ENOSPC || errno == ENOMEM) {  // the system's limit of watches: look every second instead
        ::close(fd_);
        fd_ = -1;
      }
      return;
    }
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) return;
    while (const dirent* entry = ::readdir(d)) {
      if (entry->d_name[0] == '.') continue;  // hidden entries are not read by a build either
      const std::string path = dir + "/" + entry->d_name;
      struct stat st {};
      if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) watch(path, depth + 1);
      if (fd_ < 0) break;
    }
    ::closedir(d);
  }

  std::vector<std::string> roots_;
  int fd_;
  int polled_ms_ = 0;
  bool missing_ = false;  // a root folder is not there: polled until it is
};

}  // namespace

int serve(const ServeOptions& options) {
  httplib::Server server;
  // Not httplib's default SO_REUSEPORT, which would let a second preview share the port unnoticed.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::cerr << "motcua: error: cannot listen on " << io::printable(options.host) << ":" << options.port
              << " (the port is taken, or the address is not this machine's).\n"
                 "  Give another port with --port N (--port 0 picks a free one).\n";
    return 2;
  }
  const bool everywhere = options.host == "0.0.0.0" || options.host == "::";
  const std::string shown_host = everywhere ? "localhost" : options.host.find(':') != std::string::npos
                                                                ? "[" + options.host + "]"
                                                                : options.host;
  const std::string base_url = "http://" + shown_host + ":" + std::to_string(port) + "/";
  Preview preview(options.build, base_url);
  server.Get(".*", [&preview](const httplib::Request& req, httplib::Response& res) { answer(preview, req, res); });
  std::thread listening([&server] { server.listen_after_bind(); });
  std::cout << "Preview of " << io::printable(options.build.content_dir) << " at " << base_url
            << " (rebuilt whenever the content or the templates change; Ctrl+C stops it)\n"
            << std::flush;
  if (everywhere || (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1")) {
    std::cerr << "motcua: warning: the preview is open to other machines on the network (--host "
              << io::printable(options.host) << "); it is not yet published content.\n";
  }
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  Watcher watcher({options.build.content_dir, options.build.templates_dir, options.build.wasm_dir});
  preview.refresh();
  while (!g_stop) {
    if (watcher.wait(200)) preview.refresh();
  }
  std::cout << "Preview stopped.\n";
  server.stop();
  listening.join();
  return 0;
}

}  // namespace motcua::cli
