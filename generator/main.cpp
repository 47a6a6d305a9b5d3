// motcua: publishes the catalog of administrative procedures as a static site.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "import_csv.h"
#include "import_portal.h"
#include "motcua/format.h"

namespace {

// A real calendar day written YYYY-MM-DD (--date).
CLI::Validator date_validator() {
  return CLI::Validator(
      [](std::string& value) {
        return motcua::is_valid_date(value) ? std::string()
                                            : "\"" + value + "\" is not a date: write it as YYYY-MM-DD, e.g. 2027-01-01";
      },
      "DATE");
}

}  // namespace

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
                    "Folder with the WebAssembly core (motcua.js, motcua.wasm, motcua-forms.wasm) for the offline tools;\n"
                    "\"\" builds the site without them")
      ->capture_default_str();
  build->add_option("-j,--jobs", options.jobs,
                    "Threads rendering pages (default: every core); the site is the same, byte for byte, with any")
      ->check(CLI::Range(1, 256));
  build->add_flag("!--no-precompress", options.precompress,
                  "Do not write NAME.gz and NAME.br beside every text file (written by default, for hosts that\n"
                  "serve precompressed files: see \"Publishing\" in the README)");
  build->add_flag("-v,--verbose", options.verbose, "Print the time taken by each step");
  build->add_option("--date", options.date,
                    "The day the site shows (YYYY-MM-DD, default: today in Vietnam): the procedures and catalog\n"
                    "entries in force that day (effective_from / effective_until), the changes to come announced\n"
                    "on their pages and at /thay-doi/; preview any day of a decision before it takes effect")
      ->check(date_validator());

  motcua::cli::ServeOptions serve_options;
  serve_options.build.templates_dir = MOTCUA_DEFAULT_TEMPLATES;
  serve_options.build.wasm_dir = MOTCUA_DEFAULT_WASM;
  CLI::App* serve = app.add_subcommand(
      "serve", "Preview the site before it is published: build it in memory and serve it at\n"
               "http://127.0.0.1:PORT/, rebuilding it whenever a file of the content, the templates or --wasm\n"
               "changes (only the changed procedures' pages are rendered again), and reloading the open page.\n"
               "Every page carries the banner \"BẢN XEM TRƯỚC — chưa công bố\". While the content has errors, the\n"
               "last good site stays browsable with the errors (file:line:column) shown on top of every page.\n"
               "Nothing is written to disk. Ctrl+C stops it");
  serve->add_option("--content", serve_options.build.content_dir, "Content folder (see docs/content.md)")
      ->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port to listen on; 0 picks a free one (printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--host", serve_options.host,
                    "Address to listen on. The default is this machine only; 0.0.0.0 opens the preview to the\n"
                    "network (a colleague's phone), with a warning")
      ->capture_default_str();
  serve->add_option("--templates", serve_options.build.templates_dir, "Templates and static assets folder")
      ->capture_default_str();
  serve->add_option("--wasm", serve_options.build.wasm_dir,
                    "Folder with the WebAssembly core; \"\" previews the site without the offline tools")
      ->capture_default_str();
  serve->add_option("--date", serve_options.build.date,
                    "The day the preview shows (YYYY-MM-DD, default: today in Vietnam), as build --date")
      ->check(date_validator());
  serve->add_option("-j,--jobs", serve_options.build.jobs, "Threads rendering pages (default: every core)")
      ->check(CLI::Range(1, 256));

  motcua::cli::DiffOptions diff_options;
  CLI::App* diff = app.add_subcommand(
      "diff", "What changed between two versions of the content, in words for the draft decision: procedures\n"
              "added, abolished and amended, each amendment field by field (\"Lệ phí trực tiếp: 10.000 đồng →\n"
              "15.000 đồng\", \"Thêm giấy tờ: …\"), and per province its catalog entries, overrides, center and\n"
              "communes. OLD and NEW are content folders, or git revisions of the repository holding --content\n"
              "(e.g. `motcua diff HEAD~1 HEAD`, `motcua diff main content`). Exit 0: no change; 1: changes;\n"
              "2: a side cannot be read or has errors");
  diff->add_option("OLD", diff_options.old_side, "The version before: a content folder or a git revision")->required();
  diff->add_option("NEW", diff_options.new_side, "The version after: a content folder or a git revision")->required();
  diff->add_option("--content", diff_options.content_dir,
                   "The content folder inside the git repository, for revisions")
      ->capture_default_str();
  diff->add_flag("--json", diff_options.json,
                 "Print the changes as JSON: {\"changed\", \"summary\", \"procedures\": [{\"code\", \"change\",\n"
                 "\"changes\": [{\"field\", \"label\", \"before\", \"after\", \"text\"}]}], \"provinces\", \"other\"}");
  diff->add_option("--date", diff_options.date,
                   "Compare both sides as in force that day (YYYY-MM-DD; default: today, or the last day a side\n"
                   "changes on when content is dated ahead, said on stderr)")
      ->check(date_validator());
  diff->add_option("--html", diff_options.html,
                   "Also write the report as an HTML page (printable on A4) to attach to the draft decision")
      ->type_name("FILE");

  motcua::cli::PosterOptions poster_options;
  CLI::App* poster = app.add_subcommand(
      "poster", "The catalog each center posts on its notice board: one printable A4 page per center (the province\n"
                "center and every commune), its procedures grouped by field with code, name, deadline, fee and how\n"
                "to submit, and a QR code to each procedure's page at --base-url. Written into --out with the rules\n"
                "of `build --out` (a new or empty folder, or one motcua wrote; replaced in one step)");
  poster->add_option("--content", poster_options.content_dir, "Content folder (see docs/content.md)")
      ->capture_default_str();
  poster->add_option("--out", poster_options.out_dir, "Output folder for the pages")->capture_default_str();
  poster->add_option("--base-url", poster_options.base_url,
                     "Address the site is published at, e.g. https://tthc.laichau.gov.vn/: the QR codes lead there")
      ->required();
  poster->add_option("--province", poster_options.province, "Only this province's centers (its slug)");
  poster->add_option("--commune", poster_options.commune, "Only this commune's center (its slug)");
  poster->add_option("--date", poster_options.date,
                     "The catalog in force that day (YYYY-MM-DD, default: today in Vietnam): print the notice\n"
                     "board of a decision before its first day")
      ->check(date_validator());

  CLI::App* check = app.add_subcommand("check", "Validate the content and report every problem; write nothing.");
  check->add_option("--content", options.content_dir, "Content folder (see docs/content.md)")->capture_default_str();
  check->add_flag("-v,--verbose", options.verbose, "Print the time taken by each step");
  check->add_flag("--json", options.json,
                  "Print the errors and data-quality warnings as one JSON object on stdout instead of the text on\n"
                  "stderr: "
                  "{\"errors\": [...], \"warnings\": [...], \"warning_counts\": {...}, \"procedures\": N, ...}\n"
                  "(see docs/content.md). The exit code is the same as without it");
  check->add_option("--warnings", options.warnings,
                    "Data-quality warnings (they never change the exit code): all (one line each, then the count\n"
                    "per code), summary (only the counts), none")
      ->check(CLI::IsMember({"all", "summary", "none"}))
      ->capture_default_str();

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

  // `import <source>`: content written from a published source; one sub-subcommand per source.
  CLI::App* import = app.add_subcommand("import", "Write content from a published source (see docs/import.md).");
  import->require_subcommand(1);
  motcua::cli::ImportCsvOptions csv_options;
  CLI::App* import_csv = import->add_subcommand(
      "csv", "Make a province's catalog the list of a \"Quyết định công bố danh mục TTHC\" saved as CSV (UTF-8,\n"
             "',' or ';'): every row's deadline, fee, places and flags with the decision as their source. Every\n"
             "problem is reported as FILE:line:column and nothing is written (exit 1). See docs/import.md");
  import_csv->add_option("FILE", csv_options.file, "The list, saved as CSV UTF-8")->required();
  import_csv->add_option("--province", csv_options.province, "Slug of the province (content/provinces/<slug>/)")
      ->required();
  import_csv->add_option("--content", csv_options.content_dir, "Content folder (see docs/content.md)")
      ->capture_default_str();
  import_csv->add_flag("--sample", csv_options.sample,
                       "Mark every fact written as sample data (Dữ liệu minh họa): the list is not yet checked\n"
                       "against the signed decision");

  motcua::cli::ImportPortalOptions portal_options;
  CLI::App* import_portal = import->add_subcommand(
      "portal", "Write one procedure per National Public Service Portal record (RECORDS_DIR/<ministry>/<code>.json)\n"
                "into the content. Parts that cannot be structured are kept in the source's words with a reason\n"
                "code (shown as \"Chưa rà soát\"). Procedures marked \"status\": \"reviewed\" are never written:\n"
                "the import reports where their record now disagrees. The same records give the same files.\n"
                "Nothing is written when a record or the resulting content has an error (exit 1). See docs/import.md");
  import_portal->add_option("RECORDS_DIR", portal_options.records_dir, "Folder of records, e.g. ../shared/data/national-portal/records")
      ->required();
  import_portal->add_option("--content", portal_options.content_dir, "Content folder (see docs/content.md)")
      ->capture_default_str();
  import_portal->add_option("--date", portal_options.date,
                            "Import date written into changed procedures (YYYY-MM-DD; default: today in Vietnam)");
  import_portal->add_option("--report", portal_options.report,
                            "Also write the whole report as JSON: every flag, change and disagreement");
  import_portal->add_option("--rates", portal_options.rates,
                            "Also write the parse-rate table as Markdown (the project keeps it in docs/import-rates.md)");
  import_portal->add_flag("--dry-run", portal_options.dry_run, "Report what would change; write nothing");

  motcua::cli::SearchCommandOptions search_options;
  CLI::App* search = app.add_subcommand(
      "search", "Find procedures as the site's search box does (same engine, same index; docs/search.md).\n"
                "Prints one JSON object {\"query\", \"results\": [{\"code\", \"name\", \"score\", \"url\"}, …]},\n"
                "best first; exit code 0 even when nothing is found");
  search->add_option("QUERY", search_options.query, "What a citizen types, e.g. \"khai sinh\", \"lam CCCD\"")->required();
  search->add_option("--content", search_options.content_dir, "Content folder (see docs/content.md)")
      ->capture_default_str();
  search->add_option("--limit", search_options.limit, "Results at most (0-100)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  search->add_option("--province", search_options.province,
                     "Slug of a province: its own versions first (linking to its pages), and only what can be\n"
                     "done there (its catalog, and procedures handled at province or commune level)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; a wrong command line exits 2 like every other usage error.
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (*calc) return motcua::cli::calc(calc->get_subcommands().front()->get_name(), options);
  if (*import_csv) return motcua::cli::import_csv(csv_options);
  if (*import_portal) return motcua::cli::import_portal(portal_options);
  if (*build) return motcua::cli::build(options);
  if (*serve) return motcua::cli::serve(serve_options);
  if (*diff) return motcua::cli::diff(diff_options);
  if (*poster) return motcua::cli::poster(poster_options);
  if (*check) return motcua::cli::check(options);
  if (*search) return motcua::cli::search(search_options);
  return 2;
}
