#include "catch.h"

#include "lsp/text.h"

using cc::lsp::LineIndex;
using cc::lsp::Position;
using cc::lsp::Range;

TEST_CASE("positions: columns in characters become UTF-16 units", "[lsp]") {
  // "é" is one character and one UTF-16 unit; "😀" is one character and two units.
  const LineIndex lines("a: 1\r\nquote: \"é😀 7\"\nvalue: 7");
  CHECK(lines.line_count() == 3);
  CHECK(lines.line(1) == "quote: \"é😀 7\"");
  CHECK(lines.from_mark(2, 12) == Position{1, 12});  // the '7' after "é😀 ": 11 chars, 12 units
  CHECK(lines.from_mark(3, 8) == Position{2, 7});
  CHECK(lines.offset(Position{1, 12}) == 6 + std::string("quote: \"é😀 ").size());
  CHECK(lines.offset(Position{9, 0}) == std::string("a: 1\r\nquote: \"é😀 7\"\nvalue: 7").size());
}

TEST_CASE("positions: a scalar's range ends at its quote or before its comment", "[lsp]") {
  const LineIndex lines("    value: 2.38 million   # a comment\n    quote: \"a \\\" b\" # c\n");
  CHECK(cc::lsp::scalar_range(lines, {0, 11}) == Range{{0, 11}, {0, 23}});
  CHECK(cc::lsp::scalar_range(lines, {1, 11}) == Range{{1, 11}, {1, 19}});
  CHECK(cc::lsp::scalar_range(lines, {2, 0}) == Range{{2, 0}, {2, 1}});  // never empty
}

TEST_CASE("URIs: file URIs become paths and back, percent-encoding undone", "[lsp]") {
  CHECK(cc::lsp::path_of_uri("file:///tmp/a%20b/x.yaml") ==
        std::filesystem::path("/tmp/a b/x.yaml"));
  CHECK(cc::lsp::path_of_uri("file://localhost/tmp/x.yaml") ==
        std::filesystem::path("/tmp/x.yaml"));
  CHECK_FALSE(cc::lsp::path_of_uri("untitled:Untitled-1").has_value());
  CHECK_FALSE(cc::lsp::path_of_uri("file:///tmp/a%00b").has_value());
  CHECK(cc::lsp::uri_of_path("/tmp/a b/é.yaml") == "file:///tmp/a%20b/%C3%A9.yaml");
  CHECK(cc::lsp::path_of_uri(cc::lsp::uri_of_path("/tmp/a b/é#?.yaml")) ==
        std::filesystem::path("/tmp/a b/é#?.yaml"));
}
