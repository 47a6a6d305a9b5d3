// Fuzz target: the search engine (core/src/search/), on the shipped catalog's index.
//
// Input: a first byte choosing what is fuzzed, then
//   'q' QUERY '\n' OPTIONS   a query and its options ("limit=5&level=xa&partial=1") against
//                            (a) every part and (b) only the head and a few parts, offline;
//   'p' N TEXT               part N of the index replaced by TEXT (a damaged cached part),
//                            then a few queries offline;
//   'h' TEXT                 "motcua-search 2\n" TEXT as the head (a damaged head: counts,
//                            part names), then a few queries offline.
// Invariants: no crash; results best first, within the limit, each with a URL; the same
// query gives the same answer twice; with every part at hand nothing is missing; offline
// (partial) nothing is ever "missing" (only "unavailable"); the reply is one JSON object.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "motcua/catalog_loader.h"
#include "motcua/search.h"
#include "motcua/search_index.h"

using motcua::fuzz::excerpt;

namespace {

struct Fixture {
  motcua::SearchIndexFiles index;
  std::vector<std::string> names;  // parts by name, head first
  std::unique_ptr<motcua::SearchEngine> all;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    // The shipped content with the hand-checked procedures (the province catalogs name them)
    // and every eighth other one: the real shape of the index, loaded in a second even
    // under the sanitizers.
    std::map<std::string, std::string> files = motcua::fuzz::read_content("content");
    // The essential-services list names procedures this subset drops; search does not read it.
    files.erase("essential-services.json");
    std::size_t n = 0;
    for (auto it = files.begin(); it != files.end();) {
      const std::string& path = it->first;
      if (path.rfind("procedures/", 0) == 0) {
        const std::string dir = path.substr(0, path.find('/', 11) + 1);
        const auto proc = files.find(dir + "procedure.json");
        const bool reviewed = proc != files.end() && proc->second.find("\"status\": \"reviewed\"") != std::string::npos;
        const bool keep = reviewed || std::hash<std::string>{}(dir) % 8 == 0;
        if (!keep) {
          it = files.erase(it);
          continue;
        }
        n += path == dir + "procedure.json" ? 1 : 0;
      }
      ++it;
    }
    motcua::Diagnostics diags;
    const motcua::Catalog c = motcua::load_catalog(motcua::fuzz::to_files(files), "content/", diags);
    if (diags.has_errors() || n < 100) motcua::fuzz::fail("the shipped content loads", std::to_string(n) + " procedures");
    x.index = motcua::build_search_index(c);
    x.all = std::make_unique<motcua::SearchEngine>();
    for (const motcua::OutputFile& p : x.index.parts) {
      x.names.push_back(p.path.substr(7));
      std::string error;
      if (!x.all->add_part(x.names.back(), p.bytes, error)) motcua::fuzz::fail("every part loads", error);
    }
    return x;
  }();
  return f;
}

void check_reply(const std::string& query, const motcua::SearchOptions& o, const motcua::SearchReply& r,
                 bool complete) {
  const std::string at = "query \"" + excerpt(query, 120) + "\"";
  if (complete) FUZZ_CHECK(r.missing.empty() && !r.incomplete, at);
  if (o.partial) FUZZ_CHECK(r.missing.empty(), at);
  if (r.missing.empty()) {
    FUZZ_CHECK(static_cast<int>(r.results.size()) <= o.limit, at);
    for (std::size_t i = 0; i < r.results.size(); ++i) {
      FUZZ_CHECK(!r.results[i].url.empty() && !r.results[i].name.empty(), at);
      if (i > 0) FUZZ_CHECK(r.results[i - 1].score >= r.results[i].score, at);
    }
  }
  const nlohmann::json j = nlohmann::json::parse(motcua::SearchEngine::reply_json(query, r, true), nullptr, false);
  FUZZ_CHECK(j.is_object() && j["results"].is_array(), at);
}

}  // namespace

// The index is built before the first input, so no input's time counts building it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Fixture& f = fixture();
  if (size < 2) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 'q') {
    const std::size_t nl = input.find('\n');
    const std::string query = input.substr(0, nl);
    motcua::SearchOptions o = motcua::parse_search_options(nl == std::string::npos ? "" : input.substr(nl + 1));
    o.partial = false;
    const motcua::SearchReply r = f.all->search(query, o);
    check_reply(query, o, r, true);
    const motcua::SearchReply again = f.all->search(query, o);
    FUZZ_CHECK(motcua::SearchEngine::reply_json(query, r, true) == motcua::SearchEngine::reply_json(query, again, true),
               "the same query twice: " + excerpt(query, 120));
    // Offline with the head and a handful of parts.
    motcua::SearchEngine few;
    std::string error;
    for (std::size_t i = 0; i < f.names.size() && i < 1 + (query.size() % 7); ++i) {
      few.add_part(f.names[i * 5 % f.names.size()], f.index.parts[i * 5 % f.names.size()].bytes, error);
    }
    o.partial = true;
    check_reply(query, o, few.search(query, o), false);
    o.partial = false;
    check_reply(query, o, few.search(query, o), false);
  } else if (data[0] == 'p' && !input.empty()) {
    const std::size_t n = 1 + static_cast<unsigned char>(input[0]) % (f.names.size() - 1);
    motcua::SearchEngine e;
    std::string error;
    e.add_part(f.names[0], f.index.parts[0].bytes, error);
    const bool accepted = e.add_part(f.names[n], input.substr(1), error);
    FUZZ_CHECK(accepted || !error.empty(), "a refused part says why: " + f.names[n]);
    for (std::size_t i = 1; i < f.names.size(); i += 3) e.add_part(f.names[i], f.index.parts[i].bytes, error);
    motcua::SearchOptions o;
    o.partial = true;
    for (const char* q : {"khai sinh", "dang ky thuong tru", "sổ đỏ", "1.001193", "giay phep xay dung"}) {
      check_reply(q, o, e.search(q, o), false);
    }
  } else if (data[0] == 'h') {
    motcua::SearchEngine e;
    std::string error;
    const bool accepted = e.add_part("head.txt", "motcua-search 2\n" + input, error);
    FUZZ_CHECK(accepted || !error.empty(), "a refused head says why");
    FUZZ_CHECK(accepted == e.has_head(), "a head is loaded exactly when it is accepted");
    if (accepted) {
      motcua::SearchOptions o;
      o.partial = true;
      for (const char* q : {"khai sinh", "sổ đỏ", "1.001193"}) check_reply(q, o, e.search(q, o), false);
    }
  }
  return 0;
}
