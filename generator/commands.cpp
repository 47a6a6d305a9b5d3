#include "commands.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <atomic>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <iterator>
#include <map>
#include <string_view>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include "build_parts.h"
#include "file_io.h"
#include "output_folder.h"
#include "motcua/calc.h"
#include "motcua/catalog_loader.h"
#include "motcua/limits.h"
#include "motcua/markdown.h"
#include "motcua/quality.h"
#include "motcua/search.h"
#include "motcua/search_index.h"
#include "motcua/site_renderer.h"

namespace motcua::cli {

namespace {

// Times the named steps of a command; prints them with --verbose.
class Steps {
 public:
  explicit Steps(bool verbose) : verbose_(verbose) {}
  template <typename F>
  auto run(const char* name, F&& f) {
    const auto start = std::chrono::steady_clock::now();
    auto result = f();
    if (verbose_) {
      const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "  " << name << ": " << ms << " ms\n";
    }
    return result;
  }

 private:
  bool verbose_;
};

}  // namespace

std::string today_in_vietnam() {
  const std::time_t now = std::time(nullptr) + 7 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string source_excerpt(const std::string& text, int line_number, int column) {
  if (text.empty() || line_number <= 0) return "";  // freed once read (a build keeps only the files messages name)
  std::size_t start = 0;
  for (int line = 1; line < line_number && start != std::string::npos; ++line) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return "";
  const std::size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > 160) return "";
  std::string without_tabs = line;
  without_tabs.erase(std::remove(without_tabs.begin(), without_tabs.end(), '\t'), without_tabs.end());
  if (io::printable(without_tabs) != without_tabs) return "";  // escaping would move the caret
  std::string out = line + "\n";
  // Columns count characters; reproduce tabs so the caret lines up.
  int col = 1;
  for (std::size_t i = 0; i < line.size() && col < column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
    ++col;
  }
  return out + "^";
}

namespace {

// Prints each diagnostic with the offending source line and a caret under the column.
// Control characters (a newline in a file name, an escape sequence in content) are
// escaped, so each diagnostic stays one line and cannot steer the terminal.
void print_diagnostics(const Diagnostics& diags, const std::map<std::string, const std::string*>& sources) {
  for (const Diagnostic& d : diags.items()) {
    std::cerr << io::printable(format_diagnostic(d)) << "\n";
    const auto it = sources.find(d.file);
    if (it == sources.end()) continue;
    const std::string excerpt = source_excerpt(*it->second, d.line, d.column);
    if (excerpt.empty()) continue;
    const std::size_t newline = excerpt.find('\n');
    std::cerr << "  " << excerpt.substr(0, newline) << "\n  " << excerpt.substr(newline + 1) << "\n";
  }
}

std::string with_slash(std::string dir) {
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir;
}

std::string without_slash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

struct Loaded {
  std::vector<SourceFile> files;  // the content as read, relative paths
  Catalog catalog;
  Diagnostics diags;
  std::string read_error;  // set when the content could not be read at all
};

}  // namespace

// The threads a build uses: --jobs, or one per core.
unsigned jobs_of(const BuildOptions& options) {
  return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// Runs body(0) … body(count - 1) on `jobs` threads, this one included (the loader's
// ParallelFor); an exception in any is thrown again here once all have stopped.
ParallelFor parallel_for(unsigned jobs) {
  if (jobs <= 1) return {};
  return [jobs](std::size_t count, const std::function<void(std::size_t)>& body) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_mutex;
    const auto work = [&] {
      try {
        for (std::size_t i = next++; i < count; i = next++) body(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failed_mutex);
        if (!failed) failed = std::current_exception();
        next = count;
      }
    };
    std::vector<std::thread> others;
    for (unsigned t = 1; t < jobs && t < count; ++t) others.emplace_back(work);
    work();
    for (std::thread& t : others) t.join();
    if (failed) std::rethrow_exception(failed);
  };
}

namespace {

// Reads, loads and validates the content, printing diagnostics unless `quiet`. Returns the exit
// code: 0, 1 for content errors, 2 when the content cannot be read.
// `release`: the build needs the content as read only for the excerpts of messages, so each
// procedure's files are freed once it is read (load_catalog_releasing).
int load(const BuildOptions& options, Steps& steps, Loaded& loaded, bool quiet = false, bool release = false) {
  std::vector<SourceFile>& files = loaded.files;
  if (!steps.run("read content", [&] { return io::read_tree(options.content_dir, files, loaded.read_error); })) {
    if (quiet) return 2;
    std::cerr << "motcua: error: cannot read the content: " << loaded.read_error
              << "\n  Every file and folder in the content must be readable (give its folder with --content DIR)."
                 " Nothing was written.\n";
    return 2;
  }
  const std::string prefix = with_slash(options.content_dir);
  loaded.catalog = steps.run("load and validate", [&] {
    return release ? load_catalog_releasing(files, prefix, loaded.diags, parallel_for(jobs_of(options)))
                   : load_catalog(files, prefix, loaded.diags);
  });
  // What is in force on the day shown (effective dates).
  if (!loaded.diags.has_errors()) loaded.catalog.select_date(shown_date(options));
  std::map<std::string, const std::string*> sources;
  for (const SourceFile& f : files) sources[prefix + f.path] = &f.text;
  if (!quiet) print_diagnostics(loaded.diags, sources);
  if (loaded.diags.has_errors()) {
    if (quiet) return 1;
    const std::size_t n = loaded.diags.error_count();
    std::cerr << "motcua: " << n << (n == 1 ? " error" : " errors") << " in " << io::printable(options.content_dir)
              << "; nothing was written. Fix the content and run again.\n";
    return 1;
  }
  return 0;
}

// The reply of `calc` when the content cannot be used: the shape of every calc error,
// each entry naming the content file and position (the request is not at fault: "/").
std::string content_error_reply(const Loaded& loaded) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  if (!loaded.read_error.empty()) {
    errors.push_back({{"field", "/"}, {"message", "cannot read the content: " + loaded.read_error}});
  }
  for (const Diagnostic& d : loaded.diags.items()) {
    if (d.severity != Severity::error) continue;
    errors.push_back({{"field", "/"},
                      {"message", format_diagnostic(d)},
                      {"file", d.file},
                      {"line", d.line},
                      {"column", d.column},
                      {"pointer", d.pointer}});
  }
  if (errors.empty()) errors.push_back({{"field", "/"}, {"message", "the content could not be loaded"}});
  const nlohmann::ordered_json reply = {{"error", errors.front()}, {"errors", errors}};
  return reply.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// `motcua check --json`: errors and warnings as data (the shape is documented in docs/content.md).
std::string check_reply(const Loaded& loaded, const std::vector<QualityWarning>& warnings,
                        const std::string& content_dir) {
  using ordered = nlohmann::ordered_json;
  ordered errors = ordered::array(), listed = ordered::array(), counts = ordered::object();
  if (!loaded.read_error.empty()) {
    errors.push_back({{"file", content_dir}, {"pointer", ""}, {"line", 0}, {"column", 0},
                      {"message", "cannot read the content: " + loaded.read_error}});
  }
  for (const Diagnostic& d : loaded.diags.items()) {
    const ordered item = {{"file", d.file}, {"pointer", d.pointer}, {"line", d.line}, {"column", d.column}};
    if (d.severity == Severity::error) {
      errors.push_back(item);
      errors.back()["message"] = d.message;
    } else {
      // The loader's own warnings (a file outside the content model) carry no data-quality code.
      listed.push_back(item);
      listed.back()["code"] = "content_file";
      listed.back()["message"] = d.message;
    }
  }
  for (const QualityWarningCode& c : quality_warning_codes()) counts[c.code] = 0;
  for (const QualityWarning& w : warnings) {
    listed.push_back({{"file", w.file}, {"pointer", w.pointer}, {"line", w.line}, {"column", w.column},
                      {"code", w.code}, {"message", w.message}});
    counts[w.code] = counts[w.code].get<int>() + 1;
  }
  const ordered reply = {{"valid", errors.empty()},
                         {"errors", errors},
                         {"warnings", listed},
                         {"warning_counts", counts},
                         {"procedures", loaded.catalog.procedures.size()},
                         {"province_catalogs", loaded.catalog.province_catalogs.size()}};
  return reply.dump(2, ' ', false, ordered::error_handler_t::replace);
}

}  // namespace

std::string shown_date(const BuildOptions& options) {
  return options.date.empty() ? today_in_vietnam() : options.date;
}

BuildInputs walk_inputs(const BuildOptions& options, const std::string& base_url) {
  // (The day shown is in the keys of the pages only where content is dated: SiteBuilder::job_key.)
  std::string shared = std::string("motcua ") + MOTCUA_VERSION + "\nbase " + base_url +
                       "\nprecompress " + (options.precompress ? "yes" : "no") + "\n";
  // This very program too (a motcua rebuilt from other sources may render other pages), and
  // the libraries that shape the bytes: Markdown, brotli, zlib. Where the program cannot be
  // found, no page is taken from the previous build.
  struct stat self {};
  const bool know_self = ::stat("/proc/self/exe", &self) == 0;
  if (know_self) {
    shared += "exe " + std::to_string(self.st_size) + " " + std::to_string(self.st_mtim.tv_sec) + "." +
              std::to_string(self.st_mtim.tv_nsec) + "\n";
  }
  shared += "libraries " + markdown_library_version() + " " + io::compressor_versions() + "\n";
  for (const std::string& k : options.keep) shared += "keep " + k + "\n";
  std::string content;
  bool walked = io::stat_tree(options.content_dir, content);
  std::string inputs = shared + "content\n" + content;
  BuildInputs out;
  // Lines "procedures/<folder>/<file>\tsize\tmtime" go to their folder's key; every
  // other line of the content is shared by all pages.
  shared += "content\n";
  const std::string prefix = "procedures/";
  for (std::size_t at = 0; at < content.size();) {
    std::size_t end = content.find('\n', at);
    end = end == std::string::npos ? content.size() : end + 1;
    const std::string_view line(content.data() + at, end - at);
    const std::size_t slash = line.compare(0, prefix.size(), prefix) == 0 ? line.find('/', prefix.size())
                                                                            : std::string_view::npos;
    const std::size_t tab = line.find('\t');
    if (slash != std::string_view::npos && slash < tab) {
      out.procedures[std::string(line.substr(prefix.size(), slash - prefix.size()))] += line;
    } else {
      shared += line;
    }
    at = end;
  }
  std::string templates = "templates\n";
  walked = walked && io::stat_tree(options.templates_dir, templates);
  if (!options.wasm_dir.empty()) {
    for (const char* name : {"motcua.js", "motcua.wasm", "motcua-forms.wasm", "motcua-search.wasm"}) {
      struct stat st {};
      templates += name;
      if (::stat((options.wasm_dir + "/" + name).c_str(), &st) == 0) {
        templates += " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                     std::to_string(st.st_mtim.tv_nsec);
      }
      templates += "\n";
    }
  }
  if (!walked) return BuildInputs{};
  out.fingerprint = content_hash(inputs + templates);
  if (!know_self) {
    out.procedures.clear();
    return out;  // no shared inputs: every page rendered
  }
  out.shared = shared + templates;
  return out;
}

bool read_templates(const BuildOptions& options, std::vector<SourceFile>& templates, std::string& error,
                    std::vector<std::string>& warnings) {
  if (!io::read_tree(options.templates_dir, templates, error)) {
    error = "cannot read the templates: " + error + "\n  Give the templates folder with --templates DIR.";
    return false;
  }
  // The WebAssembly core goes into the site as assets, hashed like the others: the loader, the
  // procedure pages' module and the declaration forms' module.
  if (options.wasm_dir.empty()) return true;
  std::size_t found = 0;
  for (const char* name : {"motcua.js", "motcua.wasm", "motcua-forms.wasm"}) {
    std::string bytes;
    if (io::read_file(options.wasm_dir + "/" + name, bytes)) {
      templates.push_back({std::string("assets/") + name, std::move(bytes)});
      ++found;
    }
  }
  if (found != 3) {
    warnings.push_back("no WebAssembly module in " + io::printable(options.wasm_dir) +
                       " (motcua.js, motcua.wasm, motcua-forms.wasm): the pages work, but without the offline"
                       " calculators and drafts.\n"
                       "  Build it with emcc (./build.sh does), or give its folder with --wasm DIR.");
  }
  // The search engine, a module of its own (the first query downloads only it).
  std::string bytes;
  if (io::read_file(options.wasm_dir + "/motcua-search.wasm", bytes)) {
    templates.push_back({"assets/motcua-search.wasm", std::move(bytes)});
  } else {
    warnings.push_back("no search module in " + io::printable(options.wasm_dir) +
                       " (motcua-search.wasm): the search boxes lead to the A–Z and field lists only.");
  }
  return true;
}

int check(const BuildOptions& options) {
  Steps steps(options.verbose);
  Loaded loaded;
  const int code = load(options, steps, loaded, options.json);
  // Warnings are about facts, so they are only looked for in content that loaded without errors.
  std::vector<QualityWarning> warnings;
  if (code == 0) {
    warnings = steps.run("data-quality checks", [&] {
      std::vector<QualityWarning> found = check_quality(loaded.catalog);
      if (options.json || options.warnings == "all") {
        locate_quality_warnings(found, loaded.files, with_slash(options.content_dir));
      }
      return found;
    });
  }
  if (options.json) {
    std::cout << check_reply(loaded, warnings, options.content_dir) << "\n";
    return code;
  }
  if (code != 0) return code;
  if (options.warnings == "all") {
    for (const QualityWarning& w : warnings) std::cerr << io::printable(format_quality_warning(w)) << "\n";
  }
  if (!warnings.empty() && options.warnings != "none") {
    // Thousands of lines scroll away: the count per code is what stays on the screen.
    std::map<std::string, std::size_t> counts;
    for (const QualityWarning& w : warnings) ++counts[w.code];
    std::cerr << "motcua: " << warnings.size() << " data-quality " << (warnings.size() == 1 ? "warning" : "warnings")
              << " (they do not stop a build; see \"Data-quality warnings\" in docs/content.md):\n";
    for (const QualityWarningCode& c : quality_warning_codes()) {
      const auto it = counts.find(c.code);
      if (it == counts.end()) continue;
      std::string count = std::to_string(it->second);
      count.insert(0, count.size() < 6 ? 6 - count.size() : 0, ' ');
      std::string name = c.code;
      name.resize(std::max<std::size_t>(name.size(), 22), ' ');
      std::cerr << count << "  " << name << "  " << c.summary << "\n";
    }
    if (options.warnings == "summary") std::cerr << "  List them with --warnings=all, or as data with --json.\n";
  }
  std::cout << "Content is valid: " << loaded.catalog.procedures.size() << " procedures, "
            << loaded.catalog.province_catalogs.size() << " province catalogs";
  if (!warnings.empty()) {
    std::cout << "; " << warnings.size() << " data-quality " << (warnings.size() == 1 ? "warning" : "warnings");
  }
  std::cout << ".\n";
  return 0;
}

int build(const BuildOptions& options) {
  Steps steps(options.verbose);
  std::string error;
  // The output folder is checked first: a folder that is not ours is refused before any work.
  io::OutputFolder out;
  if (!io::resolve_output_folder(options.out_dir, {options.content_dir, options.templates_dir, options.wasm_dir}, out,
                                 error) ||
      !io::check_keep_names(options.keep, error)) {
    std::cerr << "motcua: error: " << error << "\n  Nothing was written.\n";
    return 2;
  }
  const std::string shown_out = io::printable(without_slash(options.out_dir));
  SiteOptions site_options;
  site_options.base_url = options.base_url;
  if (!normalize_base_url(site_options.base_url, error)) {
    std::cerr << "motcua: error: --base-url " << io::printable(options.base_url) << ": " << error << "\n";
    return 2;
  }
  const unsigned jobs = jobs_of(options);
  // What the site is built from: every file of the content, templates and WebAssembly
  // folders (name, size, modification time), the options that shape the output, and this
  // motcua. A folder built from the same inputs, untouched since, is left as it is. The
  // folders are looked at on another thread while the writer looks at the output folder:
  // an unchanged rebuild is nothing but these two walks. The same walk, split into each
  // procedure's folder and the rest, keys each procedure's pages: after an edit, only the
  // pages made from what changed are rendered again (SiteOptions::shared_inputs).
  std::future<BuildInputs> fingerprint =
      std::async(std::launch::async, [&options, &site_options] { return walk_inputs(options, site_options.base_url); });
  io::WriteOptions write_options;
  write_options.keep = options.keep;
  write_options.force = options.force;
  write_options.precompress = options.precompress;
  write_options.threads = jobs;
  write_options.generator_version = MOTCUA_VERSION;
  write_options.notice = [](const std::string& message) { std::cerr << "motcua: " << message << "\n"; };
  // Only a folder that held something has a "previous site" to speak of.
  const std::string unchanged = io::holds_anything(out) ? "the previous site in " + shown_out + " is unchanged."
                                                        : "nothing was written to " + shown_out + ".";
  const auto failed = [&](io::WriteResult result) {
    if (result == io::WriteResult::refused) {
      std::cerr << "motcua: error: " << error << "\n  Nothing was changed.\n";
    } else {
      std::cerr << "motcua: error: " << error << "\n  " << static_cast<char>(std::toupper(unchanged[0]))
                << unchanged.substr(1) << "\n";
    }
    return 2;
  };
  io::SiteWriter writer;
  if (const io::WriteResult began = writer.begin(out, write_options, error); began != io::WriteResult::written) {
    return failed(began);
  }
  BuildInputs walked = fingerprint.get();
  const std::string inputs = walked.fingerprint;
  if (steps.run("compare with the previous build", [&] { return writer.up_to_date(inputs); })) {
    std::cout << "Nothing changed since the site in " << shown_out
              << "/ was built (same content, templates and options): no file was written.\n";
    return 0;
  }

  Loaded loaded;
  if (const int code = load(options, steps, loaded, false, true)) return code;
  // The catalog holds what the site needs; the content as read (the size of the content
  // folder) was kept only for the diagnostics' excerpts.
  std::vector<SourceFile>().swap(loaded.files);
#if defined(__GLIBC__)
  // What loading freed (the parsed JSON of every folder, on every loading thread's arena, and
  // the content as read) goes back to the system before the pages and the search index start
  // allocating.
  malloc_trim(0);
#endif

  std::vector<SourceFile> templates;
  std::vector<std::string> warnings;
  if (!read_templates(options, templates, error, warnings)) {
    std::cerr << "motcua: error: " << error << " Nothing was written.\n";
    return 2;
  }
  for (const std::string& w : warnings) std::cerr << "motcua: warning: " << w << "\n";
  // Pages are rendered and written as they go, on every core; a terminal sees the count.
  site_options.jobs = jobs;
  if (!inputs.empty() && !walked.shared.empty()) {
    site_options.shared_inputs = std::move(walked.shared);
    site_options.procedure_inputs = std::move(walked.procedures);
  }
  const auto started = std::chrono::steady_clock::now();
  bool shown_progress = false;
  if (::isatty(STDERR_FILENO)) {
    site_options.progress = [&](std::size_t done, std::size_t total) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (s < 1.0 && !shown_progress) return;  // a short build says nothing
      char line[160];
      std::snprintf(line, sizeof line, "\r  pages: %zu/%zu (%.0f pages/s)  ", done, total,
                    s > 0 ? static_cast<double>(done) / s : 0.0);
      std::cerr << line << std::flush;
      shown_progress = true;
    };
  }
  Diagnostics diags;
  steps.run("render and write", [&] {
    render_site(loaded.catalog, templates, site_options, diags, writer);
    return 0;
  });
  if (shown_progress) std::cerr << "\n";
  // The catalog is not needed any more: its memory goes back before the mark is written.
  const std::size_t procedure_count = loaded.catalog.procedures.size();
  loaded = Loaded();
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  if (options.verbose) {
    const io::SiteWriter::Counts counts = writer.counts();
    std::cerr << "  " << counts.reused << " of " << counts.keyed
              << " procedure pages taken from the previous build (made from the same files), "
              << counts.keyed - counts.reused << " rendered\n";
  }
  print_diagnostics(diags, {});
  if (diags.has_errors()) {
    std::cerr << "motcua: the site was not written; " << unchanged << "\n";
    return 1;  // the writer removes what it wrote beside the folder
  }
  const io::WriteResult written = steps.run("swap", [&] { return writer.finish(inputs, error); });
  if (written == io::WriteResult::refused || written == io::WriteResult::failed) return failed(written);
  const io::SiteWriter::Counts counts = writer.counts();
  if (written == io::WriteResult::unchanged) {
    std::cout << "The site in " << shown_out << "/ is up to date: its " << counts.files
              << " files are the same, byte for byte; none was written.\n";
    return 0;
  }
  std::cout << "Built " << counts.files << " files from " << procedure_count << " procedures into "
            << shown_out << "/: " << counts.written << " new or changed, " << counts.files - counts.written
            << " unchanged (not rewritten), " << counts.removed << " removed.\n";

