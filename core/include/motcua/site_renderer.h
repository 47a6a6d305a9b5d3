#pragma once
// Renders a loaded catalog into the files of the static site. Pure: templates
// come in as text, files go out as {path, bytes}; only the generator writes them.
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
};

// `templates` are the files of the templates folder with paths relative to it:
// "*.mustache" page templates and "assets/*" static files.
std::vector<OutputFile> render_site(const Catalog& catalog, const std::vector<SourceFile>& templates,
                                    const SiteOptions& options, Diagnostics& diags);

// The JSON API: api/catalog.json, api/thu-tuc/<code>.json, api/<province>.json.
std::vector<OutputFile> render_catalog_api(const Catalog& catalog, const SiteOptions& options);

// sitemap.xml and robots.txt for the given page paths.
std::vector<OutputFile> render_sitemap(const std::vector<std::string>& page_paths, const SiteOptions& options);

// Normalises a base URL ("https://x.gov.vn/tthc" -> "https://x.gov.vn/tthc/"); returns
// false with a message when it is not an absolute http(s) URL.
bool normalize_base_url(std::string& url, std::string& error);

// A short content hash for cache-busting asset names.
std::string content_hash(const std::string& bytes);

}  // namespace motcua
