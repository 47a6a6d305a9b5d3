// motcua: publishes the catalog of administrative procedures as a static site.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"motcua " MOTCUA_VERSION ": publish Vietnam's administrative procedures (thủ tục hành chính)\n"
               "as a fast static website that works on any static host, under any sub-path."};
  app.require_subcommand(1);
  app.set_version_flag("--version", MOTCUA_VERSION);

  motcua::cli::BuildOptions options;
  options.templates_dir = MOTCUA_DEFAULT_TEMPLATES;
  options.wasm_dir = MOTCUA_DEFAULT_WASM;

  CLI::App* build = app.add_subcommand(
      "build", "Validate the content and generate the site. The new site replaces the old one only when\n"
               "the whole build succeeded; on any error the previous site is left untouched.\n"
               "The output folder is motcua's alone: it must be new, empty, or a site motcua built (marked by\n"
               ".motcua-site, which lists its files). Anything else is refused (exit 2) and left as it was.");
  build->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")->capture_default_str();
  build->add_option("--out", options.out_dir,
                    "Output folder for the site: new, empty, or a site motcua built. Never /, your home folder,\n"
                    "the git repository you run motcua in, the content, templates or wasm folders (nor a folder\n"
                    "holding them), and never a symbolic link: give the folder it points to")
      ->capture_default_str();
  build->add_option("--keep", options.keep,
                    "An entry directly inside the output folder that is not part of the site and survives the\n"
                    "build, copied into the new site; repeat for each (a gh-pages checkout: --keep .git --keep CNAME)")
      ->type_name("NAME");
  build->add_flag("--force", options.force,
                  "Replace a site built by an older motcua that carries no .motcua-site mark (index.html and\n"
                  "sw.js written by motcua, every entry one the new site writes or one named with --keep).\n"
                  "Never replaces anything else");
  build->add_option("--base-url", options.base_url,
                    "Absolute URL the site is published at, e.g. https://tthc.laichau.gov.vn/thu-tuc-hanh-chinh/.\n"
                    "Used for canonical links, Open Graph tags, sitemap.xml and robots.txt; links inside\n"
                    "the pages are relative, so the folder works under any sub-path")
      ->capture_default_str();
  build->add_option("--templates", options.templates_dir, "Templates and static assets folder")->capture_default_str();
  build->add_option("--wasm", options.wasm_dir,
                    "Folder with the WebAssembly core (motcua.js, motcua.wasm) for the offline tools;\n"
                    "\"\" builds the site without them")
      ->capture_default_str();
  build->add_flag("-v,--verbose", options.verbose, "Print the time taken by each step");

  CLI::App* check = app.add_subcommand("check", "Validate the content and report every problem; write nothing.");
  check->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")->capture_default_str();
  check->add_flag("-v,--verbose", options.verbose, "Print the time taken by each step");

  CLI::App* calc = app.add_subcommand(
      "calc", "Answer one question from the content as JSON: read a request on stdin, print the result on\n"
              "stdout (the same functions the offline web client runs). Exit 1 with a JSON error naming the\n"
              "field when the request is wrong.");
  calc->require_subcommand(1);
  calc->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")->capture_default_str();
  const std::vector<std::pair<std::string, std::string>> engines = {
      {"deadline", "When is the result due? Request: {\"received_at\": \"2026-02-13T10:00:00+07:00\",\n"
                   "\"duration\": {\"value\": 5, \"unit\": \"working_days\"}} (see docs/deadlines.md)"},
      {"fee", "How much? Request: {\"procedure\": \"2.000815\", \"province\": \"lai-chau\", \"channel\": \"direct\",\n"
              "\"date\": \"2026-03-02\", \"inputs\": {\"pages\": 7, \"copies\": 2}, \"applicant\": {\"categories\": []}}\n"
              "(see docs/fees.md)"},
      {"checklist", "Which papers do I need? Request: {\"procedure\": \"1.001193\", \"channel\": \"online\",\n"
                    "\"answers\": {\"nop-thay\": true}} (see docs/fees.md)"},
      {"form", "Is this draft of a form complete and correct? Request: {\"form\": \"to-khai-dang-ky-khai-sinh\",\n"
               "\"values\": {\"ho-ten\": \"…\"}, \"today\": \"2026-03-02\"} (see docs/forms.md)"},
  };
  for (const auto& [name, help] : engines) {
    // Accept --content on either side: `motcua calc --content X deadline` and `motcua calc deadline --content X`.
    calc->add_subcommand(name, help)
        ->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")
        ->capture_default_str();
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; a wrong command line exits 2 like every other usage error.
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (*calc) return motcua::cli::calc(calc->get_subcommands().front()->get_name(), options);
  if (*build) return motcua::cli::build(options);
  if (*check) return motcua::cli::check(options);
  return 2;
}
