#include "catch.h"

#include "grammar/names.h"
#include "grammar/quote_text.h"
#include "load_helpers.h"

using cc::FactKind;
using cc::Operand;
using cc::Rational;
using cc::test::load_files;

namespace {

const char* const kHeader = "source: {id: src, title: T, published: 2024-11-01}\n";

std::string describe(const cc::FactBase& base, const Operand& operand) {
  switch (operand.kind) {
    case Operand::Kind::key:
      return describe_key(base, operand.key);
    case Operand::Kind::fact:
      return "fact " + base.ref(operand.fact);
    case Operand::Kind::anonymous:
      return "anonymous";
  }
  return "";
}

const cc::Fact& fact(const cc::FactBase& base, const std::string& ref) {
  const auto index = base.find_fact(ref);
  REQUIRE(index.has_value());
  return base.facts[*index];
}

}  // namespace

TEST_CASE("the example fact base loads cleanly", "[load]") {
  const auto loaded = cc::test::load_dir(cc::test::source_dir() / "tests/load/good");
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const cc::FactBase& base = loaded.base;
  CHECK(base.root.ends_with("tests/load/good"));
  REQUIRE(base.files.size() == 3);
  CHECK(base.files[0].ends_with("tests/load/good/vocabulary.yaml"));
  CHECK(base.files[1].ends_with("tests/load/good/lbc.yaml"));
  REQUIRE(base.skipped.size() == 1);
  CHECK(base.skipped[0].ends_with("tests/load/good/notes.yaml"));
  REQUIRE(base.sources.size() == 2);
  const cc::Source& lbc = base.sources[0];
  CHECK(lbc.id == "lbc-2024-11-01");
  CHECK(lbc.publisher == "LBC");
  CHECK(lbc.article_file.ends_with("tests/load/good/articles/lbc.txt"));
  // Each quote was looked up in the article as the file loaded, as the quote check does.
  const std::string article = cc::fold_quote_text(
      cc::test::read_file(cc::test::source_dir() / "tests/load/good/articles/lbc.txt"));
  for (const cc::FactIndex f : lbc.facts) {
    const cc::Fact& fact = base.facts[f];
    CHECK(fact.quote_in_article ==
          (article.find(cc::fold_quote_text(base.quote(f))) != std::string::npos));
  }
  CHECK(lbc.facts.size() == 4);
  REQUIRE(lbc.based_on.size() == 1);
  CHECK(lbc.based_on[0].source == "nspcc-2024");
  CHECK(lbc.based_on[0].mark == cc::Mark{1, 10, 7});

  const cc::Fact& offences = fact(base, "lbc-2024-11-01/offences-2023-24");
  CHECK(describe_key(base, offences.key) == "offences · UK · 2023-24");
  CHECK(offences.value.interval() == cc::Interval::point(7062));
  CHECK(offences.value_mark() == cc::Mark{1, 19, 12});
  CHECK(offences.mark == cc::Mark{1, 17, 9});
  CHECK(offences.note() == "provided by 45 UK police forces");
  CHECK(offences.record().kind == cc::RecordKind::high);

  const cc::Fact& rise = fact(base, "lbc-2024-11-01/rise-since-2017-18");
  CHECK(rise.kind == FactKind::change);
  REQUIRE(rise.operands.size() == 2);
  CHECK(describe(base, rise.operands[0]) == "offences · UK · 2017-18");
  CHECK(rise.operands[0].kind == cc::Operand::Kind::key);
  CHECK(describe(base, rise.operands[1]) == "offences · UK · 2023-24");

  const cc::Fact& snapchat = fact(base, "lbc-2024-11-01/snapchat-share");
  CHECK(describe(base, snapchat.operands[1]) ==
        "offences-platform-known · UK · 2023-24 · platform: Snapchat");
  REQUIRE(snapchat.accepts().size() == 1);
  CHECK(snapchat.accepts()[0].rule == "conflict");
  CHECK(snapchat.accepts()[0].with_fact == base.find_fact("nspcc-2024/ew-2023-24"));
  CHECK(snapchat.accepts()[0].reason == "different counting rules");

  const cc::Fact& per_day = fact(base, "nspcc-2024/per-day");
  CHECK(describe(base, per_day.operands[0]) == "offences · UK · 2023-24");  // across files
  CHECK(per_day.unit == cc::TimeUnit::day);
  const cc::Fact& both = fact(base, "nspcc-2024/both");
  CHECK(describe(base, both.operands[1]) == "offences · Scotland · 2023-24");
  CHECK(both.value.interval() == cc::Interval::point(13412));  // a total of counts is a count
}

