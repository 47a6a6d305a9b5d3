// The search engine (core/src/search/, docs/search.md): Vietnamese matching, ranking,
// filters, the parts protocol the browser relies on, and the relevance set on the real
// catalog.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "motcua/catalog_loader.h"
#include "motcua/search.h"
#include "motcua/search_index.h"

using namespace motcua;

namespace {

Procedure proc(const std::string& code, const std::string& name, std::vector<Level> levels = {Level::xa},
               const std::string& field = "ho-tich") {
  Procedure p;
  p.code = code;
  p.name = name;
  p.levels = std::move(levels);
  p.field = field;
  p.status = ReviewStatus::imported;
  return p;
}

Catalog catalog_of(std::vector<Procedure> procedures) {
  Catalog c;
  c.fields = {{"ho-tich", "Hộ tịch", ""}, {"dat-dai", "Đất đai", ""}, {"tu-phap", "Tư pháp", ""}};
  std::sort(procedures.begin(), procedures.end(), [](const Procedure& a, const Procedure& b) { return a.code < b.code; });
  c.procedures = std::move(procedures);
  c.index();
  return c;
}

// An engine holding every part of the catalog's index, as `motcua search` does.
struct Loaded {
  SearchIndexFiles files;
  SearchEngine engine;
};

std::unique_ptr<Loaded> load_all(const Catalog& c) {
  auto l = std::make_unique<Loaded>();
  l->files = build_search_index(c);
  for (const OutputFile& f : l->files.parts) {
    std::string error;
    INFO(f.path);
    REQUIRE(l->engine.add_part(f.path.substr(7), f.bytes, error));
    CHECK(error.empty());
  }
  return l;
}

std::vector<std::string> codes(const SearchReply& r) {
  std::vector<std::string> out;
  for (const SearchHit& h : r.results) out.push_back(h.code);
  return out;
}

std::vector<std::string> top(const SearchEngine& e, const std::string& q, SearchOptions o = {}) {
  const SearchReply r = e.search(q, o);
  CHECK(r.missing.empty());
  return codes(r);
}

// The first result's code, "" when there is none.
std::string first(const SearchEngine& e, const std::string& q, SearchOptions o = {}) {
  const std::vector<std::string> r = top(e, q, o);
  return r.empty() ? "" : r.front();
}

const Catalog& shipped_catalog() {
  static const Catalog c = [] {
    Diagnostics d;
    Catalog loaded = load_catalog(test::read_folder("content"), "content/", d);
    REQUIRE_FALSE(d.has_errors());
    return loaded;
  }();
  return c;
}

const SearchEngine& shipped_engine() {
  static const std::unique_ptr<Loaded> l = load_all(shipped_catalog());
  return l->engine;
}

}  // namespace

TEST_CASE("syllables: marks folded, tone placement and i/y normalised", "[search]") {
  auto one = [](const std::string& s) {
    const auto v = search_syllables(s);
    REQUIRE(v.size() == 1);
    return v[0];
  };
  CHECK(one("Đăng").folded == "dang");
  CHECK(one("hoà").marked == one("hòa").marked);    // old and new tone placement
  CHECK(one("thuỷ").marked == one("thủy").marked);
  CHECK(one("kí").marked == one("ký").marked);      // i/y
  CHECK(one("lí").folded == one("lý").folded);
  CHECK(one("quy").folded == "quy");                // y after a vowel stays
  CHECK(one("hòa").marked != one("hóa").marked);    // different tones stay different
  CHECK(one("hoa").has_marks == false);
  CHECK(one("hóa").has_marks);
  // Decomposed input (pasted from Word) is the same word.
  CHECK(one("kh\x61\xcc\x81m").marked == one("khám").marked);
  const auto words = search_syllables("Thẻ CCCD, 1.001193 (mới)");
  REQUIRE(words.size() == 5);
  CHECK(words[1].folded == "cccd");
  CHECK(words[2].folded == "1");
  CHECK(words[3].folded == "001193");
}

