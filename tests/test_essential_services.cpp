// Issue 12, points 2 and 5: the list of essential public services (content/essential-services.json)
// with its page and the block on each procedure page, and guide videos on procedure pages.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <functional>
#include <regex>

#include "fixtures.h"

using namespace motcua;
using Catch::Matchers::Contains;

namespace {

const char* const kRule = "Dịch vụ công thiết yếu: nộp trực tuyến toàn trình, không nộp giấy tờ bản giấy";
const char* const kProcedure = "procedures/1.000001/procedure.json";

nlohmann::json essential_fixture() {
  return nlohmann::json::parse(R"json({
    "source": { "document": "Chỉ thị số 24/CT-TTg", "issued": "2025-09-13", "status": "reported",
                "read": "2026-12-02", "applies_from": "2025-10-01",
                "reported_by": ["https://bao.example.vn/tin?a=1&b=2"] },
    "services": [
      { "number": 1, "name": "Đăng ký khai sinh", "procedures": ["1.000001"] },
      { "number": 2, "name": "Cấp điện mới từ lưới điện hạ áp (220/380V)", "procedures": [] }
    ] })json");
}

nlohmann::json video_fixture() {
  return nlohmann::json::parse(R"json([{ "title": "Hướng dẫn đăng ký khai sinh <trực tuyến>", "duration": 200,
    "url": "https://video.example.vn/xem?v=abc&t=1", "source": "Cơ quan thử nghiệm" }])json");
}

// The basic fixture with `essential` as content/essential-services.json (null: none) and
// `videos` on procedure 1.000001 (null: none).
test::FileMap content_with(const nlohmann::json& essential, const nlohmann::json& videos) {
  test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  if (!essential.is_null()) m["essential-services.json"] = essential.dump(2);
  if (!videos.is_null()) {
    nlohmann::json p = nlohmann::json::parse(m.at(kProcedure));
    p["videos"] = videos;
    m[kProcedure] = p.dump(2);
  }
  return m;
}

std::vector<std::string> load_errors(const test::FileMap& m) {
  Diagnostics diags;
  load_catalog(test::to_files(m), "content/", diags);
  return test::formatted(diags);
}

// The error lines, joined: a failed check shows every message.
std::string errors_of(const test::FileMap& m) {
  std::string out;
  for (const std::string& line : load_errors(m)) out += line + "\n";
  return out;
}

// Site-relative file a relative link on the page in `dir` leads to ("../thu-tuc/x/" -> "thu-tuc/x/index.html").
std::string resolve(std::string dir, std::string href) {
  while (href.rfind("../", 0) == 0) {
    href = href.substr(3);
    dir.pop_back();
    const auto slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash + 1);
  }
  const std::string path = dir + href.substr(0, href.find('#'));
  return path.empty() || path.back() == '/' ? path + "index.html" : path;
}

std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

}  // namespace

TEST_CASE("the loader reads guide videos and the essential services", "[essential][videos]") {
  Diagnostics diags;
  const Catalog c = load_catalog(test::to_files(content_with(essential_fixture(), video_fixture())), "content/", diags);
  REQUIRE(test::formatted(diags) == std::vector<std::string>{});
  const Procedure* p = c.find_procedure("1.000001");
  REQUIRE(p != nullptr);
  REQUIRE(p->videos.size() == 1);
  CHECK(p->videos[0].duration_seconds == 200);
  CHECK(p->videos[0].source == "Cơ quan thử nghiệm");
  REQUIRE(c.essential_services.loaded);
  CHECK(c.essential_services.status == "reported");
  CHECK(c.essential_services.applies_from == "2025-10-01");
  REQUIRE(c.essential_services.services.size() == 2);
  CHECK(c.essential_services.services[1].procedures.empty());
  REQUIRE(c.find_essential_service("1.000001") != nullptr);
  CHECK(c.find_essential_service("1.000001")->number == 1);
  CHECK(c.find_essential_service("2.000002") == nullptr);
}

TEST_CASE("the loader refuses bad videos at their JSON Pointer", "[videos]") {
  auto refused = [](const std::string& key, const nlohmann::json& value) {
    nlohmann::json v = video_fixture();
    if (value.is_null()) v[0].erase(key);
    else v[0][key] = value;
    return errors_of(content_with(nullptr, v));
  };
  CHECK_THAT(refused("url", "http://video.example.vn/x"), Contains("/videos/0/url: \"http://video.example.vn/x\": a link starts with https://"));
  CHECK_THAT(refused("url", "javascript:alert(1)"), Contains("/videos/0/url:"));
  CHECK_THAT(refused("duration", "PT3M20S"), Contains("/videos/0/duration:"));
  CHECK_THAT(refused("duration", 0), Contains("/videos/0/duration:"));
  CHECK_THAT(refused("source", nullptr), Contains("/videos/0: missing required key \"source\" in video"));
  CHECK_THAT(refused("thumbnail", "https://img.example.vn/a.jpg"),
             Contains("/videos/0/thumbnail: thumbnails are not shown"));
  CHECK_THAT(refused("length", 3), Contains("/videos/0/length:"));
}

