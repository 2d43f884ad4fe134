// The load's per-fact work as a user sees it: the field tables' look-up, a mapping's fields
// (a key given twice, unknown fields, the order written), fact ids given twice in a file
// of many facts, subset values folded against the declared ones, key patterns written back.
#include <string>
#include <vector>

#include "catch.h"
#include "load/convert.h"
#include "load/key_reader.h"
#include "load/load_helpers.h"
#include "load/read_yaml.h"

namespace {

using cc::load::FieldTable;

}  // namespace

TEST_CASE("a field table finds each of its fields and nothing else", "[load][fields]") {
  for (const FieldTable& table : cc::load::field_tables()) {
    INFO(table.noun);
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
      CHECK(table.find(table.fields[i]) == static_cast<int>(i));
      const std::string field(table.fields[i]);
      CHECK(table.find(field.substr(0, field.size() - 1)) == -1);  // a prefix
      CHECK(table.find(field + "s") == -1);
      std::string upper = field;
      upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
      CHECK(table.find(upper) == -1);  // field names are case-sensitive
    }
    CHECK(table.find("") == -1);
    CHECK(table.find(std::string(40, 'a')) == -1);
    CHECK(&cc::load::field_table(table.kind) == &table);
  }
}

TEST_CASE("a mapping's fields: the first of a key given twice, in the order written",
          "[load][fields]") {
  const auto read = cc::test::read("{value: 1, quote: q, idd: x, value: 2, note: n}\n");
  REQUIRE(read.errors ==
          std::vector<std::string>{"t.yaml:1:30: error: the key 'value' is given twice in this "
                                   "mapping (first at line 1) [duplicate-key]"});
  cc::Diagnostics diagnostics;
  const std::string file = "t.yaml";
  cc::load::Converter convert(file, diagnostics);
  const auto fields = convert.fields(read.result.tree.root(), cc::load::ObjectKind::fact, "fact");
  REQUIRE(fields);
  REQUIRE(diagnostics.size() == 1);
  CHECK(format_diagnostic(diagnostics.sorted()[0]) ==
        "t.yaml:1:22: error: unknown field 'idd' in a fact (did you mean 'id'?) [unknown-field]");
  CHECK(fields->present() == std::vector<std::string_view>{"value", "quote", "note"});
  REQUIRE(fields->count() == 3);
  CHECK(fields->name(2) == "note");
  REQUIRE(fields->get("value"));
  CHECK(fields->get("value")->text() == "1");
  CHECK(fields->key_pos("value") == cc::load::Pos{1, 2});
  CHECK(fields->key_pos("note") == cc::load::Pos{1, 40});
  CHECK(fields->has("quote"));
  CHECK_FALSE(fields->has("id"));
  CHECK_FALSE(fields->get("idd"));
  CHECK(fields->key_pos("id") == fields->pos());  // absent: the mapping's own position
}

TEST_CASE("fact ids given twice are found however many facts the file holds", "[load][fields]") {
  std::string text =
      "source: {id: a, title: A, published: 2024}\n"
      "defaults: {measure: offences, where: UK}\n"
      "facts:\n";
  // 600 facts (line 4 + i): ids f0 … f599, then f7, f300 and f599 again.
  for (int i = 0; i < 600; ++i) {
    text += "  - {id: f" + std::to_string(i) +
            ", quote: q, value: 1, when: " + std::to_string(1000 + i) + "}\n";
  }
  for (const int again : {7, 300, 599}) {
    text += "  - {id: f" + std::to_string(again) + ", quote: q, value: 1, when: 2999}\n";
  }
  const auto loaded = cc::test::load_files("fields-many-ids", {{"a.yaml", text}});
  CHECK(loaded.lines ==
        std::vector<std::string>{
            "a.yaml:604:10: error: duplicate fact id 'f7' (first at line 11) [duplicate-id]",
            "a.yaml:605:10: error: duplicate fact id 'f300' (first at line 304) [duplicate-id]",
            "a.yaml:606:10: error: duplicate fact id 'f599' (first at line 603) [duplicate-id]"});
}

