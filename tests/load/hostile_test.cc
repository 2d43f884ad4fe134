// Input meant to break the loader: each must end in a clear error or a clean skip,
// never a crash, a hang or memory out of proportion.
#include <sys/stat.h>

#include "catch.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "load/text.h"
#include "load_helpers.h"

namespace fs = std::filesystem;
using cc::test::load_files;

namespace {

const std::string kHeader = "source: {id: h, title: Hostile, published: 2024}\n";

}  // namespace

TEST_CASE("hostile: deep nesting stops at the limit", "[load][hostile]") {
  const auto loaded =
      load_files("deep", {{"a.yaml", kHeader + "facts: " + std::string(100000, '[') + "\n"},
                          {"b.yaml", kHeader + "facts:\n" + std::string(200, ' ') + "x: 1\n"}});
  REQUIRE(loaded.lines.size() == 2);
  CHECK(loaded.lines[0].rfind("a.yaml:2:", 0) == 0);
  CHECK(loaded.lines[0].ends_with("error: nesting deeper than 64 levels [yaml]"));
  CHECK(loaded.lines[1] == "b.yaml:3:201: error: 'facts' must be a list, not a mapping [type]");
  std::string block = kHeader + "facts:\n";
  for (int depth = 0; depth < 100; ++depth) block += std::string(2 * depth + 2, ' ') + "- \n";
  const auto nested = load_files("deep-block", {{"a.yaml", block}});
  REQUIRE(nested.lines.size() == 1);
  CHECK(nested.lines[0].find("nesting deeper than 64 levels") != std::string::npos);
}

TEST_CASE("hostile: an alias bomb is refused at its first anchor", "[load][hostile]") {
  std::string bomb =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? "," : "") + "*" + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto loaded = load_files("bomb", {{"a.yaml", kHeader + bomb + "facts: [*j]\n"}});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  CHECK(loaded.lines ==
        std::vector<std::string>{
            "a.yaml:2:4: error: anchors ('&a') are not supported: write the value out [yaml]"});
  const auto alias = load_files("alias", {{"a.yaml", kHeader + "facts: *x\n"}});
  CHECK(alias.lines ==
        std::vector<std::string>{
            "a.yaml:2:8: error: aliases ('*') are not supported: write the value out [yaml]"});
}

TEST_CASE("hostile: binary garbage is not text", "[load][hostile]") {
  std::mt19937 random(42);
  std::string garbage(1 << 16, '\0');
  for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
  const auto loaded = load_files(
      "garbage", {{"a.yaml", "source: x\n" + garbage}, {"b.yaml", std::string("\0\0\0", 3)}});
  REQUIRE(loaded.lines.size() == 2);
  CHECK(loaded.lines[0].rfind("a.yaml:2:", 0) == 0);
  CHECK(loaded.lines[0].find("[encoding]") != std::string::npos);
  CHECK(loaded.lines[1] ==
        "b.yaml:1:1: error: the file holds a NUL byte: it is not text [encoding]");
}

