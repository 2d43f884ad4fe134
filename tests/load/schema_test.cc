// The JSON Schemas in schema/ must say what the loader does: the properties of each
// object equal the loader's field tables, and a real validator (schema/validate.py with
// Debian's python3-jsonschema and python3-ruamel.yaml)
// accepts the example files and rejects what the loader rejects for its structure.
#include "catch.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "load/fields.h"
#include "load_helpers.h"

namespace fs = std::filesystem;
using cc::test::read_file;
using cc::test::source_dir;

namespace {

nlohmann::json schema(std::string_view name) {
  return nlohmann::json::parse(
      read_file(source_dir() / "schema" / (std::string(name) + ".schema.json")));
}

const nlohmann::json& object_of(const nlohmann::json& root, std::string_view definition) {
  if (definition.empty()) return root;
  return root.at("definitions").at(std::string(definition));
}

using Command = cc::test::SchemaRun;

Command validate(std::string_view schema_name, const std::vector<fs::path>& files) {
  return cc::test::validate_with_schema(std::string(schema_name) + ".schema.json", files);
}

}  // namespace

TEST_CASE("each schema object lists exactly the fields the loader knows", "[load][schema]") {
  std::set<std::pair<std::string, std::string>> checked;
  for (const cc::load::FieldTable& table : cc::load::field_tables()) {
    INFO(table.schema << " " << table.definition);
    const nlohmann::json root = schema(table.schema);
    const nlohmann::json& object = object_of(root, table.definition);
    REQUIRE(object.contains("properties"));
    std::set<std::string> in_schema;
    for (const auto& [name, value] : object.at("properties").items()) in_schema.insert(name);
    const std::set<std::string> in_loader(table.fields.begin(), table.fields.end());
    CHECK(in_schema == in_loader);
    CHECK(object.at("additionalProperties") == false);
    checked.emplace(table.schema, table.definition);
  }
  for (const std::string name : {"facts", "vocabulary"}) {  // no object the loader does not know
    const nlohmann::json root = schema(name);               // kept alive while its items are walked
    for (const auto& [definition, value] : root.at("definitions").items()) {
      if (value.contains("properties")) CHECK(checked.contains({name, definition}));
    }
  }
}

TEST_CASE("the schemas accept the example fact base", "[load][schema]") {
  const fs::path good = source_dir() / "tests/load/good";
  const auto facts = validate("facts", {good / "lbc.yaml", good / "nspcc.yaml"});
  INFO(facts.out);
  REQUIRE(facts.out.find("No module named") ==
          std::string::npos);  // .ci/deps test installs python3-jsonschema, python3-ruamel.yaml
  CHECK(facts.status == 0);
  // every form of `record` (the record cases' articles)
  const fs::path cases = source_dir() / "tests/cases";
  const auto records = validate(
      "facts", {cases / "record-since-bound-fires/facts/moor-gazette-2025-02-03.yaml",
                cases / "record-low-since-records-began-fires/facts/wendle-post-2024-04-02.yaml",
                cases / "record-second-highest-fires/facts/valley-news-2024-02-14.yaml",
                cases / "record-first-fall-fires/facts/ostry-courier-2024-01-09.yaml",
                cases / "record-time-of-year-fires/facts/wendle-post-2024-03-25.yaml",
                cases / "record-largest-fall-fires/facts/moor-gazette-2024-02-05.yaml"});
  INFO(records.out);
  CHECK(records.status == 0);
  const auto vocabulary = validate("vocabulary", {good / "vocabulary.yaml"});
  INFO(vocabulary.out);
  CHECK(vocabulary.status == 0);
}

