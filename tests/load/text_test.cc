#include "catch.h"

#include "load/text.h"

using cc::load::check_utf8;
using cc::load::PositionMap;

TEST_CASE("check_utf8 accepts UTF-8 text and points at the first bad byte", "[load]") {
  CHECK_FALSE(check_utf8("plain ascii\n").has_value());
  CHECK_FALSE(check_utf8("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80").has_value());
  const auto latin1 = check_utf8("ab\ncaf\xE9");
  REQUIRE(latin1.has_value());
  CHECK(latin1->offset == 6);
  CHECK(latin1->message == "the byte 0xE9 is not valid UTF-8: save the file as UTF-8");
  CHECK(check_utf8(std::string("a\0b", 3))->offset == 1);
  CHECK(check_utf8("\xC0\xAF")->offset == 0);          // overlong
  CHECK(check_utf8("x\xED\xA0\x80")->offset == 1);     // surrogate
  CHECK(check_utf8("\xF4\x90\x80\x80")->offset == 0);  // above U+10FFFF
  CHECK(check_utf8("ok\xE2\x80")->offset == 2);        // cut short
  // After runs of ASCII and characters of several bytes, in turn.
  CHECK(check_utf8(std::string("\xC3\xA9"
                               "ab\0c",
                               5))
            ->offset == 4);
  CHECK(check_utf8("abc\xE2\x80\x93"
                   "def\xFF")
            ->offset == 9);
  CHECK_FALSE(check_utf8(std::string(1000, 'a') + "\xF0\x9F\x98\x80" + std::string(9, 'b')));
}

TEST_CASE("PositionMap counts lines and characters, 1-based", "[load]") {
  const std::string text = "ab\ncaf\xC3\xA9: x\n\nz";
  const PositionMap map(text);
  CHECK(map.at(0) == cc::load::Pos{1, 1});
  CHECK(map.at(1) == cc::load::Pos{1, 2});
  CHECK(map.at(3) == cc::load::Pos{2, 1});
  CHECK(map.at(10) == cc::load::Pos{2, 7});  // after the two-byte é: column 7, not 8
  CHECK(map.at(4) == cc::load::Pos{2, 2});   // going back works too
  CHECK(map.at(13) == cc::load::Pos{4, 1});
  CHECK(map.at(999) == cc::load::Pos{4, 2});  // past the end: the end
}
