#include "commands.h"

#include <chrono>
#include <iostream>
#include <iterator>
#include <map>

#include "file_io.h"
#include "motcua/calc.h"
#include "motcua/catalog_loader.h"
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

// Prints each diagnostic with the offending source line and a caret under the column.
void print_diagnostics(const Diagnostics& diags, const std::map<std::string, const std::string*>& sources) {
  for (const Diagnostic& d : diags.items()) {
    std::cerr << format_diagnostic(d) << "\n";
    const auto it = sources.find(d.file);
    if (it == sources.end() || d.line <= 0) continue;
    const std::string& text = *it->second;
    std::size_t start = 0;
    for (int line = 1; line < d.line && start != std::string::npos; ++line) {
      start = text.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) continue;
    const std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() > 160) continue;
    std::cerr << "  " << line << "\n  ";
    // Columns count characters; reproduce tabs so the caret lines up.
    int col = 1;
    for (std::size_t i = 0; i < line.size() && col < d.column; ++i) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) == 0x80) continue;
      std::cerr << (c == '\t' ? '\t' : ' ');
      ++col;
    }
    std::cerr << "^\n";
  }
}

std::string with_slash(std::string dir) {
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir;
}

// Loads and validates the content; prints diagnostics. Returns false on errors.
bool load(const BuildOptions& options, Steps& steps, Catalog& catalog, int& exit_code) {
  std::vector<SourceFile> files;
  std::string error;
  if (!steps.run("read content", [&] { return io::read_tree(options.content_dir, files, error); })) {
    std::cerr << "motcua: error: cannot read content: " << error
              << "\n  Give the content folder with --content DIR.\n";
    exit_code = 2;
    return false;
  }
  Diagnostics diags;
  const std::string prefix = with_slash(options.content_dir);
  catalog = steps.run("load and validate", [&] { return load_catalog(files, prefix, diags); });
  std::map<std::string, const std::string*> sources;
  for (const SourceFile& f : files) sources[prefix + f.path] = &f.text;
  print_diagnostics(diags, sources);
  if (diags.has_errors()) {
    std::cerr << "motcua: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
              << " in " << options.content_dir << "; nothing was written. Fix the content and run again.\n";
    exit_code = 1;
    return false;
  }
  return true;
}

}  // namespace

int check(const BuildOptions& options) {
  Steps steps(options.verbose);
  Catalog catalog;
  int exit_code = 0;
  if (!load(options, steps, catalog, exit_code)) return exit_code;
  std::cout << "Content is valid: " << catalog.procedures.size() << " procedures, "
            << catalog.province_catalogs.size() << " province catalogs.\n";
  return 0;
}

int build(const BuildOptions& options) {
  Steps steps(options.verbose);
  SiteOptions site_options;
  site_options.base_url = options.base_url;
  std::string error;
  if (!normalize_base_url(site_options.base_url, error)) {
    std::cerr << "motcua: error: --base-url " << options.base_url << ": " << error << "\n";
    return 2;
  }
  Catalog catalog;
  int exit_code = 0;
  if (!load(options, steps, catalog, exit_code)) return exit_code;

  std::vector<SourceFile> templates;
  if (!io::read_tree(options.templates_dir, templates, error)) {
    std::cerr << "motcua: error: cannot read templates: " << error << "\n  Give the templates folder with --templates DIR.\n";
    return 2;
  }
  // The WebAssembly core goes into the site as an asset, hashed like the others.
  if (!options.wasm_dir.empty()) {
    std::size_t found = 0;
    for (const char* name : {"motcua.js", "motcua.wasm"}) {
      std::string bytes;
      if (io::read_file(options.wasm_dir + "/" + name, bytes)) {
        templates.push_back({std::string("assets/") + name, std::move(bytes)});
        ++found;
      }
    }
    if (found != 2) {
      std::cerr << "motcua: warning: no WebAssembly module in " << options.wasm_dir
                << " (motcua.js, motcua.wasm): the pages work, but without the offline calculators and drafts.\n"
                   "  Build it with emcc (./build.sh does), or give its folder with --wasm DIR.\n";
    }
  }
  Diagnostics diags;
  const std::vector<OutputFile> files =
      steps.run("render", [&] { return render_site(catalog, templates, site_options, diags); });
  print_diagnostics(diags, {});
  if (diags.has_errors()) {
    std::cerr << "motcua: the site was not written; the previous site in " << options.out_dir << " is unchanged.\n";
    return 1;
  }
  if (!steps.run("write", [&] { return io::write_site_atomically(options.out_dir, files, error); })) {
    std::cerr << "motcua: error: " << error << "\n  The previous site in " << options.out_dir << " is unchanged.\n";
    return 2;
  }
  std::size_t pages = 0;
  for (const OutputFile& f : files) {
    if (f.path.size() > 5 && f.path.compare(f.path.size() - 5, 5, ".html") == 0) ++pages;
  }
  std::cout << "Built " << pages << " pages (" << files.size() << " files) from " << catalog.procedures.size()
            << " procedures into " << options.out_dir << "/\n";
  return 0;
}

int calc(const std::string& engine, const BuildOptions& options) {
  Steps steps(false);
  Catalog catalog;
  int exit_code = 0;
  if (!load(options, steps, catalog, exit_code)) return exit_code;
  const std::string request{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  const CalcReply reply = run_calc(engine, catalog, request);
  std::cout << reply.json << "\n";
  return reply.ok ? 0 : 1;
}

}  // namespace motcua::cli
