// terminal_safe: nothing from input reaches a terminal raw.
#include "catch.h"

#include "model/terminal_text.h"

using cc::terminal_safe;

TEST_CASE("terminal_safe escapes control characters and keeps text", "[model][terminal]") {
  CHECK(terminal_safe("Kent") == "Kent");
  CHECK(terminal_safe("Zürich · 2019 – 20 ✓") == "Zürich · 2019 – 20 ✓");
  CHECK(terminal_safe("a\nb") == "a\\nb");
  CHECK(terminal_safe("x\n::error file=evil::owned") == "x\\n::error file=evil::owned");
  CHECK(terminal_safe("\x1b]0;title\x07") == "\\x1b]0;title\\x07");
  CHECK(terminal_safe("\x1b[2J") == "\\x1b[2J");
  CHECK(terminal_safe(std::string_view("a\0b", 3)) == "a\\x00b");
  CHECK(terminal_safe("tab\there\r") == "tab\\there\\r");
  CHECK(terminal_safe("del\x7f") == "del\\x7f");
  CHECK(terminal_safe("c1 \xc2\x9b"
                      "31m") == "c1 \\x9b31m");  // U+009B, the 8-bit CSI
  CHECK(terminal_safe("bad \xff\xfe utf8 \xe2\x82") == "bad \\xff\\xfe utf8 \\xe2\\x82");
  CHECK(terminal_safe("\xc0\xaf") == "\\xc0\\xaf");  // overlong '/'
}

TEST_CASE("colour follows NO_COLOR and TERM=dumb", "[model][terminal]") {
  CHECK(cc::color_allowed(nullptr, "xterm"));
  CHECK(cc::color_allowed(nullptr, nullptr));
  CHECK(cc::color_allowed("", "xterm"));
  CHECK_FALSE(cc::color_allowed("1", "xterm"));
  CHECK_FALSE(cc::color_allowed(nullptr, "dumb"));
}
