#include "motcua/site_renderer.h"

namespace motcua {

namespace {
std::string xml_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

std::vector<OutputFile> render_sitemap(const std::vector<std::string>& page_paths, const SiteOptions& options) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const std::string& p : page_paths) xml += "  <url><loc>" + xml_escape(options.base_url + p) + "</loc></url>\n";
  xml += "</urlset>\n";
  std::string robots = "User-agent: *\nAllow: /\n\nSitemap: " + options.base_url + "sitemap.xml\n";
  return {{"sitemap.xml", xml}, {"robots.txt", robots}};
}

}  // namespace motcua
