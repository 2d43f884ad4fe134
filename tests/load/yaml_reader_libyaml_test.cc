// The reader on libyaml: what libyaml gives differently from yaml-cpp (marks counted in
// characters, nulls as plain scalars, tags as NULL plus a style, errors as problem and
// context) must reach the tree and the messages as before; and what YAML 1.1 reads
// differently from 1.2 is decided here, one case each.
#include "catch.h"

#include "load/read_yaml.h"
#include "load/yaml_reader.h"
#include "model/diagnostic.h"

using cc::load::NodeKind;
using cc::load::NodeRef;
using cc::load::Pos;
using cc::load::ReadOptions;

namespace {

using cc::test::Read;
using cc::test::read;

std::vector<std::string> error(const std::string& message) {
  return {"t.yaml:" + message};
}

}  // namespace

TEST_CASE("libyaml reader: columns count characters of 2, 3 and 4 bytes", "[load][libyaml]") {
  // é is 2 bytes, € 3, 𝄞 4: libyaml's marks count characters, the checks need bytes.
  const Read r = read(
      "\xC3\xA9: \"\xE2\x82\xAC 1\"\n"
      "x: [\xF0\x9D\x84\x9E, \xC3\xA9\xC3\xA9, 'z']\n"
      "\xE2\x82\xAC\xE2\x82\xAC: plain \xC3\xA9\n");
  REQUIRE(r.errors.empty());
  const auto top = r.top();
  REQUIRE(top.size() == 6);
  CHECK(top[1].pos() == Pos{1, 4});
  CHECK(top[1].text() == "\xE2\x82\xAC 1");
  CHECK(top[1].verbatim());  // found at its byte offset, not its character index
  const auto list = top[3].children();
  CHECK(top[3].pos() == Pos{2, 4});
  CHECK(list[0].pos() == Pos{2, 5});
  CHECK(list[1].pos() == Pos{2, 8});
  CHECK(list[2].pos() == Pos{2, 12});
  CHECK(list[2].verbatim());
  CHECK(top[4].pos() == Pos{3, 1});
  CHECK(top[5].pos() == Pos{3, 5});
  CHECK(top[5].text() == "plain \xC3\xA9");
  CHECK(top[5].verbatim());
}

TEST_CASE("libyaml reader: CRLF line ends and a byte order mark keep positions",
          "[load][libyaml]") {
  const Read crlf = read("a: 1\r\nb: \"\xC3\xA9\"\r\nc: [x, y]\r\n");
  REQUIRE(crlf.errors.empty());
  const auto top = crlf.top();
  CHECK(top[3].pos() == Pos{2, 4});
  CHECK(top[3].text() == "\xC3\xA9");
  CHECK(top[3].verbatim());
  CHECK(top[5].children()[1].pos() == Pos{3, 8});
  const Read bom = read("\xEF\xBB\xBF\xC3\xA9: x\nb: [1, 2\n");
  CHECK(bom.errors == error("3:1: error: did not find expected ',' or ']' (while parsing a flow "
                            "sequence that starts at line 2, column 4) [yaml]"));
  CHECK(read("\xEF\xBB\xBF\xC3\xA9: x\n").top()[1].pos() == Pos{1, 4});
}

TEST_CASE("libyaml reader: the plain scalars YAML reads as null are null", "[load][libyaml]") {
  const Read r = read("[, ~, null, Null, NULL]");
  CHECK_FALSE(r.errors.empty());  // an empty flow entry is not YAML (yaml-cpp read a null)
  const Read nulls = read("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: \n");
  REQUIRE(nulls.errors.empty());
  for (std::size_t i = 1; i < 12; i += 2) CHECK(nulls.top()[i].kind() == NodeKind::null);
  const Read text = read("a: nULL\nb: '~'\nc: \"null\"\nd: !!str null\ne: !!str\nf: nulls\n");
  REQUIRE(text.errors.empty());
  for (std::size_t i = 1; i < 12; i += 2) CHECK(text.top()[i].kind() == NodeKind::scalar);
  CHECK(text.top()[7].text() == "null");
  CHECK(text.top()[9].text().empty());
}

TEST_CASE("libyaml reader: an empty value sits at the next token, as with yaml-cpp",
          "[load][libyaml]") {
  const Read block = read("a:\nb: # note\n\n  # more\nc: 1\nd:\n");
  REQUIRE(block.errors.empty());
  CHECK(block.top()[1].pos() == Pos{2, 1});
  CHECK(block.top()[3].pos() == Pos{5, 1});
  CHECK(block.top()[7].pos() == Pos{7, 1});  // the end of the file
  const Read list = read("- \n-\n- x\n");
  CHECK(list.result.tree.root().children()[0].pos() == Pos{2, 1});
  CHECK(list.result.tree.root().children()[1].pos() == Pos{3, 1});
  const Read flow = read("{k: , n: }\n");
  CHECK(flow.top()[1].pos() == Pos{1, 5});
  CHECK(flow.top()[3].pos() == Pos{1, 10});
}

TEST_CASE("libyaml reader: quoted marks every scalar not written plain", "[load][libyaml]") {
  const Read r = read("a: x\nb: 'x'\nc: \"x\"\nd: |\n  x\ne: >\n  x\nf: !!str x\ng: ! x\n");
  REQUIRE(r.errors.empty());
  const auto top = r.top();
  CHECK_FALSE(top[0].quoted());
  CHECK_FALSE(top[1].quoted());
  for (std::size_t i = 3; i < 14; i += 2) CHECK(top[i].quoted());
  CHECK(top[1].verbatim());
  CHECK(top[3].verbatim());
  CHECK(top[5].verbatim());
  CHECK_FALSE(top[7].verbatim());   // a block scalar
  CHECK_FALSE(top[11].verbatim());  // tagged: its text does not start at its position
}

