// The quantity query behind `crosscheck explain`, on a fact base loaded in memory: reading
// the target (through the loader's key reader) and what the answer holds.
#include "catch.h"

#include "engine/check.h"
#include "explain/explain.h"
#include "explain/query.h"
#include "grammar/names.h"
#include "load/memory_loader.h"
#include "rules/rule_test_support.h"

using namespace cc;
using namespace cc::test;

namespace {

FactBase two_rises() {
  Diagnostics diagnostics;
  FactBase base = load_fact_base_from_memory(
      "base",
      {{"vocabulary.yaml", test_vocabulary()},
       {"a.yaml",
        source_file(
            "a",
            R"(  - {id: latest, quote: 7062 cases, value: 7062, measure: cases, where: Land, when: 2023-24}
  - {id: rise, quote: a rise of 89%, value: 89%, change: {from: {when: 2017-18}, to: latest}}
)")},
       {"b.yaml",
        source_file(
            "b",
            R"(  - {id: last, quote: 6351 cases, value: 6351, measure: cases, where: Land, when: 2022-23}
  - {id: rise, quote: up 82%, value: 82%, change: {from: {when: 2017-18}, to: last}}
)",
            "2023-06-01")}},
      diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  return base;
}

std::string error_of(FactBase& base, std::string_view text) {
  const auto target = read_query_target(base, text);
  const auto* error = std::get_if<std::string>(&target);
  return error ? *error : "(no error)";
}

}  // namespace

TEST_CASE("query: a target is a fact ref, else a key read like a fact file's names",
          "[explain][query]") {
  FactBase base = two_rises();
  const auto ref = read_query_target(base, "a/latest");
  REQUIRE(std::holds_alternative<QueryTarget>(ref));
  CHECK(std::get<QueryTarget>(ref).fact == base.find_fact("a/latest"));
  const auto key = read_query_target(base, "CASES , land, 2017-18");  // folded, commas
  REQUIRE(std::holds_alternative<QueryTarget>(key));
  CHECK(describe_key(base, *std::get<QueryTarget>(key).key) == "cases · Land · 2017-18");
  CHECK(error_of(base, "casse · Land · 2019") == "unknown measure 'casse' (did you mean 'cases'?)");
  CHECK(error_of(base, "cases · Lnd · 2019") == "unknown place 'Lnd' (did you mean 'Land'?)");
  CHECK(error_of(base, "cases · Land") ==
        "'cases · Land' is neither a fact ref (source/fact) nor a key (measure · place · period)");
  CHECK(error_of(base, "cases · Land · 2019 · age child") ==
        "cannot read the subset 'age child': write 'dimension: value'");
  CHECK(error_of(base, "cases · Land · 2019-Q5").rfind("cannot read the period '2019-Q5': ", 0) ==
        0);
}

TEST_CASE("query: who states a quantity, what each chain implies, what everything forces",
          "[explain][query]") {
  FactBase base = two_rises();
  const auto target = read_query_target(base, "cases · Land · 2017-18");
  REQUIRE(std::holds_alternative<QueryTarget>(target));
  const CheckResult result = run_checks(base);
  const auto var = query_var(result.graph, std::get<QueryTarget>(target));
  REQUIRE(var);
  const QuantityAnswer answer =
      query_quantity(base, result.graph, result.findings, result.set_aside, *var);
  CHECK(answer.stated_by.empty());
  REQUIRE(answer.chains.size() == 2);
  CHECK(base.ref(answer.chains[0].claim) == "a/rise");
  CHECK(describe_value(base, result.graph, *var, answer.chains[0].implied.interval) ==
        "3,727…3,746");
  CHECK(base.ref(answer.chains[1].claim) == "b/rise");
  CHECK(describe_value(base, result.graph, *var, answer.chains[1].implied.interval) ==
        "3,480…3,499");
  // One of the two rises is set aside by the conflict; everything else follows the other.
  REQUIRE(answer.set_aside.size() == 1);
  CHECK(base.ref(answer.set_aside[0].fact) == "b/rise");
  CHECK(answer.set_aside[0].finding == &result.findings.front());
  CHECK(describe_value(base, result.graph, *var, answer.everything.interval) == "3,727…3,746");
  REQUIRE(answer.everything.steps.size() == 1);
  CHECK(answer.everything.steps[0] ==
        "cases · Land · 2017-18 = 7,062 ÷ (1 + 88.5%…89.5%) = 3,727…3,746");
}