TEST_CASE("a subset value is matched folded to the declared one, and blank is refused",
          "[load][fields]") {
  const auto loaded = cc::test::load_files("fields-subset",
                                           {{"a.yaml", R"(source: {id: a, title: A, published: 2024}
defaults: {measure: offences, where: UK, when: 2020}
facts:
  - {id: one, quote: q, value: 1, subset: {age-band: "UNDER  12"}}
  - {id: two, quote: q, value: 2, subset: {age-band: "   "}}
  - {id: three, quote: q, value: 3, subset: {age-band: under 13}}
  - {id: four, quote: q, value: 4, subset: {age-band: "12 TO 15"}}
)"}});
  CHECK(loaded.lines ==
        std::vector<std::string>{
            "a.yaml:5:54: error: 'age-band' has an empty value [type]",
            "a.yaml:6:56: error: 'under 13' is not a value of the dimension 'age-band' (did you "
            "mean 'under 12'?) [unknown-value]"});
  const auto one = loaded.base.find_fact("a/one");
  const auto four = loaded.base.find_fact("a/four");
  REQUIRE(one);
  REQUIRE(four);
  const auto value_of = [&](cc::FactIndex fact) {
    const cc::Key& key = loaded.base.keys.key(loaded.base.facts[fact].key);
    const auto subset = loaded.base.keys.subset(key.subset);
    REQUIRE(subset.size() == 1);
    return std::string(loaded.base.keys.value_name(subset[0].value));
  };
  CHECK(value_of(*one) == "under 12");  // the declared spelling
  CHECK(value_of(*four) == "12 to 15");
}

TEST_CASE("a key pattern is written back on one line as it was read", "[load][fields]") {
  const auto read = cc::test::read(
      "- {when: 2017-18, subset: {age: under 12, platform: [a, b]}, where: ~}\n"
      "- plain\n");
  REQUIRE(read.errors.empty());
  const auto top = read.top();
  REQUIRE(top.size() == 2);
  CHECK(cc::load::flow_text(top[0]) ==
        "{when: 2017-18, subset: {age: under 12, platform: [a, b]}, where: ~}");
  CHECK(cc::load::flow_text(top[1]) == "plain");
}

TEST_CASE(
    "place names read again and again resolve the same, and an unknown one is reported each time",
    "[load][fields]") {
  // More spellings than the reader remembers (16), in turn, so that the oldest are forgotten
  // and looked up again.
  const std::vector<std::pair<std::string, std::string>> spellings = {
      {"UK", "UK"},
      {"uk", "UK"},
      {"Uk", "UK"},
      {"kent", "Kent"},
      {"KENT", "Kent"},
      {"Kent", "Kent"},
      {"Essex", "Essex"},
      {"essex", "Essex"},
      {"Wales", "Wales"},
      {"WALES", "Wales"},
      {"Scotland", "Scotland"},
      {"scotland", "Scotland"},
      {"England", "England"},
      {"england", "England"},
      {"Great Britain", "Great Britain"},
      {"great britain", "Great Britain"},
      {"Northern Ireland", "Northern Ireland"},
      {"northern ireland", "Northern Ireland"},
      {"England and Wales", "England and Wales"},
      {"england and wales", "England and Wales"}};
  std::string text =
      "source: {id: a, title: A, published: 2024}\n"
      "defaults: {measure: offences, when: 2020}\n"
      "facts:\n";
  for (std::size_t i = 0; i < 3 * spellings.size(); ++i) {
    text += "  - {id: f" + std::to_string(i) +
            ", quote: q, value: 1, where: " + spellings[i % spellings.size()].first +
            ", when: " + std::to_string(1900 + i) + "}\n";
  }
  text += "  - {id: bad1, quote: q, value: 1, where: Kentt}\n";
  text += "  - {id: bad2, quote: q, value: 1, where: Kentt}\n";
  const auto loaded = cc::test::load_files("fields-places", {{"a.yaml", text}});
  const std::size_t first_bad = 4 + 3 * spellings.size();
  CHECK(loaded.lines ==
        std::vector<std::string>{
            "a.yaml:" + std::to_string(first_bad) +
                ":43: error: unknown place 'Kentt' (did you mean 'Kent'?) [unknown-place]",
            "a.yaml:" + std::to_string(first_bad + 1) +
                ":43: error: unknown place 'Kentt' (did you mean 'Kent'?) [unknown-place]"});
  for (std::size_t i = 0; i < 3 * spellings.size(); ++i) {
    const auto fact = loaded.base.find_fact("a/f" + std::to_string(i));
    REQUIRE(fact);
    const cc::Key& key = loaded.base.keys.key(loaded.base.facts[*fact].key);
    CHECK(loaded.base.vocabulary.places[key.place].name == spellings[i % spellings.size()].second);
  }
}
