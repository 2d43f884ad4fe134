// check --draft derives the fact base without the draft's sources from the loaded one
// (load/without_sources.h): it must be what a load of the folder with their files left out
// gives, field by field, or nothing (the caller then loads the folder again).
#include "load/without_sources.h"

#include <filesystem>
#include <string>

#include "catch.h"
#include "load/loader.h"
#include "load/memory_loader.h"
#include "rules/rule_test_support.h"
#include "support/test_support.h"

namespace {

namespace fs = std::filesystem;
using cc::FactBase;

// The first difference between `a` and `b`, as "what: a | b"; empty when there is none.
class Differences {
 public:
  template <typename T>
  void same(const std::string& what, const T& a, const T& b) {
    if (first.empty() && !(a == b)) first = what;
  }
  std::string first;
};

void compare_values(Differences& d, const std::string& at, const cc::FactValue& a,
                    const cc::FactValue& b) {
  d.same(at + " written", a.written, b.written);
  d.same(at + " interval", a.interval(), b.interval());
  d.same(at + " readings", a.readings.size(), b.readings.size());
  for (std::size_t r = 0; r < a.readings.size() && r < b.readings.size(); ++r) {
    d.same(at + " reading text", a.readings[r].text, b.readings[r].text);
    d.same(at + " reading interval", a.readings[r].interval, b.readings[r].interval);
  }
  d.same(at + " hedge", a.hedge_conflict, b.hedge_conflict);
  d.same(at + " percent", a.percent, b.percent);
  d.same(at + " parsed", a.parsed, b.parsed);
}

void compare_facts(Differences& d, const std::string& at, const cc::Fact& a, const cc::Fact& b) {
  d.same(at + " source", a.source, b.source);
  d.same(at + " key", a.key, b.key);
  d.same(at + " id", a.id, b.id);
  d.same(at + " quote size", a.quote_size(), b.quote_size());
  d.same(at + " quote in article", a.quote_in_article, b.quote_in_article);
  d.same(at + " note", a.note(), b.note());
  d.same(at + " marks", std::tuple(a.mark, a.quote_mark(), a.value_mark(), a.relation_mark()),
         std::tuple(b.mark, b.quote_mark(), b.value_mark(), b.relation_mark()));
  compare_values(d, at + " value", a.value, b.value);
  d.same(at + " operands", a.operands.size(), b.operands.size());
  for (std::size_t o = 0; o < a.operands.size() && o < b.operands.size(); ++o) {
    const cc::Operand& x = a.operands[o];
    const cc::Operand& y = b.operands[o];
    d.same(at + " operand", std::tuple(x.kind, x.key, x.fact, x.mark),
           std::tuple(y.kind, y.key, y.fact, y.mark));
  }
  d.same(at + " accepts", a.accepts().size(), b.accepts().size());
  for (std::size_t k = 0; k < a.accepts().size() && k < b.accepts().size(); ++k) {
    const cc::Accept& x = a.accepts()[k];
    const cc::Accept& y = b.accepts()[k];
    d.same(at + " accept", std::tuple(x.rule, x.with, x.with_fact, x.reason, x.mark),
           std::tuple(y.rule, y.with, y.with_fact, y.reason, y.mark));
  }
  d.same(at + " kind", std::tuple(a.kind, a.direction, a.unit, a.per, a.exact),
         std::tuple(b.kind, b.direction, b.unit, b.per, b.exact));
  d.same(at + " record", cc::same_record_claim(a.record(), b.record()), true);
  d.same(at + " record mark", a.record().mark, b.record().mark);
}

void compare_sources(Differences& d, const std::string& at, const cc::Source& a,
                     const cc::Source& b) {
  d.same(at + " fields",
         std::tuple(a.id, a.title, a.publisher, a.published, a.url, a.article, a.article_file),
         std::tuple(b.id, b.title, b.publisher, b.published, b.url, b.article, b.article_file));
  d.same(at + " file and mark", std::tuple(a.file, a.mark), std::tuple(b.file, b.mark));
  d.same(at + " facts", a.facts, b.facts);
  d.same(at + " based_on", a.based_on.size(), b.based_on.size());
  for (std::size_t u = 0; u < a.based_on.size() && u < b.based_on.size(); ++u) {
    const cc::Upstream& x = a.based_on[u];
    const cc::Upstream& y = b.based_on[u];
    d.same(at + " upstream", std::tuple(x.source, x.publisher, x.published, x.mark),
           std::tuple(y.source, y.publisher, y.published, y.mark));
  }
}

void compare_keys(Differences& d, const cc::KeyTable& a, const cc::KeyTable& b) {
  d.same("periods", a.period_count(), b.period_count());
  for (cc::PeriodId p = 0; p < a.period_count() && p < b.period_count(); ++p)
    d.same("period " + std::to_string(p), a.period(p), b.period(p));
  d.same("subset values", a.value_count(), b.value_count());
  for (cc::SubsetValueId v = 0; v < a.value_count() && v < b.value_count(); ++v)
    d.same("subset value " + std::to_string(v), a.value_name(v), b.value_name(v));
  d.same("subsets", a.subset_count(), b.subset_count());
  for (cc::SubsetId s = 0; s < a.subset_count() && s < b.subset_count(); ++s)
    d.same("subset " + std::to_string(s), a.subset(s), b.subset(s));
  d.same("keys", a.key_count(), b.key_count());
  for (cc::KeyId k = 0; k < a.key_count() && k < b.key_count(); ++k)
    d.same("key " + std::to_string(k), a.key(k), b.key(k));
}

std::string first_difference(const FactBase& a, const FactBase& b) {
  Differences d;
  d.same("root", a.root, b.root);
  d.same("files", a.files, b.files);
  d.same("skipped", a.skipped, b.skipped);
  compare_keys(d, a.keys, b.keys);
  d.same("sources", a.sources.size(), b.sources.size());
  for (std::size_t s = 0; s < a.sources.size() && s < b.sources.size(); ++s)
    compare_sources(d, "source " + a.sources[s].id, a.sources[s], b.sources[s]);
  d.same("facts", a.facts.size(), b.facts.size());
  for (cc::FactIndex f = 0; f < a.facts.size() && f < b.facts.size(); ++f) {
    compare_facts(d, "fact " + a.ref(f), a.facts[f], b.facts[f]);
    d.same("fact " + a.ref(f) + " quote", a.quote(f), b.quote(f));
    d.same("find_fact " + a.ref(f), a.find_fact(a.ref(f)), b.find_fact(b.ref(f)));
  }
  return d.first;
}

}  // namespace

