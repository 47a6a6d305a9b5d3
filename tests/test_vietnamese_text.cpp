#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "motcua/vietnamese_text.h"

using namespace motcua;

TEST_CASE("NFD text from Word is composed to NFC", "[text]") {
  // "Đăng ký khai sinh" with every mark as a separate combining character.
  const std::string nfd = "\xC4\x90" "a\xCC\x86ng ky\xCC\x81 khai sinh";
  CHECK(to_nfc(nfd) == "Đăng ký khai sinh");
  CHECK_FALSE(is_nfc(nfd));
  CHECK(is_nfc("Đăng ký khai sinh"));
  // Tone before the vowel mark, and dot below with circumflex.
  CHECK(to_nfc("a\xCC\x81\xCC\x82") == "ấ");
  CHECK(to_nfc("e\xCC\x82\xCC\xA3") == "ệ");
  CHECK(to_nfc("u\xCC\x9B\xCC\x80") == "ừ");
  // Marks that cannot combine stay as they are.
  CHECK(to_nfc("b\xCC\x81") == "b\xCC\x81");
}

TEST_CASE("search folding removes tones and maps đ to d", "[text]") {
  CHECK(fold_for_search("Đăng ký KHAI SINH") == "dang ky khai sinh");
  CHECK(fold_for_search("Chứng thực bản sao, từ bản chính!") == "chung thuc ban sao tu ban chinh");
  // Old and new tone placement fold to the same text.
  CHECK(fold_for_search("hòa") == fold_for_search("hoà"));
  CHECK(fold_for_search("  Thủ tục 2.000815 ") == "thu tuc 2 000815");
}

TEST_CASE("Vietnamese dictionary order", "[text]") {
  std::vector<std::string> words = {"Đăng ký", "Dân cư", "Ấn định", "An toàn", "Ăn uống", "Cấp lại", "Chứng thực", "Ơn", "Ô tô", "Ư", "U"};
  std::sort(words.begin(), words.end(),
            [](const std::string& a, const std::string& b) { return collation_key(a) < collation_key(b); });
  CHECK(words == std::vector<std::string>{"An toàn", "Ăn uống", "Ấn định", "Cấp lại", "Chứng thực", "Dân cư",
                                          "Đăng ký", "Ô tô", "Ơn", "U", "Ư"});
  // Tones order: ngang, huyền, hỏi, ngã, sắc, nặng.
  std::vector<std::string> tones = {"má", "mạ", "mã", "mả", "mà", "ma"};
  std::sort(tones.begin(), tones.end(),
            [](const std::string& a, const std::string& b) { return collation_key(a) < collation_key(b); });
  CHECK(tones == std::vector<std::string>{"ma", "mà", "mả", "mã", "má", "mạ"});
}

TEST_CASE("A-Z headings group a/ă/â but keep Đ apart", "[text]") {
  CHECK(index_letter("Ăn uống") == "A");
  CHECK(index_letter("đăng ký") == "Đ");
  CHECK(index_letter("Dân cư") == "D");
  CHECK(index_letter("Ước tính") == "U");
}

TEST_CASE("slugs", "[text]") {
  CHECK(is_valid_slug("ban-bo"));
  CHECK(is_valid_slug("lai-chau2"));
  CHECK_FALSE(is_valid_slug("Ban-Bo"));
  CHECK_FALSE(is_valid_slug("bản-bo"));
  CHECK_FALSE(is_valid_slug("../etc"));
  CHECK_FALSE(is_valid_slug("a--b"));
  CHECK_FALSE(is_valid_slug("-a"));
  CHECK_FALSE(is_valid_slug(""));
}
