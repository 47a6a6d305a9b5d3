#pragma once
// Renders a loaded catalog into the files of the static site. Pure: templates
// come in as text, files go out as {path, bytes}; only the generator writes them.
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
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
  // Procedures an embeddable catalog (nhung/) lists in its one page; a longer catalog gets a
  // page per field (a national province's whole list would pass 100 KB gzip in one).
  std::size_t embed_inline_rows = 2000;
  // Called now and then with the pages rendered so far and the pages to render in all,
  // from whichever thread rendered the last one (never from two at once).
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Incremental builds. What the pages were made from, as fingerprints the caller takes from
  // the files read (names, sizes, times): `shared_inputs` of everything but the procedures'
  // folders (templates, assets, site, fields, provinces, calendar, options, the generator
  // itself), `procedure_inputs` of each procedure's folder, by code. A procedure's own jobs
  // (its national page with its data file and API record, each province's version) are keyed
  // by these and by the folders of the procedures it names as related; the sink may hand back
  // what the previous build made from the same key instead of having it rendered again
  // (FileSink::reuse). Empty `shared_inputs`: every job is rendered.
  std::string shared_inputs;
  std::unordered_map<std::string, std::string> procedure_inputs;
};

// What one keyed job made: its files with their content_hash(), and the pages among them
// that the sitemap lists (their folders).
struct JobOutput {
  std::vector<std::pair<std::string, std::string>> files;  // path, hash
  std::vector<std::string> pages;
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
  // Incremental builds (SiteOptions::shared_inputs). `id` names a job (its page's folder),
  // `key` fingerprints its inputs. True when the sink holds, intact, what a job of that id and
  // key made before, and has taken those files into the site as if they had been put again:
  // `out` says which. False: the job is rendered, its files put, then record() called.
  virtual bool reuse(const std::string& id, const std::string& key, JobOutput& out) {
    (void)id, (void)key, (void)out;
    return false;
  }
  virtual void record(const std::string& id, const std::string& key, const JobOutput& made) {
    (void)id, (void)key, (void)made;
  }
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