TEST_CASE("matching: folded, adjacent syllables, typos, not every word", "[search]") {
  const Catalog c = catalog_of({proc("1.000001", "Đăng ký khai sinh"),
                                proc("1.000002", "Khai báo tạm vắng cho người sinh sống ở nơi khác"),
                                proc("1.000003", "Cấp Phiếu lý lịch tư pháp", {Level::tinh}, "tu-phap"),
                                proc("1.000004", "Hòa giải tranh chấp đất đai", {Level::xa}, "dat-dai"),
                                proc("1.000005", "Cấp hóa đơn điện tử", {Level::xa}, "dat-dai"),
                                proc("1.000006", "Đăng ký thường trú")});
  auto l = load_all(c);
  const SearchEngine& e = l->engine;
  SECTION("without diacritics, d for đ") {
    CHECK(first(e, "dang ky khai sinh") == "1.000001");
    CHECK(first(e, "DANG KY THUONG TRU") == "1.000006");
  }
  SECTION("a pair of syllables side by side beats the same words apart") {
    const auto r = top(e, "khai sinh");
    REQUIRE(r.size() >= 2);
    CHECK(r[0] == "1.000001");
    CHECK(r[1] == "1.000002");
  }
  SECTION("one edit on a syllable of 4+ letters; i/y and tone placement") {
    CHECK(first(e, "khai sinhh") == "1.000001");
    CHECK(first(e, "khai snh") == "1.000001");
    CHECK(first(e, "tư páp") == "1.000003");
    CHECK(first(e, "đăng kí khai sinh") == "1.000001");
    CHECK(first(e, "lí lịch tư pháp") == "1.000003");
    CHECK(first(e, "hoà giải") == "1.000004");
  }
  SECTION("syllables typed without their spaces") {
    CHECK(first(e, "khaisinh") == "1.000001");
    CHECK(first(e, "dangkythuongtru") == "1.000006");
    CHECK(first(e, "lilichtuphap") == "1.000003");
  }
  SECTION("exact diacritics above folded ones") {
    CHECK(first(e, "hóa") == "1.000005");
    CHECK(first(e, "hòa") == "1.000004");
    CHECK(top(e, "hoa").size() == 2);  // typed without marks: both
  }
  SECTION("a word no procedure has does not empty the answer") {
    CHECK(first(e, "khai sinh xyzqwv") == "1.000001");
    CHECK(top(e, "xyzqwv").empty());
    CHECK(top(e, "").empty());
    CHECK(top(e, "!!! ???").empty());
  }
}

TEST_CASE("ranking: name, then keywords, then papers and steps; common first; procedures before lists",
          "[search]") {
  Procedure in_name = proc("1.000001", "Cấp giấy chứng nhận lưu hành tự do");
  Procedure in_result = proc("1.000002", "Thủ tục A");
  in_result.results.push_back({"Giấy chứng nhận lưu hành", ""});
  Procedure in_paper = proc("1.000003", "Thủ tục B");
  DossierItem item;
  item.name = "Bản sao giấy chứng nhận lưu hành";
  in_paper.dossier.push_back(item);
  Procedure ministry = proc("1.000004", "Đăng ký kết hôn", {Level::bo});
  Procedure commune = proc("1.000005", "Đăng ký kết hôn", {Level::xa});
  const Catalog c = catalog_of({in_name, in_result, in_paper, ministry, commune});
  auto l = load_all(c);
  CHECK(top(l->engine, "chứng nhận lưu hành") == std::vector<std::string>{"1.000001", "1.000002", "1.000003"});
  CHECK(first(l->engine, "ket hon") == "1.000005");  // the commune's, used every day
  // The field's list page is found, after the procedures of that field.
  const SearchReply r = l->engine.search("ho tich", {});
  REQUIRE_FALSE(r.results.empty());
  CHECK(r.results.back().code.empty());
  CHECK(r.results.back().url == "linh-vuc/ho-tich/");
}

TEST_CASE("question words count little; synonyms find what people call things", "[search]") {
  Catalog c = catalog_of({proc("1.000001", "Đăng ký khai sinh"), proc("1.000002", "Cấp thẻ căn cước"),
                          proc("1.000003", "Giải quyết khiếu nại về những gì cần làm ở đâu")});
  c.search.question_words = {{"cần", 0.1}, {"gì", 0.05}, {"làm", 0.3}, {"ở", 0.1}, {"đâu", 0.05},
                             {"những", 0.1}, {"cho", 0.2}};
  c.search.synonyms.push_back({{"CCCD", "căn cước công dân"}, {"thẻ căn cước"}, "abbreviation", "Luật Căn cước 2023", ""});
  auto l = load_all(c);
  CHECK(first(l->engine, "làm giấy khai sinh cho con cần những gì") == "1.000001");
  const SearchReply r = l->engine.search("làm CCCD ở đâu", {});
  REQUIRE_FALSE(r.results.empty());
  CHECK(r.results.front().code == "1.000002");
  CHECK(r.note == "thẻ căn cước");
  // A query of question words alone still searches them.
  CHECK_FALSE(top(l->engine, "cần gì").empty());
}