TEST_CASE("the schema accepts the fact files of the difference cases", "[load][schema]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source_dir() / "tests/cases")) {
    if (entry.path().filename().string().find("difference") == std::string::npos) continue;
    for (const auto& file : fs::directory_iterator(entry.path() / "facts")) {
      if (file.path().filename() != "vocabulary.yaml") files.push_back(file.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  const auto result = validate("facts", files);
  INFO(result.out);
  CHECK(result.status == 0);
}

TEST_CASE("the schema and the loader refuse the same structural faults", "[load][schema]") {
  const std::string header =
      "source: {id: s, title: T, published: 2024}\ndefaults: {measure: offences, where: UK, when: "
      "2019}\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"two-relations",
       "facts: [{id: a, quote: q, value: 1%, change: {from: b, to: c}, share: {of: b}}]\n"},
      {"record-on-claim", "facts: [{id: a, quote: q, value: 1%, share: {of: b}, record: high}]\n"},
      {"exact-and-precision",
       "facts: [{id: a, quote: q, value: 100, exact: true, precision: 10}]\n"},
      {"unknown-field", "facts: [{id: a, quote: q, value: 1, colour: red}]\n"},
      {"missing-quote", "facts: [{id: a, value: 1}]\n"},
      {"bad-id", "facts: [{id: A_1, quote: q, value: 1}]\n"},
      {"record-bound",
       "facts: [{id: a, quote: q, value: 1, record: {high: true, first_time_below: 3}}]\n"},
      {"record-word", "facts: [{id: a, quote: q, value: 1, record: highest}]\n"},
      {"record-first-level",
       "facts: [{id: a, quote: q, value: 1, record: {kind: first, since: 2018}}]\n"},
      {"record-low-change",
       "facts: [{id: a, quote: q, value: 1, record: {kind: low, over: fall}}]\n"},
      {"record-since-and-began",
       "facts: [{id: a, quote: q, value: 1, record: {kind: high, since: 2019, records_began: "
       "2004}}]\n"},
      {"record-rank-zero", "facts: [{id: a, quote: q, value: 1, record: {kind: high, rank: 0}}]\n"},
      {"accept-rule",
       "facts: [{id: a, quote: q, value: 1, accept: [{rule: conflit, reason: r}]}]\n"},
      {"accept-reason", "facts: [{id: a, quote: q, value: 1, accept: [{rule: conflict}]}]\n"},
      {"empty-total", "facts: [{id: a, quote: q, value: 1, total: {of: []}}]\n"},
      {"share-without-of", "facts: [{id: a, quote: q, value: 1%, share: {part: b}}]\n"},
      {"direction",
       "facts: [{id: a, quote: q, value: 1%, change: {from: b, to: c, direction: up}}]\n"},
      {"per", "facts: [{id: a, quote: q, value: 1, rate: {of: b, per: fortnight}}]\n"},
      {"ref", "facts: [{id: a, quote: q, value: 1%, ratio: {of: Not An Id, to: c}}]\n"},
      {"exact-text", "facts: [{id: a, quote: q, value: 1, exact: yes}]\n"},
      {"value-boolean", "facts: [{id: a, quote: q, value: true}]\n"},
      {"pattern-field", "facts: [{id: a, quote: q, value: 1%, share: {of: {colour: red}}}]\n"},
      {"difference-direction",
       "facts: [{id: a, quote: q, value: 1, difference: {from: b, to: c, direction: down}}]\n"},
      {"difference-per",
       "facts: [{id: a, quote: q, value: 1, difference: {from: b, to: c, per: fortnight}}]\n"},
      {"difference-without-to", "facts: [{id: a, quote: q, value: 1, difference: {from: b}}]\n"},
      {"difference-and-change",
       "facts: [{id: a, quote: q, value: 1, difference: {from: b, to: c}, change: {from: b, to: "
       "c}}]\n"},
  };
  std::vector<fs::path> files;
  for (const auto& [name, text] : cases) {
    const auto loaded = cc::test::load_files("schema-" + name, {{"a.yaml", header + text}});
    INFO(name);
    CHECK_FALSE(loaded.clean());
    files.push_back(cc::test::scratch_dir("schema-files") / (name + ".yaml"));
  }
  for (std::size_t i = 0; i < cases.size(); ++i)
    cc::test::write_file(files[i], header + cases[i].second);
  const auto result = validate("facts", files);
  INFO(result.out);
  CHECK(result.status != 0);
  for (const auto& [name, text] : cases)
    CHECK(result.out.find(name + ".yaml: invalid") != std::string::npos);
}

TEST_CASE("the schema and the loader refuse the same faults in based_on", "[load][schema]") {
  const std::string head = "source: {id: s, title: T, published: 2024, based_on: ";
  const std::string tail = "}\nfacts: []\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"upstream-both", "[{source: t, publisher: P, published: 2024}]"},
      {"upstream-no-date", "[{publisher: P}]"},
      {"upstream-no-publisher", "[{published: 2024}]"},
      {"upstream-field", "[{publsher: P, published: 2024}]"},
      {"upstream-empty", "[{}]"},
      {"upstream-text", "[P]"},
      {"upstream-none", "[]"},
      {"upstream-bad-id", "[{source: Not An Id}]"},
      {"upstream-not-list", "{source: t}"},
  };
  std::vector<fs::path> files;
  for (const auto& [name, text] : cases) {
    const auto loaded = cc::test::load_files(
        "schema-" + name, {{"a.yaml", head + text + tail},
                           {"t.yaml", "source: {id: t, title: T, published: 2024}\n"}});
    INFO(name << "\n" << loaded.text());
    CHECK_FALSE(loaded.clean());
    files.push_back(cc::test::scratch_dir("schema-upstream-files") / (name + ".yaml"));
  }
  for (std::size_t i = 0; i < cases.size(); ++i)
    cc::test::write_file(files[i], head + cases[i].second + tail);
  const auto result = validate("facts", files);
  INFO(result.out);
  CHECK(result.status != 0);
  for (const auto& [name, text] : cases)
    CHECK(result.out.find(name + ".yaml: invalid") != std::string::npos);
}