TEST_CASE("the fact base without a source, derived in memory, is the one loaded without its file",
          "[load][draft]") {
  // Every case's fact base, each of its sources left out in turn.
  std::size_t derived = 0;
  std::size_t fell_back = 0;
  for (const fs::path& dir : cc::test::fact_dirs()) {
    cc::Diagnostics diagnostics;
    cc::load::ResolveTrace trace;
    cc::LoadOptions options;
    options.trace = &trace;
    const FactBase base = cc::load_fact_base(dir, diagnostics, options);
    if (diagnostics.has_errors()) continue;
    for (cc::SourceIndex s = 0; s < base.sources.size(); ++s) {
      CAPTURE(dir.string(), base.sources[s].id);
      cc::LoadOptions leave;
      leave.leave_out = {fs::path(base.files[base.sources[s].file]).filename().string()};
      cc::Diagnostics rest_diagnostics;
      const FactBase loaded = cc::load_fact_base(dir, rest_diagnostics, leave);
      const std::optional<FactBase> rest = cc::load::without_sources(base, trace, {{s}});
      // A load of the rest errs exactly where the rest names the source left out.
      CHECK(cc::load::rest_names_left_out(base, trace, {{s}}) == rest_diagnostics.has_errors());
      if (!rest) {  // only there
        CHECK(rest_diagnostics.has_errors());
        ++fell_back;
        continue;
      }
      // A load with errors is not checked: the derived rest must not stand in for it.
      REQUIRE_FALSE(rest_diagnostics.has_errors());
      CHECK(first_difference(*rest, loaded).empty());
      ++derived;
    }
  }
  INFO(derived << " derived, " << fell_back << " fell back");
  CHECK(derived > 150);
  CHECK(fell_back > 0);  // some case's rest refers to a source left out
}

namespace {

std::string figure(const std::string& id, int year, const std::string& value,
                   const std::string& subset = "") {
  return "  - {id: " + id + ", quote: '" + value + " cases', value: " + value +
         ", measure: cases, where: Land, when: " + std::to_string(year) + subset + "}\n";
}

}  // namespace

TEST_CASE("the fact base without a source is not derived when the rest names that source",
          "[load][draft]") {
  using cc::test::source_file;
  // b refers to d's figure by its id: the resolved fact base keeps only the figure's key,
  // but a load without d reports the reference as dangling, so nothing is derived.
  const cc::FileTexts files{
      {"vocabulary.yaml", cc::test::test_vocabulary()},
      {"a.yaml", source_file("a", figure("a1", 2019, "100"))},
      {"b.yaml", source_file("b",
                             "  - {id: c1, quote: 'up 10%', value: 10%, change: {from: "
                             "d/d1, to: a/a1}}\n")},
      {"d.yaml", source_file("d", figure("d1", 2018, "90"))},
  };
  cc::Diagnostics diagnostics;
  cc::load::ResolveTrace trace;
  const FactBase base = cc::load_fact_base_from_memory("facts", files, diagnostics, &trace);
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK_FALSE(cc::load::without_sources(base, trace, {{*base.find_source("d")}}));
  CHECK(cc::load::rest_names_left_out(base, trace, {{*base.find_source("d")}}));
  CHECK_FALSE(cc::load::rest_names_left_out(base, trace, {{*base.find_source("b")}}));
  // Without a, b's other reference dangles too; without b, nothing refers to what is gone.
  CHECK_FALSE(cc::load::without_sources(base, trace, {{*base.find_source("a")}}));
  const auto without_b = cc::load::without_sources(base, trace, {{*base.find_source("b")}});
  REQUIRE(without_b);
  CHECK(without_b->facts.size() == 2);
  // Without a trace of the load, nothing either.
  CHECK_FALSE(cc::load::without_sources(base, {}, {{*base.find_source("b")}}));
}

