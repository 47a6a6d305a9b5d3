// The procedure page a citizen acts on (issue 12): a short plain title with the legal name
// once below it, then a summary box saying how long, how much, where and what to bring,
// each from the same data as the sections below; the papers listed once (the checklist
// enhances them in place); a start link to the national portal where it can be done online.
// What a phone's first screen shows is measured in tests/browser/procedure-page.test.js.
#include <catch2/catch.hpp>
#include <regex>

#include "fixtures.h"
#include "motcua/format.h"

using namespace motcua;

namespace {

const test::BuiltSite& shipped() {
  static const test::BuiltSite site = test::build_site(test::read_folder("content"));
  return site;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The HTML of the summary box of a page.
std::string glance_of(const std::string& page) {
  const std::size_t a = page.find("<section class=\"glance\"");
  REQUIRE(a != std::string::npos);
  const std::size_t b = page.find("</section>", a);
  return page.substr(a, b - a);
}

// The text of one row of the summary box ("Mất bao lâu" …), tags removed.
std::string row_of(const std::string& glance, const std::string& term) {
  const std::size_t a = glance.find("<dt>" + term + "</dt>");
  REQUIRE(a != std::string::npos);
  const std::size_t b = glance.find("</div>", a);
  return std::regex_replace(glance.substr(a, b - a), std::regex("<[^>]*>"), "");
}

}  // namespace

TEST_CASE("a plain title: what citizens call it, the legal name kept below", "[procedure-page]") {
  // Short names stay as they are.
  CHECK(plain_title(std::string("Đăng ký khai sinh")) == "Đăng ký khai sinh");
  // Parentheses hold scope and exceptions; a leading "Thủ tục" says nothing.
  CHECK(plain_title(std::string("Cấp lại Giấy phép lái tàu (trường hợp bị mất)")) == "Cấp lại Giấy phép lái tàu");
  CHECK(plain_title(std::string("Thủ tục hải quan đối với hàng hóa xuất khẩu, nhập khẩu tại chỗ")) ==
        "Hải quan đối với hàng hóa xuất khẩu, nhập khẩu tại chỗ");
  CHECK(plain_title(std::string("Thủ tục đăng ký tạm trú")) == "Đăng ký tạm trú");
  // A name listing several procedures opens with the first, and says there is more.
  CHECK(plain_title(std::string("Đăng ký biến động đất đai; Đăng ký thế chấp; Xóa đăng ký thế chấp")) ==
        "Đăng ký biến động đất đai…");
  // A long name is cut where a clause narrowing its scope starts, never inside a list of
  // alternatives ("tạm ngừng, tiếp tục").
  CHECK(plain_title(std::string("Đăng ký biến động đối với trường hợp thay đổi quyền sử dụng đất, quyền sở hữu tài sản "
                                "gắn liền với đất theo thỏa thuận của các thành viên hộ gia đình hoặc của vợ và chồng")) ==
        "Đăng ký biến động…");
  CHECK(plain_title(std::string("Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh")) ==
        "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh");
  // Unbalanced parentheses leave the name alone rather than eat it.
  CHECK(plain_title(std::string("Cấp giấy phép (thiếu ngoặc đóng")) == "Cấp giấy phép (thiếu ngoặc đóng");

  // Every title of the shipped catalog is shorter than or equal to its legal name, not
  // empty, NFC, and never starts with a lowercase letter or a "Thủ tục" prefix.
  const auto& catalog = shipped().catalog;
  REQUIRE(catalog.procedures.size() > 2000);
  for (const Procedure& p : catalog.procedures) {
    const std::string t = plain_title(p);
    INFO(p.code << ": " << t);
    REQUIRE_FALSE(t.empty());
    CHECK(t.size() <= p.name.size() + 3);  // "…" is 3 bytes
    CHECK(t.rfind("Thủ tục ", 0) != 0);
    CHECK_FALSE((t[0] >= 'a' && t[0] <= 'z'));
  }
}

TEST_CASE("the content's short name is the page's title and the legal name is said once", "[procedure-page]") {
  const auto& site = shipped();
  REQUIRE_FALSE(site.diagnostics.has_errors());
  const std::string& page = site.files.at("thu-tuc/2.000815/index.html");
  CHECK(contains(page, "<h1>Chứng thực bản sao từ bản chính</h1>"));
  CHECK(contains(page, "<title>Chứng thực bản sao từ bản chính"));
  const Procedure* p = site.catalog.find_procedure("2.000815");
  REQUIRE(p != nullptr);
  // The long legal name appears once in the body (and nowhere in the breadcrumbs).
  const std::string body = page.substr(page.find("<main"));
  std::size_t n = 0;
  for (std::size_t at = body.find(p->name); at != std::string::npos; at = body.find(p->name, at + 1)) ++n;
  CHECK(n == 1);
  // A title that is the legal name is not repeated below it.
  const std::string& birth = site.files.at("thu-tuc/1.001193/index.html");
  CHECK_FALSE(contains(birth, "class=\"legal-name\""));
}

TEST_CASE("the summary box answers from the same data as the page", "[procedure-page]") {
  const auto& site = shipped();
  SECTION("one deadline and one fee for every channel, and the papers counted") {
    const std::string g = glance_of(site.files.at("thu-tuc/1.001193/index.html"));
    CHECK(row_of(g, "Mất bao lâu").find("Trong ngày") != std::string::npos);
    CHECK(contains(g, "data-due=\"{&quot;unit&quot;:&quot;same_day&quot;}\""));
    CHECK(row_of(g, "Nộp ở đâu").find("Trung tâm Phục vụ hành chính công xã, phường") != std::string::npos);
    // Birth registration can be started online on the national portal.
    const Procedure* p = site.catalog.find_procedure("1.001193");
    REQUIRE(p != nullptr);
    CHECK(contains(g, "<a class=\"button button-start\" href=\"" + p->source.url + "\""));
    // "N giấy tờ luôn cần, M giấy tờ tùy trường hợp" adds up to the list.
    std::smatch m;
    const std::string bring = row_of(g, "Cần mang gì");
    REQUIRE(std::regex_search(bring, m, std::regex("(\\d+) giấy tờ luôn cần, (\\d+) giấy tờ tùy trường hợp")));
    std::size_t conditional = 0;
    for (const DossierItem& d : p->dossier) conditional += d.condition.is_null() ? 0 : 1;
    CHECK(std::stoul(m[1]) + std::stoul(m[2]) == p->dossier.size());
    CHECK(std::stoul(m[2]) == conditional);
  }
  SECTION("a fee per channel when channels differ, each as the fee section says") {
    const std::string& page = site.files.at("thu-tuc/1.004222/index.html");
    const std::string fee = row_of(glance_of(page), "Bao nhiêu tiền");
    const Procedure* p = site.catalog.find_procedure("1.004222");
    REQUIRE(p != nullptr);
    for (const Channel& c : p->channels) {
      INFO(channel_name(c.kind));
      CHECK(fee.find(describe_fee(c.fee)) != std::string::npos);
    }
    CHECK(fee.find("Trực tiếp") != std::string::npos);
  }
  SECTION("a deadline given only in the source's words is not restated as ours") {
    std::size_t checked = 0;
    for (const Procedure& p : site.catalog.procedures) {
      if (p.flag("/channels") != nullptr || p.channels.empty()) continue;
      const UnreviewedPart* flag = p.flag_within("/channels/0/deadline");
      if (flag == nullptr) continue;
      const std::string g = glance_of(site.files.at("thu-tuc/" + p.code + "/index.html"));
      INFO(p.code);
      CHECK(contains(row_of(g, "Mất bao lâu"), "Chưa rà soát"));
      if (++checked == 50) break;
    }
    CHECK(checked > 10);
  }
  SECTION("where it is really received: the commune police for residence, not the one-stop center") {
    std::size_t police = 0;
    for (const Procedure& p : site.catalog.procedures) {
      if (!p.received_at || p.received_at->place != "commune_police") continue;
      INFO(p.code);
      const std::string where = row_of(glance_of(site.files.at("thu-tuc/" + p.code + "/index.html")), "Nộp ở đâu");
      CHECK(contains(where, "Công an"));
      CHECK_FALSE(contains(where, "Trung tâm Phục vụ hành chính công"));
      ++police;
    }
    CHECK(police >= 8);  // the eight residence procedures (and the identity card)
  }
  SECTION("a province's version names its own center") {
    const std::string g = glance_of(site.files.at("lai-chau/thu-tuc/1.004873/index.html"));
    CHECK(contains(row_of(g, "Nộp ở đâu"), "Lai Châu"));
  }
  SECTION("no start button where the procedure cannot be done online") {
    std::size_t offline_only = 0;
    for (const Procedure& p : site.catalog.procedures) {
      if (p.channel(ChannelKind::online) != nullptr || p.flag("/channels") != nullptr) continue;
      INFO(p.code);
      CHECK_FALSE(contains(site.files.at("thu-tuc/" + p.code + "/index.html"), "button-start"));
      ++offline_only;
    }
    CHECK(offline_only > 0);
  }
}

TEST_CASE("the papers are listed once, each with the id the checklist ticks", "[procedure-page]") {
  const auto& site = shipped();
  const std::string& page = site.files.at("thu-tuc/1.001193/index.html");
  const Procedure* p = site.catalog.find_procedure("1.001193");
  REQUIRE(p != nullptr);
  for (const DossierItem& d : p->dossier) {
    INFO(d.id);
    std::size_t n = 0;
    const std::string needle = "data-item=\"" + d.id + "\"";
    for (std::size_t at = page.find(needle); at != std::string::npos; at = page.find(needle, at + 1)) ++n;
    CHECK(n == 1);
  }
  // The checklist sits before the list it enhances, and there is no second list.
  CHECK(page.find("data-tool=\"checklist\"") < page.find("<ul class=\"dossier\">"));
  CHECK_FALSE(contains(page, "class=\"checklist\""));
}
