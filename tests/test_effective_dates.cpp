// Effective dates (docs/content.md "Effective dates"): a decision amends a procedure, abolishes
// one, publishes a new one and changes a province's entry, all from 1 January 2027. The site
// built on the day before shows today's catalog and announces the changes; the site built on
// the day shows the new one; the changes page and the Atom feed list them either way.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "fixtures.h"
#include "motcua/catalog_diff.h"

using namespace motcua;
using nlohmann::ordered_json;

namespace {

const std::string kDay = "2027-01-01";
const std::string kBefore = "2026-12-31";

ordered_json parse(const std::string& text) { return ordered_json::parse(text); }
std::string dump(const ordered_json& j) { return j.dump(2) + "\n"; }

// The basic fixture with one decision's changes, all in force from kDay.
test::FileMap decided() {
  test::FileMap files = test::to_map(test::read_folder("tests/sites/basic/content"));
  // Amended: a new version of 2.000003, 3 → 2 working days, in its dated folder.
  ordered_json amended = parse(files.at("procedures/2.000003/procedure.json"));
  for (ordered_json& c : amended["channels"]) c["deadline"]["value"] = 2;
  amended["effective_from"] = kDay;
  files["procedures/2.000003/" + kDay + "/procedure.json"] = dump(amended);
  // Abolished: 2.000002 is in force until the day before.
  ordered_json abolished = parse(files.at("procedures/2.000002/procedure.json"));
  abolished["effective_until"] = kBefore;
  files["procedures/2.000002/procedure.json"] = dump(abolished);
  // New: 2.000004, published from the day.
  ordered_json added = parse(files.at("procedures/2.000003/procedure.json"));
  added["code"] = "2.000004";
  added["name"] = "Thông báo thay đổi số điện thoại liên hệ";
  added["effective_from"] = kDay;
  files["procedures/2.000004/procedure.json"] = dump(added);
  // The province's entry of 1.000001: from the day, with a note of its own.
  ordered_json province = parse(files.at("provinces/tinh-mau/province.json"));
  ordered_json& first = province["catalog"][0];
  REQUIRE(first["procedure"] == "1.000001");
  first["effective_until"] = kBefore;
  province["catalog"].push_back({{"procedure", "1.000001"},
                                 {"effective_from", kDay},
                                 {"overrides", {{"note", "Từ năm 2027 Tỉnh Mẫu trả kết quả qua bưu chính miễn phí."}}}});
  files["provinces/tinh-mau/province.json"] = dump(province);
  return files;
}

struct Site {
  Catalog catalog;
  std::map<std::string, std::string> files;
};

Site build_on(const test::FileMap& content, const std::string& date) {
  Site site;
  Diagnostics diags;
  site.catalog = load_catalog(test::to_files(content), "content/", diags);
  INFO((diags.items().empty() ? "" : format_diagnostic(diags.items().front())));
  REQUIRE_FALSE(diags.has_errors());
  site.catalog.select_date(date);
  SiteOptions options;
  options.base_url = "https://tthc.example.gov.vn/mot-cua/";
  for (OutputFile& f : render_site(site.catalog, test::read_folder("templates"), options, diags)) {
    site.files[f.path] = std::move(f.bytes);
  }
  REQUIRE_FALSE(diags.has_errors());
  return site;
}

bool has(const Site& s, const std::string& path) { return s.files.count(path) == 1; }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> errors_of(const test::FileMap& content) {
  Diagnostics diags;
  load_catalog(test::to_files(content), "content/", diags);
  return test::formatted(diags);
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return contains(l, part); });
}

}  // namespace