TEST_CASE("hostile: numbers YAML can write but no source can", "[load][hostile]") {
  const auto loaded = load_files(
      "numbers", {{"a.yaml", kHeader + R"(defaults: {measure: offences, where: UK, when: 2019}
facts:
  - {id: huge, quote: q, value: 1e400}
  - {id: nan, quote: q, value: .nan}
  - {id: inf, quote: q, value: -.inf}
  - {id: hex, quote: q, value: 0x1F}
  - {id: long, quote: q, value: 1)" +
                                 std::string(5000, '0') + R"(}
  - {id: precision, quote: q, value: 1, precision: 1e400}
)"}});
  REQUIRE(loaded.lines.size() == 6);
  for (const auto& line : loaded.lines) CHECK(line.find("error:") != std::string::npos);
  CHECK(loaded.lines[0] ==
        "a.yaml:4:33: error: number out of range: '1e400' (exponents go up to 15) [value]");
}

TEST_CASE("hostile: an empty file and a file of comments are skipped", "[load][hostile]") {
  const auto loaded = load_files("empty", {{"a.yaml", ""},
                                           {"b.yaml", "# nothing here\n# at all\n"},
                                           {"c.yml", "just a scalar\n"},
                                           {"d.yaml", "- a list\n"}});
  CHECK(loaded.clean());
  CHECK(loaded.base.skipped.size() == 4);
  CHECK(loaded.base.sources.empty());
}

TEST_CASE("hostile: many errors in one file are counted, not listed", "[load][hostile]") {
  std::string text = kHeader + "facts: [";
  for (int i = 0; i < 5000; ++i) text += "1,";
  text += "1]\n";
  const auto loaded = load_files("flood", {{"a.yaml", text}});
  REQUIRE(loaded.lines.size() == cc::load::kMaxErrorsPerFile + 1);
  CHECK(loaded.lines[0] == "a.yaml: error: 4001 more errors in this file are not listed [file]");
  CHECK(loaded.lines.back() ==
        "a.yaml:2:2007: error: a fact must be a mapping of fields (id, quote, value, …), not a "
        "scalar [type]");
}

TEST_CASE("hostile: an article symlink leading out of the folder is never read",
          "[load][hostile]") {
  const auto outside = cc::test::scratch_dir("outside");
  cc::test::write_file(outside / "secret.txt", "secret\n");
  const auto dir = cc::test::scratch_dir("symlink");
  cc::test::write_file(dir / "vocabulary.yaml", cc::test::kVocabulary);
  fs::create_directories(dir / "articles");
  fs::create_symlink(outside / "secret.txt", dir / "articles/link.txt");
  fs::create_directory_symlink(outside, dir / "articles/out");
  cc::test::write_file(dir / "a.yaml",
                       "source: {id: a, title: T, published: 2024, article: articles/link.txt}\n");
  cc::test::write_file(
      dir / "b.yaml",
      "source: {id: b, title: T, published: 2024, article: articles/out/secret.txt}\n");
  const auto loaded = cc::test::load_dir(dir);
  REQUIRE(loaded.lines.size() == 2);
  CHECK(
      loaded.lines[0].ends_with("a.yaml:1:53: error: the article 'articles/link.txt' lies outside "
                                "the fact base folder: it is not read [article]"));
  CHECK(loaded.lines[1].find("'articles/out/secret.txt' lies outside") != std::string::npos);
  for (const auto& source : loaded.base.sources) CHECK(source.article_file.empty());
}

TEST_CASE("hostile: a 50 MB file loads, or is refused whole under a lower limit",
          "[load][hostile]") {
  const auto dir = cc::test::scratch_dir("large");
  cc::test::write_file(dir / "vocabulary.yaml", cc::test::kVocabulary);
  {
    std::ofstream out(dir / "big.yaml", std::ios::binary);
    out << kHeader
        << "facts:\n  - {id: one, quote: q, value: 1, measure: offences, where: UK, when: 2019}\n";
    out << "  - id: two\n    quote: q\n    value: 2\n    measure: offences\n    where: UK\n    "
           "when: 2020\n    note: ";
    const std::string words = "forty two words of a very long note ";
    for (std::size_t written = 0; written < 50u * 1024 * 1024; written += words.size())
      out << words;
    out << "end\n";
  }
  REQUIRE(fs::file_size(dir / "big.yaml") > 50u * 1024 * 1024);
  const auto loaded = cc::test::load_dir(dir);  // read whole; the note is over the field cap
  REQUIRE(loaded.lines.size() == 1);
  CHECK(loaded.lines[0].ends_with(
      "error: 'note' is 51201 KB long, more than the limit of 64 KB for one field [too-long]"));
  REQUIRE(loaded.base.facts.size() == 2);

  cc::LoadOptions options;
  options.max_file_bytes = 16u * 1024 * 1024;
  const auto refused = cc::test::load_dir(dir, options);
  REQUIRE(refused.lines.size() == 1);
  CHECK(refused.lines[0].ends_with(
      "big.yaml: error: the file is 50 MB, more than the limit of 16 MB [file]"));
  fs::remove(dir / "big.yaml");
}

// Issue 10: files dropped in silence, misspelled keys, amplification, small holes.

TEST_CASE("hostile: CR-only line ends are line ends", "[load][hostile]") {
  std::string text = kHeader +
                     "facts:\n  - {id: a, quote: q, value: 3, measure: offences, "
                     "where: UK, when: 2019}\n";
  for (char& c : text)
    if (c == '\n') c = '\r';
  const auto loaded = load_files("cr-only", {{"a.yaml", text}});
  CHECK(loaded.clean());
  CHECK(loaded.base.skipped.empty());
  CHECK(loaded.base.facts.size() == 1);
}

TEST_CASE("hostile: every *.yaml is read or named with the reason", "[load][hostile]") {
  const auto dir = cc::test::scratch_dir("unreadable-yaml");
  const auto outside = cc::test::scratch_dir("unreadable-yaml-outside");
  cc::test::write_file(dir / "vocabulary.yaml", cc::test::kVocabulary);
  cc::test::write_file(outside / "x.yaml", kHeader + "facts: []\n");
  fs::create_symlink(dir / "nowhere.yaml", dir / "dangling.yaml");
  fs::create_symlink(dir / "loop-b.yaml", dir / "loop-a.yaml");
  fs::create_symlink(dir / "loop-a.yaml", dir / "loop-b.yaml");
  fs::create_symlink(outside / "x.yaml", dir / "escape.yaml");
  REQUIRE(mkfifo((dir / "pipe.yaml").c_str(), 0600) == 0);
  const std::string at = dir.string() + "/";
  const auto loaded = cc::test::load_dir(dir);
  CHECK(loaded.lines ==
        std::vector<std::string>{
            at + "dangling.yaml: error: the file is a symbolic link to nothing (a dangling "
                 "link): it is not read [file]",
            at + "escape.yaml: error: the file is a symbolic link leading outside the fact base "
                 "folder: it is not read [file]",
            at + "loop-a.yaml: error: the file is a symbolic link loop: it is not read [file]",
            at + "loop-b.yaml: error: the file is a symbolic link loop: it is not read [file]",
            at + "pipe.yaml: error: the file is a FIFO (named pipe), not a file: it is not read "
                 "[file]"});
}

TEST_CASE("hostile: a vocabulary.yaml that is a symlink loop says so", "[load][hostile]") {
  const auto dir = cc::test::scratch_dir("vocabulary-loop");
  fs::create_symlink(dir / "vocabulary.yaml", dir / "vocabulary.yaml");
  const auto loaded = cc::test::load_dir(dir);
  REQUIRE(loaded.lines.size() == 1);
  CHECK(loaded.lines[0] == dir.string() +
                               "/vocabulary.yaml: error: the vocabulary is a symbolic link loop: "
                               "it is not read [file]");
}

TEST_CASE("hostile: misspelled top-level keys are an error, not a skip", "[load][hostile]") {
  const std::string facts =
      "  - {id: a, quote: q, value: 3, measure: offences, where: UK, when: 2019}\n";
  const auto loaded = load_files(
      "misspelled",
      {{"a.yaml", "sources: {id: h, title: T, published: 2024}\nfact:\n" + facts},
       {"b.yaml", "# a fact file\nfact:\n" + facts},
       {"c.yaml", "# yaml-language-server: $schema=../schema/facts.schema.json\nnotes: 1\n"},
       {"d.yaml", "Source: {id: d, title: T, published: 2024}\nFacts: []\n"},
       {"notes.yaml", "title: my notes\nitems: [1, 2]\n"}});
  CHECK(loaded.lines ==
        std::vector<std::string>{
            "a.yaml:1:1: error: 'sources' is not a top-level key of a fact file (did you mean "
            "'source'?): the file is not read [unknown-field]",
            "b.yaml:2:1: error: 'fact' is not a top-level key of a fact file (did you mean "
            "'facts'?): the file is not read [unknown-field]",
            "c.yaml:1:1: error: the file names a schema ($schema) but has neither 'source' nor "
            "'facts' at the top level: it is not read [missing-field]",
            "d.yaml:1:1: error: 'Source' is not a top-level key of a fact file (did you mean "
            "'source'?): the file is not read [unknown-field]"});
  REQUIRE(loaded.base.skipped.size() == 1);
  CHECK(loaded.base.skipped[0].ends_with("notes.yaml"));
}

TEST_CASE("hostile: free text is capped and a bad value is echoed short", "[load][hostile]") {
  const std::string huge(70 * 1024, 'x');
  const auto loaded = load_files(
      "caps",
      {{"a.yaml", kHeader +
                      "defaults: {measure: offences, where: UK, when: 2019}\n"
                      "facts:\n  - {id: a, quote: q, value: 3, note: " +
                      huge + "}\n  - {id: b, quote: q, value: 3, measure: m" + huge + "}\n"}});
  REQUIRE(loaded.lines.size() == 2);
  CHECK(loaded.lines[0].ends_with(
      "error: 'note' is 70 KB long, more than the limit of 64 KB for one field [too-long]"));
  CHECK(loaded.lines[1].find("'measure' is 71 KB long") != std::string::npos);
  const auto unknown =
      load_files("echo", {{"a.yaml", kHeader +
                                         "facts:\n  - {id: a, quote: q, value: 3, where: UK, when: "
                                         "2019, measure: m" +
                                         std::string(5000, 'y') + "}\n"}});
  REQUIRE(unknown.lines.size() == 1);
  INFO(unknown.lines[0]);
  CHECK(unknown.lines[0].size() < 600);
  CHECK(unknown.lines[0].find(" more bytes)'") != std::string::npos);
}

TEST_CASE("hostile: at most 1000 errors are listed per file", "[load][hostile]") {
  std::string text = kHeader + "facts:\n";
  for (int i = 0; i < 3000; ++i)
    text += "  - {id: f" + std::to_string(i % 2) +
            ", quote: q, value: 3, measure: offences, where: UK, when: 2019}\n";
  const auto loaded = load_files("error-cap", {{"a.yaml", text}});
  CHECK(loaded.lines.size() == 1001);
  CHECK(loaded.text().find("more errors in this file are not listed") != std::string::npos);
}

TEST_CASE("hostile: a NUL byte in an article path is refused", "[load][hostile]") {
  const auto dir = cc::test::scratch_dir("article-nul");
  cc::test::write_file(dir / "vocabulary.yaml", cc::test::kVocabulary);
  cc::test::write_file(dir / "a.txt", "text\n");
  cc::test::write_file(dir / "a.yaml",
                       "source: {id: a, title: T, published: 2024, article: \"a.txt\\0evil\"}\n"
                       "facts: []\n");
  const auto loaded = cc::test::load_dir(dir);
  REQUIRE(loaded.lines.size() == 1);
  CHECK(loaded.lines[0].ends_with(
      "error: the article 'a.txt\\x00evil' holds a NUL byte: it is not a path [article]"));
}
