// Witnesses and releases (FORMAT §1.1), from fact bases written as a user would.
#include "catch.h"

#include "load/load_helpers.h"
#include "model/provenance.h"

using cc::Release;
using cc::test::load_files;

namespace {

// A fact file for source `id` with the given `based_on` (YAML flow list, "" for none).
std::string source_file(const std::string& id, const std::string& based_on) {
  std::string text = "source: {id: " + id + ", title: T, published: 2024-11-01";
  if (!based_on.empty()) text += ", based_on: " + based_on;
  return text + "}\nfacts: []\n";
}

// Source id → its witness's id.
std::map<std::string, std::string> witnesses(const cc::FactBase& base) {
  const auto witness = cc::witness_of_sources(base);
  REQUIRE(witness.size() == base.sources.size());
  std::map<std::string, std::string> out;
  for (std::size_t s = 0; s < witness.size(); ++s)
    out[base.sources[s].id] = base.sources[witness[s]].id;
  return out;
}

std::vector<Release> releases(const cc::FactBase& base, const std::string& id) {
  const auto index = base.find_source(id);
  REQUIRE(index.has_value());
  return cc::releases_of(base, *index);
}

const char* const kWire = "[{publisher: Wire, published: 2024-10-31}]";

}  // namespace

TEST_CASE("three outlets copying one wire story are one witness", "[model][provenance]") {
  const auto loaded = load_files("prov-wire", {{"a.yaml", source_file("a", kWire)},
                                               {"b.yaml", source_file("b", kWire)},
                                               {"c.yaml", source_file("c", kWire)},
                                               {"d.yaml", source_file("d", "")}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const std::map<std::string, std::string> expected = {
      {"a", "a"}, {"b", "a"}, {"c", "a"}, {"d", "d"}};
  CHECK(witnesses(loaded.base) == expected);
  CHECK(releases(loaded.base, "b") == std::vector<Release>{{"Wire", "2024-10-31"}});
  CHECK(releases(loaded.base, "d").empty());
}

TEST_CASE("two independent sources are two witnesses", "[model][provenance]") {
  const auto loaded = load_files(
      "prov-two", {{"a.yaml", source_file("a", "[{publisher: Wire, published: 2024-10-31}]")},
                   {"b.yaml", source_file("b", "[{publisher: Wire, published: 2024-11-07}]")},
                   {"c.yaml", source_file("c", "[{publisher: Agency, published: 2024-10-31}]")},
                   {"d.yaml", source_file("d", "")},
                   {"e.yaml", source_file("e", "")}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  // The same publisher on another day, or another publisher on the same day, is another
  // release; sources with no based_on are each their own witness.
  const std::map<std::string, std::string> expected = {
      {"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"e", "e"}};
  CHECK(witnesses(loaded.base) == expected);
}

TEST_CASE("a chain of sources traces to the release at its end", "[model][provenance]") {
  // a reports b, b reports the wire story; c reports the same wire story directly.
  const auto loaded = load_files("prov-chain", {{"a.yaml", source_file("a", "[{source: b}]")},
                                                {"b.yaml", source_file("b", kWire)},
                                                {"c.yaml", source_file("c", kWire)},
                                                {"d.yaml", source_file("d", "")}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const std::map<std::string, std::string> expected = {
      {"a", "a"}, {"b", "a"}, {"c", "a"}, {"d", "d"}};
  CHECK(witnesses(loaded.base) == expected);
  CHECK(releases(loaded.base, "a") == std::vector<Release>{{"Wire", "2024-10-31"}});
  CHECK(releases(loaded.base, "c") == std::vector<Release>{{"Wire", "2024-10-31"}});
}

TEST_CASE("sources based on one source of the fact base are one witness with it",
          "[model][provenance]") {
  // e ← d ← c, and b ← c: all four trace to c; a stands alone.
  const auto loaded = load_files(
      "prov-transitive",
      {{"a.yaml", source_file("a", "")},
       {"b.yaml", source_file("b", "[{source: c}]")},
       {"c.yaml", source_file("c",
                              "[{publisher: NSPCC, published: 2024-08}, "
                              "{publisher: Home Office, published: 2024-07-25}]")},
       {"d.yaml", source_file("d", "[{source: c}]")},
       {"e.yaml", source_file("e", "[{source: d}, {publisher: Ofcom, published: 2024}]")}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const std::map<std::string, std::string> expected = {
      {"a", "a"}, {"b", "b"}, {"c", "b"}, {"d", "b"}, {"e", "b"}};
  CHECK(witnesses(loaded.base) == expected);
  const std::vector<Release> of_e = {
      {"Ofcom", "2024"}, {"NSPCC", "2024-08"}, {"Home Office", "2024-07-25"}};
  CHECK(releases(loaded.base, "e") == of_e);
  CHECK(releases(loaded.base, "b") == releases(loaded.base, "c"));
  CHECK(releases(loaded.base, "a").empty());
}

TEST_CASE("the upstreams are kept as written, with where they are written", "[load][provenance]") {
  const auto loaded = load_files(
      "prov-fields", {{"a.yaml",
                       "source:\n  id: a\n  title: T\n  published: 2024-11-01\n  based_on:\n"
                       "    - source: b\n    - { publisher: NSPCC, published: 2024-08 }\n"},
                      {"b.yaml", source_file("b", "")}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const auto& based_on = loaded.base.sources[*loaded.base.find_source("a")].based_on;
  REQUIRE(based_on.size() == 2);
  CHECK(based_on[0].source == "b");
  CHECK(based_on[0].publisher.empty());
  CHECK(based_on[0].mark.line == 6);
  CHECK(based_on[0].mark.column == 7);
  CHECK(based_on[1].source.empty());
  CHECK(based_on[1].publisher == "NSPCC");
  CHECK(based_on[1].published == "2024-08");
  CHECK(based_on[1].mark.line == 7);
}

TEST_CASE("the example fact base: LBC reports the NSPCC's figures, one witness",
          "[model][provenance]") {
  const auto loaded = cc::test::load_dir(cc::test::source_dir() / "tests/load/good");
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const std::map<std::string, std::string> expected = {{"lbc-2024-11-01", "lbc-2024-11-01"},
                                                       {"nspcc-2024", "lbc-2024-11-01"}};
  CHECK(witnesses(loaded.base) == expected);
  CHECK(releases(loaded.base, "lbc-2024-11-01").empty());  // nspcc-2024 names no release
}
