// `motcua diff`: the changes an official makes to the shipped content (a fee, a deadline, a
// paper added, a procedure abolished and another added, a province's override and list),
// reported in words. The three reports are golden files: after an intended change of wording,
// MOTCUA_UPDATE_GOLDEN=1 build/tests/motcua_tests "[diff]", then review the diff.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "motcua/catalog_diff.h"

using namespace motcua;
using nlohmann::ordered_json;

namespace {

const std::string kDir = "tests/golden/diff/";

void check_golden(const std::string& name, const std::string& got) {
  const std::string path = test::source_path(kDir + name);
  if (std::getenv("MOTCUA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << got;
    return;
  }
  INFO(name << ":\n" << got);
  CHECK(got == test::read_text(path));
}

Catalog load(const test::FileMap& files) {
  Diagnostics diags;
  Catalog catalog = load_catalog(test::to_files(files), "content/", diags);
  INFO(test::formatted(diags).size() << " errors, first: "
                                     << (diags.items().empty() ? "" : format_diagnostic(diags.items().front())));
  REQUIRE_FALSE(diags.has_errors());
  return catalog;
}

ordered_json parse(const std::string& text) { return ordered_json::parse(text); }
std::string dump(const ordered_json& j) { return j.dump(2) + "\n"; }

// Edits one JSON file of the content in place.
template <typename Edit>
void edit(test::FileMap& files, const std::string& path, Edit change) {
  REQUIRE(files.count(path) == 1);
  ordered_json j = parse(files[path]);
  change(j);
  files[path] = dump(j);
}

ordered_json& channel(ordered_json& procedure, const std::string& kind) {
  for (ordered_json& c : procedure["channels"]) {
    if (c["kind"] == kind) return c;
  }
  FAIL("no channel " << kind);
  return procedure;
}

// The amendments of a provincial decision, made to the shipped content.
test::FileMap amended(const test::FileMap& shipped) {
  test::FileMap files = shipped;
  // Đăng ký thường trú: a higher fee at the counter, a shorter deadline on every channel.
  edit(files, "procedures/1.004222/procedure.json", [](ordered_json& p) {
    channel(p, "direct")["fee"]["amount"] = 25000;
    for (ordered_json& c : p["channels"]) c["deadline"]["value"] = 5;
  });
  // Đăng ký tạm trú: one more paper, inserted first (the others keep their names).
  edit(files, "procedures/1.004194/procedure.json", [](ordered_json& p) {
    ordered_json paper = {{"id", "giay-xac-nhan-cho-o"},
                          {"name", "Giấy tờ chứng minh chỗ ở hợp pháp"},
                          {"originals", 1},
                          {"copies", 0},
                          {"kind", "submit"}};
    p["dossier"].insert(p["dossier"].begin(), paper);
  });
  // An imported procedure abolished, another published under a new code.
  const std::string gone = "procedures/1.003475/procedure.json";
  REQUIRE(files.count(gone) == 1);
  ordered_json added = parse(files[gone]);
  added["code"] = "1.999001";
  added["name"] = "Thủ tục thử nghiệm công bố mới";
  files.erase(gone);
  for (auto it = files.begin(); it != files.end();) {
    it = it->first.rfind("procedures/1.003475/", 0) == 0 ? files.erase(it) : std::next(it);
  }
  files["procedures/1.999001/procedure.json"] = dump(added);
  // Lai Châu: its own fee for one entry changes, one entry leaves its list.
  edit(files, "provinces/lai-chau/province.json", [](ordered_json& p) {
    ordered_json& catalog = p["catalog"];
    bool fee = false;
    for (ordered_json& e : catalog) {
      if (e["procedure"] != "1.004873") continue;
      for (ordered_json& c : e["overrides"]["channels"]) {
        if (c["kind"] == "direct") {
          c["fee"]["amount"] = 8000;
          fee = true;
        }
      }
    }
    REQUIRE(fee);
    for (auto it = catalog.begin(); it != catalog.end(); ++it) {
      if ((*it)["procedure"] == "1.004845") {
        catalog.erase(it);
        break;
      }
    }
  });
  return files;
}

const FieldChange* find_change(const ItemChange& item, const std::string& field) {
  for (const FieldChange& c : item.changes) {
    if (c.field == field) return &c;
  }
  return nullptr;
}

const ItemChange* find_item(const std::vector<ItemChange>& items, const std::string& code) {
  for (const ItemChange& i : items) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the same content twice: no change", "[diff]") {
  const test::FileMap shipped = test::to_map(test::read_folder("content"));
  const Catalog a = load(shipped), b = load(shipped);
  const CatalogDiff diff = diff_catalogs(a, b);
  CHECK(diff.empty());
  CHECK(diff_report_text(diff, "a", "b") == "So sánh nội dung: a → b\nKhông có thay đổi.\n");
  CHECK(parse(diff_report_json(diff, "a", "b"))["changed"] == false);
}

TEST_CASE("a provincial decision's amendments, field by field and per province", "[diff]") {
  const test::FileMap shipped = test::to_map(test::read_folder("content"));
  const Catalog before = load(shipped);
  const Catalog after = load(amended(shipped));
  const CatalogDiff diff = diff_catalogs(before, after);

  CHECK(diff.count(ChangeKind::added) == 1);
  CHECK(diff.count(ChangeKind::removed) == 1);
  CHECK(diff.count(ChangeKind::amended) == 2);
  REQUIRE(find_item(diff.procedures, "1.999001") != nullptr);
  CHECK(find_item(diff.procedures, "1.999001")->kind == ChangeKind::added);
  CHECK(find_item(diff.procedures, "1.003475")->kind == ChangeKind::removed);

  const ItemChange* residence = find_item(diff.procedures, "1.004222");
  REQUIRE(residence != nullptr);
  const FieldChange* fee = find_change(*residence, "channels/direct/fee");
  REQUIRE(fee != nullptr);
  CHECK(fee->text == "Lệ phí trực tiếp: 20.000 → 25.000 đồng/lần đăng ký");
  CHECK(find_change(*residence, "channels/online/fee") == nullptr);  // the online fee did not change
  // Every channel's deadline changed alike: said once.
  const FieldChange* deadline = find_change(*residence, "channels/deadline");
  REQUIRE(deadline != nullptr);
  CHECK(deadline->text == "Thời hạn: 7 → 5 ngày làm việc");
  CHECK(residence->changes.size() == 2);
  // An imported deadline's wording follows its value: the change is said once.
  {
    test::FileMap files = shipped;
    edit(files, "procedures/1.003475/procedure.json", [](ordered_json& p) {
      for (ordered_json& c : p["channels"]) {
        c["deadline"]["value"] = 20;
        c["deadline"]["text"] = "20 Ngày";
      }
    });
    const CatalogDiff imported = diff_catalogs(before, load(files));
    REQUIRE(imported.procedures.size() == 1);
    REQUIRE(imported.procedures[0].changes.size() == 1);
    CHECK(imported.procedures[0].changes[0].text == "Thời hạn: 30 → 20 ngày");
  }

  // A paper inserted first renumbers nothing in words: one added paper, no other change.
  const ItemChange* temporary = find_item(diff.procedures, "1.004194");
  REQUIRE(temporary != nullptr);
  REQUIRE(temporary->changes.size() == 1);
  CHECK(temporary->changes[0].text == "Thêm giấy tờ: Giấy tờ chứng minh chỗ ở hợp pháp (1 bản chính)");

  REQUIRE(diff.provinces.size() == 1);
  const ProvinceChange& lai_chau = diff.provinces[0];
  CHECK(lai_chau.slug == "lai-chau");
  CHECK(lai_chau.name == "Lai Châu");
  const ItemChange* entry = find_item(lai_chau.entries, "1.004873");
  REQUIRE(entry != nullptr);
  REQUIRE(find_change(*entry, "overrides/channels/direct/fee") != nullptr);
  CHECK(find_change(*entry, "overrides/channels/direct/fee")->text.find("5.000 → 8.000 đồng") != std::string::npos);
  const ItemChange* left = find_item(lai_chau.entries, "1.004845");
  REQUIRE(left != nullptr);
  CHECK(left->kind == ChangeKind::removed);
  // The abolished procedure was in no province's list; the other provinces did not change.
  CHECK(lai_chau.entries.size() == 2);

  const std::string text = diff_report_text(diff, "content/", "du-thao/");
  const std::string json = diff_report_json(diff, "content/", "du-thao/");
  const std::string html = diff_report_html(diff, "content/", "du-thao/", "2026-12-04");
  const ordered_json parsed = parse(json);
  CHECK(parsed["changed"] == true);
  CHECK(parsed["summary"]["abolished"] == 1);
  CHECK(parsed["procedures"][0]["code"] == "1.003475");
  CHECK(parsed["procedures"][0]["change"] == "abolished");
  CHECK(parsed["provinces"][0]["entries"].size() == 2);
  // Everything from content is escaped in the page.
  CHECK(html.find("<script") == std::string::npos);
  check_golden("amendments.txt", text);
  check_golden("amendments.json", json);
  check_golden("amendments.html", html);
}

TEST_CASE("names from content are escaped in the HTML report", "[diff]") {
  const test::FileMap shipped = test::to_map(test::read_folder("content"));
  test::FileMap files = shipped;
  edit(files, "procedures/1.004222/procedure.json",
       [](ordered_json& p) { p["name"] = "Đăng ký thường trú <script>alert(1)</script> & \"khác\""; });
  const CatalogDiff diff = diff_catalogs(load(shipped), load(files));
  const std::string html = diff_report_html(diff, "<a>", "b", "2026-12-04");
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;khác&quot;") != std::string::npos);
  CHECK(html.find("&lt;a&gt;") != std::string::npos);
}

TEST_CASE("every part a citizen sees is compared", "[diff]") {
  const test::FileMap shipped = test::to_map(test::read_folder("content"));
  const Catalog before = load(shipped);
  const std::string file = "procedures/1.001193/procedure.json";
  // Each edit, and the field the report must name for it.
  const std::vector<std::pair<std::string, std::function<void(ordered_json&)>>> edits = {
      {"summary", [](ordered_json& p) { p["summary"] = "Tóm tắt mới."; }},
      {"channels/fee", [](ordered_json& p) { for (auto& c : p["channels"]) c["fee"]["summary"] = "Miễn phí."; }},
      {"channels/deadline/text",
       [](ordered_json& p) { for (auto& c : p["channels"]) c["deadline"]["text"] = "Trong ngày làm việc"; }},
      {"questions", [](ordered_json& p) { p["questions"][0]["options"][1]["label"] = "Trẻ em bị bỏ rơi"; }},
      {"fees/label", [](ordered_json& p) { p["fees"]["rules"][0]["label"] = "Lệ phí khai sinh"; }},
      {"fees/exemptions", [](ordered_json& p) { p["fees"]["exemptions"][0]["note"] = "Ghi chú khác."; }},
      {"full_online_source", [](ordered_json& p) { p["full_online_source"] = "Quyết định khác"; }},
  };
  for (const auto& [field, change] : edits) {
    test::FileMap files = shipped;
    edit(files, file, change);
    const CatalogDiff diff = diff_catalogs(before, load(files));
    INFO(field);
    REQUIRE(diff.procedures.size() == 1);
    bool named = false;
    for (const FieldChange& c : diff.procedures[0].changes) named = named || c.field == field;
    CHECK(named);
  }
  // A center's hotline hours and the hours deadlines count in.
  test::FileMap files = shipped;
  edit(files, "provinces/lai-chau/province.json", [](ordered_json& p) {
    p["center"]["hotlines"][0]["hours"] = "Giờ hành chính";
  });
  const CatalogDiff hours = diff_catalogs(before, load(files));
  REQUIRE(hours.provinces.size() == 1);
  REQUIRE(hours.provinces[0].center.size() == 1);
  CHECK(hours.provinces[0].center[0].field == "center/hotlines");
}

TEST_CASE("papers that share a name, centers in another order", "[diff]") {
  const std::vector<DossierItem> papers = {{"a", "Tờ khai", 1, 0, "", DossierKind::submit, "", nullptr, {}, {}, ""},
                                           {"b", "Bản sao giấy tờ", 1, 0, "", DossierKind::submit, "khi A", nullptr, {}, {}, ""},
                                           {"c", "Bản sao giấy tờ", 0, 1, "", DossierKind::submit, "khi B", nullptr, {}, {}, ""}};
  test::FileMap shipped = test::to_map(test::read_folder("content"));
  const Catalog base = load(shipped);
  Catalog before = load(shipped), after = load(shipped);
  Procedure& b = before.procedures.front();
  Procedure& a = after.procedures.front();
  b.dossier = papers;
  a.dossier = {papers[0], papers[2]};  // the first "Bản sao giấy tờ" removed
  const CatalogDiff diff = diff_catalogs(before, after);
  REQUIRE(diff.procedures.size() == 1);
  REQUIRE(diff.procedures[0].changes.size() == 1);
  CHECK(diff.procedures[0].changes[0].text == "Bỏ giấy tờ: Bản sao giấy tờ (1 bản chính)");
  // A catalog entry's centers listed in another order: the same places.
  before.province_catalogs.front().catalog.front().centers = {"province", "xa-mot"};
  after.province_catalogs.front().catalog.front().centers = {"xa-mot", "province"};
  a.dossier = papers;
  CHECK(diff_catalogs(before, after).empty());
  (void)base;
}