TEST_CASE("the site built the day before a decision shows today's catalog and announces the changes", "[effective-dates]") {
  const Site site = build_on(decided(), kBefore);
  // In force today: the old version, the procedure to be abolished; not yet the new one.
  const std::string& amended = site.files.at("thu-tuc/2.000003/index.html");
  CHECK(contains(amended, "3 ngày làm việc"));
  CHECK(contains(amended, "Từ ngày 01/01/2027, thủ tục này thay đổi"));
  // One channel: its name is in the line.
  CHECK(contains(amended, "Thời hạn trực tiếp: 3 → 2 ngày làm việc"));
  const std::string& abolished = site.files.at("thu-tuc/2.000002/index.html");
  CHECK(contains(abolished, "Từ ngày 01/01/2027, thủ tục này bị bãi bỏ"));
  CHECK_FALSE(has(site, "thu-tuc/2.000004/index.html"));
  CHECK_FALSE(contains(site.files.at("api/catalog.json"), "2.000004"));
  // The province's page of its entry announces its own change, with the new note; the
  // national page does not (nothing changes nationally).
  REQUIRE(has(site, "tinh-mau/thu-tuc/1.000001/index.html"));
  const std::string& local = site.files.at("tinh-mau/thu-tuc/1.000001/index.html");
  CHECK(contains(local, "Từ ngày 01/01/2027, thủ tục này thay đổi tại Tỉnh Mẫu"));
  CHECK(contains(local, "Từ năm 2027 Tỉnh Mẫu trả kết quả qua bưu chính miễn phí."));
  // Pages of procedures nothing happens to say nothing.
  CHECK_FALSE(contains(site.files.at("thu-tuc/1.000001/index.html"), "thủ tục này thay đổi:"));
  // The changes page: all of it to come.
  const std::string& changes = site.files.at("thay-doi/index.html");
  CHECK(contains(changes, "Sắp có hiệu lực"));
  CHECK_FALSE(contains(changes, "Đã có hiệu lực"));
  CHECK(contains(changes, "Từ ngày 01/01/2027"));
  CHECK(contains(changes, "Thông báo thay đổi số điện thoại liên hệ"));
  CHECK(contains(changes, "Thủ tục mới"));
  CHECK(contains(changes, "Bãi bỏ"));
  CHECK(contains(changes, "Thời hạn trực tiếp: 3 → 2 ngày làm việc"));
  CHECK(contains(changes, "Danh mục của"));
  // The feed: one entry per change, each with its day.
  const std::string& feed = site.files.at("thay-doi.xml");
  CHECK(contains(feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  CHECK(contains(feed, "Từ 01/01/2027: Thông báo thay đổi số điện thoại liên hệ – Thủ tục mới"));
  CHECK(contains(feed, "Từ 01/01/2027: Cấp đổi Giấy chứng nhận quyền sử dụng đất – Bãi bỏ"));
  CHECK(contains(feed, "<id>https://tthc.example.gov.vn/mot-cua/thay-doi/#ngay-2027-01-01-2.000003</id>"));
  CHECK(contains(site.files.at("sitemap.xml"), "thay-doi/"));
}

TEST_CASE("the site built on the day of the decision shows the new catalog", "[effective-dates]") {
  const Site site = build_on(decided(), kDay);
  const std::string& amended = site.files.at("thu-tuc/2.000003/index.html");
  CHECK(contains(amended, "2 ngày làm việc"));
  CHECK_FALSE(contains(amended, "3 ngày làm việc"));
  CHECK_FALSE(contains(amended, "thủ tục này thay đổi"));
  // Abolished: no page, not in the open data, not in the province's lists.
  CHECK_FALSE(has(site, "thu-tuc/2.000002/index.html"));
  CHECK_FALSE(contains(site.files.at("api/catalog.json"), "\"2.000002\""));
  CHECK_FALSE(contains(site.files.at("api/tinh-mau.json"), "\"2.000002\""));
  CHECK(has(site, "thu-tuc/2.000004/index.html"));
  // The province's entry from the day, with its note, is its own version.
  REQUIRE(has(site, "tinh-mau/thu-tuc/1.000001/index.html"));
  CHECK(contains(site.files.at("tinh-mau/thu-tuc/1.000001/index.html"), "Từ năm 2027 Tỉnh Mẫu trả kết quả"));
  const std::string& changes = site.files.at("thay-doi/index.html");
  CHECK(contains(changes, "Đã có hiệu lực"));
  CHECK_FALSE(contains(changes, "Sắp có hiệu lực"));
  CHECK(contains(changes, "Thời hạn trực tiếp: 3 → 2 ngày làm việc"));
  // The abolished procedure is named, without a link to a page that is gone.
  CHECK_FALSE(contains(changes, "href=\"../thu-tuc/2.000002/\""));
  CHECK(contains(changes, "href=\"../thu-tuc/2.000004/\""));
}

TEST_CASE("a catalog selects the version in force on each day", "[effective-dates]") {
  Diagnostics diags;
  Catalog catalog = load_catalog(test::to_files(decided()), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  CHECK(catalog.change_dates() == std::vector<std::string>{kDay});
  const auto deadline = [&]() { return catalog.find_procedure("2.000003")->channels.front().deadline.value; };
  for (const std::string& day : {std::string("2026-01-15"), kBefore}) {
    catalog.select_date(day);
    CHECK(deadline() == 3);
    CHECK(catalog.find_procedure("2.000002") != nullptr);
    CHECK(catalog.find_procedure("2.000004") == nullptr);
    CHECK(catalog.procedures.size() == 3);
  }
  for (const std::string& day : {kDay, std::string("2030-06-30")}) {
    catalog.select_date(day);
    CHECK(deadline() == 2);
    CHECK(catalog.find_procedure("2.000002") == nullptr);
    CHECK(catalog.find_procedure("2.000004") != nullptr);
    const ProvinceCatalog* pc = catalog.find_province_catalog("tinh-mau");
    REQUIRE(pc != nullptr);
    const CatalogEntry* e = catalog.find_entry(*pc, "1.000001");
    REQUIRE(e != nullptr);
    CHECK(e->effective_from == kDay);
    // The province's list keeps the file's order: the entry from the day was written last.
    CHECK(pc->catalog.back().procedure == "1.000001");
    CHECK(pc->catalog.back().effective_from == kDay);
  }
  // Back again: nothing was lost on the way.
  catalog.select_date(kBefore);
  CHECK(deadline() == 3);
  CHECK(catalog.other_versions.size() == 2);  // 2.000003 from the day, 2.000004
  const std::vector<DatedChange> days = dated_changes(catalog);
  REQUIRE(days.size() == 1);
  CHECK(days[0].date == kDay);
  CHECK(days[0].diff.count(ChangeKind::added) == 1);
  CHECK(days[0].diff.count(ChangeKind::removed) == 1);
}

TEST_CASE("a province's override dated on its own applies from its day", "[effective-dates]") {
  test::FileMap files = test::to_map(test::read_folder("tests/sites/basic/content"));
  ordered_json province = parse(files.at("provinces/tinh-mau/province.json"));
  // 2.000002's own fee at the counter, 50.000 đồng today, 60.000 đồng from the day.
  ordered_json& entry = province["catalog"][1];
  REQUIRE(entry["procedure"] == "2.000002");
  // Two sets of overrides, each an entry of its own days.
  ordered_json later = entry;
  later["effective_from"] = kDay;
  later["overrides"]["channels"][0]["fee"]["amount"] = 60000;
  entry["effective_until"] = kBefore;
  province["catalog"][1] = entry;
  province["catalog"].push_back(later);
  files["provinces/tinh-mau/province.json"] = dump(province);
  const Site before = build_on(files, kBefore);
  const std::string& page = before.files.at("tinh-mau/thu-tuc/2.000002/index.html");
  CHECK(contains(page, "50.000"));
  CHECK(contains(page, "Từ ngày 01/01/2027, thủ tục này thay đổi tại Tỉnh Mẫu"));
  CHECK(contains(page, "50.000 → 60.000"));
  const Site on = build_on(files, kDay);
  CHECK(contains(on.files.at("tinh-mau/thu-tuc/2.000002/index.html"), "60.000"));
  CHECK_FALSE(contains(on.files.at("tinh-mau/thu-tuc/2.000002/index.html"), "thủ tục này thay đổi"));

  // One entry whose overrides (a note) apply from the day only: before it, the entry is the
  // national procedure's, without the note.
  province = parse(files.at("provinces/tinh-mau/province.json"));
  province["catalog"][0]["overrides"] = {{"effective_from", kDay}, {"note", "Ghi chú áp dụng từ năm 2027."}};
  files["provinces/tinh-mau/province.json"] = dump(province);
  Diagnostics diags;
  Catalog catalog = load_catalog(test::to_files(files), "content/", diags);
  INFO((diags.items().empty() ? "" : format_diagnostic(diags.items().front())));
  REQUIRE_FALSE(diags.has_errors());
  const auto note = [&]() {
    const CatalogEntry* e = catalog.find_entry(*catalog.find_province_catalog("tinh-mau"), "1.000001");
    REQUIRE(e != nullptr);
    return e->overrides.note;
  };
  catalog.select_date(kBefore);
  CHECK(note().empty());
  catalog.select_date(kDay);
  CHECK(note() == "Ghi chú áp dụng từ năm 2027.");

  // Overrides dated outside their entry's days are refused.
  province["catalog"][0]["effective_from"] = "2027-06-01";
  files["provinces/tinh-mau/province.json"] = dump(province);
  CHECK(any_contains(errors_of(files), "the overrides start on 2027-01-01, before the entry itself (2027-06-01)"));
}

TEST_CASE("a province's page announces only what changes in that province", "[effective-dates]") {
  test::FileMap files = test::to_map(test::read_folder("tests/sites/basic/content"));
  // Nationally, 2.000002's fee at the counter becomes 99.000 đồng; Tỉnh Mẫu keeps its own.
  ordered_json v = parse(files.at("procedures/2.000002/procedure.json"));
  for (ordered_json& c : v["channels"]) {
    if (c["kind"] == "direct") c["fee"] = {{"kind", "amount"}, {"amount", 99000}, {"per", "giấy"}, {"sample", true}};
  }
  v["effective_from"] = kDay;
  files["procedures/2.000002/" + kDay + "/procedure.json"] = dump(v);
  // And Tỉnh Mẫu takes 1.000001 off its list from the day.
  ordered_json province = parse(files.at("provinces/tinh-mau/province.json"));
  province["catalog"][0]["effective_until"] = kBefore;
  files["provinces/tinh-mau/province.json"] = dump(province);
  const Site site = build_on(files, kBefore);
  const std::string& national = site.files.at("thu-tuc/2.000002/index.html");
  CHECK(contains(national, "Từ ngày 01/01/2027, thủ tục này thay đổi"));
  CHECK(contains(national, "99.000"));
  const std::string& local = site.files.at("tinh-mau/thu-tuc/2.000002/index.html");
  CHECK(contains(local, "50.000"));
  CHECK_FALSE(contains(local, "99.000"));
  // The national page of 1.000001 says the province takes it off its list.
  CHECK(contains(site.files.at("thu-tuc/1.000001/index.html"), "Từ ngày 01/01/2027, Tỉnh Mẫu bỏ thủ tục này khỏi danh mục"));
  // Every anchor of the changes page is unique.
  const std::string& changes = site.files.at("thay-doi/index.html");
  std::set<std::string> ids;
  for (std::size_t at = changes.find(" id=\""); at != std::string::npos; at = changes.find(" id=\"", at + 1)) {
    const std::size_t end = changes.find('"', at + 5);
    CHECK(ids.insert(changes.substr(at + 5, end - at - 5)).second);
  }
}

TEST_CASE("the feed stays well-formed XML whatever a name holds", "[effective-dates]") {
  test::FileMap files = decided();
  ordered_json added = parse(files.at("procedures/2.000004/procedure.json"));
  added["name"] = "Thông báo <thay đổi> & \"số\" điện thoại\u000b liên hệ";
  files["procedures/2.000004/procedure.json"] = dump(added);
  const Site site = build_on(files, kBefore);
  const std::string& feed = site.files.at("thay-doi.xml");
  CHECK(contains(feed, "Thông báo &lt;thay đổi&gt; &amp; &quot;số&quot; điện thoại liên hệ"));
  for (const char c : feed) {
    const auto u = static_cast<unsigned char>(c);
    CHECK((u >= 0x20 || c == '\n' || c == '\t' || c == '\r'));
  }
}

TEST_CASE("a version folder not named by a real day is an error, not ignored", "[effective-dates]") {
  for (const std::string& folder : {std::string("2027-1-15"), std::string("2027-02-30"), std::string("moi")}) {
    test::FileMap files = decided();
    files["procedures/2.000003/" + folder + "/procedure.json"] = files.at("procedures/2.000003/" + kDay + "/procedure.json");
    INFO(folder);
    CHECK(any_contains(errors_of(files), "rename the folder \"" + folder + "\""));
  }
}

TEST_CASE("shipped content carries no dated changes, and its catalog is the same on any day", "[effective-dates]") {
  Diagnostics diags;
  Catalog catalog = load_catalog(test::read_folder("content"), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  const std::size_t n = catalog.procedures.size();
  CHECK_FALSE(catalog.has_dated_content());
  CHECK(catalog.change_dates().empty());
  catalog.select_date("2031-01-01");
  CHECK(catalog.procedures.size() == n);
  CHECK(dated_changes(catalog).empty());
}

TEST_CASE("dates that contradict each other are refused, naming the file and what to do", "[effective-dates]") {
  SECTION("two versions from the same day") {
    test::FileMap files = decided();
    ordered_json again = parse(files.at("procedures/2.000003/" + kDay + "/procedure.json"));
    files["procedures/2.000003/procedure.json"] = dump(again);  // the open version now starts that day too
    const auto errors = errors_of(files);
    CHECK(any_contains(errors, "two versions of 2.000003 take effect on 2027-01-01"));
  }
  SECTION("a version whose last day runs past the next one's first") {
    test::FileMap files = decided();
    ordered_json old = parse(files.at("procedures/2.000003/procedure.json"));
    old["effective_until"] = "2027-03-01";
    files["procedures/2.000003/procedure.json"] = dump(old);
    const auto errors = errors_of(files);
    CHECK(any_contains(errors, "content/procedures/2.000003/procedure.json"));
    CHECK(any_contains(errors, "is in force until 2027-03-01, but content/procedures/2.000003/2027-01-01/procedure.json takes effect on 2027-01-01"));
  }
  SECTION("a version folder and its effective_from disagree") {
    test::FileMap files = decided();
    ordered_json v = parse(files.at("procedures/2.000003/" + kDay + "/procedure.json"));
    v["effective_from"] = "2027-02-01";
    files["procedures/2.000003/" + kDay + "/procedure.json"] = dump(v);
    CHECK(any_contains(errors_of(files), "takes effect on 2027-01-01: set \"effective_from\": \"2027-01-01\""));
  }
  SECTION("a last day before the first") {
    test::FileMap files = decided();
    ordered_json p = parse(files.at("procedures/2.000004/procedure.json"));
    p["effective_until"] = "2026-06-30";
    files["procedures/2.000004/procedure.json"] = dump(p);
    CHECK(any_contains(errors_of(files), "\"effective_until\" (2026-06-30) is before \"effective_from\" (2027-01-01)"));
  }
  SECTION("an entry listed twice for the same days") {
    test::FileMap files = decided();
    ordered_json province = parse(files.at("provinces/tinh-mau/province.json"));
    province["catalog"][0].erase("effective_until");
    province["catalog"].back().erase("effective_from");
    files["provinces/tinh-mau/province.json"] = dump(province);
    CHECK(any_contains(errors_of(files), "procedure \"1.000001\" is listed twice in this catalog"));
  }
  SECTION("overlapping entries") {
    test::FileMap files = decided();
    ordered_json province = parse(files.at("provinces/tinh-mau/province.json"));
    province["catalog"][0]["effective_until"] = "2027-01-05";
    files["provinces/tinh-mau/province.json"] = dump(province);
    CHECK(any_contains(errors_of(files), "is in force until 2027-01-05, but the entry at /catalog/2 takes effect on 2027-01-01"));
  }
  SECTION("not a date") {
    test::FileMap files = decided();
    ordered_json p = parse(files.at("procedures/2.000004/procedure.json"));
    p["effective_from"] = "1/1/2027";
    files["procedures/2.000004/procedure.json"] = dump(p);
    CHECK(any_contains(errors_of(files), "invalid date \"1/1/2027\""));
  }
}
