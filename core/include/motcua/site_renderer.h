#pragma once
// Renders a loaded catalog into the files of the static site. Pure: templates
// come in as text, files go out as {path, bytes}; only the generator writes them.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "motcua/catalog.h"
#include "motcua/diagnostic.h"
#include "motcua/json_document.h"

namespace motcua {

struct OutputFile {
  std::string path;   // relative to the site root, '/' separated, e.g. "thu-tuc/1.001193/index.html"
  std::string bytes;
};

struct SiteOptions {
  // Absolute URL the site is published at, ending in '/'. Used only where a
  // full URL is required (canonical links, Open Graph, sitemap.xml, robots.txt):
  // every link inside the pages is relative, so the folder works under any sub-path.
  std::string base_url = "http://localhost:8000/";
  // Threads rendering pages at once (1: the calling thread alone). The files are the same,
  // byte for byte, whatever the number; only the order they reach the sink differs.
  unsigned jobs = 1;
  // Called now and then with the pages rendered so far and the pages to render in all,
  // from whichever thread rendered the last one (never from two at once).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// Where the rendered files go, as they are rendered: the site is never held in memory
// as a whole. `put` is called from several threads at once when SiteOptions::jobs > 1,
// with the file's content_hash() (the renderer hashes every file once, for the service
// worker's version; a sink needing the hash uses that one).
class FileSink {
 public:
  virtual ~FileSink() = default;
  virtual void put(OutputFile&& file, const std::string& hash) = 0;
  // False once the sink cannot take more (a write failed): rendering stops early.
  virtual bool ok() const { return true; }
};

// `templates` are the files of the templates folder with paths relative to it:
// "*.mustache" page templates and "assets/*" static files. Every file goes to `sink`.
void render_site(const Catalog& catalog, const std::vector<SourceFile>& templates, const SiteOptions& options,
                 Diagnostics& diags, FileSink& sink);

// The same, all files in memory, sorted by path (tests and small tools).
std::vector<OutputFile> render_site(const Catalog& catalog, const std::vector<SourceFile>& templates,
                                    const SiteOptions& options, Diagnostics& diags);

// The JSON API: api/catalog.json, api/thu-tuc/<code>.json, api/<province>.json, each file
// handed to `emit` as soon as it is made.
void render_catalog_api(const Catalog& catalog, const SiteOptions& options,
                        const std::function<void(OutputFile&&)>& emit);
// The same, all files in memory (tests).
std::vector<OutputFile> render_catalog_api(const Catalog& catalog, const SiteOptions& options);
// Its files one by one (the site builder makes them on every core): api/thu-tuc/<code>.json,
// api/<province>.json for a province with a catalog, api/catalog.json.
OutputFile procedure_api_file(const Procedure& procedure, const SiteOptions& options);
OutputFile province_api_file(const Catalog& catalog, const ProvinceInfo& info, const ProvinceCatalog& province,
                             const SiteOptions& options);
OutputFile catalog_api_file(const Catalog& catalog, const SiteOptions& options);

// sitemap.xml and robots.txt for the given page paths.
std::vector<OutputFile> render_sitemap(const std::vector<std::string>& page_paths, const SiteOptions& options);

// Normalises a base URL ("https://x.gov.vn/tthc" -> "https://x.gov.vn/tthc/"); returns
// false with a message when it is not an absolute http(s) URL.
bool normalize_base_url(std::string& url, std::string& error);

// A short content hash for cache-busting asset names.
std::string content_hash(const std::string& bytes);

}  // namespace motcua