TEST_CASE("filters and a province's own versions", "[search]") {
  Procedure a = proc("1.000001", "Đăng ký khai sinh", {Level::xa});
  a.boundary_independent = true;
  a.full_online = true;
  Procedure b = proc("1.000002", "Đăng ký khai sinh có yếu tố nước ngoài", {Level::tinh});
  Procedure d = proc("1.000003", "Đăng ký đất đai", {Level::xa}, "dat-dai");
  Procedure m = proc("1.000004", "Đăng ký hoạt động của văn phòng đại diện", {Level::bo});
  Catalog c = catalog_of({a, b, d, m});
  ProvinceCatalog pc;
  pc.slug = "lai-chau";
  CatalogEntry e;
  e.procedure = "1.000002";
  e.overrides.note = "Nhận cả sáng thứ Bảy.";  // a local fact: Lai Châu has its own version
  pc.catalog.push_back(e);
  c.province_catalogs.push_back(pc);
  c.provinces.push_back({"12", "lai-chau", "Lai Châu", "tinh", {}, true});
  c.index();
  auto l = load_all(c);
  const SearchEngine& eng = l->engine;
  SearchOptions o;
  o.level = "tinh";
  CHECK(top(eng, "dang ky", o) == std::vector<std::string>{"1.000002"});
  o = {};
  o.field = "dat-dai";
  CHECK(top(eng, "dang ky", o) == std::vector<std::string>{"1.000003"});
  o = {};
  o.boundary_independent = true;
  CHECK(top(eng, "dang ky", o) == std::vector<std::string>{"1.000001"});
  o = {};
  o.full_online = true;
  CHECK(top(eng, "dang ky", o) == std::vector<std::string>{"1.000001"});
  // A province keeps what can be done there: its catalog first, then what its province and
  // communes handle; not what only a ministry does.
  o = {};
  o.province = "lai-chau";
  const std::vector<std::string> in_province = top(eng, "dang ky", o);
  REQUIRE(in_province.size() == 3);
  CHECK(in_province.front() == "1.000002");
  CHECK(std::find(in_province.begin(), in_province.end(), "1.000004") == in_province.end());
  // A filter never fills its list with what does not answer the query.
  o = {};
  o.level = "tinh";
  CHECK(top(eng, "đất đai", o).empty());
  // On Lai Châu's pages its version comes first and links to its own page.
  o = {};
  o.here = "lai-chau";
  const SearchReply r = eng.search("khai sinh", o);
  REQUIRE(r.results.size() == 2);
  CHECK(r.results[0].code == "1.000002");
  CHECK(r.results[0].url == "lai-chau/thu-tuc/1.000002/");
  CHECK(r.results[0].local);
  CHECK(r.results[1].url == "thu-tuc/1.000001/");
  CHECK(parse_search_options("limit=5&level=xa&boundary=1&online=1&province=lai-chau&partial=1").limit == 5);
  CHECK(parse_search_options("limit=5000").limit == 100);
}