TEST_CASE("libyaml reader: anchors, aliases and tags are refused on collections too",
          "[load][libyaml]") {
  CHECK(read("a: &x [1]\n").errors ==
        error("1:4: error: anchors ('&x') are not supported: write the value out [yaml]"));
  CHECK(read("a: &y\n  b: 1\n").errors ==
        error("1:4: error: anchors ('&y') are not supported: write the value out [yaml]"));
  CHECK(read("a: *x\n").errors ==
        error("1:4: error: aliases ('*') are not supported: write the value out [yaml]"));
  CHECK(read("a: !foo [x]\n").errors ==
        error("1:4: error: the tag '!foo' is not supported [yaml]"));
  CHECK(read("a: !!int 3\n").errors ==
        error("1:4: error: the tag 'tag:yaml.org,2002:int' is not supported: write plain text "
              "[yaml]"));
  CHECK(read("!!map {a: !!seq [1]}\n").errors.empty());
}

TEST_CASE("libyaml reader: documents, directives and depth", "[load][libyaml]") {
  CHECK(read("a: 1\n...\n").errors.empty());
  CHECK(read("a: 1\n...\n---\nb: 1\n").errors ==
        error("3:1: error: more than one YAML document in the file ('---'): a file is one "
              "document [yaml]"));
  CHECK(read("%YAML 1.2\n---\na: 1\n").errors.empty());
  CHECK(read("%YAML 1.1\n---\na: 1\n").errors.empty());
  CHECK(read("%YAML 2.0\n---\na: 1\n").errors ==
        error("1:1: error: found incompatible YAML document [yaml]"));
  std::string block;
  for (int depth = 0; depth < 70; ++depth) block += std::string(2 * depth, ' ') + "- \n";
  const Read deep = read(block);
  CHECK_FALSE(deep.result.ok);
  CHECK(deep.errors == error("65:129: error: nesting deeper than 64 levels [yaml]"));
}

TEST_CASE("libyaml reader: the quoted text never closed, single or double", "[load][libyaml]") {
  CHECK(read("a: x\nb: '\xC3\xA9 it''s\nc: 1\n").errors ==
        error("2:4: error: the quoted text is never closed: a closing \"'\" is missing [yaml]"));
  CHECK(read("a: \"x\n  y\n").errors ==
        error("1:4: error: the quoted text is never closed: a closing '\"' is missing [yaml]"));
}

TEST_CASE("libyaml reader: YAML 1.1 and 1.2 differences, decided", "[load][libyaml]") {
  // Tabs as separators after ':' and before a comment are read as before.
  const Read tabs = read("a:\t1\nb: 2\t# c\n");
  REQUIRE(tabs.errors.empty());
  CHECK(tabs.top()[3].text() == "2");
  // `key:value` is one plain scalar in both.
  CHECK(read("key:value\n").result.tree.root().text() == "key:value");
  // A tab that indents is an error, with the hint.
  CHECK(read("a:\n\tb: 1\n").errors ==
        error("2:1: error: found character that cannot start any token (a tab indents this line: "
              "YAML indents with spaces only) [yaml]"));
  // A key longer than 1024 characters (YAML's limit on a simple key) is refused; a long value
  // is not.
  CHECK_FALSE(read(std::string(1100, 'k') + ": 1\n").errors.empty());
  CHECK(read("a: " + std::string(5000, 'v') + "\nb: \"" + std::string(5000, 'w') + "\"\n")
            .errors.empty());
  // U+0085, U+2028 and U+2029 break lines in YAML 1.1 and not in 1.2: refused, not misread.
  CHECK(read("q: \"a\xE2\x80\xA8\x62\"\n").errors ==
        error("1:6: error: the character U+2028 (line separator) is not allowed: YAML 1.1 reads "
              "it as a line break; remove it, or write it as an escape in double quotes "
              "[encoding]"));
  CHECK(read("q: a\xC2\x85\x62\n").errors.size() == 1);
  CHECK(read("q: \"a\\u2028b\"\n").top()[1].text() == "a\xE2\x80\xA8\x62");
  // Control characters other than tab and line ends are not YAML at all.
  CHECK(read("a: x\x07y\n").errors ==
        error("1:5: error: the control character U+0007 is not allowed in YAML: remove it, or "
              "write it as an escape in double quotes [encoding]"));
  CHECK(read("a: \"x\\ay\"\n").errors.empty());
}

TEST_CASE("libyaml reader: streamed items with nulls and nested lists", "[load][libyaml]") {
  ReadOptions options;
  options.stream_key = "facts";
  std::vector<std::string> seen;
  const Read r =
      read("source: {id: s}\nfacts:\n  - \n  - {id: a, in: [x, y]}\n  - ~\n  - id: \xC3\xA9\n",
           options, [&](NodeRef item) {
             if (item.is_null()) {
               seen.push_back("null " + std::to_string(item.pos().line));
             } else {
               const auto fields = item.children();
               seen.push_back(std::string(fields[1].text()) + " " +
                              std::to_string(fields[1].pos().line) + ":" +
                              std::to_string(fields[1].pos().column));
             }
           });
  REQUIRE(r.errors.empty());
  CHECK(r.result.streamed == 4);
  CHECK(seen == std::vector<std::string>{"null 4", "a 4:10", "null 5", "\xC3\xA9 6:9"});
  CHECK(r.top()[3].size() == 4);
  CHECK(r.top()[3].children().empty());
}