  return 0;
}

int search(const SearchCommandOptions& options) {
  BuildOptions build_options;
  build_options.content_dir = options.content_dir;
  Steps steps(false);
  Loaded loaded;
  const int code = load(build_options, steps, loaded, false);
  if (code != 0) return code;
  // The very parts the site publishes, all of them at hand.
  const SearchIndexFiles index = build_search_index(loaded.catalog);
  SearchEngine engine;
  for (const OutputFile& f : index.parts) {
    std::string error;
    const std::string name = f.path.substr(f.path.find('/') + 1);
    if (!engine.add_part(name, f.bytes, error)) {
      std::cerr << "motcua: internal error in the search index: " << error << "\n";
      return 2;
    }
  }
  SearchOptions o;
  o.limit = std::max(0, std::min(options.limit, 100));
  o.province = options.province;
  o.here = options.province;
  if (!options.province.empty() && loaded.catalog.find_province_catalog(options.province) == nullptr) {
    std::cerr << "motcua: no province catalog \"" << io::printable(options.province) << "\" in "
              << io::printable(options.content_dir) << "/provinces/ (give one of:";
    for (const ProvinceCatalog& pc : loaded.catalog.province_catalogs) std::cerr << " " << pc.slug;
    std::cerr << ")\n";
    return 2;
  }
  SearchReply reply = engine.search(options.query, o);
  // The index keeps short names for the results list; a command line gives the whole name.
  for (SearchHit& h : reply.results) {
    if (const Procedure* p = h.code.empty() ? nullptr : loaded.catalog.find_procedure(h.code)) h.name = p->name;
  }
  std::cout << SearchEngine::reply_json(options.query, reply, false) << "\n";
  return 0;
}

int calc(const std::string& engine, const BuildOptions& options) {
  Steps steps(false);
  Loaded loaded;
  if (const int code = load(options, steps, loaded)) {
    // Diagnostics went to stderr; a program reading stdout still gets one JSON answer.
    std::cout << content_error_reply(loaded) << "\n";
    return code;
  }
  // Read one byte past the limit at most: run_calc refuses anything longer, and a request
  // of gigabytes must not be held in memory first.
  std::string request(limits::kMaxRequestBytes + 1, '\0');
  std::cin.read(&request[0], static_cast<std::streamsize>(request.size()));
  request.resize(static_cast<std::size_t>(std::cin.gcount()));
  const CalcReply reply = run_calc(engine, loaded.catalog, request);
  std::cout << reply.json << "\n";
  return reply.ok ? 0 : 1;
}

}  // namespace motcua::cli