TEST_CASE("a figure takes missing key fields from defaults, and its own subset replaces theirs",
          "[load]") {
  const auto loaded = load_files("defaults", {{"a.yaml", std::string(kHeader) + R"(defaults:
  measure: offences
  where: UK
  when: 2019
  subset: {platform: Snapchat}
facts:
  - {id: a, quote: q, value: 1}
  - {id: b, quote: q, value: 2, where: Wales, when: 2019-04, subset: {age-band: Under 12}}
  - {id: c, quote: q, value: 3, measure: Grooming Offences, when: 2017-18..2018-19}
)"}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const auto& base = loaded.base;
  CHECK(describe_key(base, fact(base, "src/a").key) == "offences · UK · 2019 · platform: Snapchat");
  CHECK(describe_key(base, fact(base, "src/b").key) ==
        "offences · Wales · 2019-04 · age-band: under 12");
  CHECK(describe_key(base, fact(base, "src/c").key) ==
        "offences · UK · 2017-18..2018-19 · platform: Snapchat");
  // keys are interned in file order
  CHECK(fact(base, "src/a").key == 0U);
  CHECK(fact(base, "src/b").key == 1U);
  CHECK(fact(base, "src/c").key == 2U);
}

TEST_CASE("anchor rules: each claim fills its patterns from its anchor", "[load]") {
  const auto loaded = load_files(
      "anchors", {{"a.yaml", std::string(kHeader) + R"(defaults: {measure: offences, where: UK}
facts:
  - {id: f, quote: q, value: 10, when: 2023-24, subset: {age-band: under 12}}
  - id: change-to-anchor
    quote: q
    value: 5%
    change: {from: {when: 2017-18}, to: f}
  - id: change-pattern-anchor
    quote: q
    value: 5%
    when: 2020
    change: {from: {where: Wales}, to: {measure: victims}}
  - id: share-adds-subset
    quote: q
    value: 5%
    share: {of: f, part: {subset: {platform: Snapchat}}}
  - id: share-replaces-dimension
    quote: q
    value: 5%
    share: {of: f, part: {subset: {age-band: 12 to 15}}}
  - id: share-no-part
    quote: q
    value: 5%
    share: {of: f}
  - id: ratio-to-anchor
    quote: q
    value: double
    ratio: {of: {when: 2022-23}, to: f}
  - id: rate-no-anchor
    quote: q
    value: 3
    when: 2019
    rate: {of: {where: Kent}, per: day}
  - id: interval-no-anchor
    quote: q
    value: 7
    interval: {of: {when: 2018}, unit: minute}
  - id: total-no-anchor
    quote: q
    value: 12
    when: 2021
    total: {of: [{where: Wales}, {where: England}, f]}
  - id: share-of-claim
    quote: q
    value: 5%
    share: {of: change-to-anchor}
)"}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const auto& base = loaded.base;
  const auto operands = [&](const std::string& id) {
    std::vector<std::string> out;
    for (const Operand& o : fact(base, "src/" + id).operands) out.push_back(describe(base, o));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(operands("change-to-anchor") == V{"offences · UK · 2017-18 · age-band: under 12",
                                          "offences · UK · 2023-24 · age-band: under 12"});
  // the anchor pattern from the fact and defaults; the other pattern from the anchor
  CHECK(operands("change-pattern-anchor") == V{"victims · Wales · 2020", "victims · UK · 2020"});
  CHECK(operands("share-adds-subset") ==
        V{"offences · UK · 2023-24 · age-band: under 12",
          "offences · UK · 2023-24 · platform: Snapchat · age-band: under 12"});
  CHECK(operands("share-replaces-dimension") == V{"offences · UK · 2023-24 · age-band: under 12",
                                                  "offences · UK · 2023-24 · age-band: 12 to 15"});
  CHECK(operands("share-no-part") ==
        V{"offences · UK · 2023-24 · age-band: under 12", "anonymous"});
  CHECK(operands("ratio-to-anchor") == V{"offences · UK · 2022-23 · age-band: under 12",
                                         "offences · UK · 2023-24 · age-band: under 12"});
  CHECK(operands("rate-no-anchor") == V{"offences · Kent · 2019"});
  CHECK(operands("interval-no-anchor") == V{"offences · UK · 2018"});
  CHECK(operands("total-no-anchor") == V{"offences · Wales · 2021", "offences · England · 2021",
                                         "offences · UK · 2023-24 · age-band: under 12"});
  CHECK(operands("share-of-claim") == V{"fact src/change-to-anchor", "anonymous"});
  CHECK(fact(base, "src/share-no-part").operands[1].kind == Operand::Kind::anonymous);
}

TEST_CASE("references across files name a figure's key or a claim", "[load]") {
  const auto loaded =
      load_files("cross", {{"a.yaml", R"(source: {id: a, title: A, published: 2024}
defaults: {measure: offences, where: UK, when: 2020}
facts:
  - {id: n, quote: q, value: 100}
  - {id: up, quote: q, value: 10%, change: {from: b/old, to: n}}
)"},
                           {"b.yaml", R"(source: {id: b, title: B, published: 2024-02}
defaults: {measure: offences, where: UK}
facts:
  - {id: old, quote: q, value: 90, when: 2019}
  - {id: share, quote: q, value: 50%, share: {of: a/up}}
)"}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const auto& base = loaded.base;
  CHECK(describe(base, fact(base, "a/up").operands[0]) == "offences · UK · 2019");
  CHECK(fact(base, "a/up").operands[0].key == fact(base, "b/old").key);
  CHECK(fact(base, "a/up").operands[0].mark.file == 1U);
  CHECK(describe(base, fact(base, "b/share").operands[0]) == "fact a/up");
}

TEST_CASE("value contexts: counts, real-valued figures, falls, exact and precision", "[load]") {
  const auto loaded =
      load_files("values", {{"a.yaml", std::string(kHeader) + R"(defaults: {where: UK, when: 2020}
facts:
  - {id: count, quote: q, value: 101, measure: offences}
  - {id: real, quote: q, value: 101, measure: rate-per-100k}
  - {id: exact, quote: q, value: 34000, measure: offences, exact: true}
  - {id: precise, quote: q, value: 34000, measure: offences, precision: 1000}
  - {id: rise, quote: q, value: 50%, measure: offences, change: {from: {when: 2019}, to: count}, exact: false}
  - {id: fall2, quote: q, value: halved, change: {from: {measure: offences, when: 2019}, to: count, direction: fall}}
  - {id: sum, quote: q, value: 34000, precision: 1000, total: {of: [count, exact]}}
)"}});
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const auto& base = loaded.base;
  CHECK(fact(base, "src/count").value.interval() == cc::Interval::point(101));
  CHECK(fact(base, "src/real").value.interval() ==
        cc::Interval::closed(Rational(201, 2), Rational(203, 2)));
  CHECK(fact(base, "src/exact").value.interval() == cc::Interval::point(34000));
  CHECK(fact(base, "src/exact").exact);
  CHECK(fact(base, "src/precise").value.interval() == cc::Interval::closed(33500, 34500));
  // A total's value is read once its operands tell it is a count, with its own precision.
  CHECK(fact(base, "src/sum").value.interval() == cc::Interval::closed(33500, 34500));
  CHECK(fact(base, "src/fall2").direction == cc::Direction::fall);
  // "halved" reads as a fall of a half: one reading, the value's interval (the base keeps
  // the readings of a hedge only)
  CHECK(fact(base, "src/fall2").value.readings.empty());
  CHECK(fact(base, "src/fall2").value.interval().contains(Rational(1, 2)));
}

TEST_CASE("record and accept are read", "[load]") {
  const auto loaded = load_files(
      "record", {{"a.yaml", std::string(kHeader) + R"(defaults: {measure: offences, where: UK}
facts:
  - {id: a, quote: q, value: 1, when: 2019, record: low}
  - {id: b, quote: q, value: 2, when: 2020, record: {high: true, first_time_above: "7,000"}}
  - {id: c, quote: q, value: 3, when: 2021, record: {low: true, first_time_below: 2.5}}
  - id: d
    quote: q
    value: 4
    when: 2022
    accept:
      - {rule: record, reason: revised}
      - {rule: stale-accept, with: a, reason: kept on purpose}
)"}});
  INFO(loaded.text());
  // a quoted "7,000" is text, not a number: the one error
  REQUIRE(loaded.lines.size() == 1);
  CHECK(loaded.lines[0].find("'first_time_above' must be a decimal number") != std::string::npos);
  const auto& base = loaded.base;
  CHECK(fact(base, "src/a").record().kind == cc::RecordKind::low);
  CHECK(fact(base, "src/b").record().kind == cc::RecordKind::high);
  CHECK(fact(base, "src/c").record().first_time_below == Rational(5, 2));
  const auto& d = fact(base, "src/d");
  REQUIRE(d.accepts().size() == 2);
  CHECK_FALSE(d.accepts()[0].with_fact.has_value());
  CHECK(d.accepts()[1].with == "a");
  CHECK(d.accepts()[1].with_fact == base.find_fact("src/a"));
  CHECK(d.accepts()[1].mark.line == 13);
  const auto plain = load_files("record2", {{"a.yaml", std::string(kHeader) + R"(facts:
  - {id: b, quote: q, value: 2, measure: offences, where: UK, when: 2020, record: {high: true, first_time_above: 7000}}
)"}});
  REQUIRE(plain.clean());
  CHECK(fact(plain.base, "src/b").record().first_time_above == Rational(7000));
}

TEST_CASE("a value or period error points at the part not understood", "[load]") {
  const auto loaded = load_files(
      "columns", {{"a.yaml", std::string(kHeader) + R"(defaults: {measure: offences, where: UK}
facts:
  - {id: a, quote: q, value: "about 12 dozen", when: 2019}
  - {id: b, quote: q, value: 12 dozen, when: 2019-13}
  - id: c
    quote: q
    value: >
      12 dozen
    when: '2019-13'
)"}});
  CHECK(loaded.text() ==
        "a.yaml:4:40: error: could not read 'dozen' in 'about 12 dozen' [value]\n"
        "a.yaml:5:33: error: could not read 'dozen' in '12 dozen' [value]\n"
        "a.yaml:5:51: error: month 13 does not exist (the fiscal year from 2019 is 2019-20) "
        "[period]\n"
        "a.yaml:8:12: error: could not read 'dozen' in '12 dozen' [value]\n"  // a block scalar: its
                                                                              // start
        "a.yaml:10:17: error: month 13 does not exist (the fiscal year from 2019 is 2019-20) "
        "[period]\n");
}

TEST_CASE("the loader tells the fact files' size before it reads them", "[load]") {
  // Two fact files and a text beside them: the size told is the two files' bytes, not the
  // vocabulary's, not a file left out, not what is not a fact file.
  const std::string a = std::string(kHeader) +
                        "facts:\n  - {id: a, quote: '1 offence', value: 1, "
                        "measure: offences, where: UK, when: 2020}\n";
  const std::string b = "source: {id: other, title: T, published: 2024-11-02}\nfacts: []\n";
  const std::string c = "source: {id: third, title: T, published: 2024-11-03}\nfacts: []\n";
  std::vector<std::uintmax_t> told;
  cc::LoadOptions options;
  options.leave_out = {"c.yaml"};
  options.listed = [&](std::uintmax_t bytes) { told.push_back(bytes); };
  const auto loaded = load_files(
      "listed-bytes", {{"a.yaml", a}, {"b.yaml", b}, {"c.yaml", c}, {"notes.txt", c}}, options);
  INFO(loaded.text());
  CHECK(loaded.clean());
  CHECK(told == std::vector<std::uintmax_t>{a.size() + b.size()});
}
