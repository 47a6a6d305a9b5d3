// `motcua poster`: the catalog each center posts on its notice board, one printable A4 page
// per center with a QR code to every procedure's page, written as a folder (atomically, with
// the same rules as `build --out`).
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "build_parts.h"
#include "commands.h"
#include "file_io.h"
#include "motcua/catalog_loader.h"
#include "motcua/format.h"
#include "motcua/posted_catalog.h"
#include "motcua/site_renderer.h"
#include "output_folder.h"

namespace motcua::cli {

int poster(const PosterOptions& options) {
  std::string error;
  io::OutputFolder out;
  if (!io::resolve_output_folder(options.out_dir, {options.content_dir, "", ""}, out, error)) {
    std::cerr << "motcua: error: " << error << "\n  Nothing was written.\n";
    return 2;
  }
  std::string base_url = options.base_url;
  if (!normalize_base_url(base_url, error)) {
    std::cerr << "motcua: error: --base-url " << io::printable(options.base_url) << ": " << error
              << "\n  The QR codes lead there: give the address the site is published at.\n";
    return 2;
  }
  std::vector<SourceFile> files;
  if (!io::read_tree(options.content_dir, files, error)) {
    std::cerr << "motcua: error: cannot read the content: " << error << "\n  Nothing was written.\n";
    return 2;
  }
  std::string prefix = options.content_dir;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  Diagnostics diags;
  Catalog catalog = load_catalog(files, prefix, diags);
  // What is in force on --date, else today (effective dates): a notice board printed ahead.
  if (!diags.has_errors()) catalog.select_date(options.date.empty() ? today_in_vietnam() : options.date);
  if (diags.has_errors()) {
    for (const Diagnostic& d : diags.items()) {
      if (d.severity == Severity::error) std::cerr << io::printable(format_diagnostic(d)) << "\n";
    }
    std::cerr << "motcua: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors") << " in "
              << io::printable(options.content_dir) << "; nothing was written. Fix the content and run again.\n";
    return 1;
  }
  const ProvinceCatalog* only = nullptr;
  if (!options.province.empty()) {
    only = catalog.find_province_catalog(options.province);
    if (only == nullptr) {
      std::cerr << "motcua: error: no province catalog \"" << io::printable(options.province) << "\" in "
                << io::printable(options.content_dir) << "/provinces/ (give one of:";
      for (const ProvinceCatalog& pc : catalog.province_catalogs) std::cerr << " " << pc.slug;
      std::cerr << ")\n";
      return 2;
    }
  }
  const std::string generated = today_in_vietnam();
  io::WriteOptions write_options;
  write_options.generator_version = MOTCUA_VERSION;
  write_options.contents = "posters";
  write_options.notice = [](const std::string& message) { std::cerr << "motcua: " << message << "\n"; };
  io::SiteWriter writer;
  if (const io::WriteResult began = writer.begin(out, write_options, error); began != io::WriteResult::written) {
    std::cerr << "motcua: error: " << error << "\n  Nothing was changed.\n";
    return 2;
  }
  const auto put = [&writer](std::string path, std::string bytes) {
    const std::string hash = content_hash(bytes);
    writer.put({std::move(path), std::move(bytes)}, hash);
  };
  std::string index =
      "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\">\n<title>Danh mục niêm yết</title>\n<style>body{font:16px/1.5 "
      "system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}li{margin:.3rem 0}</style>\n</head>\n<body>\n"
      "<h1>Danh mục thủ tục hành chính để niêm yết</h1>\n<p>Mỗi trang in trên giấy A4, có mã QR dẫn tới từng thủ tục "
      "trên " + escape_html(base_url) + ".</p>\n";
  std::size_t pages = 0;
  bool found_commune = options.commune.empty();
  for (const ProvinceCatalog& pc : catalog.province_catalogs) {
    if (only != nullptr && &pc != only) continue;
    const ProvinceInfo* info = catalog.find_province(pc.slug);
    std::string items;
    if (options.commune.empty()) {
      put(pc.slug + "/index.html", render_posted_catalog(catalog, pc, nullptr, base_url, generated));
      items += "<li><a href=\"" + escape_html(pc.slug) + "/\">" + escape_html(pc.center.name.empty() ? "Trung tâm tỉnh" : pc.center.name) +
               "</a></li>\n";
      ++pages;
    }
    for (const Commune& c : pc.communes) {
      if (!options.commune.empty() && c.slug != options.commune) continue;
      found_commune = true;
      put(pc.slug + "/" + c.slug + "/index.html", render_posted_catalog(catalog, pc, &c, base_url, generated));
      items += "<li><a href=\"" + escape_html(pc.slug + "/" + c.slug) + "/\">" + escape_html(c.center.name.empty() ? c.name : c.center.name) +
               "</a></li>\n";
      ++pages;
    }
    if (!items.empty()) index += "<h2>" + escape_html(info ? info->name : pc.slug) + "</h2>\n<ul>\n" + items + "</ul>\n";
  }
  if (!found_commune) {
    std::cerr << "motcua: error: no commune \"" << io::printable(options.commune) << "\""
              << (only ? " in " + only->slug : "") << "; nothing was written.\n";
    return 2;  // the writer removes what it wrote beside the folder
  }
  put("index.html", index + "</body>\n</html>\n");
  const io::WriteResult written = writer.finish("", error);
  if (written == io::WriteResult::refused || written == io::WriteResult::failed) {
    std::cerr << "motcua: error: " << error << "\n";
    return 2;
  }
  std::cout << "Wrote the posted catalog of " << pages << (pages == 1 ? " center" : " centers") << " into "
            << io::printable(options.out_dir) << "/ (print each page on A4; the QR codes lead to " << base_url
            << ").\n";
  return 0;
}

}  // namespace motcua::cli