TEST_CASE("the fact base without a source has the keys a load without it interns, in its order",
          "[load][draft]") {
  using cc::test::source_file;
  // c (a draft, read first) interns the 2020 key and spells a ward in capitals first: a
  // load without c numbers the keys otherwise and keeps the rest's spelling. b's change
  // names a pattern anchored on a figure: its key is interned in the claims' pass.
  const std::string north = ", subset: {ward: North End}";
  cc::FileTexts rest_files{
      {"vocabulary.yaml", cc::test::test_vocabulary()},
      {"a.yaml", source_file("a", figure("a1", 2019, "100", north) + figure("a2", 2021, "120"))},
      {"b.yaml", source_file("b", figure("b1", 2020, "110", north) +
                                      "  - {id: c1, quote: 'up 10%', value: 10%, change: {from: "
                                      "{when: 2018}, to: b1}}\n")},
  };
  cc::FileTexts files = rest_files;
  files.emplace("c.yaml",
                source_file("c", figure("c1", 2020, "110", ", subset: {ward: NORTH END}") +
                                     figure("c2", 2017, "90")));
  files.emplace("0.yaml", source_file("zero", figure("z1", 2016, "80",
                                                     ", subset: {ward: "
                                                     "NORTH END}")));
  cc::Diagnostics diagnostics;
  cc::load::ResolveTrace trace;
  const FactBase base = cc::load_fact_base_from_memory("facts", files, diagnostics, &trace);
  REQUIRE_FALSE(diagnostics.has_errors());
  const FactBase loaded = cc::load_fact_base_from_memory("facts", rest_files, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto rest =
      cc::load::without_sources(base, trace, {{*base.find_source("zero"), *base.find_source("c")}});
  REQUIRE(rest);
  // The case has teeth: the whole base numbers and spells them otherwise.
  CHECK(base.keys.value_name(0) == "NORTH END");
  CHECK(loaded.keys.value_name(0) == "North End");
  CHECK(base.keys.key_count() > loaded.keys.key_count());
  CHECK(first_difference(*rest, loaded).empty());
}

TEST_CASE("a load on two threads resolves what a load on one does", "[load][threads]") {
  // The ids sorted and the ref index built on a second thread beside the keys' passes
  // (load/resolve.h): the same fact base, trace and diagnostics, clean or not.
  std::vector<fs::path> dirs = cc::test::fact_dirs();
  for (const auto& entry :
       fs::directory_iterator(fs::path(CROSSCHECK_SOURCE_DIR) / "tests" / "load" / "broken"))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::size_t with_errors = 0;
  for (const fs::path& dir : dirs) {
    CAPTURE(dir.string());
    const auto load = [&](unsigned threads, cc::Diagnostics& diagnostics,
                          cc::load::ResolveTrace& trace) {
      cc::LoadOptions options;
      options.threads = threads;
      options.trace = &trace;
      return cc::load_fact_base(dir, diagnostics, options);
    };
    cc::Diagnostics one_diagnostics;
    cc::Diagnostics two_diagnostics;
    cc::load::ResolveTrace one_trace;
    cc::load::ResolveTrace two_trace;
    const FactBase one = load(1, one_diagnostics, one_trace);
    const FactBase two = load(2, two_diagnostics, two_trace);
    CHECK(first_difference(one, two).empty());
    const auto listed = [](const cc::Diagnostics& d) {
      std::vector<std::string> out;
      for (const cc::Diagnostic& x : d.sorted())
        out.push_back(x.file + ":" + std::to_string(x.line) + ":" + std::to_string(x.column) + " " +
                      x.message + " [" + x.code + "]");
      return out;
    };
    CHECK(listed(one_diagnostics) == listed(two_diagnostics));
    CHECK(one_trace.refers_to == two_trace.refers_to);
    CHECK(one_trace.spellings == two_trace.spellings);
    REQUIRE(one_trace.events.size() == two_trace.events.size());
    for (std::size_t e = 0; e < one_trace.events.size(); ++e) {
      REQUIRE(one_trace.events[e].size() == two_trace.events[e].size());
      for (std::size_t i = 0; i < one_trace.events[e].size(); ++i) {
        const cc::load::KeyEvent& x = one_trace.events[e][i];
        const cc::load::KeyEvent& y = two_trace.events[e][i];
        CHECK(std::tuple(x.kind, x.id, x.spelling) == std::tuple(y.kind, y.id, y.spelling));
      }
    }
    if (one_diagnostics.has_errors()) ++with_errors;
  }
  CHECK(with_errors >= 5);  // the broken bases: duplicate ids, dangling refs, cycles
}
