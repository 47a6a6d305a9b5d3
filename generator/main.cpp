// motcua: publishes the catalog of administrative procedures as a static site.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"motcua " MOTCUA_VERSION ": publish Vietnam's administrative procedures (thủ tục hành chính)\n"
               "as a fast static website that works on any static host, under any sub-path."};
  app.require_subcommand(1);
  app.set_version_flag("--version", MOTCUA_VERSION);

  motcua::cli::BuildOptions options;
  options.templates_dir = MOTCUA_DEFAULT_TEMPLATES;

  CLI::App* build = app.add_subcommand(
      "build", "Validate the content and generate the site. The new site replaces the old one only when\n"
               "the whole build succeeded; on any error the previous site is left untouched.");
  build->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")->capture_default_str();
  build->add_option("--out", options.out_dir, "Output folder for the site")->capture_default_str();
  build->add_option("--base-url", options.base_url,
                    "Absolute URL the site is published at, e.g. https://tthc.laichau.gov.vn/thu-tuc-hanh-chinh/.\n"
                    "Used for canonical links, Open Graph tags, sitemap.xml and robots.txt; links inside\n"
                    "the pages are relative, so the folder works under any sub-path")
      ->capture_default_str();
  build->add_option("--templates", options.templates_dir, "Templates and static assets folder")->capture_default_str();
  build->add_flag("-v,--verbose", options.verbose, "Print the time taken by each step");

  CLI::App* check = app.add_subcommand("check", "Validate the content and report every problem; write nothing.");
  check->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")->capture_default_str();
  check->add_flag("-v,--verbose", options.verbose, "Print the time taken by each step");

  CLI11_PARSE(app, argc, argv);
  if (*build) return motcua::cli::build(options);
  if (*check) return motcua::cli::check(options);
  return 2;
}
