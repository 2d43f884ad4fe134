// extract: the draft's YAML — scalars that read back as written, escapes, ids, and the
// skeleton of a draft built from text in memory.
#include <yaml-cpp/yaml.h>

#include "catch.h"

#include "extract/draft.h"

using namespace cc::extract;

TEST_CASE("values stay plain only where every YAML reader reads them back as written",
          "[extract]") {
  for (const char* plain : {"7,062", "82%", "1 in 4", "more than 10,000", "66", "2.5", "0",
                            "almost half (47%)", "55 per cent", "nine", "0.25"}) {
    INFO(plain);
    CHECK(yaml_scalar(plain) == plain);
  }
  // Numbers a YAML reader would respell (octal in YAML 1.1, trailing zeros, exponents),
  // words it would read as booleans or null, and text that is not plain YAML.
  for (const char* quoted : {"0622017", "07", "2.50", "1_000", "1e5", "2.", "yes", "No", "null",
                             "~", "\u00A31.6bn", "$3 billion", "a: b", "#1", "50% #", "-5", "x "}) {
    INFO(quoted);
    const std::string scalar = yaml_scalar(quoted);
    CHECK(scalar.front() == '"');
    CHECK(YAML::Load("v: " + scalar)["v"].as<std::string>() == quoted);
  }
}

TEST_CASE("double-quoted YAML escapes what would break it and keeps the rest", "[extract]") {
  // yaml-cpp's emitter writes the escapes (lower-case hex) and a malformed byte as U+FFFD.
  CHECK(yaml_double_quoted("He said \"45%\" \\ no") == "\"He said \\\"45%\\\" \\\\ no\"");
  CHECK(yaml_double_quoted("a\tb\nc\x1B") == "\"a\\tb\\nc\\x1b\"");
  CHECK(yaml_double_quoted("bad \xFF byte \u201Cok\u201D") == "\"bad \uFFFD byte \u201Cok\u201D\"");
  // DEL, U+2028, U+2029: the emitter would write them raw, which YAML does not allow (or
  // YAML 1.1 reads as a line break): the scalar is escaped to ASCII. U+FFFF, not printable
  // in YAML either, the emitter writes as U+FFFD.
  CHECK(yaml_double_quoted("c\x7F") == "\"c\\x7f\"");
  CHECK(yaml_double_quoted("\u00E9t\u00E9\u2028sep") == "\"\\xe9t\\xe9\\u2028sep\"");
  CHECK(yaml_double_quoted("x\uFFFF") == "\"x\uFFFD\"");
  for (const std::string& text :
       {std::string("He said \"45%\" \\ no"), std::string("a\tb\nc\x1B\x7F"),
        std::string("line\u2028sep \u00E9t\u00E9"), std::string("colon: # hash"),
        std::string("\u201Cok\u201D \u00A3 \xF0\x9F\x98\x80")}) {
    const std::string quoted = yaml_double_quoted(text);
    CHECK(quoted.find('\x7F') == std::string::npos);
    CHECK(quoted.find("\u2028") == std::string::npos);
    CHECK(YAML::Load("v: " + quoted)["v"].as<std::string>() == text);
  }
}

TEST_CASE("a draft of a quote with DEL and a line separator reads back as written", "[extract]") {
  const std::string text =
      "Title line\n\nPolice recorded 450 offences \x7F in 2019\u2028 in Kent.\n";
  const Draft draft = build_draft(text, DraftOptions{});
  CHECK(draft.yaml.find('\x7F') == std::string::npos);
  const YAML::Node yaml = YAML::Load(draft.yaml);
  REQUIRE(yaml["facts"].size() >= 1);
  CHECK(yaml["facts"][0]["quote"].as<std::string>().find('\x7F') != std::string::npos);
}

TEST_CASE("ids are lower-case letters, digits and dashes", "[extract]") {
  CHECK(valid_id("lbc-2024-11-01"));
  CHECK(valid_id("0"));
  CHECK_FALSE(valid_id(""));
  CHECK_FALSE(valid_id("-x"));
  CHECK_FALSE(valid_id("Bad_Id"));
  CHECK_FALSE(valid_id("caf\u00E9"));
}

TEST_CASE("a draft from text in memory: source, facts and claims", "[extract]") {
  const std::string text =
      "Grooming offences up 12% in Kent\n\n3 March 2021\n\n"
      "Kent Police recorded 450 offences in 2019-20, up 12% on the year before. "
      "That is more than one offence every day.\n";
  DraftOptions options;
  options.article_path = "some/where/kent.txt";
  const Draft draft = build_draft(text, options);
  const YAML::Node yaml = YAML::Load(draft.yaml);
  CHECK(yaml["source"]["id"].as<std::string>() == "grooming-offences-up-12-in-kent-2021-03-03");
  CHECK(yaml["source"]["title"].as<std::string>() == "Grooming offences up 12% in Kent");
  CHECK(yaml["source"]["published"].as<std::string>() == "2021-03-03");
  CHECK(yaml["source"]["article"].as<std::string>() == "articles/kent.txt");
  REQUIRE(yaml["facts"].size() == 4);
  CHECK(yaml["facts"][0]["value"].as<std::string>() == "12%");
  CHECK(yaml["facts"][0]["change"]);
  CHECK(yaml["facts"][1]["value"].as<std::string>() == "450");
  CHECK(yaml["facts"][1]["quote"].as<std::string>() ==
        "Kent Police recorded 450 offences in 2019-20");
  CHECK(yaml["facts"][2]["value"].as<std::string>() == "12%");
  CHECK(yaml["facts"][2]["quote"].as<std::string>() == "up 12% on the year before");
  CHECK(yaml["facts"][3]["value"].as<std::string>() == "more than one");
  CHECK(yaml["facts"][3]["quote"].as<std::string>() == "That is more than one offence every day");
  CHECK(yaml["facts"][3]["rate"]["per"].as<std::string>() == "day");
  CHECK(draft.yaml.find("    where: TODO  # named in the sentence: Kent\n") != std::string::npos);
  CHECK(draft.facts == 4);
  CHECK(draft.left_out == 2);  // the date and the fiscal year
  // Deterministic, and the same whatever the options' limits leave in.
  CHECK(build_draft(text, options).yaml == draft.yaml);
}

TEST_CASE("a draft of an empty or number-free text is still a fact file skeleton", "[extract]") {
  for (const char* text : {"", "\n\n", "Just words here.\n"}) {
    INFO(text);
    const Draft draft = build_draft(text, DraftOptions{});
    const YAML::Node yaml = YAML::Load(draft.yaml);
    CHECK(yaml["facts"].IsSequence());
    CHECK(yaml["facts"].size() == 0);
    CHECK(valid_id(yaml["source"]["id"].as<std::string>()));
  }
}
