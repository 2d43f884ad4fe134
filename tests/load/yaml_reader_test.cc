#include "catch.h"

#include "load/read_yaml.h"
#include "load/yaml_reader.h"
#include "model/diagnostic.h"

using cc::load::NodeKind;
using cc::load::NodeRef;
using cc::load::Pos;
using cc::load::ReadOptions;

using cc::test::Read;
using cc::test::read;

TEST_CASE("the reader builds a tree with 1-based positions in characters", "[load]") {
  const Read r = read("a: \"caf\xC3\xA9\"\nb\xC3\xA9: plain\nc:\n  - x\n  - {k: v, n: }\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.result.ok);
  const NodeRef root = r.result.tree.root();
  REQUIRE(root.is_mapping());
  const auto top = root.children();
  REQUIRE(top.size() == 6);
  CHECK(top[0].text() == "a");
  CHECK(top[0].pos() == Pos{1, 1});
  CHECK(top[1].text() == "caf\xC3\xA9");
  CHECK(top[1].quoted());
  CHECK(top[1].verbatim());
  CHECK(top[3].pos() == Pos{2, 5});  // after "bé: ", counted in characters
  CHECK_FALSE(top[3].quoted());
  const auto list = top[5].children();
  REQUIRE(list.size() == 2);
  CHECK(list[0].text() == "x");
  CHECK(list[0].pos() == Pos{4, 5});
  const auto inner = list[1].children();
  REQUIRE(inner.size() == 4);
  CHECK(inner[3].kind() == NodeKind::null);
}

TEST_CASE("positions count characters across runs of ASCII, long lines and wide characters",
          "[load]") {
  // The cursor walks runs of ASCII at once and a character of several bytes, or a line
  // break, one at a time: a column is a character, however many bytes it takes.
  const std::string long_value(300, 'x');
  const Read r = read(
      "k1: v\nkey\xC3\xA9\xF0\x9F\x98\x80long: value here\nz: \"a\xE2\x80\x93"
      "b\"\n"
      "last: " +
      long_value + "\n\xC3\xA9: [p, \xC3\xA9q]\n");
  REQUIRE(r.errors.empty());
  const auto top = r.result.tree.root().children();
  REQUIRE(top.size() == 10);
  CHECK(top[2].pos() == Pos{2, 1});
  CHECK(top[3].pos() == Pos{2, 12});  // after "keyé😀long: ": 11 characters, 17 bytes
  CHECK(top[4].pos() == Pos{3, 1});
  CHECK(top[5].pos() == Pos{3, 4});
  CHECK(top[5].text() ==
        "a\xE2\x80\x93"
        "b");
  CHECK(top[6].pos() == Pos{4, 1});
  CHECK(top[7].pos() == Pos{4, 7});
  CHECK(top[7].text() == long_value);
  CHECK(top[8].pos() == Pos{5, 1});
  const auto list = top[9].children();
  REQUIRE(list.size() == 2);
  CHECK(list[0].pos() == Pos{5, 5});  // "é: [" is four characters
  CHECK(list[1].pos() == Pos{5, 8});
}

TEST_CASE("a key given twice in one mapping is an error at the second", "[load]") {
  const Read r = read("a: 1\nb:\n  x: 1\n  x: 2\na: 3\n");
  CHECK(r.result.ok);  // the tree is whole; the file is still read
  CHECK(r.errors == std::vector<std::string>{"t.yaml:4:3: error: the key 'x' is given twice in "
                                             "this mapping (first at line 3) [duplicate-key]",
                                             "t.yaml:5:1: error: the key 'a' is given twice in "
                                             "this mapping (first at line 1) [duplicate-key]"});
}

TEST_CASE("a key given twice is found in a large mapping too", "[load]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": 1\n";
  text += "k42: 2\n";
  const Read r = read(text);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "t.yaml:101:1: error: the key 'k42' is given twice in this mapping (first at line 43) "
        "[duplicate-key]");
}

TEST_CASE("anchors, aliases, tags and extra documents are refused", "[load]") {
  CHECK(read("a: &x 1\nb: *x\n").errors ==
        std::vector<std::string>{
            "t.yaml:1:4: error: anchors ('&x') are not supported: write the value out [yaml]"});
  CHECK_FALSE(read("a: &x 1\n").result.ok);
  CHECK(read("a: 1\n---\nb: 2\n").errors ==
        std::vector<std::string>{"t.yaml:2:1: error: more than one YAML document in the file "
                                 "('---'): a file is one document [yaml]"});
  CHECK(read("a: !foo x\n").errors ==
        std::vector<std::string>{
            "t.yaml:1:4: error: the tag '!foo' is not supported: write plain text [yaml]"});
  const Read str = read("a: !!str 12\n");
  CHECK(str.errors.empty());
  CHECK(str.result.tree.root().children()[1].quoted());
}

