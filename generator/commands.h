#pragma once
#include <string>
#include <vector>

namespace motcua::cli {

struct BuildOptions {
  std::string content_dir = "content";
  std::string out_dir = "site";
  std::string templates_dir;
  std::string wasm_dir;  // holds motcua.js, motcua.wasm and motcua-forms.wasm; empty: build the site without the tools
  std::string base_url = "http://localhost:8000/";
  std::vector<std::string> keep;  // top-level entries of the output folder that survive a build (.git, CNAME)
  bool force = false;             // replace an unmarked site built by an older motcua
  bool verbose = false;
  unsigned jobs = 0;               // build: rendering threads; 0: one per core
  bool precompress = true;         // build: NAME.gz and NAME.br beside every text file
  bool json = false;               // check: print errors and warnings as one JSON object on stdout
  std::string warnings = "all";    // check: "all" (each warning, then counts), "summary" (counts), "none"
  std::string date;  // the day whose catalog is shown (effective dates, YYYY-MM-DD); empty: today in Vietnam
};

// The day a command shows the catalog of: options.date, else today in Vietnam.
std::string shown_date(const BuildOptions& options);

// Each command returns the process exit code: 0 success, 1 content errors,
// 2 a problem with the command line or the filesystem.
int build(const BuildOptions& options);
// Data-quality warnings (core/include/motcua/quality.h) never change the exit code.
int check(const BuildOptions& options);
// Reads a JSON request on stdin, prints the JSON result; 1 when the request is wrong or the
// content has errors (the reply is then a JSON error naming the first one), 2 when the
// content cannot be read.
int calc(const std::string& engine, const BuildOptions& options);

struct SearchCommandOptions {
  std::string content_dir = "content";
  int limit = 10;
  std::string province;  // this province's versions first, and only what can be done there
  std::string query;
};

// Prints {"query": …, "results": [{"code","name","score","url",…}]}, best first, with the same
// engine and index the site ships; 0 even with no result, 1 when the content has errors.
int search(const SearchCommandOptions& options);

struct DiffOptions {
  std::string old_side, new_side;  // content folders, or git revisions of the repository holding content_dir
  std::string content_dir = "content";
  bool json = false;
  std::string html;  // also write the HTML report there
  std::string date;  // compare both sides as in force that day (default: today, or the last day of change ahead)
};

// Prints what changed from old_side to new_side (text, or JSON with --json); 0 when nothing
// changed, 1 when something did, 2 when a side cannot be read or has content errors.
int diff(const DiffOptions& options);

struct PosterOptions {
  std::string content_dir = "content";
  std::string out_dir = "niem-yet";
  std::string base_url;  // where the site is published: the QR codes lead there
  std::string province;  // only this province's centers
  std::string commune;   // only this commune's center
  std::string date;      // the catalog in force that day (default: today in Vietnam)
};

// Writes the posted catalog of every center (or of --province / --commune) into out_dir, one
// printable A4 page each; 0, 1 for content errors, 2 for the command line or the folder.
int poster(const PosterOptions& options);

struct ServeOptions {
  BuildOptions build;  // content, templates, wasm folders and --jobs
  std::string host = "127.0.0.1";
  int port = 8000;     // 0: any free port (printed)
};

// Builds the site in memory and serves it at http://HOST:PORT/ until SIGINT or SIGTERM,
// rebuilding when the content, templates or wasm files change. 2 when the port cannot be had.
int serve(const ServeOptions& options);

}  // namespace motcua::cli