TEST_CASE("the loader refuses a bad list of essential services at its JSON Pointer", "[essential]") {
  auto refused = [](const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json e = essential_fixture();
    change(e);
    return errors_of(content_with(e, nullptr));
  };
  const std::string unknown = refused([](nlohmann::json& e) { e["services"][1]["procedures"] = {"1.777777"}; });
  CHECK_THAT(unknown, Contains("content/essential-services.json:"));
  CHECK_THAT(unknown, Contains("/services/1/procedures/0: unknown procedure 1.777777: there is no "
                               "content/procedures/1.777777/procedure.json"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["services"][0]["procedures"] = {"khai-sinh"}; }),
             Contains("/services/0/procedures/0: invalid procedure code \"khai-sinh\""));
  CHECK_THAT(refused([](nlohmann::json& e) { e["services"][1]["procedures"] = {"1.000001"}; }),
             Contains("/services/1/procedures/0: procedure 1.000001 is already listed under service 1"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["services"][1]["number"] = 3; }),
             Contains("/services/1/number: service 2 of the list has number 3"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["source"].erase("reported_by"); }),
             Contains("/source/status: a list known from reports names them"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["source"]["status"] = "rumoured"; }), Contains("/source/status:"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["source"]["issued"] = "13/9/2025"; }), Contains("/source/issued:"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["services"][0]["procedure"] = e["services"][0]["procedures"]; }),
             Contains("/services/0/procedure:"));
  CHECK_THAT(refused([](nlohmann::json& e) { e["services"][0].erase("procedures"); }),
             Contains("/services/0: list the codes of the procedures the service maps to, or []"));
}

TEST_CASE("the essential services page and the procedure page's block and videos", "[essential][videos][site]") {
  const test::BuiltSite site = test::build_site(test::to_files(content_with(essential_fixture(), video_fixture())));
  REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
  const std::string dir = "dich-vu-cong-thiet-yeu/";
  REQUIRE(site.files.count(dir + "index.html") == 1);
  const std::string& list = site.files.at(dir + "index.html");
  CHECK(matches(list, "<li id=\"dich-vu-([0-9]+)\"") == std::vector<std::string>{"1", "2"});
  CHECK_THAT(list, Contains("Chỉ thị số 24/CT-TTg"));
  CHECK_THAT(list, Contains("Theo tin báo chí, chưa đối chiếu văn bản gốc"));
  CHECK_THAT(list, Contains("https://bao.example.vn/tin?a=1&amp;b=2"));
  CHECK_THAT(list, Contains("Chưa có thủ tục tương ứng trong danh mục của trang này"));
  CHECK_THAT(list, Contains("01/10/2025"));
  const auto links = matches(list, "<a href=\"(\\.\\./thu-tuc/[^\"]+)\"");
  CHECK(links == std::vector<std::string>{"../thu-tuc/1.000001/"});
  for (const std::string& href : links) CHECK(site.files.count(resolve(dir, href)) == 1);
  CHECK_THAT(site.files.at("sitemap.xml"), Contains("dich-vu-cong-thiet-yeu/</loc>"));
  CHECK_THAT(site.files.at("index.html"), Contains("href=\"dich-vu-cong-thiet-yeu/\""));

  const std::string& page = site.files.at("thu-tuc/1.000001/index.html");
  CHECK_THAT(page, Contains(kRule));
  CHECK_THAT(page, Contains("dịch vụ công thiết yếu số 1"));
  const std::string essential_href = matches(page, "số 1: <a href=\"([^\"]+)\"").at(0);
  CHECK(essential_href == "../../dich-vu-cong-thiet-yeu/#dich-vu-1");
  CHECK(site.files.count(resolve("thu-tuc/1.000001/", essential_href)) == 1);
  // The video: a plain, escaped link with its duration in words, and nothing loaded from its host.
  CHECK_THAT(page, Contains("href=\"https://video.example.vn/xem?v=abc&amp;t=1\""));
  CHECK_THAT(page, Contains("Hướng dẫn đăng ký khai sinh &lt;trực tuyến&gt;"));
  CHECK_THAT(page, Contains("3 phút 20 giây"));
  CHECK_THAT(page, Contains("Cơ quan thử nghiệm"));
  CHECK(page.find("<iframe") == std::string::npos);
  CHECK(page.find("<video") == std::string::npos);
  for (const std::string& src : matches(page, "<(?:img|script|iframe|source|link)[^>]*(?:src|href)=\"([^\"]*)\"")) {
    INFO(src);
    // Only the site's own files (the canonical link names the site's own address).
    CHECK((src.find("//") == std::string::npos || src.rfind("https://tthc.example.gov.vn/mot-cua/", 0) == 0));
  }
  // The block comes at the end, after the videos (the summary box at the top may repeat the rule).
  CHECK(page.find("<aside class=\"essential\"") != std::string::npos);
  CHECK(page.find("<aside class=\"essential\"") > page.find("id=\"h-video\""));
  // Without the file there is no page and no footer link.
  const test::BuiltSite plain = test::build_site(test::to_files(content_with(nullptr, nullptr)));
  REQUIRE(test::formatted(plain.diagnostics) == std::vector<std::string>{});
  CHECK(plain.files.count(dir + "index.html") == 0);
  CHECK(plain.files.at("index.html").find("dich-vu-cong-thiet-yeu/") == std::string::npos);
  CHECK(plain.files.at("thu-tuc/1.000001/index.html").find(kRule) == std::string::npos);
}