TEST_CASE("parts: a query names what it needs, and answers offline with what it has", "[search]") {
  const Catalog& c = shipped_catalog();
  const SearchIndexFiles files = build_search_index(c);
  std::map<std::string, std::string> by_name;
  for (const OutputFile& f : files.parts) by_name[f.path.substr(7)] = f.bytes;
  SearchEngine e;
  std::string error;
  const std::string head = files.head.substr(7);
  // Parts before the head, or from another index, are refused with a reason.
  CHECK_FALSE(e.add_part("t0.x.txt", "a\t1\t\tg\t\t\n", error));
  CHECK(error == "the head must come first");
  REQUIRE(e.add_part(head, by_name.at(head), error));
  CHECK_FALSE(e.add_part("t0.0000000000.txt", "", error));
  CHECK(error.find("not a part of this index") != std::string::npos);
  CHECK(e.part_names().size() + 1 == files.parts.size());

  // Online: fetch what is missing until the answer comes; a handful of rounds at most.
  std::size_t fetched = 0;
  SearchReply r;
  for (int round = 0; round < 6; ++round) {
    r = e.search("dang ky khai sinh", {});
    if (r.missing.empty()) break;
    for (const std::string& name : r.missing) {
      REQUIRE(by_name.count(name));
      REQUIRE(e.add_part(name, by_name.at(name), error));
      ++fetched;
    }
  }
  REQUIRE(r.missing.empty());
  REQUIRE_FALSE(r.results.empty());
  CHECK(r.results.front().code == "1.001193");
  CHECK_FALSE(r.incomplete);
  CHECK(fetched < 12);  // a few shards and blocks, not the index

  // Offline: what is at hand answers; what is not is named.
  SearchOptions offline;
  offline.partial = true;
  const SearchReply partial = e.search("giấy phép xây dựng", offline);
  CHECK(partial.missing.empty());
  CHECK(partial.incomplete);
  CHECK_FALSE(partial.unavailable.empty());
  const SearchReply again = e.search("dang ky khai sinh", offline);  // all its parts are here
  CHECK_FALSE(again.incomplete);
  CHECK(again.results.front().code == "1.001193");

  // A damaged part is refused, naming it.
  SearchEngine e2;
  REQUIRE(e2.add_part(head, by_name.at(head), error));
  const std::string shard = e2.part_names().front();
  CHECK_FALSE(e2.add_part(shard, "khai\tx\t\t!!\t\t\n", error));
  CHECK(error.find(shard) == 0);
}

TEST_CASE("parts: each is named by its bytes, so one edit renames only the parts it changes", "[search]") {
  const SearchIndexFiles before = build_search_index(shipped_catalog());
  // The head has one name whatever the content; every other part is "<stem>.<hash>.txt",
  // the hash of its own bytes, and the head lists exactly those names.
  REQUIRE(before.head == "search/head.txt");
  REQUIRE(before.parts.front().path == before.head);
  auto by_stem = [](const SearchIndexFiles& files) {
    std::map<std::string, std::string> out;  // stem -> path
    for (std::size_t i = 1; i < files.parts.size(); ++i) {
      const std::string name = files.parts[i].path.substr(7);  // "t3.<hash>.txt"
      const std::size_t dot = name.find('.');
      const std::string hash = name.substr(dot + 1, name.size() - dot - 5);
      CHECK(name.substr(dot + 1) == hash + ".txt");
      CHECK(hash.size() == 5);
      CHECK(hash.find_first_not_of("0123456789abcdefghijklmnopqrstuv") == std::string::npos);
      CHECK(out.emplace(name.substr(0, dot), files.parts[i].path).second);
    }
    return out;
  };
  const std::map<std::string, std::string> old_parts = by_stem(before);
  SearchEngine e;
  std::string error;
  REQUIRE(e.add_part("head.txt", before.parts.front().bytes, error));
  CHECK(e.part_names().size() == old_parts.size());
  for (const std::string& name : e.part_names()) {
    CHECK(old_parts.at(name.substr(0, name.find('.'))) == "search/" + name);
  }

  // One procedure's name edited.
  Catalog edited = shipped_catalog();
  const auto p = std::find_if(edited.procedures.begin(), edited.procedures.end(),
                              [](const Procedure& x) { return x.code == "1.001193"; });
  REQUIRE(p != edited.procedures.end());
  p->name = "Đăng ký khai sinh cho trẻ em";
  edited.index();
  const SearchIndexFiles after = build_search_index(edited);
  CHECK(after.head == before.head);
  CHECK(after.parts.front().bytes != before.parts.front().bytes);  // name lengths are in the head
  const std::map<std::string, std::string> new_parts = by_stem(after);
  REQUIRE(new_parts.size() == old_parts.size());
  std::size_t renamed = 0;
  std::map<std::string, std::string> old_bytes, new_bytes;  // path -> bytes
  for (const OutputFile& f : before.parts) old_bytes[f.path] = f.bytes;
  for (const OutputFile& f : after.parts) new_bytes[f.path] = f.bytes;
  for (const auto& [stem, path] : new_parts) {
    // Same bytes, same name; other bytes, another name.
    CHECK((old_parts.at(stem) == path) == (old_bytes.at(old_parts.at(stem)) == new_bytes.at(path)));
    renamed += old_parts.at(stem) != path ? 1 : 0;
  }
  // Its block of names, the shards of "cho", "trẻ", "em" and the pairs they make, and the
  // parts that number the few documents it moved past in name order: a few, not all.
  CHECK(renamed > 0);
  CHECK(renamed * 10 < new_parts.size());

  // The new head and the parts it names answer with the new name.
  SearchEngine fresh;
  std::map<std::string, std::string> bytes;
  for (const OutputFile& f : after.parts) bytes[f.path.substr(7)] = f.bytes;
  REQUIRE(fresh.add_part("head.txt", bytes.at("head.txt"), error));
  for (const std::string& name : fresh.part_names()) REQUIRE(fresh.add_part(name, bytes.at(name), error));
  const SearchReply r = fresh.search("khai sinh cho trẻ em", {});
  REQUIRE_FALSE(r.results.empty());
  CHECK(r.results.front().code == "1.001193");
  CHECK(r.results.front().name == "Đăng ký khai sinh cho trẻ em");
  // An old part is not one of the new index's.
  for (const auto& [stem, path] : old_parts) {
    if (new_parts.at(stem) == path) continue;
    CHECK_FALSE(fresh.add_part(path.substr(7), "", error));
    CHECK(error.find("not a part of this index") != std::string::npos);
    break;
  }
}