TEST_CASE("a syntax error is reported at its line and column, lower-case", "[load]") {
  CHECK(read("a: b: c\n").errors ==
        std::vector<std::string>{"t.yaml:1:5: error: mapping values are not allowed in this "
                                 "context (a ': ' in plain text starts a mapping: put the text "
                                 "in quotes) [yaml]"});
  CHECK(read("a:\n  - x\n y: 2\n").errors ==
        std::vector<std::string>{"t.yaml:3:2: error: did not find expected key (while parsing a "
                                 "block mapping that starts at line 1, column 1) [yaml]"});
  CHECK(
      read("a: \"x\\qy\"\n").errors ==
      std::vector<std::string>{"t.yaml:1:6: error: found unknown escape character '\\q' (while "
                               "parsing a quoted scalar that starts at line 1, column 4) [yaml]"});
  CHECK(
      read("a: [1, 2\n").errors ==
      std::vector<std::string>{"t.yaml:2:1: error: did not find expected ',' or ']' (while "
                               "parsing a flow sequence that starts at line 1, column 4) [yaml]"});
  CHECK_FALSE(read("a: [1, 2\n").result.ok);
}

TEST_CASE("a quoted scalar left open to the end of the file is an error", "[load]") {
  CHECK(
      read("a: \"abc\n").errors ==
      std::vector<std::string>{
          "t.yaml:1:4: error: the quoted text is never closed: a closing '\"' is missing [yaml]"});
  CHECK(read("a: 'it''s\n").errors.size() == 1);
  CHECK(read("a: 'it''s'\nb: \"x\\\"y\"\n").errors.empty());
}

TEST_CASE("nesting deeper than the limit stops the reader", "[load]") {
  const Read r = read(std::string(70, '[') + std::string(70, ']') + "\n");
  CHECK_FALSE(r.result.ok);
  CHECK(r.errors ==
        std::vector<std::string>{"t.yaml:1:65: error: nesting deeper than 64 levels [yaml]"});
  CHECK(read(std::string(64, '[') + std::string(64, ']') + "\n").errors.empty());
}

TEST_CASE("an empty file or one of comments has no document", "[load]") {
  CHECK(read("").result.tree.empty());
  CHECK(read("# only a comment\n").result.tree.empty());
  CHECK(read("# only a comment\n").result.ok);
}

TEST_CASE("a byte order mark does not shift columns", "[load]") {
  const Read r = read(
      "\xEF\xBB\xBF"
      "a: 1\nb: [\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].rfind("t.yaml:3:1: error:", 0) == 0);
  CHECK(read("\xEF\xBB\xBF"
             "a: 1\n")
            .result.tree.root()
            .children()[1]
            .pos() == Pos{1, 4});
}

TEST_CASE("the elements of the streamed sequence are handed over and dropped", "[load]") {
  std::string text = "source: {id: s}\nfacts:\n";
  for (int i = 0; i < 1000; ++i) text += "  - {id: f" + std::to_string(i) + ", value: 1}\n";
  text += "defaults: {when: 2019}\n";
  ReadOptions options;
  options.stream_key = "facts";
  std::vector<std::string> ids;
  const Read r = read(text, options, [&](NodeRef item) {
    const auto fields = item.children();
    ids.emplace_back(fields[1].text());
    CHECK(fields[1].pos().line == ids.size() + 2);
  });
  CHECK(r.errors.empty());
  CHECK(r.result.streamed == 1000);
  REQUIRE(ids.size() == 1000);
  CHECK(ids[999] == "f999");
  CHECK(r.result.tree.node_count() < 20);  // the facts are gone; source and defaults stay
  const auto top = r.result.tree.root().children();
  CHECK(top[3].is_sequence());
  CHECK(top[3].size() == 1000);
  CHECK(top[5].children()[1].text() == "2019");
}

TEST_CASE("a scalar is verbatim only when its text is its bytes on one line", "[load]") {
  const Read r = read("a: plain text\nb: 'it''s'\nc: \"x\\ty\"\nd: |\n  block\ne: two\n  lines\n");
  REQUIRE(r.errors.empty());
  const auto top = r.result.tree.root().children();
  CHECK(top[1].verbatim());
  CHECK_FALSE(top[3].verbatim());
  CHECK_FALSE(top[5].verbatim());
  CHECK_FALSE(top[7].verbatim());
  CHECK_FALSE(top[9].verbatim());
}

TEST_CASE(
    "positions count characters wherever a line feed or a wide character falls in eight bytes",
    "[load]") {
  // The cursor walks eight bytes at a time and stops inside a word at its first line feed or
  // byte beyond ASCII: each offset of "é" and of the line end within a word is tried.
  for (std::size_t before = 0; before < 20; ++before) {
    for (std::size_t after = 0; after < 12; ++after) {
      const std::string text = "k: \"" + std::string(before, 'a') + "\xC3\xA9" +
                               std::string(after, 'b') + "\"\nl: [" + std::string(after, 'c') +
                               "w, x\xE2\x80\x9Cy, z]\n";
      INFO(text);
      const Read r = read(text);
      REQUIRE(r.errors.empty());
      const auto top = r.result.tree.root().children();
      REQUIRE(top.size() == 4);
      CHECK(top[1].pos() == Pos{1, 4});
      CHECK(top[2].pos() == Pos{2, 1});
      const auto list = top[3].children();
      REQUIRE(list.size() == 3);
      CHECK(list[1].pos() == Pos{2, static_cast<std::uint32_t>(8 + after)});  // after "l: [c…w, "
      CHECK(list[2].pos() ==
            Pos{2, static_cast<std::uint32_t>(13 + after)});  // "x“y": 3 characters
    }
  }
}