TEST_CASE("the reply as JSON", "[search]") {
  SearchReply r;
  SearchHit h;
  h.code = "1.000001";
  h.name = "Tên \"có\" ngoặc\\";
  h.url = "thu-tuc/1.000001/";
  h.score = 12.3456;
  r.results.push_back(h);
  const auto j = nlohmann::json::parse(SearchEngine::reply_json("q \"x\"", r, false));
  CHECK(j["query"] == "q \"x\"");
  CHECK(j["results"][0]["name"] == "Tên \"có\" ngoặc\\");
  CHECK(j["results"][0]["score"].get<double>() == Approx(12.346));
  CHECK_FALSE(j.contains("missing"));
}

TEST_CASE("the real catalog: what citizens type finds the procedure they mean", "[search][relevance]") {
  const SearchEngine& e = shipped_engine();
  CHECK(first(e, "khai sinh") == "1.001193");
  CHECK(first(e, "khai sinhh") == "1.001193");
  CHECK(first(e, "Đăng ký khai sinh") == "1.001193");
  CHECK(first(e, "1.001193") == "1.001193");  // a code pasted from a paper

  // The relevance set (tests/search/queries.json, written from how citizens type, not
  // from the engine): hits in the top 3 must not fall below the recorded minimum.
  const auto set = nlohmann::json::parse(test::read_text(test::source_path("tests/search/queries.json")));
  const auto floor = nlohmann::json::parse(test::read_text(test::source_path("tests/search/minimum.json")));
  std::size_t hits = 0;
  std::map<std::string, std::pair<int, int>> by_kind;
  std::string misses;
  for (const auto& q : set["queries"]) {
    SearchOptions o;
    o.limit = 3;
    const std::vector<std::string> got = top(e, q["q"].get<std::string>(), o);
    bool hit = false;
    for (const auto& code : q["expect"]) hit = hit || std::find(got.begin(), got.end(), code.get<std::string>()) != got.end();
    hits += hit ? 1 : 0;
    auto& k = by_kind[q["kind"].get<std::string>()];
    k.first += hit ? 1 : 0;
    k.second += 1;
    if (!hit) misses += "\n  " + q["q"].get<std::string>();
  }
  std::string kinds;
  for (const auto& k : by_kind) kinds += " " + k.first + " " + std::to_string(k.second.first) + "/" + std::to_string(k.second.second);
  INFO("hits in the top 3: " << hits << "/" << set["queries"].size() << ";" << kinds << "\nmissed:" << misses);
  CHECK(set["queries"].size() >= 60);
  CHECK(hits >= floor["top3"].get<std::size_t>());
  WARN("relevance set: " << hits << "/" << set["queries"].size() << " in the top 3;" << kinds);
}
